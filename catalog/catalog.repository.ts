import type { CatalogFormat, CatalogRecord, ItemStatus } from '../core/catalog.js';
import type { PrismaClient } from '../generated/sqlite/client.js';
import type { BibInput } from './bib/bib-input.js';

/**
 * The only file of the catalog that speaks SQL. Imports go through batched upserts, one transaction
 * per batch (Prisma's createMany cannot upsert, and row-by-row upserts are far slower); the upsert SQL
 * (quoted identifiers, ON CONFLICT … DO UPDATE) is the same on SQLite and PostgreSQL.
 */
export interface CatalogRepositoryDeps {
  prisma: PrismaClient;
  provider: 'sqlite' | 'postgresql';
}

/** What the search index needs of a record, read in pages at start. */
export interface IndexRow {
  id: string;
  title: string;
  subtitle: string | null;
  alternateTitles: string[];
  authors: string[];
  subjects: string[];
  isbns: string[];
  series: string[];
  summary: string | null;
  format: CatalogFormat;
  language: string | null;
  year: number | null;
  callNumber: string | null;
}

export interface ItemRow {
  id: string;
  bibId: string;
  branchId: string;
  location: string | null;
  callNumber: string | null;
  status: ItemStatus;
  dueAt: Date | null;
}

export interface CatalogRepository {
  /** Which of these record ids are already stored (to count updates apart from inserts). */
  existingIds(ids: string[]): Promise<Set<string>>;
  /** Inserts or updates records with their items, replacing each record's item list. */
  upsertBatch(bibs: BibInput[], options: { now: Date; source?: string }): Promise<void>;
  /** Pages through every record for the index, `pageSize` at a time, in id order. */
  readIndexPages(pageSize?: number): AsyncGenerator<IndexRow[]>;
  /** Item branch and status per record, for the index's branch and availability filters. */
  readItemSummaries(pageSize?: number): AsyncGenerator<Array<{ bibId: string; branchId: string; status: string }>>;
  getRecords(ids: string[]): Promise<CatalogRecord[]>;
  itemsFor(bibIds: string[]): Promise<ItemRow[]>;
  count(): Promise<number>;
}

const BIB_COLUMNS = [
  'id', 'controlNumber', 'title', 'subtitle', 'authors', 'subjects', 'isbns', 'publisher', 'year', 'edition', 'series', 'summary',
  'language', 'format', 'deweyCallNumber', 'lcCallNumber', 'callNumberSort', 'source', 'createdAt', 'updatedAt', 'alternateTitles',
] as const;
const ITEM_COLUMNS = ['id', 'barcode', 'bibId', 'branchId', 'location', 'callNumber', 'status', 'dueAt', 'updatedAt'] as const;

const quote = (name: string): string => `"${name}"`;
/** What a CatalogRecord is made of: no import bookkeeping (source, dates, sort key), which only costs conversions. */
const RECORD_COLUMNS = [
  'id', 'title', 'subtitle', 'authors', 'subjects', 'isbns', 'publisher', 'year', 'edition', 'series', 'summary', 'language', 'format',
  'deweyCallNumber', 'lcCallNumber', 'alternateTitles',
].map(quote).join(', ');

function parseJsonArray(text: unknown): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** Only records that have original-script titles carry the field. */
const alternates = (value: unknown): { alternateTitles?: string[] } => {
  const titles = parseJsonArray(value);
  return titles.length > 0 ? { alternateTitles: titles } : {};
};

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const date = new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

