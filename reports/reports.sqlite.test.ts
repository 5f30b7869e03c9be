import { afterAll } from 'vitest';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { runReportsSuite } from './reports.contract.js';

const opened: TemporaryDatabase[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});
runReportsSuite('SQLite', async () => {
  const database = await openTemporarySqlite();
  opened.push(database);
  return { prisma: database.db.prisma, provider: 'sqlite' };
});
