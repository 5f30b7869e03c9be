import type { CatalogRecord } from '../core/catalog.js';

/**
 * A bounded, least-recently-used cache of bibliographic records for search results.
 *
 * A record's fields change only when the record is imported again, so the importer invalidates the ids
 * it stores and nothing else expires. Availability is deliberately not here: copy status changes with
 * every checkout and is always read live from the database.
 *
 * A read that was already on its way to the database when an invalidation arrived may hold the old
 * version; such a read is returned to its caller but not kept (an invalidation counter taken before the
 * read tells), so the cache never outlives a re-import. Records are frozen because every search shares them.
 */
export interface RecordCache {
  /** The records for `ids` that exist, by id; the ones not held are loaded with one call to `load`. */
  getMany(ids: readonly string[], load: (missing: string[]) => Promise<CatalogRecord[]>): Promise<Map<string, CatalogRecord>>;
  /** Forgets these records (they were stored again); the next read goes to the database. */
  invalidate(ids: Iterable<string>): void;
  readonly size: number;
}

export interface RecordCacheOptions {
  /** Records kept; 0 turns caching off. A record with its lists is about 1 KB. */
  capacity: number;
}

export const DEFAULT_RECORD_CACHE_CAPACITY = 20_000;

function freezeRecord(record: CatalogRecord): CatalogRecord {
  Object.freeze(record.authors);
  Object.freeze(record.subjects);
  Object.freeze(record.isbns);
  Object.freeze(record.series);
  return Object.freeze(record);
}

export function createRecordCache(options: RecordCacheOptions): RecordCache {
  const capacity = Math.max(0, Math.floor(options.capacity));
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const records = new Map<string, CatalogRecord>();
  let invalidations = 0;

  function keep(record: CatalogRecord): void {
    if (capacity === 0) return;
    records.delete(record.id);
    records.set(record.id, record);
    if (records.size > capacity) records.delete(records.keys().next().value!);
  }

  return {
    async getMany(ids, load) {
      const found = new Map<string, CatalogRecord>();
      const missing: string[] = [];
      for (const id of ids) {
        const record = records.get(id);
        if (record) {
          records.delete(id);
          records.set(id, record);
          found.set(id, record);
        } else if (!found.has(id)) {
          missing.push(id);
        }
      }
      if (missing.length === 0) return found;
      const before = invalidations;
      const loaded = await load(missing);
      const current = before === invalidations;
      for (const record of loaded) {
        const frozen = freezeRecord(record);
        found.set(frozen.id, frozen);
        if (current) keep(frozen);
      }
      return found;
    },

    invalidate(ids) {
      invalidations += 1;
      for (const id of ids) records.delete(id);
    },

    get size() {
      return records.size;
    },
  };
}
