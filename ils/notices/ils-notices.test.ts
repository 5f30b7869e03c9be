import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import type { DeliveryPort, OutboundRequest } from '../../core/delivery.js';
import { silentLogger } from '../../core/logger.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../../test/support/databases.js';
import { seedWorld, WORLD, type World } from '../../test/support/ils-world.js';
import { createRecordingJobQueue } from '../../test/support/recording-job-queue.js';
import { createIlsNotices } from './ils-notices.js';
import { createNoticesRepository } from './notices.repository.js';

describe('library notices', { timeout: 30_000 }, () => {
  let database: TemporaryDatabase;
  let world: World;
  const delivered: OutboundRequest[] = [];
  const delivery: DeliveryPort = {
    deliver: async (request) => {
      delivered.push(request);
      return { replyId: `r${delivered.length}` };
    },
  };
  // Tuesday 1 December 2026, 09:00 in New York.
  const clock = fixedClock('2026-12-01T09:00:00-05:00');

  beforeEach(async () => {
    delivered.length = 0;
    database = await openTemporarySqlite();
    world = await seedWorld(database.db.prisma, createFakeCalendar(), clock);
  });
  afterEach(async () => {
    await database.close();
  });

  function notices() {
    const jobs = createRecordingJobQueue();
    const service = createIlsNotices({ repository: createNoticesRepository(database.db.prisma), delivery, calendar: createFakeCalendar(), jobs, clock, logger: silentLogger, libraryName: 'Test Library' });
    return { service, jobs };
  }

  it('reminds three days ahead on the contact on file, tells of a ready hold, and sends each once', async () => {
    const hold = await world.ils.placeHold(world.patronIds.good, WORLD.holdableBibId, 'main');
    expect(hold.ok).toBe(true);
    expect((await world.ils.checkin('W-educated-1')).ok).toBe(true);

    const { service, jobs } = notices();
    expect(await service.run({ day: '2026-12-01' })).toEqual({ dueSoon: 1, holdsReady: 1 });
    const texts = delivered.map((request) => request.reply.text);
    expect(texts).toContain('Test Library: Dune is due Fri, Dec 4. Reply RENEW to renew it.');
    expect(texts.some((text) => /^Test Library: Educated is ready for you at Main Library until \w{3}, Dec 8\.$/.test(text))).toBe(true);
    expect(delivered.every((request) => request.kind === 'notice' && request.origin === 'system')).toBe(true);
    const conversation = await database.db.prisma.conversation.findUniqueOrThrow({ where: { id: delivered[0]!.conversationId } });
    expect(conversation).toMatchObject({ channel: 'email', threadKey: 'notice:ada@example.org' });
    expect(jobs.enqueued).toContainEqual(expect.objectContaining({ name: 'ils.notices', payload: { day: '2026-12-02' } }));

    expect(await service.run({ day: '2026-12-01' })).toEqual({ dueSoon: 0, holdsReady: 0 });
    expect(delivered).toHaveLength(2);
  });

  it('clears the reminder mark when the loan is renewed', async () => {
    const { service } = notices();
    await service.run({ day: '2026-12-01' });
    const loan = await database.db.prisma.loan.findFirstOrThrow({ where: { itemId: 'W-dune-1' } });
    expect(loan.dueNoticeAt).not.toBeNull();
    expect((await world.ils.renew(world.patronIds.good, 'W-dune-1')).ok).toBe(true);
    expect((await database.db.prisma.loan.findFirstOrThrow({ where: { itemId: 'W-dune-1' } })).dueNoticeAt).toBeNull();
  });
});
