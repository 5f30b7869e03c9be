import { describe } from 'vitest';
import { runCatalogStoreContract } from '../contracts/catalog-store.contract.js';
import { openTemporaryPostgres } from '../support/databases.js';
import { skipWithoutPostgres } from '../support/services.js';

describe.skipIf(skipWithoutPostgres)('catalog on PostgreSQL', () => {
  runCatalogStoreContract('PostgreSQL', async () => {
    const { db, close } = await openTemporaryPostgres();
    return { prisma: db.prisma, provider: db.provider, close };
  });
});
