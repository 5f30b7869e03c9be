import { runStoresContract } from '../test/contracts/stores.contract.js';
import { openTemporarySqlite } from '../test/support/databases.js';

runStoresContract('SQLite', async () => {
  const { db, close } = await openTemporarySqlite();
  return { prisma: db.prisma, sql: db.sql, close };
});
