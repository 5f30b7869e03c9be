import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCatalog, type Catalog } from '../../catalog/index.js';
import { generateDemoCatalog } from '../../catalog/demo-catalog.js';
import { fixedClock, type Clock } from '../../core/clock.js';
import { openDatabase, type Database } from '../../db/index.js';
import { parseArticle } from '../../knowledge/article.js';
import { createEventsCalendar } from '../../knowledge/events-calendar.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { createLibraryCalendar, type LibraryCalendarHandle } from '../../knowledge/library-calendar.js';
import type { EventsPort } from '../../core/events.js';
import type { AssetPort } from '../../core/assets.js';
import { createAssetsRepository, DEMO_ASSETS } from '../../assets/index.js';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** A Tuesday afternoon in December: both branches open, holidays and events ahead. */
export const EVAL_NOW = '2026-12-01T15:00:00-05:00';
/** Demo catalog size: the well-known titles plus generated records sharing their words and names. */
export const EVAL_CATALOG_RECORDS = 5_000;

/** The library as the router sees it in production: the real articles, hours, events, devices and a SQLite catalog. */
export interface EvalWorld {
  clock: Clock;
  /** The library's own devices (the demo library's), in the SQLite store. */
  assets: AssetPort;
  knowledge: KnowledgeBase;
  calendar: LibraryCalendarHandle;
  events: EventsPort;
  catalog: Catalog;
  database: Database;
  close(): Promise<void>;
}

/**
 * The articles that pass `kb check`, copied to a temp folder: one article being edited must not stop the
 * evaluation of the router. Skipped files are reported.
 */
function validArticlesDir(): string {
  const source = root('knowledge/articles');
  const dir = mkdtempSync(join(tmpdir(), 'libdesk-eval-kb-'));
  for (const name of readdirSync(source).filter((file) => file.endsWith('.md'))) {
    const text = readFileSync(join(source, name), 'utf8');
    try {
      parseArticle(text, name);
      writeFileSync(join(dir, name), text);
    } catch (error) {
      console.warn(`eval: skipping ${name}: ${(error as Error).message}`);
    }
  }
  return dir;
}

export async function createEvalWorld(options: { catalogRecords?: number } = {}): Promise<EvalWorld> {
  const clock = fixedClock(EVAL_NOW);
  const articlesDir = validArticlesDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'libdesk-eval-db-'));
  const calendar = await createLibraryCalendar({ file: root('knowledge/library.yaml') });
  // As the service serves them: placeholders ({{hours_summary}}) filled from the library settings.
  const knowledge = await createKnowledgeBase({ dir: articlesDir, placeholders: { calendar, now: clock.now } });
  const events = await createEventsCalendar({ source: root('knowledge/events.ics'), now: clock.now, findBranch: calendar.findBranch });
  const database = await openDatabase({ dataDir });
  const catalog = createCatalog({ prisma: database.prisma, provider: database.provider, shelfMap: root('knowledge/shelf-map.yaml'), clock, parseInWorker: false });
  await catalog.importer.importRecords(generateDemoCatalog({ count: options.catalogRecords ?? EVAL_CATALOG_RECORDS, now: clock.now() }), { source: 'demo', now: clock.now() });
  await catalog.loadIndex();
  const assets = createAssetsRepository(database.prisma);
  for (const asset of DEMO_ASSETS) await assets.upsert(asset);
  return {
    clock,
    assets,
    knowledge,
    calendar,
    events,
    catalog,
    database,
    async close() {
      knowledge.close();
      calendar.close();
      await database.close();
      rmSync(articlesDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
