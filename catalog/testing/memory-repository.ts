import type { CatalogRecord } from '../../core/catalog.js';
import type { BibInput } from '../bib/bib-input.js';
import type { CatalogRepository, ItemRow } from '../catalog.repository.js';

/** An in-memory CatalogRepository for unit tests of the service, importer and skills. */
export function createMemoryCatalogRepository(): CatalogRepository & { bibs: Map<string, BibInput>; setItemStatus(id: string, status: ItemRow['status'], dueAt?: Date): void } {
  const bibs = new Map<string, BibInput>();
  const toRecord = (bib: BibInput): CatalogRecord => {
    const { items: _items, callNumberSort: _sort, controlNumber: _control, ...rest } = bib;
    const callNumber = bib.deweyCallNumber ?? bib.lcCallNumber;
    return { ...rest, ...(callNumber ? { callNumber } : {}) };
  };
  return {
    bibs,
    setItemStatus(id, status, dueAt) {
      for (const bib of bibs.values()) {
        const item = bib.items.find((i) => i.id === id);
        if (item) {
          item.status = status;
          if (dueAt) item.dueAt = dueAt;
          else delete item.dueAt;
        }
      }
    },
    async existingIds(ids) {
      return new Set(ids.filter((id) => bibs.has(id)));
    },
    async upsertBatch(batch) {
      for (const bib of batch) bibs.set(bib.id, structuredClone(bib));
    },
    async *readIndexPages() {
      yield [...bibs.values()].map((b) => ({
        id: b.id, title: b.title, subtitle: b.subtitle ?? null, alternateTitles: b.alternateTitles ?? [], authors: b.authors, subjects: b.subjects, isbns: b.isbns, series: b.series, summary: b.summary ?? null,
        format: b.format, language: b.language ?? null, year: b.year ?? null, callNumber: b.deweyCallNumber ?? b.lcCallNumber ?? null,
      }));
    },
    async *readItemSummaries() {
      yield [...bibs.values()].flatMap((b) => b.items.map((i) => ({ bibId: b.id, branchId: i.branchId, status: i.status })));
    },
    async getRecords(ids) {
      return ids.flatMap((id) => (bibs.has(id) ? [toRecord(bibs.get(id)!)] : []));
    },
    async itemsFor(bibIds) {
      return bibIds.flatMap((bibId) =>
        (bibs.get(bibId)?.items ?? []).map((i) => ({ id: i.id, bibId, branchId: i.branchId, location: i.location ?? null, callNumber: i.callNumber ?? null, status: i.status, dueAt: i.dueAt ?? null })),
      );
    },
    async count() {
      return bibs.size;
    },
  };
}
