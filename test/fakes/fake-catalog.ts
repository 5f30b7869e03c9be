import type { Availability, CatalogPort, CatalogRecord, ShelfLocation } from '../../core/catalog.js';

/** In-memory CatalogPort: word search over title and authors, fixed availability and shelf places. */
export function createFakeCatalog(options: {
  records: CatalogRecord[];
  availability?: Availability[];
  shelves?: { match: RegExp; location: ShelfLocation }[];
}): CatalogPort {
  const normal = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return {
    async search(query) {
      const words = normal(query.text).split(/[^a-z0-9]+/).filter((word) => word.length > 2);
      const hits = options.records
        .map((record) => {
          const haystack = normal([record.title, ...record.authors, ...record.isbns].join(' '));
          return { record, score: words.filter((word) => haystack.includes(word)).length };
        })
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score);
      return { hits: hits.slice(0, query.limit ?? 10), total: hits.length };
    },
    async get(id) {
      return options.records.find((record) => record.id === id);
    },
    async availability(ids) {
      return new Map((options.availability ?? []).filter((entry) => ids.includes(entry.bibId)).map((entry) => [entry.bibId, entry]));
    },
    locate(text) {
      return options.shelves?.find((shelf) => shelf.match.test(text))?.location;
    },
  };
}
