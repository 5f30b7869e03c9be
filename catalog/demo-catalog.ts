import type { CatalogFormat, ItemStatus } from '../core/catalog.js';
import type { BibInput, ItemInput } from './bib/bib-input.js';
import { callNumberSortKey, parseCallNumber } from './bib/call-number.js';
import {
  ADJECTIVES, FIRST_NAMES, KNOWN_BOOKS, LAST_NAMES, MADE_UP_PLACES, madeUpPlace, madeUpSurname, NAMED_TITLE_PATTERNS, PUBLISHERS, SPANISH_TITLES, TITLE_PATTERNS, TITLE_WORDS, TOPICS,
} from './demo-data.js';
import type { MarcDataField, MarcRecord } from './marc/record.js';
import { seededRandom } from '../core/seeded-random.js';

/**
 * A realistic demo catalog: real well-known titles first, then records made from topic word lists,
 * with Dewey and LC numbers, ISBNs with valid check digits, and copies at both branches (some out,
 * with due dates). Deterministic for a given seed, so tests and benchmarks see the same data.
 */
export interface DemoCatalogOptions {
  count: number;
  now: Date;
  seed?: number;
}


function isbnFor(n: number): string {
  const body = `979${String(8_000_000_000 + (n % 1_000_000_000)).slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

const FORMAT_WEIGHTS: Array<[CatalogFormat, number]> = [
  ['book', 0.7], ['large_print', 0.05], ['ebook', 0.08], ['dvd', 0.07], ['audiobook', 0.05], ['music', 0.03], ['serial', 0.01], ['map', 0.01],
];
const FORMAT_PREFIX: Partial<Record<CatalogFormat, string>> = { large_print: 'LP', dvd: 'DVD', audiobook: 'CD', music: 'CD' };
const BRANCHES = ['main', 'eastside'] as const;

export function* generateDemoCatalog(options: DemoCatalogOptions): Generator<BibInput> {
  const random = seededRandom(options.seed ?? 20261129);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const day = 86_400_000;

  const makeItems = (id: string, call: string, format: CatalogFormat, location: string): ItemInput[] => {
    if (format === 'ebook') return [];
    const copies = 1 + Math.floor(random() * 4);
    const items: ItemInput[] = [];
    for (let c = 0; c < copies; c += 1) {
      const roll = random();
      let status: ItemStatus = 'available';
      let dueAt: Date | undefined;
      if (roll < 0.3) {
        status = 'checked_out';
        dueAt = new Date(options.now.getTime() + Math.ceil(random() * 21) * day);
      } else if (roll < 0.33) status = 'on_hold';
      else if (roll < 0.35) status = 'in_transit';
      else if (roll < 0.36) status = 'missing';
      const barcode = `3${String(Math.abs(hash(id)) % 1_000_000).padStart(6, '0')}${String(c).padStart(2, '0')}${id.length}`;
      items.push({ id: `${id}#${c + 1}`, barcode, branchId: c === 1 ? 'eastside' : c === 0 ? pick(BRANCHES) : pick(BRANCHES), location, callNumber: call, status, ...(dueAt ? { dueAt } : {}) });
    }
    return items;
  };

  for (let n = 0; n < options.count; n += 1) {
    const id = `LIBDESK:ld${String(n + 1).padStart(8, '0')}`;
    const known = n < KNOWN_BOOKS.length ? KNOWN_BOOKS[n] : undefined;
    if (known) {
      const parsed = parseCallNumber(known.call);
      const topicLocation = known.call.startsWith('J') || known.call.startsWith('E ') ? "Children's" : known.call.startsWith('YA') ? 'Teen' : known.call.startsWith('GN') ? 'Graphic Novels' : /^\d/.test(known.call) ? 'Adult Nonfiction' : 'Fiction';
      yield {
        id,
        controlNumber: `ld${String(n + 1).padStart(8, '0')}`,
        title: known.title,
        authors: [known.author, ...(known.coauthors ?? [])],
        ...(known.otherTitles ? { alternateTitles: known.otherTitles } : {}),
        subjects: known.subjects,
        isbns: [...(known.isbn ? [known.isbn] : []), ...(known.otherIsbns ?? [])],
        series: known.series ? [known.series] : [],
        year: known.year,
        publisher: pick(PUBLISHERS),
        language: known.language ?? 'eng',
        format: 'book',
        ...(known.subtitle ? { subtitle: known.subtitle } : {}),
        ...(known.summary ? { summary: known.summary } : {}),
        ...(parsed.scheme === 'lc' ? { lcCallNumber: parsed.display } : { deweyCallNumber: parsed.display }),
        callNumberSort: callNumberSortKey(known.call),
        items: makeItems(id, parsed.display, 'book', topicLocation).concat(
          // Popular titles: an extra copy at each branch, so availability says "2 of 3".
          BRANCHES.map((branchId, i) => ({ id: `${id}#x${i}`, barcode: `39${String(n).padStart(6, '0')}${i}`, branchId, location: topicLocation, callNumber: parsed.display, status: 'available' as ItemStatus })),
        ),
      };
      continue;
    }
    const topic = pick(TOPICS);
    let format: CatalogFormat = 'book';
    let roll = random();
    for (const [candidate, weight] of FORMAT_WEIGHTS) {
      if (roll < weight) {
        format = candidate;
        break;
      }
      roll -= weight;
    }
    const spanish = random() < 0.08;
    // Names follow a long tail, as in a real catalog: a few places are everywhere, most turn up a handful of times.
    const place = madeUpPlace(Math.floor(random() ** 2 * MADE_UP_PLACES));
    const title = spanish
      ? pick(SPANISH_TITLES)
      : (random() < 0.35 ? pick(NAMED_TITLE_PATTERNS) : pick(TITLE_PATTERNS))
          .replace('{place}', place)
          .replace('{adj}', pick(ADJECTIVES))
          .replace('{noun2}', random() < 0.6 ? pick(TITLE_WORDS) : pick(topic.nouns))
          .replace('{noun}', random() < 0.5 ? pick(TITLE_WORDS) : pick(topic.nouns))
          .replace('{subject}', topic.subject.split(' -- ')[0]!.replace(/\s*\(.*\)$/, '').replace(/^Cooking, (\w+)$/, '$1 Cooking'));
    const last = random() < 0.5 ? pick(LAST_NAMES) : madeUpSurname(Math.floor(random() * 6000));
    const author = `${last}, ${pick(FIRST_NAMES)}`;
    const coauthor = random() < 0.2 ? [`${pick(LAST_NAMES)}, ${pick(FIRST_NAMES)}`] : [];
    const cutter = last.slice(0, 3).toUpperCase();
    const useLc = random() < 0.1;
    const fiction = topic.location === 'Fiction' || topic.location === 'Teen' || topic.location === 'Picture Books';
    let call: string;
    if (useLc) call = `${topic.lc}.${last[0]}${10 + Math.floor(random() * 89)} ${1950 + Math.floor(random() * 75)}`;
    else if (fiction) call = `${topic.location === 'Teen' ? 'YA ' : topic.location === 'Picture Books' ? 'E ' : ''}FIC ${last.toUpperCase()}`;
    else call = `${topic.dewey}${random() < 0.5 ? String(Math.floor(random() * 9) + 1) : ''} ${cutter}`;
    const prefix = FORMAT_PREFIX[format];
    if (prefix && !useLc) call = `${prefix} ${call}`;
    if (spanish && !useLc) call = `SPA ${call}`;
    const parsed = parseCallNumber(call, useLc ? 'lc' : undefined);
    const year = 1960 + Math.floor(random() * 66);
    yield {
      id,
      controlNumber: `ld${String(n + 1).padStart(8, '0')}`,
      title,
      authors: [author, ...coauthor],
      subjects: [random() < 0.2 ? `${topic.subject} -- ${madeUpPlace(Math.floor(random() * MADE_UP_PLACES))}` : topic.subject, ...(random() < 0.5 ? [] : [pick(TOPICS).subject])],
      isbns: format === 'serial' || format === 'map' ? [] : [isbnFor(n)],
      series: random() < 0.1 ? [`${pick(ADJECTIVES)} ${pick(topic.nouns)} series ; ${1 + Math.floor(random() * 9)}`] : [],
      publisher: pick(PUBLISHERS),
      year,
      language: spanish ? 'spa' : 'eng',
      format,
      ...(random() < 0.15 ? { edition: `${2 + Math.floor(random() * 4)}nd ed.`.replace(/^3nd/, '3rd').replace(/^4nd/, '4th').replace(/^5nd/, '5th') } : {}),
      ...(random() < 0.3 ? { summary: `${title}: ${topic.subject.toLowerCase()} for readers of every age, by ${author.split(', ').reverse().join(' ')}.` } : {}),
      ...(parsed.scheme === 'lc' ? { lcCallNumber: parsed.display } : { deweyCallNumber: parsed.display }),
      callNumberSort: parsed.sortKey,
      items: makeItems(id, parsed.display, format, topic.location),
    };
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

const LEADER_TYPE: Record<CatalogFormat, string> = {
  book: 'am', large_print: 'am', ebook: 'am', dvd: 'gm', audiobook: 'im', music: 'jm', map: 'em', serial: 'as', other: 'rm',
};

/** The same record as MARC 21 with Koha-style 952 items, for import tests and benchmarks. */
export function demoMarcRecord(bib: BibInput): MarcRecord {
  const df = (tag: string, ind: string, subs: Array<[string, string | undefined]>): MarcDataField => ({
    tag,
    ind1: ind[0]!,
    ind2: ind[1]!,
    subfields: subs.filter((s): s is [string, string] => s[1] !== undefined && s[1] !== '').map(([code, value]) => ({ code, value })),
  });
  const form = bib.format === 'large_print' ? 'd' : bib.format === 'ebook' ? 'o' : ' ';
  const f008 = `261129s${String(bib.year ?? '    ').padEnd(4)}    xxu     ${form}      000 1 ${(bib.language ?? 'eng').padEnd(3)} d`;
  const fields: MarcRecord['fields'] = [
    { tag: '001', value: bib.controlNumber ?? bib.id },
    { tag: '003', value: 'LIBDESK' },
    ...(bib.format === 'dvd' ? [{ tag: '007', value: 'vd cvaizq' }] : bib.format === 'ebook' ? [{ tag: '007', value: 'cr |n|||||||||' }] : []),
    { tag: '008', value: f008 },
    ...bib.isbns.map((isbn) => df('020', '  ', [['a', isbn]])),
    ...(bib.lcCallNumber ? [df('050', ' 4', [['a', bib.lcCallNumber]])] : []),
    ...(bib.deweyCallNumber ? [df('092', '  ', [['a', bib.deweyCallNumber]])] : []),
    ...(bib.authors[0] ? [df('100', '1 ', [['a', `${bib.authors[0]},`]])] : []),
    df('245', '10', [['a', `${bib.title}${bib.subtitle ? ' :' : ' /'}`], ['b', bib.subtitle ? `${bib.subtitle} /` : undefined], ['c', bib.authors[0]?.split(', ').reverse().join(' ')]]),
    ...(bib.alternateTitles ?? []).map((title) => df('246', '3 ', [['a', title]])),
    ...(bib.edition ? [df('250', '  ', [['a', bib.edition]])] : []),
    df('264', ' 1', [['a', 'New York :'], ['b', bib.publisher ? `${bib.publisher},` : undefined], ['c', bib.year ? `${bib.year}.` : undefined]]),
    ...bib.series.map((s) => df('490', '0 ', [['a', s]])),
    ...(bib.summary ? [df('520', '  ', [['a', bib.summary]])] : []),
    ...bib.subjects.map((s) => {
      const [main, ...subs] = s.split(' -- ');
      return df('650', ' 0', [['a', main], ...subs.map((sub): [string, string] => ['x', sub])]);
    }),
    ...bib.authors.slice(1).map((a) => df('700', '1 ', [['a', a]])),
    ...bib.items.map((item) =>
      df('952', '  ', [
        ['a', item.branchId === 'main' ? 'MAIN' : 'EAST'],
        ['b', item.branchId === 'main' ? 'MAIN' : 'EAST'],
        ['c', item.location],
        ['o', item.callNumber],
        ['p', item.barcode],
        ['y', bib.format.toUpperCase()],
        ['q', item.dueAt ? item.dueAt.toISOString().slice(0, 10) : undefined],
        ['1', item.status === 'missing' ? '4' : undefined],
        ['7', item.status === 'not_for_loan' ? '1' : undefined],
      ]),
    ),
  ];
  return { leader: `00000n${LEADER_TYPE[bib.format]} a2200000 i 4500`, fields };
}

export interface SeedCatalogDeps {
  importer: { importRecords(records: Iterable<BibInput> | AsyncIterable<BibInput>, options: { source: string; now: Date }): Promise<unknown> };
}

/** Loads the demo catalog through the importer (so the search index sees it too). */
export async function seedDemoCatalog(deps: SeedCatalogDeps, options: { count: number; now: Date; seed?: number }): Promise<void> {
  await deps.importer.importRecords(generateDemoCatalog(options), { source: 'demo', now: options.now });
}
