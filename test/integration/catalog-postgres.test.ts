import { describe } from 'vitest';
import { openDatabase } from '../../db/index.js';
import { runCatalogStoreContract } from '../contracts/catalog-store.contract.js';
import { createTemporaryPostgresDatabase, skipWithoutPostgres } from '../support/services.js';

describe.skipIf(skipWithoutPostgres)('catalog on PostgreSQL', () => {
  runCatalogStoreContract('PostgreSQL', async () => {
    const database = await createTemporaryPostgresDatabase();
    const db = await openDatabase({ dataDir: '', databaseUrl: database.url });
    return {
      prisma: db.prisma,
      provider: db.provider,
      close: async () => {
        await db.close();
        await database.drop();
      },
    };
  });
});
