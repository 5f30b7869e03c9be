import { Command, Option } from 'commander';

/** What `libdesk report` needs from the composition root. */
export interface ReportCommandDeps {
  build(range: { from: Date; to: Date; period: 'day' | 'week' | 'month' }): Promise<unknown>;
  csv(report: unknown, table: string): string;
  timeZone: string;
  now: Date;
  close(): Promise<void>;
}

/**
 * `libdesk report [--from DAY] [--to DAY] [--by day|week|month] [--csv TABLE]`: the statistics staff
 * report on (inquiries by channel and outcome, ticket times, SLA breaches, devices, unanswered topics) as
 * JSON, or one table as CSV. Days are the library's own; `--to` is included.
 */
export function registerReport(program: Command, open: () => Promise<ReportCommandDeps>): Command {
  return program
    .command('report')
    .description('print the service report (JSON, or one table as CSV) for a range of days')
    .option('--from <day>', 'first day, YYYY-MM-DD (default: 30 days ago)')
    .option('--to <day>', 'last day, YYYY-MM-DD (default: today)')
    .addOption(new Option('--by <period>', 'group inquiries by').choices(['day', 'week', 'month']).default('day'))
    .addOption(new Option('--csv <table>', 'print one table as CSV').choices(['inquiries', 'tickets', 'devices', 'unanswered']))
    .action(async (options: { from?: string; to?: string; by: 'day' | 'week' | 'month'; csv?: string }) => {
      const [deps, { DateTime }] = await Promise.all([open(), import('luxon')]);
      try {
        const day = (text: string, name: string) => {
          const parsed = DateTime.fromISO(text, { zone: deps.timeZone });
          if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !parsed.isValid) throw new Error(`--${name} must be a day as YYYY-MM-DD, not "${text}"`);
          return parsed;
        };
        const today = DateTime.fromJSDate(deps.now, { zone: deps.timeZone }).startOf('day');
        const to = (options.to ? day(options.to, 'to') : today).plus({ days: 1 });
        const from = options.from ? day(options.from, 'from') : today.minus({ days: 30 });
        if (from >= to) throw new Error('--from must come before --to');
        const report = await deps.build({ from: from.toJSDate(), to: to.toJSDate(), period: options.by });
        process.stdout.write(options.csv ? deps.csv(report, options.csv) : `${JSON.stringify(report, null, 2)}\n`);
      } finally {
        await deps.close();
      }
    });
}