export function createCatalogRepository(deps: CatalogRepositoryDeps): CatalogRepository {
  const { prisma, provider } = deps;
  // PostgreSQL takes $1…$n, SQLite takes ?; both accept the rest of the SQL as written.
  const inList = (count: number, offset = 0): string =>
    Array.from({ length: count }, (_, i) => (provider === 'postgresql' ? `$${i + 1 + offset}` : '?')).join(', ');
  /**
   * Rows travel as one JSON parameter and are unpacked by the database (SQLite json_each, PostgreSQL
   * jsonb_to_recordset): thousands of rows per statement without thousands of bound parameters, which
   * is where the time went with multi-row VALUES.
   */
  function rowsFrom(columns: readonly string[], types: Record<string, string>): string {
    if (provider === 'postgresql') {
      return `SELECT ${columns.map((c) => (types[c] === 'timestamp' ? `x.${quote(c)}::timestamp(3)` : `x.${quote(c)}`)).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${columns
        .map((c) => `${quote(c)} ${types[c] === 'timestamp' ? 'text' : (types[c] ?? 'text')}`)
        .join(', ')})`;
    }
    return `SELECT ${columns.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?) WHERE true`;
  }
  const toJson = (rows: unknown[][], columns: readonly string[]): string =>
    provider === 'postgresql' ? JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])))) : JSON.stringify(rows);

  const BIB_TYPES: Record<string, string> = { year: 'integer', createdAt: 'timestamp', updatedAt: 'timestamp' };
  const ITEM_TYPES: Record<string, string> = { dueAt: 'timestamp', updatedAt: 'timestamp' };
  const iso = (date: Date | undefined): string | null => (date ? date.toISOString() : null);

  async function upsertBibs(tx: PrismaClient, bibs: BibInput[], now: Date, source: string | undefined): Promise<void> {
    const rows = bibs.map((bib) => [
      bib.id, bib.controlNumber ?? null, bib.title, bib.subtitle ?? null, JSON.stringify(bib.authors), JSON.stringify(bib.subjects),
      JSON.stringify(bib.isbns), bib.publisher ?? null, bib.year ?? null, bib.edition ?? null, JSON.stringify(bib.series),
      bib.summary ?? null, bib.language ?? null, bib.format, bib.deweyCallNumber ?? null, bib.lcCallNumber ?? null,
      bib.callNumberSort ?? null, source ?? null, iso(now), iso(now), JSON.stringify(bib.alternateTitles ?? []),
    ]);
    const updates = BIB_COLUMNS.filter((c) => c !== 'id' && c !== 'createdAt').map((c) => `${quote(c)} = excluded.${quote(c)}`);
    await tx.$executeRawUnsafe(
      `INSERT INTO "BibRecord" (${BIB_COLUMNS.map(quote).join(', ')}) ${rowsFrom(BIB_COLUMNS, BIB_TYPES)} ON CONFLICT ("id") DO UPDATE SET ${updates.join(', ')}`,
      toJson(rows, BIB_COLUMNS),
    );
  }

  async function replaceItems(tx: PrismaClient, bibs: BibInput[], now: Date): Promise<void> {
    // A re-imported record's item list replaces the old one: copies no longer in the file go.
    const ids = JSON.stringify(provider === 'postgresql' ? bibs.map((b) => ({ id: b.id })) : bibs.map((b) => b.id));
    await tx.$executeRawUnsafe(
      provider === 'postgresql'
        ? `DELETE FROM "Item" WHERE "bibId" IN (SELECT x.id FROM jsonb_to_recordset($1::jsonb) AS x(id text))`
        : `DELETE FROM "Item" WHERE "bibId" IN (SELECT value FROM json_each(?))`,
      ids,
    );
    const rows = bibs.flatMap((bib) =>
      bib.items.map((item) => [item.id, item.barcode ?? null, bib.id, item.branchId, item.location ?? null, item.callNumber ?? null, item.status, iso(item.dueAt), iso(now)]),
    );
    if (rows.length === 0) return;
    const updates = ITEM_COLUMNS.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`);
    await tx.$executeRawUnsafe(
      `INSERT INTO "Item" (${ITEM_COLUMNS.map(quote).join(', ')}) ${rowsFrom(ITEM_COLUMNS, ITEM_TYPES)} ON CONFLICT ("id") DO UPDATE SET ${updates.join(', ')}`,
      toJson(rows, ITEM_COLUMNS),
    );
  }

  function toRecord(row: Record<string, unknown>): CatalogRecord {
    const optional = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> =>
      value === null || value === undefined || value === '' ? {} : ({ [key]: String(value) } as Record<K, string>);
    const year = toNumber(row.year);
    const dewey = row.deweyCallNumber as string | null;
    const lc = row.lcCallNumber as string | null;
    return {
      id: String(row.id),
      title: String(row.title),
      authors: parseJsonArray(row.authors),
      subjects: parseJsonArray(row.subjects),
      isbns: parseJsonArray(row.isbns),
      series: parseJsonArray(row.series),
      format: row.format as CatalogFormat,
      ...alternates(row.alternateTitles),
      ...optional('subtitle', row.subtitle),
      ...optional('publisher', row.publisher),
      ...(year !== null ? { year } : {}),
      ...optional('edition', row.edition),
      ...optional('summary', row.summary),
      ...optional('language', row.language),
      ...optional('callNumber', dewey ?? lc),
      ...optional('deweyCallNumber', dewey),
      ...optional('lcCallNumber', lc),
    };
  }

  return {
    async existingIds(ids) {
      const found = new Set<string>();
      for (let start = 0; start < ids.length; start += 500) {
        const slice = ids.slice(start, start + 500);
        const rows = await prisma.$queryRawUnsafe<Array<{ id: string }>>(`SELECT "id" FROM "BibRecord" WHERE "id" IN (${inList(slice.length)})`, ...slice);
        for (const row of rows) found.add(row.id);
      }
      return found;
    },

    async upsertBatch(bibs, { now, source }) {
      if (bibs.length === 0) return;
      // The same record twice in one batch: the later one wins, as it would across batches.
      const latest = [...new Map(bibs.map((b) => [b.id, b])).values()];
      await prisma.$transaction(async (tx) => {
        await upsertBibs(tx as unknown as PrismaClient, latest, now, source);
        await replaceItems(tx as unknown as PrismaClient, latest, now);
      }, { timeout: 120_000, maxWait: 30_000 });
    },

    async *readIndexPages(pageSize = 5000) {
      let after = '';
      for (;;) {
        const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
          `SELECT "id", "title", "subtitle", "alternateTitles", "authors", "subjects", "isbns", "series", "summary", "format", "language", "year", "deweyCallNumber", "lcCallNumber" ` +
            `FROM "BibRecord" WHERE "id" > ${provider === 'postgresql' ? '$1' : '?'} ORDER BY "id" LIMIT ${Math.floor(pageSize)}`,
          after,
        );
        if (rows.length === 0) return;
        yield rows.map((row) => ({
          id: String(row.id),
          title: String(row.title),
          subtitle: (row.subtitle as string | null) ?? null,
          alternateTitles: parseJsonArray(row.alternateTitles),
          authors: parseJsonArray(row.authors),
          subjects: parseJsonArray(row.subjects),
          isbns: parseJsonArray(row.isbns),
          series: parseJsonArray(row.series),
          summary: (row.summary as string | null) ?? null,
          format: row.format as CatalogFormat,
          language: (row.language as string | null) ?? null,
          year: toNumber(row.year),
          callNumber: ((row.deweyCallNumber ?? row.lcCallNumber) as string | null) ?? null,
        }));
        after = String(rows[rows.length - 1]!.id);
        if (rows.length < pageSize) return;
      }
    },

    async *readItemSummaries(pageSize = 20000) {
      let after = '';
      for (;;) {
        const rows = await prisma.$queryRawUnsafe<Array<{ id: string; bibId: string; branchId: string; status: string }>>(
          `SELECT "id", "bibId", "branchId", "status" FROM "Item" WHERE "id" > ${provider === 'postgresql' ? '$1' : '?'} ORDER BY "id" LIMIT ${Math.floor(pageSize)}`,
          after,
        );
        if (rows.length === 0) return;
        yield rows;
        after = rows[rows.length - 1]!.id;
        if (rows.length < pageSize) return;
      }
    },

    async getRecords(ids) {
      if (ids.length === 0) return [];
      const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        `SELECT ${RECORD_COLUMNS} FROM "BibRecord" WHERE "id" IN (${inList(ids.length)})`,
        ...ids,
      );
      const byId = new Map(rows.map((row) => [String(row.id), toRecord(row)]));
      return ids.map((id) => byId.get(id)).filter((r): r is CatalogRecord => r !== undefined);
    },

    async itemsFor(bibIds) {
      if (bibIds.length === 0) return [];
      const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        `SELECT "id", "bibId", "branchId", "location", "callNumber", "status", "dueAt" FROM "Item" WHERE "bibId" IN (${inList(bibIds.length)})`,
        ...bibIds,
      );
      return rows.map((row) => ({
        id: String(row.id),
        bibId: String(row.bibId),
        branchId: String(row.branchId),
        location: (row.location as string | null) ?? null,
        callNumber: (row.callNumber as string | null) ?? null,
        status: row.status as ItemStatus,
        dueAt: toDate(row.dueAt),
      }));
    },

    async count() {
      const rows = await prisma.$queryRawUnsafe<Array<{ n: unknown }>>('SELECT COUNT(*) AS n FROM "BibRecord"');
      return Number(rows[0]?.n ?? 0);
    },
  };
}
