import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { CHANNELS, type Channel } from '../core/inquiry.js';
import { isLibdeskError } from '../core/errors.js';
import { packageRoot } from '../core/package-root.js';
import type { Deps, DepsOptions } from './deps.js';
import { registerKbCheck } from './cli/kb-check.js';
import { registerImportMarc } from './cli/import-marc.js';
import { registerSip2TestServer } from './cli/sip2-test-server.js';
import { registerReport } from './cli/report.js';
import { registerStaffCommands } from './cli/staff.js';
import { registerStaffPassword } from './cli/staff-password.js';
import { registerStaffChatCommands } from './cli/staff-chat.js';

// Every command loads the parts it needs when it runs, so `libdesk --help` and `--version` answer at
// once instead of first loading the database clients, the router and the HTTP stack.

/** One-shot commands log to stderr so that stdout carries only their answer (JSON for `ask`). */
async function commandLogger(level: string) {
  const [{ default: pino }, { createLogger }] = await Promise.all([import('pino'), import('../logging/logger.js')]);
  return createLogger({ level, destination: pino.destination(2) });
}

/** The service's parts for a one-shot command; quieter than the server unless LOG_LEVEL asks for more. */
async function openCommandDeps(options: DepsOptions = {}): Promise<Deps> {
  const [{ loadConfig }, { createDeps }] = await Promise.all([import('./config.js'), import('./deps.js')]);
  const config = loadConfig();
  return createDeps(config, await commandLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL), options);
}

async function withDeps<T>(work: (deps: Deps) => Promise<T>): Promise<T> {
  const deps = await openCommandDeps();
  try {
    return await work(deps);
  } finally {
    await deps.close();
  }
}

function libdeskVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot(import.meta.url), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildCli(): Command {
  const program = new Command('libdesk')
    .description('Front-desk assistant for public libraries')
    .version(libdeskVersion(), '-v, --version')
    .showHelpAfterError();

  program
    .command('start')
    .description('run the web server and job workers (PROCESS_ROLE picks one or both; WEB_PROCESSES how many web processes)')
    .action(async () => {
      const { startService, exitOnSignals } = await import('./cluster/index.js');
      exitOnSignals(await startService());
    });

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const [{ loadConfig }, { migrateDatabase }] = await Promise.all([import('./config.js'), import('../db/index.js')]);
      const config = loadConfig();
      const report = await migrateDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
      console.log(report.applied.length ? `applied: ${report.applied.join(', ')}` : `up to date (${report.alreadyApplied} migrations)`);
    });

  program
    .command('seed')
    .description('load the demo library (devices, catalog) into the database')
    .action(async () => {
      const { seedDemo } = await import('./prepare-database.js');
      await withDeps(async (deps) => {
        const report = await seedDemo(deps.config, deps.database, { clock: deps.clock, logger: deps.logger, force: true });
        console.log(`seeded ${report.assets} devices and ${report.catalogRecords} catalog records`);
      });
    });

  program
    .command('ask')
    .description('ask the assistant one question and print its answer as JSON')
    .argument('<text>', 'what a patron would write')
    .addOption(new Option('--channel <channel>', 'channel to ask as').choices(CHANNELS).default('cli'))
    .option('--session <id>', 'conversation id, to continue a dialog over several asks', 'cli')
    .action(async (text: string, options: { channel: Channel; session: string }) => {
      const { seedDemo } = await import('./prepare-database.js');
      await withDeps(async (deps) => {
        if (deps.config.SEED_DEMO) await seedDemo(deps.config, deps.database, { clock: deps.clock, logger: deps.logger });
        const result = await deps.inquiries.handle({ channel: options.channel, address: options.session, text });
        const { inquiryId, intent, reply, confidence, ticket } = result;
        console.log(JSON.stringify({ inquiryId, intent, reply, confidence, ...(ticket ? { ticket } : {}) }, null, 2));
      });
    });

  registerKbCheck(program);
  registerStaffCommands(program);
  registerStaffPassword(program);
  registerStaffChatCommands(program);
  registerReport(program, async () => {
    const [deps, reports] = await Promise.all([openCommandDeps({ loadCatalogIndex: false }), import('../reports/index.js')]);
    const service = reports.createReportService({
      repository: reports.createReportsRepository(deps.database.prisma, deps.database.provider),
      timeZone: () => deps.calendar.timeZone,
      now: () => deps.clock.now(),
    });
    return {
      build: (range) => service.build(range),
      csv: (report, table) => reports.reportCsv(report as Awaited<ReturnType<typeof service.build>>, table as (typeof reports.REPORT_TABLES)[number]),
      timeZone: deps.calendar.timeZone,
      now: deps.clock.now(),
      close: () => deps.close(),
    };
  });
  registerImportMarc(program, async () => {
    const deps = await openCommandDeps({ loadCatalogIndex: false });
    return { importer: deps.catalog.importer, close: () => deps.close() };
  });
  registerSip2TestServer(program, async () => {
    const deps = await openCommandDeps({ loadCatalogIndex: false });
    return { ils: deps.ils.embedded, close: () => deps.close() };
  });
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    const message = isLibdeskError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    console.error(`libdesk: ${message}`);
    process.exitCode = 1;
  }
}
