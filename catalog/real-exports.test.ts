import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import { formatImportSummary } from '../app/cli/import-marc.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createTemporaryDir } from '../test/support/services.js';
import { createCatalog, type Catalog } from './index.js';
import type { ImportSummary } from './importer.js';
import { writeIso2709 } from './marc/iso2709.js';
import type { MarcDataField, MarcRecord } from './marc/record.js';

const df = (tag: string, ind: string, ...subfields: Array<[string, string]>): MarcDataField => ({
  tag, ind1: ind[0]!, ind2: ind[1]!, subfields: subfields.map(([code, value]) => ({ code, value })),
});
const bib = (...fields: MarcRecord['fields']): MarcRecord => ({ leader: '00000nam a2200000 i 4500', fields });

/** What real small-library exports look like: no control numbers, original scripts, local holdings tags, stray bytes. */
function exportFile(dir: string): string {
  const records = [
    // No 001, no ISBN (most of a Nepali public library's file), copies in 949.
    bib(df('245', '10', ['a', 'Muna Madan /'], ['c', 'Laxmi Prasad Devkota.']), df('100', '1 ', ['a', 'Devkota, Laxmi Prasad.']),
      df('260', '  ', ['a', 'Kathmandu :'], ['b', 'Sajha Prakashan,'], ['c', '2010.']),
      df('949', '  ', ['a', '891.49 DEV'], ['i', '30001'], ['l', 'Adult Fiction'], ['m', 'Main Library'])),
    // Romanized Hebrew with its original script in 880.
    bib({ tag: '001', value: 'heb-1' }, df('245', '10', ['6', '880-01'], ['a', 'Sefer ha-dikduk']),
      df('880', '10', ['6', '245-01/(2/r'], ['a', 'ספר הדקדוק']), df('100', '1 ', ['a', 'Cohen, Avraham.'])),
    // A corporate author, and a stray byte in a local note nobody reads.
    bib({ tag: '001', value: 'corp-1' }, df('245', '10', ['a', 'Filmstrips for schools']), df('110', '2 ', ['a', 'Educational Audio Visual (Pleasantville, N.Y.)']),
      df('590', '  ', ['a', 'Local note QQ'])),
  ];
  const bytes = records.map(writeIso2709);
  const last = bytes[2]!;
  last[last.lastIndexOf(0x51)] = 0xff; // one byte that is neither UTF-8 nor MARC-8
  last[last.lastIndexOf(0x51)] = 0x1b; // and a stray ESC
  const file = path.join(dir, 'export.mrc');
  writeFileSync(file, Buffer.concat(bytes.map((b) => Buffer.from(b))));
  return file;
}

describe('importing real ILS exports whole', () => {
  let database: TemporaryDatabase;
  let catalog: Catalog;
  let summary: ImportSummary;
  const temp = createTemporaryDir();
  beforeAll(async () => {
    database = await openTemporarySqlite();
    catalog = createCatalog({ prisma: database.db.prisma, provider: 'sqlite', shelfMap: 'knowledge/shelf-map.yaml', clock: fixedClock(new Date('2026-12-01T12:00:00Z')) });
    summary = await catalog.importer.importFiles([exportFile(temp.dir)]);
  });
  afterAll(async () => {
    await database.close();
    temp.remove();
  });

  it('imports every record, and says which were repaired', () => {
    expect(summary).toMatchObject({ read: 3, imported: 3, skipped: [] });
    expect(new Set(summary.warnings.map((warning) => warning.index))).toEqual(new Set([3]));
    expect(summary.warnings.map((warning) => warning.warning).join(' ')).toMatch(/field 590/);
    const lines = formatImportSummary(summary).join('\n');
    expect(lines).toMatch(/imported with repairs: 1/);
    expect(lines).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('keys a record with neither 001 nor ISBN and reads its copies from 949', async () => {
    const { hits } = await catalog.port.search({ text: 'muna madan' });
    expect(hits[0]?.record.id).toMatch(/^content:/);
    const availability = await catalog.port.availability([hits[0]!.record.id]);
    expect(availability.get(hits[0]!.record.id)).toMatchObject({ total: 1, available: 1, branches: [expect.objectContaining({ branchId: 'main' })] });
  });

  it('finds a record by its title in the original script and shows it', async () => {
    const { hits } = await catalog.port.search({ text: 'ספר הדקדוק' });
    expect(hits.map((hit) => hit.record.id)).toEqual(['local:heb-1']);
    expect(hits[0]!.record.alternateTitles).toEqual(['ספר הדקדוק']);
  });

  it('reads re-imported files as updates, not new records', async () => {
    const again = await catalog.importer.importFiles([path.join(temp.dir, 'export.mrc')]);
    expect(again).toMatchObject({ imported: 0, updated: 3 });
  });
});
