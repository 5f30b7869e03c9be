import { describe } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { runIlsPortContract } from '../contracts/ils-port.contract.js';
import { createFakeCalendar } from '../fakes/fake-calendar.js';
import { openTemporaryPostgres } from '../support/databases.js';
import { seedWorld } from '../support/ils-world.js';
import { skipWithoutPostgres } from '../support/services.js';

describe.skipIf(skipWithoutPostgres)('embedded ILS on PostgreSQL (set DATABASE_URL)', () => {
  runIlsPortContract('embedded (PostgreSQL)', async () => {
    const database = await openTemporaryPostgres();
    const world = await seedWorld(database.db.prisma, createFakeCalendar(), fixedClock(new Date()));
    return { ils: world.ils, close: database.close };
  });
});
