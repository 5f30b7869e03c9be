import { describe } from 'vitest';
import { runMailboxStateContract } from '../contracts/mailbox-state.contract.js';
import { openTemporaryPostgres } from '../support/databases.js';
import { skipWithoutPostgres } from '../support/services.js';

describe.skipIf(skipWithoutPostgres)('e-mail consumer state on PostgreSQL', () => {
  runMailboxStateContract('PostgreSQL', openTemporaryPostgres);
});
