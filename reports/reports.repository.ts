import type { Db } from '../db/index.js';

/** Inquiries counted per UTC hour and what they were: read live for the hours not rolled up yet. */
export interface InquiryHourRow {
  /** "2026-12-01T14": the UTC hour the messages arrived in. */
  hour: string;
  channel: string;
  intent: string | null;
  outcome: string | null;
  count: number;
}

/** One dimension of the rolled-up counts, summed per report period. */
export interface PeriodCountRow {
  /** "2026-12-01" (a day, or the Monday of a week) or "2026-12" (a month), in the library's time zone. */
  period: string;
  key: string;
  count: number;
}

export type CountDimension = 'channel' | 'intent' | 'outcome';
export type PeriodGrain = 'day' | 'week' | 'month';

/** Ticket numbers per kind and branch, counted by the database. */
export interface TicketGroupCounts {
  kind: string;
  branchId: string;
  opened: number;
  resolved: number;
  firstResponseBreaches: number;
  resolutionBreaches: number;
}

/** One nearest-rank percentile of a ticket time, in minutes, per group ("*" for all tickets). */
export interface TicketPercentileRow {
  kind: string;
  branchId: string;
  count: number;
  /** 50 or 90. */
  percentile: number;
  minutes: number;
}

export interface TicketStats {
  groups: TicketGroupCounts[];
  firstResponse: TicketPercentileRow[];
  resolution: TicketPercentileRow[];
  readScale: Array<{ scale: number; count: number }>;
  devices: Array<{ assetTag: string; branchId: string; tickets: number }>;
}

export interface UnansweredRow {
  text: string | null;
  topic: string | null;
}

/** How far the day counts go: every inquiry received before `until` is counted, in days of `timeZone`. */
export interface RollupMark {
  until: Date;
  timeZone: string;
}

export interface ReportsRepository {
  /** Counted live from the inquiry log, per UTC hour. */
  inquiryHours(from: Date, to: Date): Promise<InquiryHourRow[]>;
  /** Rolled-up counts of the local days from `fromDay` up to, not including, `toDay`, summed per period and one dimension. */
  dayCounts(fromDay: string, toDay: string, grain: PeriodGrain, dimension: CountDimension): Promise<PeriodCountRow[]>;
  rollupMark(): Promise<RollupMark | undefined>;
  /**
   * Adds day counts for inquiries received in [mark.until, until) and moves the mark, in one transaction
   * that only one worker can win: a second one finds the mark moved and adds nothing. `reset` drops the
   * counts first (the library changed its time zone, so every day boundary moved).
   */
  addDayCounts(rows: Array<{ day: string; channel: string; intent: string; outcome: string; count: number }>, from: RollupMark | undefined, to: RollupMark, reset: boolean): Promise<boolean>;
  /** Tickets opened in the range; `now` decides whether an unanswered ticket's due time has passed. */
  ticketStats(from: Date, to: Date, now: Date): Promise<TicketStats>;
  /** The most recent unanswered questions in the range, newest first. */
  unanswered(from: Date, to: Date, limit: number): Promise<UnansweredRow[]>;
}

const MARK = 'reports.rollup';

/**
 * Aggregations in SQL that both databases run. Prisma keeps SQLite times as ISO text with "+00:00",
 * which sorts like time; PostgreSQL has real timestamps.
 */
