import { describe } from 'vitest';
import { runTicketPortContract } from '../contracts/ticket-port.contract.js';
import { databaseTicketHarness } from '../contracts/ticket-port.harness.js';
import { openTemporaryPostgres } from '../support/databases.js';
import { skipWithoutPostgres } from '../support/services.js';

describe.skipIf(skipWithoutPostgres)('PostgreSQL', () => {
  runTicketPortContract('PostgreSQL', async (clock) => {
    const { db, close } = await openTemporaryPostgres();
    return databaseTicketHarness(db, clock, close);
  });
});
