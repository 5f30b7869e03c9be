import { describe, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { createRetentionRepository } from '../retention/index.js';
import { createReportService, createReportsRepository } from './index.js';

/**
 * A seeded month with counts known by hand, checked on each database: periods in the library's time zone
 * (a message at 02:30 UTC on Dec 2 is Dec 1 in New York), shares, ticket times and breaches, devices,
 * unanswered topics, and the same numbers after the retention purge erased the bodies.
 */
export function runReportsSuite(name: string, open: () => Promise<{ prisma: Db; provider: 'sqlite' | 'postgresql' }>): void {
  describe(`reports on ${name}`, () => {
    const at = (iso: string) => new Date(iso);
    const range = { from: at('2026-12-01T05:00:00Z'), to: at('2026-12-08T05:00:00Z') };

    async function seed(prisma: Db): Promise<void> {
      const conversation = await prisma.conversation.create({ data: { channel: 'sms', threadKey: '+15550001111', address: '+15550001111' } });
      const inquiry = (receivedAt: string, channel: string, intent: string, outcome: string, text = 'question') =>
        prisma.inquiry.create({ data: { conversationId: conversation.id, channel, text, receivedAt: at(receivedAt), status: 'answered', intent, outcome } });
      await inquiry('2026-12-01T15:00:00Z', 'web', 'hours', 'answered');
      await inquiry('2026-12-01T16:00:00Z', 'sms', 'faq', 'answered');
      await inquiry('2026-12-02T02:30:00Z', 'sms', 'faq', 'clarified'); // evening of Dec 1 in New York
      await inquiry('2026-12-02T15:00:00Z', 'email', 'equipment', 'ticket');
      await inquiry('2026-12-03T15:00:00Z', 'web', 'unknown', 'unanswered', 'Do you have a 3D printer? I am Maria Lopez, 555-201-3344');
      await inquiry('2026-12-03T16:00:00Z', 'web', 'unknown', 'unanswered', 'is the 3d printer free');
      await inquiry('2026-12-04T15:00:00Z', 'sms', 'unknown', 'unanswered', 'passport photos?');
      await inquiry('2026-11-30T15:00:00Z', 'web', 'hours', 'answered'); // before the range
      const ticket = (data: Record<string, unknown>) =>
        prisma.ticket.create({ data: { subject: 's', description: 'd', requesterChannel: 'web', requesterThread: 't', ...data } as never });
      // Equipment at main: answered in 30 min (due in 60), resolved in 120 min (due in 240).
      await ticket({ kind: 'equipment', branchId: 'main', assetTag: 'PC-07', createdAt: at('2026-12-02T15:00:00Z'), firstResponseAt: at('2026-12-02T15:30:00Z'), firstResponseDueAt: at('2026-12-02T16:00:00Z'), resolvedAt: at('2026-12-02T17:00:00Z'), resolutionDueAt: at('2026-12-02T19:00:00Z'), status: 'resolved', readScale: 2 });
      // Equipment at main, same device: answered late (90 min, due 60), not resolved, due long past.
      await ticket({ kind: 'equipment', branchId: 'main', assetTag: 'PC-07', createdAt: at('2026-12-03T15:00:00Z'), firstResponseAt: at('2026-12-03T16:30:00Z'), firstResponseDueAt: at('2026-12-03T16:00:00Z'), resolutionDueAt: at('2026-12-03T19:00:00Z'), status: 'claimed' });
      // Handoff at eastside: never answered, first response due passed.
      await ticket({ kind: 'handoff', branchId: 'eastside', createdAt: at('2026-12-04T15:00:00Z'), firstResponseDueAt: at('2026-12-04T16:00:00Z'), status: 'open', readScale: 4 });
    }

    it('counts inquiries, tickets, devices and unanswered topics as seeded, before and after the purge', async () => {
      const { prisma, provider } = await open();
      await seed(prisma);
      const service = createReportService({ repository: createReportsRepository(prisma, provider), timeZone: () => 'America/New_York', now: () => at('2026-12-10T00:00:00Z') });
      const check = async () => {
        const report = await service.build({ ...range, period: 'day' });
        expect(report.inquiries.total).toBe(7);
        expect(report.inquiries.byPeriod.map((row) => [row.period, row.total])).toEqual([['2026-12-01', 3], ['2026-12-02', 1], ['2026-12-03', 2], ['2026-12-04', 1]]);
        expect(report.inquiries.byChannel).toEqual({ web: 3, sms: 3, email: 1 });
        expect(report.inquiries.assistantShare).toBeCloseTo(3 / 7);
        expect(report.inquiries.staffShare).toBeCloseTo(1 / 7);
        const equipment = report.tickets.byKindAndBranch.find((row) => row.kind === 'equipment')!;
        expect(equipment).toMatchObject({ branchId: 'main', opened: 2, resolved: 1, firstResponseBreaches: 1, resolutionBreaches: 1 });
        expect(equipment.firstResponse).toEqual({ count: 2, median: 30, p90: 90 });
        expect(equipment.resolution).toEqual({ count: 1, median: 120, p90: 120 });
        expect(report.tickets.byKindAndBranch.find((row) => row.kind === 'handoff')).toMatchObject({ branchId: 'eastside', opened: 1, firstResponseBreaches: 1 });
        expect(report.tickets.readScale).toEqual({ '1': 0, '2': 1, '3': 0, '4': 1, '5': 0, '6': 0 });
        expect(report.devices).toEqual([{ assetTag: 'PC-07', branchId: 'main', tickets: 2 }]);
        expect(report.unanswered.total).toBe(3);
        expect(report.unanswered.topics[0]).toEqual({ topic: 'printer', count: 2 });
        // Nothing personal in any of it.
        expect(JSON.stringify(report)).not.toMatch(/maria|lopez|555|\+1555/i);
        const weekly = await service.build({ ...range, period: 'week' });
        expect(weekly.inquiries.byPeriod.map((row) => [row.period, row.total])).toEqual([['2026-11-30', 7]]);
      };
      await check();
      await createRetentionRepository(prisma).purgeBefore(at('2026-12-31T00:00:00Z'));
      expect(await prisma.inquiry.count({ where: { text: { not: null } } })).toBe(0);
      await check();
    });

    it('adds the hours not rolled up yet, counted live, to the rolled-up ones', async () => {
      const { prisma, provider } = await open();
      await seed(prisma);
      // Two hours after 15:00 on Dec 3: hours up to 15:00 are settled and rolled up, the rest are read live.
      const service = createReportService({ repository: createReportsRepository(prisma, provider), timeZone: () => 'America/New_York', now: () => at('2026-12-03T17:30:00Z') });
      const report = await service.build({ ...range, period: 'day' });
      expect(await prisma.inquiryDayStat.aggregate({ _sum: { count: true } })).toEqual({ _sum: { count: 5 } });
      expect(report.inquiries.total).toBe(7);
      expect(report.inquiries.byPeriod.map((row) => [row.period, row.total])).toEqual([['2026-12-01', 3], ['2026-12-02', 1], ['2026-12-03', 2], ['2026-12-04', 1]]);
      // A range starting inside an hour counts that hour's part live.
      const partial = await service.build({ from: at('2026-12-01T15:30:00Z'), to: range.to, period: 'day' });
      expect(partial.inquiries.total).toBe(6);
    });

    it("counts days in the library's time zone as it is now, when an administrator changes it", async () => {
      const { prisma, provider } = await open();
      await seed(prisma);
      let zone = 'America/New_York';
      const service = createReportService({ repository: createReportsRepository(prisma, provider), timeZone: () => zone, now: () => at('2026-12-10T00:00:00Z') });
      const before = await service.build({ ...range, period: 'day' });
      expect(before.range.timeZone).toBe('America/New_York');
      // 02:30 UTC on Dec 2 is the evening of Dec 1 in New York ...
      expect(before.inquiries.byPeriod.find((row) => row.period === '2026-12-01')?.total).toBe(3);
      zone = 'Europe/Berlin';
      const after = await service.build({ ...range, period: 'day' });
      expect(after.range.timeZone).toBe('Europe/Berlin');
      // ... and early on Dec 2 in Berlin: the rolled-up days are counted again in the new zone.
      expect(after.inquiries.byPeriod.find((row) => row.period === '2026-12-01')?.total).toBe(2);
      expect(after.inquiries.byPeriod.find((row) => row.period === '2026-12-02')?.total).toBe(2);
      expect(after.inquiries.total).toBe(before.inquiries.total);
    });
  });
}
