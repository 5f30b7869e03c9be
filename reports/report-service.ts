import { DateTime } from 'luxon';
import type { InquiryHourRow, ReportsRepository, TicketTimesRow } from './reports.repository.js';
import { groupTopics, topicTerms } from './topic-terms.js';

export type ReportPeriod = 'day' | 'week' | 'month';

export interface ReportRange {
  from: Date;
  to: Date;
  period: ReportPeriod;
}

export interface Percentiles {
  count: number;
  /** Minutes; null when nothing was measured. */
  median: number | null;
  p90: number | null;
}

export interface InquiryPeriodRow {
  /** Start of the period in the library's time zone: "2026-12-01" (day, week from Monday) or "2026-12" (month). */
  period: string;
  total: number;
  byChannel: Record<string, number>;
  byIntent: Record<string, number>;
  byOutcome: Record<string, number>;
}

export interface TicketGroupRow {
  kind: string;
  branchId: string;
  opened: number;
  resolved: number;
  firstResponse: Percentiles;
  resolution: Percentiles;
  firstResponseBreaches: number;
  resolutionBreaches: number;
}

/**
 * Everything the reports page and `libdesk report` show. Counts, shares and times only: no message body,
 * no address, no name. Unanswered questions appear as the content words they share.
 */
export interface Report {
  range: { from: string; to: string; period: ReportPeriod; timeZone: string };
  inquiries: {
    total: number;
    byPeriod: InquiryPeriodRow[];
    byChannel: Record<string, number>;
    byIntent: Record<string, number>;
    byOutcome: Record<string, number>;
    /** Share answered by the assistant itself (answered or clarified), 0..1. */
    assistantShare: number;
    /** Share handed to staff as a ticket, 0..1. */
    staffShare: number;
  };
  tickets: {
    total: number;
    byKindAndBranch: TicketGroupRow[];
    firstResponse: Percentiles;
    resolution: Percentiles;
    /** How many tickets staff rated at each READ scale level, 1 to 6. */
    readScale: Record<'1' | '2' | '3' | '4' | '5' | '6', number>;
  };
  devices: Array<{ assetTag: string; branchId: string; tickets: number }>;
  unanswered: { total: number; topics: Array<{ topic: string; count: number }> };
}

export interface ReportServiceDeps {
  repository: ReportsRepository;
  timeZone: string;
  now: () => Date;
  /** How many of the most recent unanswered questions are grouped into topics. */
  unansweredSample?: number;
}

const add = (record: Record<string, number>, key: string, count: number): void => {
  record[key] = (record[key] ?? 0) + count;
};

/** Nearest-rank percentile of minutes. */
export function percentiles(minutes: number[]): Percentiles {
  if (minutes.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...minutes].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { count: sorted.length, median: round(rank(0.5)), p90: round(rank(0.9)) };
}

const minutesBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 60_000;

