// The database-backed small ports on PostgreSQL, held to the same suites as on SQLite and as their fakes.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { createAssetsRepository } from '../../assets/index.js';
import { createDialogStore } from '../../inquiries/index.js';
import { runAssetPortContract } from '../contracts/asset-port.contract.js';
import { runDialogStoreContract } from '../contracts/dialog-store.contract.js';
import { openTemporaryPostgres, type TemporaryDatabase } from '../support/databases.js';
import { skipWithoutPostgres } from '../support/services.js';

if (skipWithoutPostgres) {
  describe.skip('ports on PostgreSQL (DATABASE_URL is not set)', () => it('needs PostgreSQL', () => {}));
} else {
  const opened: TemporaryDatabase[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
  });
  const postgres = async () => {
    const database = await openTemporaryPostgres();
    opened.push(database);
    return database.db.prisma;
  };
  runAssetPortContract('PostgreSQL registry', async (assets) => {
    const registry = createAssetsRepository(await postgres());
    for (const asset of assets) await registry.upsert(asset);
    return registry;
  });
  runDialogStoreContract('PostgreSQL conversations', async () => {
    const database = await openTemporaryPostgres();
    opened.push(database);
    const { prisma, sql } = database.db;
    return {
      store: createDialogStore(sql),
      conversation: async () => (await prisma.conversation.create({ data: { channel: 'web', threadKey: randomUUID() } })).id,
    };
  });
}
