import { describe, expect, it } from 'vitest';
import type { MarcDataField, MarcRecord } from '../marc/record.js';
import { mapMarcRecord, parseItemTagLayout } from './map-record.js';

const df = (tag: string, ind: string, ...subs: Array<[string, string]>): MarcDataField => ({ tag, ind1: ind[0]!, ind2: ind[1]!, subfields: subs.map(([code, value]) => ({ code, value })) });

const record: MarcRecord = {
  leader: '01234nam a2200289 i 4500',
  fields: [
    { tag: '001', value: '12345' },
    { tag: '003', value: 'DLC' },
    { tag: '008', value: '190101s2019    nyu           000 0 spa d' },
    df('020', '  ', ['a', '0-439-70818-4 (pbk.)']),
    df('020', '  ', ['z', '9999999999']),
    df('082', '04', ['a', '641.5/945'], ['2', '23']),
    df('092', '  ', ['a', '641.5945'], ['b', 'ROS']),
    df('050', '00', ['a', 'TX723'], ['b', '.R67 2019']),
    df('100', '1 ', ['a', 'Rossi, Maria,'], ['d', '1970-'], ['e', 'author.']),
    df('245', '10', ['a', 'Cucina italiana :'], ['b', 'recipes from Tuscany /'], ['c', 'Maria Rossi.']),
    df('250', '  ', ['a', '2nd ed.']),
    df('264', ' 1', ['a', 'New York :'], ['b', 'Ten Speed Press,'], ['c', '[2019]']),
    df('490', '1 ', ['a', 'Kitchen classics ;'], ['v', '4']),
    df('520', '  ', ['a', 'Family recipes.']),
    df('650', ' 0', ['a', 'Cooking, Italian'], ['z', 'Tuscany.']),
    df('700', '1 ', ['a', 'Bianchi, Luca,'], ['e', 'photographer.']),
    df('952', '  ', ['a', 'MAIN'], ['b', 'MAIN'], ['c', 'Cookbooks'], ['o', '641.5945 ROS'], ['p', '31234000111'], ['q', '2026-12-03']),
    df('952', '  ', ['a', 'ESB'], ['b', 'ESB'], ['o', '641.5945 ROS'], ['p', '31234000112']),
    df('952', '  ', ['a', 'ESB'], ['b', 'ESB'], ['p', '31234000113'], ['1', '1']),
  ],
};

