import type { Availability, BranchAvailability, CatalogPort } from '../core/catalog.js';
import type { CatalogRepository } from './catalog.repository.js';
import { createRecordCache, type RecordCache } from './record-cache.js';
import type { SearchIndex } from './search/search-index.js';
import type { ShelfMap } from './shelf-map.js';

export interface CatalogServiceDeps {
  repository: CatalogRepository;
  index: SearchIndex;
  shelfMap: ShelfMap;
  /**
   * Records of recent hits, shared with the importer, which invalidates what it stores again. Without
   * one every hit is read from the repository (no importer would invalidate a cache made here).
   */
  recordCache?: RecordCache;
}

export interface CatalogService extends CatalogPort {
  /** Builds the search index from the database; call once at start. */
  loadIndex(): Promise<{ records: number; ms: number }>;
}

export function createCatalogService(deps: CatalogServiceDeps): CatalogService {
  const { repository, index, shelfMap } = deps;
  const recordCache = deps.recordCache ?? createRecordCache({ capacity: 0 });
  const loadRecords = (ids: string[]) => repository.getRecords(ids);

  return {
    async search(query) {
      const { hits, total } = index.search(query);
      if (hits.length === 0) return { hits: [], total };
      // Only the records not cached are read, all in one query; availability is not part of a hit.
      const byId = await recordCache.getMany(hits.map((h) => h.id), loadRecords);
      return {
        hits: hits.flatMap((hit) => {
          const record = byId.get(hit.id);
          return record ? [{ record, score: hit.score }] : [];
        }),
        total,
      };
    },

    async get(id) {
      return (await recordCache.getMany([id], loadRecords)).get(id);
    },

    async availability(ids) {
      const items = await repository.itemsFor(ids);
      const result = new Map<string, Availability>();
      for (const id of ids) result.set(id, { bibId: id, total: 0, available: 0, branches: [] });
      const perBranch = new Map<string, BranchAvailability>();
      for (const item of items) {
        const summary = result.get(item.bibId)!;
        const key = `${item.bibId}\u0000${item.branchId}`;
        let branch = perBranch.get(key);
        if (!branch) {
          branch = { branchId: item.branchId, total: 0, available: 0, locations: [], ...(item.callNumber ? { callNumber: item.callNumber } : {}) };
          perBranch.set(key, branch);
          summary.branches.push(branch);
        }
        // Withdrawn copies are gone from the shelf for good; they are not "copies" to a patron.
        if (item.status === 'withdrawn' || item.status === 'lost') continue;
        branch.total += 1;
        summary.total += 1;
        if (item.status === 'available') {
          branch.available += 1;
          summary.available += 1;
        }
        if (item.status === 'checked_out' && item.dueAt && (!branch.nextDueAt || item.dueAt < branch.nextDueAt)) branch.nextDueAt = item.dueAt;
        if (item.location && !branch.locations.includes(item.location)) branch.locations.push(item.location);
      }
      for (const summary of result.values()) {
        summary.branches = summary.branches.filter((b) => b.total > 0).sort((a, b) => b.available - a.available || a.branchId.localeCompare(b.branchId));
        // What we just read is the truth: keep the index's availability filter in step with it.
        index.setHoldings(summary.bibId, summary.branches.flatMap((b) => [
          ...Array.from({ length: b.available }, () => ({ branchId: b.branchId, available: true })),
          ...Array.from({ length: b.total - b.available }, () => ({ branchId: b.branchId, available: false })),
        ]));
      }
      return result;
    },

    locate(text, options) {
      return shelfMap.locate(text, options);
    },

    async loadIndex() {
      const started = performance.now();
      for await (const page of repository.readIndexPages()) {
        for (const row of page) {
          index.add({
            id: row.id,
            title: row.title,
            subtitle: row.subtitle,
            alternateTitles: row.alternateTitles,
            authors: row.authors,
            subjects: row.subjects,
            series: row.series,
            summary: row.summary,
            isbns: row.isbns,
            format: row.format,
            language: row.language,
            holdings: [],
          });
        }
      }
      for await (const page of repository.readItemSummaries()) {
        for (const item of page) {
          if (item.status === 'withdrawn' || item.status === 'lost') continue;
          index.addHolding(item.bibId, { branchId: item.branchId, available: item.status === 'available' });
        }
      }
      return { records: index.size, ms: Math.round(performance.now() - started) };
    },
  };
}
