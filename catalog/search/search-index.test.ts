import { describe, expect, it } from 'vitest';
import { createSearchIndex, type IndexDoc } from './search-index.js';

const doc = (id: string, title: string, extra: Partial<IndexDoc> = {}): IndexDoc => ({
  id, title, authors: [], subjects: [], series: [], isbns: [], format: 'book', language: 'eng', holdings: [{ branchId: 'main', available: true }], ...extra,
});

function build(): ReturnType<typeof createSearchIndex> {
  const index = createSearchIndex();
  index.add(doc('hp1', "Harry Potter and the Sorcerer's Stone", { authors: ['Rowling, J. K.'], subjects: ['Wizards -- Fiction'], isbns: ['9780439708180'] }));
  index.add(doc('hp2', 'Harry Potter and the Chamber of Secrets', { authors: ['Rowling, J. K.'] }));
  index.add(doc('firm', 'The Firm', { authors: ['Grisham, John'], subjects: ['Law firms -- Fiction'], holdings: [{ branchId: 'eastside', available: false }] }));
  index.add(doc('firm-dvd', 'The Firm', { authors: ['Pollack, Sydney'], format: 'dvd', holdings: [{ branchId: 'main', available: true }] }));
  index.add(doc('client', 'The Client', { authors: ['Grisham, John'], holdings: [{ branchId: 'main', available: true }, { branchId: 'eastside', available: true }] }));
  index.add(doc('cook', 'Salt, Fat, Acid, Heat', { authors: ['Nosrat, Samin'], subjects: ['Cooking'] }));
  index.add(doc('dune-subject', 'Deserts of the world', { subjects: ['Dune ecology'] }));
  index.add(doc('dune', 'Dune', { authors: ['Herbert, Frank'] }));
  index.add(doc('dune2', 'Dune Messiah', { authors: ['Herbert, Frank'] }));
  index.add(doc('cien', 'Cien años de soledad', { authors: ['García Márquez, Gabriel'], language: 'spa' }));
  return index;
}

const ids = (result: { hits: Array<{ id: string }> }): string[] => result.hits.map((h) => h.id);

describe('search index', () => {
  const index = build();
  it('forgives typos: a missing letter, a doubled letter', () => {
    expect(ids(index.search({ text: 'harry poter' })).slice(0, 2).sort()).toEqual(['hp1', 'hp2']);
    expect(ids(index.search({ text: 'grissham' })).sort()).toEqual(['client', 'firm']);
  });
  it('reads a known word as a possible typo only when asked to spell loosely', () => {
    const spelled = createSearchIndex();
    spelled.add(doc('caterpillar', 'The Very Hungry Caterpillar', { authors: ['Carle, Eric'] }));
    spelled.add(doc('hungary', 'A History of Hungary', { subjects: ['Hungary -- History'] }));
    expect(ids(spelled.search({ text: 'hungary' }))).toEqual(['hungary']);
    expect(ids(spelled.search({ text: 'hungary', spelling: 'loose' }))).toEqual(['hungary', 'caterpillar']);
  });
  it('puts an exact title above a word in a subject, and the whole title above a longer one', () => {
    expect(ids(index.search({ text: 'dune' }))).toEqual(['dune', 'dune2', 'dune-subject']);
  });
  it('finds a book by the words of its summary in a keyword search, below a title that has them', () => {
    const described = createSearchIndex();
    described.add(doc('maus', 'Maus', { subjects: ['Holocaust, Jewish (1939-1945) -- Comic books, strips, etc.'], summary: 'A survivor of Auschwitz, told by his son in a graphic novel that draws Jews as mice and Nazis as cats.' }));
    described.add(doc('mice', 'Of mice and cats', { authors: ['Smith, Mary'] }));
    described.add(doc('other', 'Gardening for everyone', { summary: 'Vegetables, roses and a compost heap.' }));
    expect(ids(described.search({ text: 'holocaust mice' }))).toEqual(['maus']);
    expect(ids(described.search({ text: 'mice cats' }))).toEqual(['mice', 'maus']);
    // Summaries are not titles, names or subjects.
    expect(ids(described.search({ text: 'mice', field: 'title' }))).toEqual(['mice']);
    expect(ids(described.search({ text: 'compost', field: 'subject' }))).toEqual([]);
  });
  it('searches one field when asked', () => {
    expect(ids(index.search({ text: 'grisham', field: 'title' }))).toEqual([]);
    expect(ids(index.search({ text: 'cooking', field: 'subject' }))).toEqual(['cook']);
    expect(ids(index.search({ text: 'herbert', field: 'author' })).sort()).toEqual(['dune', 'dune2']);
  });
  it('finds by ISBN-13 and by the same ISBN written as ISBN-10', () => {
    expect(ids(index.search({ text: '9780439708180', field: 'isbn' }))).toEqual(['hp1']);
    expect(ids(index.search({ text: '0-439-70818-4' }))).toEqual(['hp1']);
  });
  it('folds diacritics', () => expect(ids(index.search({ text: 'garcia marquez' }))).toEqual(['cien']));
  it('filters by format, language, branch and availability', () => {
    expect(ids(index.search({ text: 'the firm', format: 'dvd' }))).toEqual(['firm-dvd']);
    expect(ids(index.search({ text: 'soledad', language: 'eng' }))).toEqual([]);
    expect(ids(index.search({ text: 'grisham', branchId: 'eastside' })).sort()).toEqual(['client', 'firm']);
    expect(ids(index.search({ text: 'grisham', branchId: 'eastside', availableOnly: true }))).toEqual(['client']);
    expect(ids(index.search({ text: 'grisham', branchId: 'nowhere' }))).toEqual([]);
  });
  it('does not widen a known word into look-alikes', () => {
    expect(ids(index.search({ text: 'firm' })).sort()).toEqual(['firm', 'firm-dvd']);
  });
  it('replaces a re-added record and forgets a removed one', () => {
    const local = build();
    local.add(doc('dune', 'Children of Dune'));
    expect(local.size).toBe(10);
    expect(ids(local.search({ text: 'children' }))).toEqual(['dune']);
    expect(local.remove('dune')).toBe(true);
    expect(ids(local.search({ text: 'children' }))).toEqual([]);
  });
  it('updates availability codes', () => {
    const local = build();
    local.setHoldings('firm', [{ branchId: 'eastside', available: true }]);
    expect(ids(local.search({ text: 'grisham', branchId: 'eastside', availableOnly: true })).sort()).toEqual(['client', 'firm']);
  });
  it('answers stopword-only titles', () => {
    const local = createSearchIndex();
    local.add(doc('it', 'It', { authors: ['King, Stephen'] }));
    local.add(doc('other', 'Something else it is'));
    expect(ids(local.search({ text: 'it' }))[0]).toBe('it');
  });
});