export function createReportsRepository(prisma: Db, provider: 'sqlite' | 'postgresql'): ReportsRepository {
  const sqlite = provider === 'sqlite';
  const at = (date: Date): Date | string => (sqlite ? date.toISOString().replace('Z', '+00:00') : date);
  const param = (n: number): string => (sqlite ? '?' : `$${n}`);
  const hourOf = sqlite ? `substr("receivedAt", 1, 13)` : `to_char(date_trunc('hour', "receivedAt"), 'YYYY-MM-DD"T"HH24')`;
  const periodOf: Record<PeriodGrain, string> = sqlite
    ? { day: `"day"`, week: `date("day", '-' || ((CAST(strftime('%w', "day") AS INTEGER) + 6) % 7) || ' days')`, month: `substr("day", 1, 7)` }
    : { day: `"day"`, week: `to_char(date_trunc('week', "day"::date), 'YYYY-MM-DD')`, month: `substr("day", 1, 7)` };
  const markText = (mark: RollupMark) => JSON.stringify({ until: mark.until.toISOString(), timeZone: mark.timeZone });

  return {
    async inquiryHours(from, to) {
      const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        `SELECT ${hourOf} AS "hour", "channel", "intent", "outcome", COUNT(*) AS "count" FROM "Inquiry" ` +
          `WHERE "receivedAt" >= ${param(1)} AND "receivedAt" < ${param(2)} GROUP BY 1, 2, 3, 4`,
        at(from),
        at(to),
      );
      return rows.map((row) => ({
        hour: String(row.hour),
        channel: String(row.channel),
        intent: row.intent ? String(row.intent) : null,
        outcome: row.outcome ? String(row.outcome) : null,
        count: Number(row.count),
      }));
    },

    async dayCounts(fromDay, toDay, grain, dimension) {
      const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        `SELECT ${periodOf[grain]} AS "period", "${dimension}" AS "key", SUM("count") AS "count" FROM "InquiryDayStat" ` +
          `WHERE "day" >= ${param(1)} AND "day" < ${param(2)} GROUP BY 1, 2`,
        fromDay,
        toDay,
      );
      return rows.map((row) => ({ period: String(row.period), key: String(row.key), count: Number(row.count) }));
    },

    async rollupMark() {
      const row = await prisma.setting.findUnique({ where: { key: MARK } });
      if (!row) return undefined;
      const parsed = JSON.parse(row.value) as { until: string; timeZone: string };
      return { until: new Date(parsed.until), timeZone: parsed.timeZone };
    },

    async addDayCounts(rows, from, to, reset) {
      return prisma.$transaction(async (tx) => {
        // The mark moves first, conditionally: of two workers adding the same hours, one wins.
        if (from) {
          const moved = await tx.$executeRawUnsafe(`UPDATE "Setting" SET "value" = ${param(1)}, "updatedAt" = ${param(2)} WHERE "key" = ${param(3)} AND "value" = ${param(4)}`, markText(to), at(new Date()), MARK, markText(from));
          if (moved !== 1) return false;
        } else {
          const created = await tx.$executeRawUnsafe(
            `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${param(1)}, ${param(2)}, ${param(3)}) ON CONFLICT ("key") DO NOTHING`,
            MARK,
            markText(to),
            at(new Date()),
          );
          if (created !== 1) return false;
        }
        if (reset || !from) await tx.$executeRawUnsafe(`DELETE FROM "InquiryDayStat"`);
        for (let start = 0; start < rows.length; start += 500) {
          const slice = rows.slice(start, start + 500);
          const values = slice.map((_, i) => `(${[1, 2, 3, 4, 5].map((n) => param(i * 5 + n)).join(', ')})`).join(', ');
          await tx.$executeRawUnsafe(
            `INSERT INTO "InquiryDayStat" ("day", "channel", "intent", "outcome", "count") VALUES ${values} ` +
              `ON CONFLICT ("day", "channel", "intent", "outcome") DO UPDATE SET "count" = "InquiryDayStat"."count" + excluded."count"`,
            ...slice.flatMap((row) => [row.day, row.channel, row.intent, row.outcome, row.count]),
          );
        }
        return true;
      }, { timeout: 300_000, maxWait: 60_000 });
    },

    async ticketStats(from, to, now) {
      const inRange = `"createdAt" >= ${param(1)} AND "createdAt" < ${param(2)}`;
      const range = [at(from), at(to)];
      const num = (value: unknown) => Number(value ?? 0);
      const minutes = (end: string) =>
        sqlite ? `(julianday("${end}") - julianday("createdAt")) * 1440.0` : `EXTRACT(EPOCH FROM ("${end}" - "createdAt")) / 60.0`;
      const breach = (done: string, due: string, n: number) =>
        `SUM(CASE WHEN "${due}" IS NOT NULL AND COALESCE("${done}", ${param(n)}) > "${due}" THEN 1 ELSE 0 END)`;
      /**
       * Median and p90 by nearest rank, per kind and branch and over all tickets, ranked by the database
       * (window functions, on both): only the ranked rows come back, never one row per ticket. Each time is
       * computed once; ceil(n/2) and ceil(9n/10) in integer arithmetic.
       */
      const percentilesOf = async (end: string): Promise<TicketPercentileRow[]> => {
        const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
          `SELECT "kind", "branchId", "v", "rn", "n", "rnAll", "nAll" FROM (` +
            `SELECT "kind", "branchId", "v", ROW_NUMBER() OVER (PARTITION BY "kind", "branchId" ORDER BY "v") AS "rn", COUNT(*) OVER (PARTITION BY "kind", "branchId") AS "n", ` +
            `ROW_NUMBER() OVER (ORDER BY "v") AS "rnAll", COUNT(*) OVER () AS "nAll" FROM (` +
            `SELECT "kind", COALESCE("branchId", 'none') AS "branchId", ${minutes(end)} AS "v" FROM "Ticket" WHERE ${inRange} AND "${end}" IS NOT NULL) AS timed) AS ranked ` +
            `WHERE "rn" = ("n" + 1) / 2 OR "rn" = (9 * "n" + 9) / 10 OR "rnAll" = ("nAll" + 1) / 2 OR "rnAll" = (9 * "nAll" + 9) / 10`,
          ...range,
        );
        const out: TicketPercentileRow[] = [];
        const take = (kind: string, branchId: string, rank: number, n: number, minutes: number) => {
          if (rank === Math.floor((n + 1) / 2)) out.push({ kind, branchId, count: n, percentile: 50, minutes });
          if (rank === Math.floor((9 * n + 9) / 10)) out.push({ kind, branchId, count: n, percentile: 90, minutes });
        };
        for (const row of rows) {
          take(String(row.kind), String(row.branchId), num(row.rn), num(row.n), num(row.v));
          take('*', '*', num(row.rnAll), num(row.nAll), num(row.v));
        }
        return out;
      };
      const [groups, firstResponse, resolution, readScale, devices] = await Promise.all([
        prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
          `SELECT "kind", COALESCE("branchId", 'none') AS "branchId", COUNT(*) AS "opened", ` +
            `SUM(CASE WHEN "resolvedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "resolved", ` +
            `${breach('firstResponseAt', 'firstResponseDueAt', 1)} AS "frb", ${breach('resolvedAt', 'resolutionDueAt', 2)} AS "rb" ` +
            `FROM "Ticket" WHERE ${inRange.replace(param(1), param(3)).replace(param(2), param(4))} GROUP BY 1, 2`,
          at(now),
          at(now),
          ...range,
        ),
        percentilesOf('firstResponseAt'),
        percentilesOf('resolvedAt'),
        prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT "readScale", COUNT(*) AS "n" FROM "Ticket" WHERE ${inRange} AND "readScale" IS NOT NULL GROUP BY 1`, ...range),
        prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
          `SELECT "assetTag", COALESCE("branchId", 'none') AS "branchId", COUNT(*) AS "n" FROM "Ticket" WHERE ${inRange} AND "kind" = 'equipment' AND "assetTag" IS NOT NULL GROUP BY 1, 2`,
          ...range,
        ),
      ]);
      return {
        groups: groups.map((row) => ({
          kind: String(row.kind), branchId: String(row.branchId), opened: num(row.opened), resolved: num(row.resolved),
          firstResponseBreaches: num(row.frb), resolutionBreaches: num(row.rb),
        })),
        firstResponse,
        resolution,
        readScale: readScale.map((row) => ({ scale: num(row.readScale), count: num(row.n) })),
        devices: devices.map((row) => ({ assetTag: String(row.assetTag), branchId: String(row.branchId), tickets: num(row.n) })),
      };
    },

    async unanswered(from, to, limit) {
      const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        `SELECT "text", "topic" FROM "Inquiry" WHERE "outcome" = 'unanswered' AND "receivedAt" >= ${param(1)} AND "receivedAt" < ${param(2)} ` +
          `ORDER BY "receivedAt" DESC LIMIT ${Math.floor(limit)}`,
        at(from),
        at(to),
      );
      return rows.map((row) => ({ text: (row.text as string | null) ?? null, topic: (row.topic as string | null) ?? null }));
    },
  };
}
