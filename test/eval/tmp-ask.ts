// scratch: node --import tsx test/eval/tmp-ask.ts FILE (each line a message; blank line = new conversation)
import { readFileSync } from 'node:fs';
import { createRouter } from '../../bots/index.js';
import { createMemoryDialogStore } from '../fakes/fake-dialog-store.js';
import { createFakeTickets } from '../fakes/fake-tickets.js';
import { createEvalWorld } from './eval-world.js';

const world = await createEvalWorld();
const tickets = createFakeTickets({ clock: world.clock });
const router = createRouter({ knowledge: world.knowledge, calendar: world.calendar, events: world.events, catalog: world.catalog.port, assets: world.assets, tickets, dialogs: createMemoryDialogStore(), clock: world.clock }, {});
const blocks = readFileSync(process.argv[2]!, 'utf8').split(/\n\s*\n/);
let n = 0;
for (const block of blocks) {
  n += 1;
  for (const raw of block.split('\n').filter((l) => l.trim())) {
    const text = raw.replace(/\\n/g, '\n');
    const r = await router.route({ channel: 'web', address: `p${n}`, threadKey: `t${n}`, text, receivedAt: world.clock.now() }, { conversationId: `c${n}` });
    const a = r as unknown as Record<string, unknown>;
    console.log(`> ${raw.slice(0, 100)}\n  ${r.intent} ${r.outcome} conf=${(a.confidence as number)?.toFixed?.(2)} art=${a.articleId ?? '-'} ${JSON.stringify(a.details ?? {}).slice(0, 200)}\n  reply: ${r.reply.text.replace(/\n/g, " ").slice(0, 200)} ${r.ticket ? "TICKET " + JSON.stringify(r.ticket).slice(0, 150) : ""}`);
  }
}
await world.close();