describe('search index after re-imports', () => {
  it('forgets the old words of a re-added record, as if it had been built fresh', () => {
    const local = build();
    local.add(doc('firm', 'The Partner', { authors: ['Grisham, John'] }));
    local.add(doc('cook', 'Salt, Fat, Acid, Heat', { authors: ['Nosrat, Samin'], subjects: ['Cooking'] }));
    expect(ids(local.search({ text: 'firm' }))).toEqual(['firm-dvd']);
    expect(ids(local.search({ text: 'law firms', field: 'subject' }))).toEqual([]);
    expect(ids(local.search({ text: 'partner' }))).toEqual(['firm']);

    const fresh = createSearchIndex();
    fresh.add(doc('hp1', "Harry Potter and the Sorcerer's Stone", { authors: ['Rowling, J. K.'], subjects: ['Wizards -- Fiction'], isbns: ['9780439708180'] }));
    fresh.add(doc('hp2', 'Harry Potter and the Chamber of Secrets', { authors: ['Rowling, J. K.'] }));
    fresh.add(doc('firm-dvd', 'The Firm', { authors: ['Pollack, Sydney'], format: 'dvd' }));
    fresh.add(doc('client', 'The Client', { authors: ['Grisham, John'] }));
    fresh.add(doc('dune-subject', 'Deserts of the world', { subjects: ['Dune ecology'] }));
    fresh.add(doc('dune', 'Dune', { authors: ['Herbert, Frank'] }));
    fresh.add(doc('dune2', 'Dune Messiah', { authors: ['Herbert, Frank'] }));
    fresh.add(doc('cien', 'Cien años de soledad', { authors: ['García Márquez, Gabriel'], language: 'spa' }));
    fresh.add(doc('firm', 'The Partner', { authors: ['Grisham, John'] }));
    fresh.add(doc('cook', 'Salt, Fat, Acid, Heat', { authors: ['Nosrat, Samin'], subjects: ['Cooking'] }));
    const { slots: _a, ...reimported } = local.stats();
    const { slots: _b, ...built } = fresh.stats();
    expect(reimported).toEqual(built);
  });

  it('treats a word only a replaced record had as unknown, so typo matching finds its neighbour', () => {
    const local = createSearchIndex();
    local.add(doc('old', 'Chronicles of the North'));
    local.add(doc('other', 'Chronicle'));
    expect(ids(local.search({ text: 'chronicles' }))).toEqual(['old']);
    local.add(doc('old', 'Annals of the North'));
    expect(ids(local.search({ text: 'chronicles' }))).toEqual(['other']);
  });

  it('counts every record with all the words and ranks title matches above a subject match', () => {
    const local = createSearchIndex();
    local.add(doc('subject', 'Gardens of the world', { subjects: ['Desert plants'] }));
    local.add(doc('title', 'Desert Gardens'));
    local.add(doc('long', 'Desert Gardens of Arizona'));
    local.add(doc('other', 'Desert Roads'));
    const result = local.search({ text: 'desert gardens' });
    expect(ids(result)).toEqual(['title', 'long', 'subject']);
    expect(result.total).toBe(3);
    const titles = local.search({ text: 'desert gardens', field: 'title' });
    expect(ids(titles)).toEqual(['title', 'long']);
    expect(titles.total).toBe(2);
  });

  it('keeps half-word matches out when a record has every word but the filters exclude it', () => {
    const local = createSearchIndex();
    local.add(doc('both', 'Desert Gardens', { format: 'dvd' }));
    local.add(doc('one', 'Desert Roads'));
    expect(local.search({ text: 'desert gardens', format: 'book' })).toEqual({ hits: [], total: 0 });
    expect(ids(local.search({ text: 'desert gardens' }))).toEqual(['both']);
  });

  it('falls back to records with half the words when none has them all, wherever the rarest word sits', () => {
    const local = createSearchIndex();
    local.add(doc('dune', 'Dune', { authors: ['Herbert, Frank'] }));
    local.add(doc('dune2', 'Dune Messiah', { authors: ['Herbert, Frank'] }));
    local.add(doc('hp', 'Harry Potter', { authors: ['Rowling, J. K.'] }));
    const result = local.search({ text: 'dune herbert rowling' });
    expect(ids(result)).toEqual(['dune', 'dune2']);
    expect(result.total).toBe(2);
  });
});
