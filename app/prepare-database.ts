import path from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import { DEMO_ASSETS, createAssetsRepository } from '../assets/index.js';
import { createCatalog, seedDemoCatalog } from '../catalog/index.js';
import { systemClock, type Clock } from '../core/clock.js';
import { openDatabase, type Database } from '../db/index.js';
import { seedEmbeddedDemoPatrons } from '../ils/index.js';
// The calendar's own modules, not the knowledge index: that one loads the article search too.
import { createLibraryCalendar } from '../knowledge/library-calendar.js';
import { createKnowledgeStoreRepository } from '../knowledge/knowledge-store.repository.js';
import { seedDemoLibrary, type SeedReport } from '../prisma/seed.js';
import { createStaffRepository, createStaffService, ensureFirstStaffCredential } from '../staff/index.js';
import type { Config } from './config.js';

/** How many records the demo catalog gets: enough to feel real, quick to generate at first start. */
export const DEMO_CATALOG_SIZE = 3_000;

export interface PrepareOptions {
  clock?: Clock;
  /** Where the one-time notice of a fresh install's first staff token goes (default: stdout). */
  announce?: (text: string) => void;
}

/**
 * What must be done once per installation before any process serves: the database migrated, the demo
 * library seeded (SEED_DEMO), the first staff credential made. It loads only the parts this takes, not
 * the router, the channels or the web server, so a cluster's primary has it done while its web processes
 * are still loading their code. Safe to run again: each step sees it was done.
 */
export async function prepareDatabase(config: Config, logger: PinoLogger, options: PrepareOptions = {}): Promise<void> {
  const clock = options.clock ?? systemClock;
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    if (database.migration?.applied.length) logger.info({ applied: database.migration.applied, provider: database.provider }, 'database migrated');
    if (config.SEED_DEMO) {
      const report = await seedDemo(config, database, { clock, logger });
      if (report.seeded) logger.info({ assets: report.assets, catalogRecords: report.catalogRecords }, 'demo library seeded');
    }
    // Closed by default: a fresh install gets its first staff credential now, shown once.
    const staff = createStaffService({ repository: createStaffRepository(database.prisma), clock, bootstrapToken: config.STAFF_API_TOKEN });
    await ensureFirstStaffCredential(staff, config.DATA_DIR, options.announce ?? ((text) => process.stdout.write(`${text}\n`)));
  } finally {
    await database.close();
  }
}

/**
 * The demo library: its devices, a made-up catalog (unless the library imported its own) and, with the
 * embedded ILS, patrons with loans and holds. Once per database, unless `force`.
 */
export async function seedDemo(config: Config, database: Database, options: { clock?: Clock; logger: PinoLogger; force?: boolean }): Promise<SeedReport> {
  const clock = options.clock ?? systemClock;
  const catalog = createCatalog({ prisma: database.prisma, provider: database.provider, shelfMap: path.join(config.KNOWLEDGE_DIR, 'shelf-map.yaml'), clock });
  // Due dates of the demo loans follow the library's own calendar (its settings as saved, over the file).
  const calendar = await createLibraryCalendar({
    file: path.join(config.KNOWLEDGE_DIR, 'library.yaml'),
    store: createKnowledgeStoreRepository(database.prisma, database.provider),
    watch: false,
    logger: options.logger.child({ part: 'knowledge' }),
  });
  try {
    return await seedDemoLibrary(
      {
        prisma: database.prisma,
        assets: createAssetsRepository(database.prisma),
        now: () => clock.now(),
        ...(config.ILS_DRIVER === 'embedded' ? { seedPatrons: () => seedEmbeddedDemoPatrons(database.prisma, calendar, clock) } : {}),
        seedCatalog: async () => {
          await seedDemoCatalog({ importer: catalog.importer }, { count: DEMO_CATALOG_SIZE, now: clock.now() });
          return DEMO_CATALOG_SIZE;
        },
      },
      DEMO_ASSETS,
      { force: options.force === true },
    );
  } finally {
    await calendar.close();
  }
}
