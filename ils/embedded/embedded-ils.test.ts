import { fixedClock } from '../../core/clock.js';
import { runIlsPortContract } from '../../test/contracts/ils-port.contract.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { openTemporarySqlite } from '../../test/support/databases.js';
import { seedWorld } from '../../test/support/ils-world.js';

runIlsPortContract('embedded (SQLite)', async () => {
  const database = await openTemporarySqlite();
  const world = await seedWorld(database.db.prisma, createFakeCalendar(), fixedClock(new Date()));
  return { ils: world.ils, close: database.close };
});
