import { DateTime } from 'luxon';
import type { InquiryHourRow, ReportsRepository, RollupMark, TicketPercentileRow, TicketStats } from './reports.repository.js';
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
  /** The library's time zone now: read at each use, so a change in the library settings applies at once. */
  timeZone: () => string;
  now: () => Date;
  /** How many of the most recent unanswered questions are grouped into topics. */
  unansweredSample?: number;
}

const add = (record: Record<string, number>, key: string, count: number): void => {
  record[key] = (record[key] ?? 0) + count;
};

/** The database's ranked rows for one group as Percentiles. */
function percentilesFrom(rows: TicketPercentileRow[], kind: string, branchId: string): Percentiles {
  const mine = rows.filter((row) => row.kind === kind && row.branchId === branchId);
  const at = (p: number) => mine.find((row) => row.percentile === p)?.minutes;
  const round = (n: number | undefined) => (n === undefined ? null : Math.round(n * 10) / 10);
  return { count: mine[0]?.count ?? 0, median: round(at(50)), p90: round(at(90)) };
}

export function createReportService(deps: ReportServiceDeps) {
  const { repository } = deps;
  const sample = deps.unansweredSample ?? 5000;

  const HOUR = 3_600_000;
  /** Hours are rolled up once they are settled: every inquiry in them has had its answer for a while. */
  const SETTLE_MS = 2 * HOUR;

  /** A UTC hour ("2026-12-01T14") to the library's local day; cached, since a year has 8,760 of them. */
  const dayOf = (() => {
    let cache = { zone: '', days: new Map<string, string>() };
    return (hour: string, timeZone: string): string => {
      if (cache.zone !== timeZone) cache = { zone: timeZone, days: new Map() };
      let day = cache.days.get(hour);
      if (day === undefined) {
        day = DateTime.fromISO(`${hour}:00:00Z`, { zone: 'utc' }).setZone(timeZone).toISODate()!;
        cache.days.set(hour, day);
      }
      return day;
    };
  })();
  /** A local day ("2026-12-01") to its report period: itself, the Monday of its week, or its month. */
  const periodOfDay = (day: string, period: ReportPeriod): string =>
    period === 'day' ? day : period === 'month' ? day.slice(0, 7) : DateTime.fromISO(day).startOf('week').toISODate()!;

  /**
   * Brings the day counts up to the last settled hour: adds the hours since the last run. Runs in a worker
   * every hour (`reports.rollup`) and before each report, so a report never waits for more than that.
   */
  async function rollUp(): Promise<{ mark: RollupMark; rows: number }> {
    const until = new Date(Math.floor((deps.now().getTime() - SETTLE_MS) / HOUR) * HOUR);
    const timeZone = deps.timeZone();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const mark = await repository.rollupMark();
      const sameZone = mark?.timeZone === timeZone;
      if (mark && sameZone && mark.until >= until) return { mark, rows: 0 };
      const hours = await repository.inquiryHours(sameZone ? mark!.until : new Date(0), until);
      const days = new Map<string, { day: string; channel: string; intent: string; outcome: string; count: number }>();
      for (const row of hours) {
        const day = dayOf(row.hour, timeZone);
        const key = `${day}|${row.channel}|${row.intent ?? ''}|${row.outcome ?? ''}`;
        const entry = days.get(key) ?? { day, channel: row.channel, intent: row.intent ?? '', outcome: row.outcome ?? '', count: 0 };
        entry.count += row.count;
        days.set(key, entry);
      }
      const next = { until, timeZone };
      if (await repository.addDayCounts([...days.values()], mark, next, !sameZone)) return { mark: next, rows: days.size };
      // Another worker moved the mark meanwhile: read it again.
    }
    return { mark: (await repository.rollupMark()) ?? { until: new Date(0), timeZone }, rows: 0 };
  }

  async function inquiriesOf(range: ReportRange, mark: RollupMark): Promise<Report['inquiries']> {
    const local = (date: Date) => DateTime.fromJSDate(date, { zone: mark.timeZone });
    // Whole local days inside the range come from the day counts (up to the mark); the edges and the
    // hours after the mark are counted live.
    const firstMidnight = local(range.from).startOf('day').equals(local(range.from)) ? local(range.from) : local(range.from).startOf('day').plus({ days: 1 });
    const lastMidnight = local(range.to).startOf('day');
    const rolledEnd = DateTime.min(lastMidnight, local(mark.until));
    const useRollup = firstMidnight < lastMidnight && mark.until > firstMidnight.toJSDate();
    const live: Array<[Date, Date]> = useRollup
      ? [[range.from, firstMidnight.toJSDate()], [rolledEnd.toJSDate(), range.to]]
      : [[range.from, range.to]];
    // The day holding the mark is partly counted: its rows hold what came before the mark.
    const toDay = rolledEnd.equals(rolledEnd.startOf('day')) ? rolledEnd.toISODate()! : rolledEnd.startOf('day').plus({ days: 1 }).toISODate()!;
    const [rolled, liveRows] = await Promise.all([
      useRollup
        ? Promise.all((['channel', 'intent', 'outcome'] as const).map((dimension) => repository.dayCounts(firstMidnight.toISODate()!, toDay, range.period, dimension)))
        : Promise.resolve([[], [], []]),
      Promise.all(live.filter(([from, to]) => from < to).map(([from, to]) => repository.inquiryHours(from, to))),
    ]);

    const periods = new Map<string, InquiryPeriodRow>();
    const bucket = (period: string) => {
      let row = periods.get(period);
      if (!row) periods.set(period, (row = { period, total: 0, byChannel: {}, byIntent: {}, byOutcome: {} }));
      return row;
    };
    const [channels, intents, outcomes] = rolled;
    for (const row of channels!) {
      bucket(row.period).total += row.count;
      add(bucket(row.period).byChannel, row.key, row.count);
    }
    for (const row of intents!) add(bucket(row.period).byIntent, row.key || 'unrouted', row.count);
    for (const row of outcomes!) add(bucket(row.period).byOutcome, row.key || 'pending', row.count);
    for (const row of liveRows.flat() as InquiryHourRow[]) {
      const target = bucket(periodOfDay(dayOf(row.hour, mark.timeZone), range.period));
      target.total += row.count;
      add(target.byChannel, row.channel, row.count);
      add(target.byIntent, row.intent ?? 'unrouted', row.count);
      add(target.byOutcome, row.outcome ?? 'pending', row.count);
    }
    const totals = { byChannel: {} as Record<string, number>, byIntent: {} as Record<string, number>, byOutcome: {} as Record<string, number> };
    let total = 0;
    for (const row of periods.values()) {
      total += row.total;
      for (const [key, count] of Object.entries(row.byChannel)) add(totals.byChannel, key, count);
      for (const [key, count] of Object.entries(row.byIntent)) add(totals.byIntent, key, count);
      for (const [key, count] of Object.entries(row.byOutcome)) add(totals.byOutcome, key, count);
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

  function ticketsOf(stats: TicketStats): Pick<Report, 'tickets' | 'devices'> {
    const readScale: Report['tickets']['readScale'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0 };
    for (const row of stats.readScale) if (row.scale >= 1 && row.scale <= 6) readScale[String(row.scale) as keyof typeof readScale] = row.count;
    return {
      tickets: {
        total: stats.groups.reduce((sum, group) => sum + group.opened, 0),
        byKindAndBranch: stats.groups
          .map((group) => ({
            ...group,
            firstResponse: percentilesFrom(stats.firstResponse, group.kind, group.branchId),
            resolution: percentilesFrom(stats.resolution, group.kind, group.branchId),
          }))
          .sort((a, b) => a.kind.localeCompare(b.kind) || a.branchId.localeCompare(b.branchId)),
        firstResponse: percentilesFrom(stats.firstResponse, '*', '*'),
        resolution: percentilesFrom(stats.resolution, '*', '*'),
        readScale,
      },
      devices: [...stats.devices].sort((a, b) => b.tickets - a.tickets || a.assetTag.localeCompare(b.assetTag)),
    };
  }

  return {
    rollUp,
    async build(range: ReportRange): Promise<Report> {
      const { mark } = await rollUp();
      const [inquiries, tickets, unanswered] = await Promise.all([
        inquiriesOf(range, mark),
        repository.ticketStats(range.from, range.to, deps.now()),
        repository.unanswered(range.from, range.to, sample),
      ]);
      // Bodies still here are read for their words; purged ones kept theirs in `topic`.
      const questions = unanswered.map((row) => (row.text !== null ? topicTerms(row.text) : (row.topic ?? '').split(' ').filter(Boolean)));
      return {
        range: { from: range.from.toISOString(), to: range.to.toISOString(), period: range.period, timeZone: mark.timeZone },
        inquiries,
        ...ticketsOf(tickets),
        unanswered: { total: inquiries.byOutcome.unanswered ?? 0, topics: groupTopics(questions) },
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
