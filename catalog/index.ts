import type { CatalogPort } from '../core/catalog.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { Db } from '../db/index.js';
import type { BranchAliases } from './bib/branches.js';
import { createCatalogRepository } from './catalog.repository.js';
import { createCatalogService } from './catalog-service.js';
import { createCatalogImporter, type CatalogImporter } from './importer.js';
import { createRecordCache, DEFAULT_RECORD_CACHE_CAPACITY } from './record-cache.js';
import { createSearchIndex, type SearchIndex } from './search/search-index.js';
import { loadShelfMap, type ShelfMap } from './shelf-map.js';

export interface CatalogOptions {
  prisma: Db;
  provider: 'sqlite' | 'postgresql';
  /** A loaded shelf map, or the path of `knowledge/shelf-map.yaml`. */
  shelfMap: ShelfMap | string;
  /** ILS branch codes per branch id; defaults cover "MAIN"/"EAST" style codes. */
  branchAliases?: BranchAliases;
  clock?: Clock;
  /** Parse MARC files on a worker thread while batches are stored (default true). */
  parseInWorker?: boolean;
  /** Records kept in memory for search results (default 20,000, about 20 MB); 0 reads every hit from the database. */
  recordCacheSize?: number;
}

export interface Catalog {
  port: CatalogPort;
  importer: CatalogImporter;
  /** Builds the in-memory index from the database; call once at start, before serving searches. */
  loadIndex(): Promise<{ records: number; ms: number }>;
  index: SearchIndex;
}

export function createCatalog(options: CatalogOptions): Catalog {
  const repository = createCatalogRepository({ prisma: options.prisma, provider: options.provider });
  const index = createSearchIndex();
  const shelfMap = typeof options.shelfMap === 'string' ? loadShelfMap(options.shelfMap) : options.shelfMap;
  const recordCache = createRecordCache({ capacity: options.recordCacheSize ?? DEFAULT_RECORD_CACHE_CAPACITY });
  const service = createCatalogService({ repository, index, shelfMap, recordCache });
  const importer = createCatalogImporter({
    repository,
    index,
    recordCache,
    now: () => (options.clock ?? systemClock).now(),
    ...(options.branchAliases ? { branchAliases: options.branchAliases } : {}),
    ...(options.parseInWorker === false ? { parseInWorker: false } : {}),
  });
  return { port: service, importer, loadIndex: service.loadIndex, index };
}

export { seedDemoCatalog, generateDemoCatalog } from './demo-catalog.js';
export { createShelfMap, loadShelfMap, type ShelfMap } from './shelf-map.js';
export { parseCallNumber, compareCallNumbers, callNumberSortKey } from './bib/call-number.js';
export { normalizeIsbn } from './bib/isbn.js';
export type { ImportSummary, CatalogImporter } from './importer.js';
