import { afterAll, beforeAll } from 'vitest';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { runStaffChannelStoresContract } from '../test/contracts/staff-channel-stores.contract.js';
import { prismaStaffChannelStores } from '../test/contracts/staff-channel-stores.prisma.js';

let temp: TemporaryDatabase;
beforeAll(async () => {
  temp = await openTemporarySqlite();
});
afterAll(async () => {
  await temp.close();
});

runStaffChannelStoresContract('SQLite', () => prismaStaffChannelStores(temp.db));
