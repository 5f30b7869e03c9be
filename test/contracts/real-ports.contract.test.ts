// The real implementations behind the small ports, held to the same suites as their fakes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { stringify } from 'yaml';
import { createAssetsRepository } from '../../assets/index.js';
import { createDialogStore } from '../../inquiries/index.js';
import { createEventsCalendar, createKnowledgeBase } from '../../knowledge/index.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../support/databases.js';
import { runAssetPortContract } from './asset-port.contract.js';
import { runDialogStoreContract } from './dialog-store.contract.js';
import { CONTRACT_FEED, contractFindBranch, runEventsPortContract } from './events-port.contract.js';
import { runKnowledgePortContract } from './knowledge-port.contract.js';

const opened: TemporaryDatabase[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function sqlite() {
  const database = await openTemporarySqlite();
  opened.push(database);
  return database.db.prisma;
}

runAssetPortContract('SQLite registry', async (assets) => {
  const registry = createAssetsRepository(await sqlite());
  for (const asset of assets) await registry.upsert(asset);
  return registry;
});

runDialogStoreContract('SQLite conversations', async () => {
  const database = await openTemporarySqlite();
  opened.push(database);
  const { prisma, sql } = database.db;
  return {
    store: createDialogStore(sql),
    conversation: async () => (await prisma.conversation.create({ data: { channel: 'web', threadKey: randomUUID() } })).id,
  };
});

runKnowledgePortContract('Markdown articles', async (articles) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'libdesk-kb-'));
  folders.push(dir);
  for (const article of articles) {
    const front = {
      id: article.id,
      title: article.title,
      questions: article.questions,
      tags: article.tags,
      short_answer: article.shortAnswer,
      language: article.language,
      ...(article.translationOf ? { translation_of: article.translationOf } : {}),
    };
    await writeFile(path.join(dir, `${article.id}.md`), `---\n${stringify(front)}---\n${article.body}\n`);
  }
  return createKnowledgeBase({ dir });
});

runEventsPortContract('iCalendar feed', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'libdesk-events-'));
  folders.push(dir);
  const file = path.join(dir, 'events.ics');
  await writeFile(file, CONTRACT_FEED);
  return createEventsCalendar({ source: file, now: () => new Date('2027-01-01T00:00:00Z'), findBranch: contractFindBranch });
});
