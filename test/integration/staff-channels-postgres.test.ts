import { afterAll, beforeAll, describe } from 'vitest';
import { openTemporaryPostgres, type TemporaryDatabase } from '../support/databases.js';
import { skipWithoutPostgres } from '../support/services.js';
import { runStaffChannelStoresContract } from '../contracts/staff-channel-stores.contract.js';
import { prismaStaffChannelStores } from '../contracts/staff-channel-stores.prisma.js';

let temp: TemporaryDatabase;

describe.skipIf(skipWithoutPostgres)(`staff-chat stores on PostgreSQL${skipWithoutPostgres ? ' (skipped: DATABASE_URL not set)' : ''}`, () => {
  beforeAll(async () => {
    temp = await openTemporaryPostgres();
  });
  afterAll(async () => {
    await temp?.close();
  });
  runStaffChannelStoresContract('PostgreSQL', () => prismaStaffChannelStores(temp.db));
});
