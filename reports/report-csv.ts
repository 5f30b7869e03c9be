import { stringify } from 'csv-stringify/sync';
import type { Report } from './report-service.js';

export const REPORT_TABLES = ['inquiries', 'tickets', 'devices', 'unanswered'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/** Each chart of the report is also a table; this is that table as CSV (RFC 4180, header row first). */
export function reportCsv(report: Report, table: ReportTable): string {
  switch (table) {
    case 'inquiries': {
      const channels = Object.keys(report.inquiries.byChannel).sort();
      const outcomes = Object.keys(report.inquiries.byOutcome).sort();
      return stringify([
        ['period', 'total', ...channels.map((c) => `channel:${c}`), ...outcomes.map((o) => `outcome:${o}`)],
        ...report.inquiries.byPeriod.map((row) => [row.period, row.total, ...channels.map((c) => row.byChannel[c] ?? 0), ...outcomes.map((o) => row.byOutcome[o] ?? 0)]),
      ]);
    }
    case 'tickets':
      return stringify([
        ['kind', 'branch', 'opened', 'resolved', 'first_response_median_min', 'first_response_p90_min', 'resolution_median_min', 'resolution_p90_min', 'first_response_breaches', 'resolution_breaches'],
        ...report.tickets.byKindAndBranch.map((row) => [
          row.kind, row.branchId, row.opened, row.resolved, row.firstResponse.median ?? '', row.firstResponse.p90 ?? '', row.resolution.median ?? '', row.resolution.p90 ?? '',
          row.firstResponseBreaches, row.resolutionBreaches,
        ]),
      ]);
    case 'devices':
      return stringify([['asset', 'branch', 'tickets'], ...report.devices.map((row) => [row.assetTag, row.branchId, row.tickets])]);
    case 'unanswered':
      return stringify([['topic', 'questions'], ...report.unanswered.topics.map((row) => [row.topic, row.count])]);
  }
}
