import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../../catalog/index.js';
import { generateDemoCatalog } from '../../catalog/demo-catalog.js';
import { readMarcFile } from '../../catalog/marc/read-marc.js';
import type { BibInput } from '../../catalog/bib/bib-input.js';
import { fixedClock } from '../../core/clock.js';
import type { Db } from '../../db/index.js';

export interface CatalogStoreHarness {
  prisma: Db;
  provider: 'sqlite' | 'postgresql';
  close(): Promise<void>;
}

export const MARC_DATA = path.resolve(import.meta.dirname, '../fixtures/marc');
export const SHELF_MAP = path.resolve(import.meta.dirname, '../../knowledge/shelf-map.yaml');
const now = new Date('2026-11-29T15:00:00Z');

async function countRecords(file: string): Promise<number> {
  let n = 0;
  for await (const _ of readMarcFile(file)) n += 1;
  return n;
}

/**
 * What the catalog must do on every database it runs on (embedded SQLite and PostgreSQL): batched
 * upserts that update instead of duplicating, item lists replaced on re-import, live availability,
 * and an index rebuilt at start that equals the one kept up to date by imports.
 */
export function runCatalogStoreContract(
  name: string,
  open: () => Promise<CatalogStoreHarness>,
  /** Tests only this database needs, run after the contract's and before the database closes. */
  more?: (context: { catalog(): Catalog; harness(): CatalogStoreHarness }) => void,
): void {
  let harness: CatalogStoreHarness;
  let catalog: Catalog;
  const files = readdirSync(MARC_DATA).filter((f) => /\.(dat|mrc|xml)$/.test(f)).sort().map((f) => path.join(MARC_DATA, f));

  describe(`catalog store on ${name}`, () => {
    beforeAll(async () => {
      harness = await open();
      catalog = createCatalog({ prisma: harness.prisma, provider: harness.provider, shelfMap: SHELF_MAP, clock: fixedClock(now) });
    }, 120_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('imports or skips with a reason every record of every MARC fixture file, losing none', async () => {
      const summary = await catalog.importer.importFiles(files);
      let expected = 0;
      for (const file of files) expected += await countRecords(file);
      expect(summary.read).toBe(expected);
      expect(summary.imported + summary.updated + summary.skipped.length).toBe(summary.read);
      for (const skip of summary.skipped) expect(skip.reason.length).toBeGreaterThan(10);
      // The only records that cannot be read unaided are the windows-1251 ones whose leader claims MARC-8.
      expect(new Set(summary.skipped.map((s) => s.file))).toEqual(new Set(['1251.dat']));
      expect(summary.skipped.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(summary.skipped[0]!.reason).toMatch(/--encoding/);
      expect(await harness.prisma.bibRecord.count()).toBe(summary.imported);
    });

    it('updates on re-import instead of duplicating', async () => {
      const before = await harness.prisma.bibRecord.count();
      const summary = await catalog.importer.importFiles(files);
      expect(summary.imported).toBe(0);
      expect(summary.updated).toBe(before);
      expect(await harness.prisma.bibRecord.count()).toBe(before);
    });

    it('stores MARC-8 text as composed Unicode', async () => {
      const record = await harness.prisma.bibRecord.findFirst({ where: { title: { contains: 'Godunovym' } } });
      expect(record?.title).toContain('podarennyĭ Dimitrīem');
      expect(record?.title).toBe(record?.title.normalize('NFC'));
    });

    it('reads a file in another character set when told which', async () => {
      const summary = await catalog.importer.importFiles([path.join(MARC_DATA, '1251.dat')], { encoding: 'windows-1251' });
      expect(summary.skipped).toEqual([]);
      expect(summary.imported).toBe(6);
      const { hits } = await catalog.port.search({ text: 'гидравлического расчета' });
      expect(hits[0]?.record.title).toMatch(/^Основы гидравлического расчета инженерных сетей/);
    });

    it('loads demo records with items, searches them and reads live availability', async () => {
      const summary = await catalog.importer.importRecords(generateDemoCatalog({ count: 1500, now }), { source: 'demo', now });
      expect(summary.imported).toBe(1500);
      const { hits } = await catalog.port.search({ text: 'harry poter', limit: 3 });
      expect(hits[0]?.record.title).toBe("Harry Potter and the Sorcerer's Stone");
      expect(hits[0]?.record.year).toBe(1998);
      const availability = (await catalog.port.availability([hits[0]!.record.id])).get(hits[0]!.record.id)!;
      expect(availability.total).toBeGreaterThanOrEqual(3);
      expect(availability.branches.map((b) => b.branchId).sort()).toEqual(['eastside', 'main']);

      // A checkout recorded by the ILS shows up at once, and so does the on-the-shelf filter.
      const item = await harness.prisma.item.findFirstOrThrow({ where: { bibId: hits[0]!.record.id, status: 'available' } });
      await harness.prisma.item.update({ where: { id: item.id }, data: { status: 'checked_out', dueAt: new Date('2026-12-03T18:00:00Z') } });
      const after = (await catalog.port.availability([hits[0]!.record.id])).get(hits[0]!.record.id)!;
      expect(after.available).toBe(availability.available - 1);
      expect(after.branches.find((b) => b.branchId === item.branchId)?.nextDueAt?.toISOString()).toBe('2026-12-03T18:00:00.000Z');
    });

    it('replaces a re-imported record: new words searchable, old words gone, old copies gone', async () => {
      const [base] = [...generateDemoCatalog({ count: 60, now, seed: 11 })].slice(50, 51);
      const first: BibInput = {
        ...base!, id: 'STALE:1', controlNumber: 'stale-1', title: 'Quixotic lighthouse almanac', subtitle: undefined, subjects: ['Lighthouses -- Quoddy'], series: [],
        items: [
          { id: 'STALE:1#1', barcode: '3999000001', branchId: 'main', status: 'available' },
          { id: 'STALE:1#2', barcode: '3999000002', branchId: 'eastside', status: 'available' },
        ],
      };
      await catalog.importer.importRecords([first], { source: 'stale-test', now });
      expect((await catalog.port.search({ text: 'quixotic' })).hits.map((h) => h.record.id)).toEqual(['STALE:1']);

      const second: BibInput = { ...first, title: 'Zephyrine harbor almanac', subjects: ['Harbors'], items: [{ id: 'STALE:1#9', barcode: '3999000009', branchId: 'main', status: 'checked_out', dueAt: new Date('2026-12-10T18:00:00Z') }] };
      const summary = await catalog.importer.importRecords([second], { source: 'stale-test', now });
      expect(summary.updated).toBe(1);
      for (const text of ['quixotic', 'quoddy']) expect((await catalog.port.search({ text })).total).toBe(0);
      expect((await catalog.port.search({ text: 'zephyrine' })).hits.map((h) => h.record.id)).toEqual(['STALE:1']);
      expect((await catalog.port.get('STALE:1'))?.title).toBe('Zephyrine harbor almanac');
      expect((await harness.prisma.item.findMany({ where: { bibId: 'STALE:1' } })).map((i) => i.id)).toEqual(['STALE:1#9']);
      const availability = (await catalog.port.availability(['STALE:1'])).get('STALE:1')!;
      expect(availability).toMatchObject({ total: 1, available: 0 });
      expect(availability.branches[0]?.nextDueAt?.toISOString()).toBe('2026-12-10T18:00:00.000Z');
      expect((await catalog.port.search({ text: 'zephyrine', availableOnly: true })).total).toBe(0);
    });

    it('refreshes a record cached by search once it is re-imported, while availability stays live', async () => {
      const [base] = [...generateDemoCatalog({ count: 70, now, seed: 13 })].slice(60, 61);
      const first: BibInput = {
        ...base!, id: 'CACHE:1', controlNumber: 'cache-1', title: 'Obsidian lantern chronicle', subtitle: undefined, authors: ['Quill, Ada'], year: 1991,
        subjects: ['Lanterns'], series: [],
        items: [
          { id: 'CACHE:1#1', barcode: '3999000101', branchId: 'main', status: 'available' },
          { id: 'CACHE:1#2', barcode: '3999000102', branchId: 'main', status: 'available' },
        ],
      };
      await catalog.importer.importRecords([first], { source: 'cache-test', now });
      const before = (await catalog.port.search({ text: 'obsidian lantern' })).hits[0]?.record;
      expect(before).toMatchObject({ id: 'CACHE:1', year: 1991, authors: ['Quill, Ada'] });
      expect((await catalog.port.get('CACHE:1'))?.year).toBe(1991);

      // Same words, so the index finds it the same way; only the stored fields change.
      const second: BibInput = { ...first, year: 2004, authors: ['Quill, Ada', 'Marsh, Tobias'], edition: '2nd ed.' };
      await catalog.importer.importRecords([second], { source: 'cache-test', now });
      const after = (await catalog.port.search({ text: 'obsidian lantern' })).hits[0]?.record;
      expect(after).toMatchObject({ id: 'CACHE:1', year: 2004, authors: ['Quill, Ada', 'Marsh, Tobias'], edition: '2nd ed.' });
      expect((await catalog.port.get('CACHE:1'))?.year).toBe(2004);

      // A checkout written straight to the database by the ILS shows up at once, cached record or not.
      expect((await catalog.port.availability(['CACHE:1'])).get('CACHE:1')).toMatchObject({ total: 2, available: 2 });
      await harness.prisma.item.update({ where: { id: 'CACHE:1#1' }, data: { status: 'checked_out', dueAt: new Date('2026-12-07T18:00:00Z') } });
      const live = (await catalog.port.availability(['CACHE:1'])).get('CACHE:1')!;
      expect(live).toMatchObject({ total: 2, available: 1 });
      expect(live.branches[0]?.nextDueAt?.toISOString()).toBe('2026-12-07T18:00:00.000Z');
      await harness.prisma.item.update({ where: { id: 'CACHE:1#2' }, data: { status: 'checked_out', dueAt: new Date('2026-12-09T18:00:00Z') } });
      expect((await catalog.port.availability(['CACHE:1'])).get('CACHE:1')).toMatchObject({ total: 2, available: 0 });
      expect((await catalog.port.search({ text: 'obsidian lantern', availableOnly: true })).total).toBe(0);
    });

    it('builds the same index from the database at start', async () => {
      const fresh = createCatalog({ prisma: harness.prisma, provider: harness.provider, shelfMap: SHELF_MAP });
      const loaded = await fresh.loadIndex();
      expect(loaded.records).toBe(await harness.prisma.bibRecord.count());
      // Re-imported records left nothing behind: same records, same words, same postings.
      const { slots: _kept, ...kept } = catalog.index.stats();
      const { slots: _built, ...built } = fresh.index.stats();
      expect(built).toEqual(kept);
      for (const text of ['grissham', 'python programming', 'cooking', 'zephyrine', 'quixotic']) {
        const a = await catalog.port.search({ text, limit: 5 });
        const b = await fresh.port.search({ text, limit: 5 });
        // Ties may break differently (records sit in import order in one index, id order in the other).
        expect(b.total).toBe(a.total);
        expect(b.hits[0]?.record.title).toBe(a.hits[0]?.record.title);
      }
      const dvd = await fresh.port.search({ text: 'war', format: 'dvd', limit: 3 });
      expect(dvd.hits.length).toBeGreaterThan(0);
      for (const hit of dvd.hits) expect(hit.record.format).toBe('dvd');
      // Availability was loaded from the items: the copy checked out above is not on the shelf.
      expect((await fresh.port.search({ text: 'zephyrine', availableOnly: true })).total).toBe(0);
      expect((await fresh.port.search({ text: 'zephyrine' })).total).toBe(1);
    });

    more?.({ catalog: () => catalog, harness: () => harness });
  });
}
