import { afterAll, describe, it } from 'vitest';
import { runReportsSuite } from '../../reports/reports.contract.js';
import { openTemporaryPostgres, type TemporaryDatabase } from '../support/databases.js';
import { skipWithoutPostgres } from '../support/services.js';

if (skipWithoutPostgres) {
  describe.skip('reports on PostgreSQL (DATABASE_URL is not set)', () => it('needs PostgreSQL', () => {}));
} else {
  const opened: TemporaryDatabase[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
  });
  runReportsSuite('PostgreSQL', async () => {
    const database = await openTemporaryPostgres();
    opened.push(database);
    return { prisma: database.db.prisma, provider: 'postgresql' };
  });
}
