import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { silentLogger } from '../core/logger.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createRecordingJobQueue } from '../test/support/recording-job-queue.js';
import { createRetention } from './retention-job.js';
import { createRetentionRepository } from './retention.repository.js';

describe('retention purge', () => {
  let temporary: TemporaryDatabase;
  let db: Database;
  beforeAll(async () => {
    temporary = await openTemporarySqlite();
    db = temporary.db;
  });
  afterAll(async () => {
    await temporary.close();
  });

  it('erases old bodies and addresses, keeps statistics and recent messages, and schedules the next day', async () => {
    const old = new Date('2026-06-01T12:00:00Z');
    const recent = new Date('2026-11-20T12:00:00Z');
    const conversation = await db.prisma.conversation.create({
      data: { channel: 'sms', threadKey: 'old-thread', address: '+15552013344', createdAt: old, updatedAt: old },
    });
    // updatedAt is set by Prisma on write; put the old time back with a raw-free update of the field.
    await db.prisma.conversation.update({ where: { id: conversation.id }, data: { updatedAt: old } });
    const oldInquiry = await db.prisma.inquiry.create({
      data: { conversationId: conversation.id, channel: 'sms', text: 'my card 21234000123456', receivedAt: old, status: 'answered', intent: 'account', outcome: 'ticket' },
    });
    const newInquiry = await db.prisma.inquiry.create({
      data: { conversationId: conversation.id, channel: 'sms', text: 'hours today?', receivedAt: recent, status: 'answered', intent: 'hours' },
    });
    await db.prisma.reply.create({ data: { conversationId: conversation.id, inquiryId: oldInquiry.id, channel: 'sms', text: 'A staff member will call.', createdAt: old } });
    const resolved = await db.prisma.ticket.create({
      data: { kind: 'handoff', subject: 's', description: 'd', requesterChannel: 'sms', requesterAddress: '+15552013344', requesterThread: 't', status: 'resolved', resolvedAt: old },
    });
    const open = await db.prisma.ticket.create({
      data: { kind: 'handoff', subject: 's', description: 'd', requesterChannel: 'sms', requesterAddress: '+15550000000', requesterThread: 't', status: 'open' },
    });

    const jobs = createRecordingJobQueue();
    const retention = createRetention({
      repository: createRetentionRepository(db.prisma),
      jobs,
      clock: { now: () => new Date('2026-11-29T15:00:00Z') },
      logger: silentLogger,
      retentionDays: 90,
      timeZone: () => 'America/New_York',
    });
    await retention.purge({ day: '2026-11-29' });

    const after = await db.prisma.inquiry.findUniqueOrThrow({ where: { id: oldInquiry.id } });
    expect(after.text).toBeNull();
    expect(after.intent).toBe('account');
    expect(after.outcome).toBe('ticket');
    expect((await db.prisma.inquiry.findUniqueOrThrow({ where: { id: newInquiry.id } })).text).toBe('hours today?');
    expect((await db.prisma.reply.findFirstOrThrow({ where: { inquiryId: oldInquiry.id } })).text).toBeNull();
    expect((await db.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).address).toBeNull();
    expect((await db.prisma.ticket.findUniqueOrThrow({ where: { id: resolved.id } })).requesterAddress).toBeNull();
    expect((await db.prisma.ticket.findUniqueOrThrow({ where: { id: open.id } })).requesterAddress).toBe('+15550000000');

    // 15:00 UTC is 10:00 in New York: the next run is 03:00 tomorrow local time (08:00 UTC).
    expect(jobs.enqueued).toEqual([
      { name: 'retention.purge', payload: { day: '2026-11-30' }, options: { jobId: 'retention-purge-2026-11-30', delayMs: 17 * 3_600_000 } },
    ]);
  });
});
