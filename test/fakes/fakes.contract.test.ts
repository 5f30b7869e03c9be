// Every fake is held to the contract suite of the port it stands in for, so a test that passes against a
// fake says something about the real thing.
import { runAssetPortContract } from '../contracts/asset-port.contract.js';
import { runDialogStoreContract } from '../contracts/dialog-store.contract.js';
import { CONTRACT_EVENTS, runEventsPortContract } from '../contracts/events-port.contract.js';
import { runKnowledgePortContract } from '../contracts/knowledge-port.contract.js';
import { createFakeAssets } from './fake-assets.js';
import { createMemoryDialogStore } from './fake-dialog-store.js';
import { createFakeEvents } from './fake-events.js';
import { createFakeKnowledge } from './fake-knowledge.js';

runAssetPortContract('fake', async (assets) => createFakeAssets(assets));
runDialogStoreContract('fake', async () => {
  let next = 0;
  return { store: createMemoryDialogStore(), conversation: async () => `conversation-${++next}` };
});
runKnowledgePortContract('fake', async (articles) => createFakeKnowledge(articles));
runEventsPortContract('fake', async () => createFakeEvents(CONTRACT_EVENTS));
