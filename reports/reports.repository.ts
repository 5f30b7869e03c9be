import type { Db } from '../db/index.js';

/** Inquiries counted per UTC hour and what they were: the finest grain reports need, small at any volume. */
export interface InquiryHourRow {
  /** "2026-12-01T14": the UTC hour the messages arrived in. */
  hour: string;
  channel: string;
  intent: string | null;
  outcome: string | null;
  count: number;
}

export interface TicketTimesRow {
  kind: string;
  branchId: string | null;
  assetTag: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  resolvedAt: Date | null;
  resolutionDueAt: Date | null;
  readScale: number | null;
}

export interface UnansweredRow {
  text: string | null;
  topic: string | null;
}

export interface ReportsRepository {
  inquiryHours(from: Date, to: Date): Promise<InquiryHourRow[]>;
  ticketTimes(from: Date, to: Date): Promise<TicketTimesRow[]>;
  /** The most recent unanswered questions in the range, newest first. */
  unanswered(from: Date, to: Date, limit: number): Promise<UnansweredRow[]>;
}

/**
 * Aggregations in SQL that both databases run: GROUP BY does the counting where the rows are, so a million
 * inquiries come back as a few thousand hour rows. Prisma keeps SQLite times as ISO text with "+00:00",
 * which sorts like time; PostgreSQL has real timestamps.
 */
export function createReportsRepository(prisma: Db, provider: 'sqlite' | 'postgresql'): ReportsRepository {
  const sqlite = provider === 'sqlite';
  const at = (date: Date): Date | string => (sqlite ? date.toISOString().replace('Z', '+00:00') : date);
  const param = (n: number): string => (sqlite ? '?' : `$${n}`);
  const toDate = (value: unknown): Date | null => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value)));

  return {
    async inquiryHours(from, to) {
      const hour = sqlite ? `substr("receivedAt", 1, 13)` : `to_char(date_trunc('hour', "receivedAt"), 'YYYY-MM-DD"T"HH24')`;
      const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        `SELECT ${hour} AS "hour", "channel", "intent", "outcome", COUNT(*) AS "count" FROM "Inquiry" ` +
          `WHERE "receivedAt" >= ${param(1)} AND "receivedAt" < ${param(2)} GROUP BY 1, 2, 3, 4`,
        at(from),
        at(to),
      );
      return rows.map((row) => ({
        hour: String(row.hour),
        channel: String(row.channel),
        intent: (row.intent as string | null) ?? null,
        outcome: (row.outcome as string | null) ?? null,
        count: Number(row.count),
      }));
    },

    async ticketTimes(from, to) {
      const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        `SELECT "kind", "branchId", "assetTag", "createdAt", "firstResponseAt", "firstResponseDueAt", "resolvedAt", "resolutionDueAt", "readScale" ` +
          `FROM "Ticket" WHERE "createdAt" >= ${param(1)} AND "createdAt" < ${param(2)}`,
        at(from),
        at(to),
      );
      return rows.map((row) => ({
        kind: String(row.kind),
        branchId: (row.branchId as string | null) ?? null,
        assetTag: (row.assetTag as string | null) ?? null,
        createdAt: toDate(row.createdAt)!,
        firstResponseAt: toDate(row.firstResponseAt),
        firstResponseDueAt: toDate(row.firstResponseDueAt),
        resolvedAt: toDate(row.resolvedAt),
        resolutionDueAt: toDate(row.resolutionDueAt),
        readScale: row.readScale === null || row.readScale === undefined ? null : Number(row.readScale),
      }));
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
