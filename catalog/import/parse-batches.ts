import type { BibInput } from '../bib/bib-input.js';
import { createBranchResolver, type BranchAliases } from '../bib/branches.js';
import { mapMarcRecord, type ItemTagLayout } from '../bib/map-record.js';
import type { MarcEncoding } from '../marc/iso2709.js';
import { readMarcFile } from '../marc/read-marc.js';
import { MarcRecordError } from '../marc/record.js';

/** A run of mapped records from one file, with the records skipped among them. */
export interface ParsedBatch {
  bibs: BibInput[];
  /** 1-based positions in the file and why each record was skipped. */
  skipped: Array<{ index: number; reason: string }>;
  /** Records imported with something repaired on the way (undecodable bytes replaced, control characters removed). */
  warnings: Array<{ index: number; warning: string }>;
  /** Records read so far in this file (good and bad). */
  read: number;
  bytesRead: number;
}

export interface ParseBatchesOptions {
  encoding?: MarcEncoding;
  /** Plain data rather than a resolver, so the options can cross into a worker thread. */
  branchAliases?: BranchAliases;
  /** Where the ILS puts its copies; plain data too. */
  itemTags?: ItemTagLayout[];
  batchSize: number;
}

/** Reads, decodes and maps a MARC file, `batchSize` records at a time. */
export async function* parseMappedBatches(path: string, options: ParseBatchesOptions): AsyncGenerator<ParsedBatch> {
  const resolveBranch = options.branchAliases ? createBranchResolver(options.branchAliases) : undefined;
  const mapOptions = { ...(resolveBranch ? { resolveBranch } : {}), ...(options.itemTags ? { itemTags: options.itemTags } : {}) };
  let batch: ParsedBatch = { bibs: [], skipped: [], warnings: [], read: 0, bytesRead: 0 };
  let read = 0;
  let bytesRead = 0;
  for await (const result of readMarcFile(path, { ...(options.encoding ? { encoding: options.encoding } : {}), onBytes: (n) => (bytesRead = n) })) {
    read += 1;
    if ('error' in result) batch.skipped.push({ index: result.index, reason: result.error });
    else {
      try {
        batch.bibs.push(mapMarcRecord(result.record, mapOptions));
        for (const warning of result.record.warnings ?? []) batch.warnings.push({ index: result.index, warning });
      } catch (error) {
        if (!(error instanceof MarcRecordError)) throw error;
        batch.skipped.push({ index: result.index, reason: error.message });
      }
    }
    if (batch.bibs.length + batch.skipped.length >= options.batchSize) {
      yield { ...batch, read, bytesRead };
      batch = { bibs: [], skipped: [], warnings: [], read: 0, bytesRead: 0 };
    }
  }
  yield { ...batch, read, bytesRead };
}
