import { openTemporarySqlite } from '../test/support/databases.js';
import { runTicketPortContract } from '../test/contracts/ticket-port.contract.js';
import { databaseTicketHarness } from '../test/contracts/ticket-port.harness.js';

runTicketPortContract('SQLite', async (clock) => {
  const { db, close } = await openTemporarySqlite();
  return databaseTicketHarness(db, clock, close);
});
