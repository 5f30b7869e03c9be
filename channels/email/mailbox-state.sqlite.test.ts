import { runMailboxStateContract } from '../../test/contracts/mailbox-state.contract.js';
import { openTemporarySqlite } from '../../test/support/databases.js';

runMailboxStateContract('SQLite', openTemporarySqlite);