export function createReportService(deps: ReportServiceDeps) {
  const { repository, timeZone } = deps;
  const sample = deps.unansweredSample ?? 5000;

  /** Hours (UTC) to the library's local period they fall in; cached, since a year has 8,760 of them. */
  const periodOf = (() => {
    const cache = new Map<string, string>();
    return (hour: string, period: ReportPeriod): string => {
      const key = `${period}|${hour}`;
      let value = cache.get(key);
      if (value === undefined) {
        const local = DateTime.fromISO(`${hour}:00:00Z`, { zone: 'utc' }).setZone(timeZone);
        value = period === 'month' ? local.toFormat('yyyy-MM') : local.startOf(period).toISODate()!;
        cache.set(key, value);
      }
      return value;
    };
  })();

  function inquiriesOf(rows: InquiryHourRow[], period: ReportPeriod): Report['inquiries'] {
    const periods = new Map<string, InquiryPeriodRow>();
    const totals = { byChannel: {} as Record<string, number>, byIntent: {} as Record<string, number>, byOutcome: {} as Record<string, number> };
    let total = 0;
    for (const row of rows) {
      const key = periodOf(row.hour, period);
      let bucket = periods.get(key);
      if (!bucket) periods.set(key, (bucket = { period: key, total: 0, byChannel: {}, byIntent: {}, byOutcome: {} }));
      const intent = row.intent ?? 'unrouted';
      const outcome = row.outcome ?? 'pending';
      bucket.total += row.count;
      add(bucket.byChannel, row.channel, row.count);
      add(bucket.byIntent, intent, row.count);
      add(bucket.byOutcome, outcome, row.count);
      add(totals.byChannel, row.channel, row.count);
      add(totals.byIntent, intent, row.count);
      add(totals.byOutcome, outcome, row.count);
      total += row.count;
    }
    const share = (keys: string[]) => (total === 0 ? 0 : keys.reduce((sum, key) => sum + (totals.byOutcome[key] ?? 0), 0) / total);
    return {
      total,
      byPeriod: [...periods.values()].sort((a, b) => a.period.localeCompare(b.period)),
      ...totals,
      assistantShare: share(['answered', 'clarified']),
      staffShare: share(['ticket']),
    };
  }

  function ticketsOf(rows: TicketTimesRow[], now: Date): Pick<Report, 'tickets' | 'devices'> {
    const groups = new Map<string, { row: TicketGroupRow; first: number[]; resolution: number[] }>();
    const allFirst: number[] = [];
    const allResolution: number[] = [];
    const readScale: Report['tickets']['readScale'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0 };
    const devices = new Map<string, { assetTag: string; branchId: string; tickets: number }>();
    for (const ticket of rows) {
      const branchId = ticket.branchId ?? 'none';
      const key = `${ticket.kind}|${branchId}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          row: { kind: ticket.kind, branchId, opened: 0, resolved: 0, firstResponse: percentiles([]), resolution: percentiles([]), firstResponseBreaches: 0, resolutionBreaches: 0 },
          first: [],
          resolution: [],
        };
        groups.set(key, group);
      }
      group.row.opened += 1;
      if (ticket.firstResponseAt) {
        const minutes = minutesBetween(ticket.createdAt, ticket.firstResponseAt);
        group.first.push(minutes);
        allFirst.push(minutes);
      }
      if (ticket.resolvedAt) {
        group.row.resolved += 1;
        const minutes = minutesBetween(ticket.createdAt, ticket.resolvedAt);
        group.resolution.push(minutes);
        allResolution.push(minutes);
      }
      // A breach is an answer after its due time, or no answer while the due time has passed.
      if (ticket.firstResponseDueAt && (ticket.firstResponseAt ?? now) > ticket.firstResponseDueAt) group.row.firstResponseBreaches += 1;
      if (ticket.resolutionDueAt && (ticket.resolvedAt ?? now) > ticket.resolutionDueAt) group.row.resolutionBreaches += 1;
      if (ticket.readScale !== null && ticket.readScale >= 1 && ticket.readScale <= 6) readScale[String(ticket.readScale) as keyof typeof readScale] += 1;
      if (ticket.kind === 'equipment' && ticket.assetTag) {
        const device = devices.get(ticket.assetTag) ?? { assetTag: ticket.assetTag, branchId, tickets: 0 };
        device.tickets += 1;
        devices.set(ticket.assetTag, device);
      }
    }
    return {
      tickets: {
        total: rows.length,
        byKindAndBranch: [...groups.values()]
          .map(({ row, first, resolution }) => ({ ...row, firstResponse: percentiles(first), resolution: percentiles(resolution) }))
          .sort((a, b) => a.kind.localeCompare(b.kind) || a.branchId.localeCompare(b.branchId)),
        firstResponse: percentiles(allFirst),
        resolution: percentiles(allResolution),
        readScale,
      },
      devices: [...devices.values()].sort((a, b) => b.tickets - a.tickets || a.assetTag.localeCompare(b.assetTag)),
    };
  }

  return {
    async build(range: ReportRange): Promise<Report> {
      const [hours, tickets, unanswered] = await Promise.all([
        repository.inquiryHours(range.from, range.to),
        repository.ticketTimes(range.from, range.to),
        repository.unanswered(range.from, range.to, sample),
      ]);
      const inquiries = inquiriesOf(hours, range.period);
      // Bodies still here are read for their words; purged ones kept theirs in `topic`.
      const questions = unanswered.map((row) => (row.text !== null ? topicTerms(row.text) : (row.topic ?? '').split(' ').filter(Boolean)));
      return {
        range: { from: range.from.toISOString(), to: range.to.toISOString(), period: range.period, timeZone },
        inquiries,
        ...ticketsOf(tickets, deps.now()),
        unanswered: { total: inquiries.byOutcome.unanswered ?? 0, topics: groupTopics(questions) },
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
