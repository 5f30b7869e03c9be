import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { BibInput } from './bib/bib-input.js';
import type { BranchAliases } from './bib/branches.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { RecordCache } from './record-cache.js';
import { parseMappedBatches, type ParseBatchesOptions, type ParsedBatch } from './import/parse-batches.js';
import { parseInWorker } from './import/parse-in-worker.js';
import type { MarcEncoding } from './marc/iso2709.js';
import type { SearchIndex } from './search/search-index.js';
import { toIndexDoc } from './search/index-doc.js';
import type { ItemTagLayout } from './bib/map-record.js';

export interface SkippedRecord {
  file: string;
  /** 1-based position of the record in its file. */
  index: number;
  reason: string;
}

export interface ImportSummary {
  files: string[];
  read: number;
  imported: number;
  updated: number;
  skipped: SkippedRecord[];
  /** Records imported although something in them had to be repaired, and what. */
  warnings: Array<{ file: string; index: number; warning: string }>;
  durationMs: number;
  recordsPerSecond: number;
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal?: number;
  read: number;
}

export interface ImportFilesOptions {
  encoding?: MarcEncoding;
  /** Where this ILS exports its copies (default: 952, 852 and 949 in their usual layouts). */
  itemTags?: ItemTagLayout[];
  onProgress?: (progress: ImportProgress) => void;
  /** File sizes for progress, when the caller knows them. */
  sizes?: Record<string, number>;
}

export interface CatalogImporterDeps {
  repository: CatalogRepository;
  /** Updated after each stored batch, so new records are searchable as soon as they are saved. */
  index?: SearchIndex;
  /** Cached records of the search results; a stored record is forgotten there so the new version is read. */
  recordCache?: Pick<RecordCache, 'invalidate'>;
  /** ILS branch codes per branch id, for the items of imported records. */
  branchAliases?: BranchAliases;
  now: () => Date;
  /** Records per database transaction. */
  batchSize?: number;
  /** Parse and map files on a worker thread while batches are stored (default true). */
  parseInWorker?: boolean;
}

export interface CatalogImporter {
  importFiles(paths: string[], options?: ImportFilesOptions): Promise<ImportSummary>;
  /** Stores records that are already mapped (the demo catalog, other sources). */
  importRecords(records: Iterable<BibInput> | AsyncIterable<BibInput>, options: { source: string; now?: Date }): Promise<ImportSummary>;
}

/** Below this a file is parsed in place: starting a worker (and its TypeScript loader) costs more. */
const WORKER_MIN_BYTES = 4 * 1024 * 1024;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the reader reports the missing file
  }
}

export function createCatalogImporter(deps: CatalogImporterDeps): CatalogImporter {
  const batchSize = deps.batchSize ?? 2000;

  function newSummary(files: string[]): ImportSummary {
    return { files, read: 0, imported: 0, updated: 0, skipped: [], warnings: [], durationMs: 0, recordsPerSecond: 0 };
  }

  async function flush(batch: BibInput[], summary: ImportSummary, source: string, now: Date): Promise<void> {
    if (batch.length === 0) return;
    const existing = await deps.repository.existingIds(batch.map((b) => b.id));
    const seen = new Set<string>();
    for (const bib of batch) {
      // A record repeated within one file counts once, as an update of itself.
      if (existing.has(bib.id) || seen.has(bib.id)) summary.updated += 1;
      else summary.imported += 1;
      seen.add(bib.id);
    }
    await deps.repository.upsertBatch(batch, { now, source });
    // After the commit: a search that read the old row before this point does not keep it (see RecordCache).
    deps.recordCache?.invalidate(batch.map((b) => b.id));
    if (deps.index) for (const bib of batch) deps.index.add(toIndexDoc(bib));
  }

  function finish(summary: ImportSummary, started: number): ImportSummary {
    summary.durationMs = Math.max(1, performance.now() - started);
    summary.recordsPerSecond = Math.round((summary.read / summary.durationMs) * 1000);
    return summary;
  }

  return {
    async importFiles(paths, options = {}) {
      const started = performance.now();
      const summary = newSummary(paths);
      for (const path of paths) {
        const file = basename(path);
        const now = deps.now();
        const total = options.sizes?.[path];
        const parseOptions: ParseBatchesOptions = {
          batchSize,
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(deps.branchAliases ? { branchAliases: deps.branchAliases } : {}),
          ...(options.itemTags ? { itemTags: options.itemTags } : {}),
        };
        const inWorker = deps.parseInWorker !== false && fileSize(path) >= WORKER_MIN_BYTES;
        const batches: AsyncIterable<ParsedBatch> = inWorker ? parseInWorker(path, parseOptions) : parseMappedBatches(path, parseOptions);
        const readBefore = summary.read;
        for await (const batch of batches) {
          summary.read = readBefore + batch.read;
          for (const skip of batch.skipped) summary.skipped.push({ file, ...skip });
          for (const warning of batch.warnings) summary.warnings.push({ file, ...warning });
          await flush(batch.bibs, summary, file, now);
          options.onProgress?.({ file, bytesRead: batch.bytesRead, read: summary.read, ...(total !== undefined ? { bytesTotal: total } : {}) });
        }
      }
      return finish(summary, started);
    },

    async importRecords(records, options) {
      const started = performance.now();
      const summary = newSummary([options.source]);
      const now = options.now ?? deps.now();
      let batch: BibInput[] = [];
      for await (const bib of records) {
        summary.read += 1;
        batch.push(bib);
        if (batch.length >= batchSize) {
          await flush(batch, summary, options.source, now);
          batch = [];
        }
      }
      await flush(batch, summary, options.source, now);
      return finish(summary, started);
    },
  };
}