describe('mapMarcRecord', () => {
  const bib = mapMarcRecord(record);
  it('keys the record by 003 and 001', () => expect(bib.id).toBe('DLC:12345'));
  it('maps title, subtitle, authors, edition, series, summary, publisher and year without ISBD punctuation', () => {
    expect(bib).toMatchObject({
      title: 'Cucina italiana', subtitle: 'recipes from Tuscany', authors: ['Rossi, Maria', 'Bianchi, Luca'], edition: '2nd ed.',
      series: ['Kitchen classics ; 4'], summary: 'Family recipes', publisher: 'Ten Speed Press', year: 2019, language: 'spa', format: 'book',
    });
  });
  it('keeps valid ISBNs as ISBN-13 and drops cancelled ones ($z)', () => expect(bib.isbns).toEqual(['9780439708180']));
  it('joins subject subdivisions', () => expect(bib.subjects).toEqual(['Cooking, Italian -- Tuscany']));
  it('prefers the local Dewey number with its cutter and keeps LC', () => {
    expect(bib.deweyCallNumber).toBe('641.5945 ROS');
    expect(bib.lcCallNumber).toBe('TX723.R67 2019');
    expect(bib.callNumberSort).toBe('D  641.5945 ROS');
  });
  it('maps Koha 952 items with branches, barcodes, status and due dates', () => {
    expect(bib.items).toHaveLength(3);
    expect(bib.items[0]).toMatchObject({ id: '31234000111', branchId: 'main', location: 'Cookbooks', status: 'checked_out' });
    expect(bib.items[0]!.dueAt?.toISOString().slice(0, 10)).toBe('2026-12-03');
    expect(bib.items[1]).toMatchObject({ branchId: 'eastside', status: 'available', callNumber: '641.5945 ROS' });
    expect(bib.items[2]).toMatchObject({ status: 'lost', callNumber: '641.5945 ROS' });
  });
  it('falls back to the ISBN as key, then to a stable key from what identifies the work', () => {
    const without001 = { ...record, fields: record.fields.filter((f) => f.tag !== '001') };
    expect(mapMarcRecord(without001).id).toBe('isbn:9780439708180');
    const bare = { ...record, fields: record.fields.filter((f) => f.tag !== '001' && f.tag !== '020') };
    const key = mapMarcRecord(bare).id;
    expect(key).toMatch(/^content:[0-9a-f]{24}$/);
    // Read again (a re-import), the same record gets the same key; another title gets another.
    expect(mapMarcRecord(structuredClone(bare)).id).toBe(key);
    const retitled = { ...bare, fields: bare.fields.map((f) => (f.tag === '245' ? df('245', '10', ['a', 'Another title']) : f)) };
    expect(mapMarcRecord(retitled).id).not.toBe(key);
    expect(() => mapMarcRecord({ ...record, fields: record.fields.filter((f) => f.tag !== '245') })).toThrow(/no title/);
  });

  it('keeps titles and names in their original script from 880 fields, searchable beside the romanized ones', () => {
    const hebrew = mapMarcRecord({
      ...record,
      fields: [
        ...record.fields,
        df('880', '10', ['6', '245-01/(2/r'], ['a', 'ספר הדקדוק /']),
        df('880', '1 ', ['6', '100-02/(2/r'], ['a', 'כהן, אברהם.']),
      ],
    });
    expect(hebrew.alternateTitles).toEqual(['ספר הדקדוק']);
    expect(hebrew.authors.at(-1)).toBe('כהן, אברהם');
    expect(hebrew.authors[0]).toBe(mapMarcRecord(record).authors[0]);
  });

  it('searches a translation by its uniform title (240) and a book by its varying titles (246)', () => {
    const translated = mapMarcRecord({
      ...record,
      fields: [...record.fields, df('240', '10', ['a', 'Hunger games.'], ['l', 'Spanish']), df('246', '3 ', ['a', 'Juegos del hambre, Los'])],
    });
    expect(translated.alternateTitles).toEqual(['Hunger games', 'Juegos del hambre, Los']);
    // A varying title that only repeats the title proper adds nothing.
    const same = mapMarcRecord({ ...record, fields: [...record.fields, df('246', '3 ', ['a', mapMarcRecord(record).title])] });
    expect(same.alternateTitles ?? []).toEqual([]);
  });

  it('reads copies from a local 949 and from a layout the library configures', () => {
    const local = { ...record, fields: [...record.fields.filter((f) => f.tag !== '952'), df('949', '  ', ['a', '823.914 ROW'], ['i', '31234000123'], ['l', 'Juvenile Fiction'], ['m', 'Main Library'])] };
    expect(mapMarcRecord(local).items).toEqual([
      { id: '31234000123', barcode: '31234000123', branchId: 'main', status: 'available', callNumber: '823.914 ROW', location: 'Juvenile Fiction' },
    ]);
    const custom = { ...record, fields: [...record.fields.filter((f) => f.tag !== '952'), df('945', '  ', ['y', 'Eastside Branch'], ['z', 'B77'])] };
    expect(mapMarcRecord(custom).items).toEqual([]);
    const layout = parseItemTagLayout('945:branch=y,barcode=z');
    expect(mapMarcRecord(custom, { itemTags: [layout] }).items).toMatchObject([{ id: 'B77', branchId: 'eastside' }]);
    expect(() => parseItemTagLayout('945:shelf=q')).toThrow(/unknown key/);
  });
  it('maps 852 holdings', () => {
    const holding = mapMarcRecord({ ...record, fields: [...record.fields.filter((f) => f.tag !== '952'), df('852', '0 ', ['b', 'Eastside Branch'], ['c', 'Adult Nonfiction'], ['h', '641.5945'], ['i', 'ROS'], ['p', 'B42'])] });
    expect(holding.items).toEqual([{ id: 'B42', barcode: 'B42', branchId: 'eastside', status: 'available', callNumber: '641.5945 ROS', location: 'Adult Nonfiction' }]);
  });
});
