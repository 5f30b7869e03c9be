import type { ItemStatus } from '../../core/catalog.js';
import { controlField, dataFields, MarcRecordError, subfield, type MarcDataField, type MarcRecord } from '../marc/record.js';
import type { BibInput, ItemInput } from './bib-input.js';
import { createBranchResolver, type BranchResolver } from './branches.js';
import { callNumberSortKey, parseCallNumber } from './call-number.js';
import { detectFormat } from './format.js';
import { normalizeIsbn } from './isbn.js';
import { createHash } from 'node:crypto';

export interface MapRecordOptions {
  resolveBranch?: BranchResolver;
  /** Where this ILS exports its copies; defaults to Koha's 952, standard 852 and the common local 949. */
  itemTags?: ItemTagLayout[];
}

/**
 * Which subfields of a local holdings tag hold what. ILSs put copies in different places: Koha in 952,
 * MARC 21 holdings in 852, many systems' exports (Sierra, Polaris, Evergreen loads, OCLC local data) in
 * 949 with their own layouts, so the layout is data a library can set.
 */
export interface ItemTagLayout {
  tag: string;
  branch: string;
  barcode?: string;
  callNumber?: string;
  location?: string;
  /** The call number is split over the subfields in `callNumber` (852 $k $h $i $m) and read joined, in order. */
  joinCallNumber?: boolean;
  /** Koha's status subfields (withdrawn $0, lost $1, not for loan $7, due date $q). */
  kohaStatus?: boolean;
}

const DEFAULT_ITEM_TAGS: ItemTagLayout[] = [
  { tag: '952', branch: 'ba', barcode: 'p', callNumber: 'o', location: 'c', kohaStatus: true },
  { tag: '852', branch: 'ba', barcode: 'p', callNumber: 'khim', location: 'c', joinCallNumber: true },
  { tag: '949', branch: 'mw', barcode: 'ib', callNumber: 'a', location: 'l' },
];

/** Parses `949:branch=m,barcode=i,call=a,location=l` (the import command's --item-tag option). */
export function parseItemTagLayout(text: string): ItemTagLayout {
  const match = /^(\d{3}):(.+)$/.exec(text.trim());
  if (!match) throw new MarcRecordError(`item tag layout "${text}" is not TAG:key=subfields,…`);
  const layout: ItemTagLayout = { tag: match[1]!, branch: '' };
  for (const pair of match[2]!.split(',')) {
    const [key, codes] = pair.split('=').map((part) => part.trim());
    if (!codes || !/^[a-z0-9]+$/.test(codes)) throw new MarcRecordError(`item tag layout "${text}": "${pair}" needs subfield codes`);
    if (key === 'branch') layout.branch = codes;
    else if (key === 'barcode') layout.barcode = codes;
    else if (key === 'call') layout.callNumber = codes;
    else if (key === 'location') layout.location = codes;
    else throw new MarcRecordError(`item tag layout "${text}": unknown key "${key}" (branch, barcode, call, location)`);
  }
  if (!layout.branch) throw new MarcRecordError(`item tag layout "${text}" needs branch=…`);
  return layout;
}

const defaultResolver = createBranchResolver();

const MAPPED_TAGS = /^(00[1378]|020|041|050|082|090|092|1[01]0|111|130|240|245|246|250|260|264|300|490|520|6\d\d|7[01][01]|711|8[01][01]|811|830|880|9\d\d|852)$/;

/** Strips ISBD punctuation that ends a subfield ("Title /", "Publisher,", "Author."), keeping initials. */
export function cleanMarcText(value: string): string {
  let text = value.replace(/\s+/g, ' ').trim();
  text = text.replace(/\s*[/:;,=]\s*$/, '');
  // A final period goes unless it ends an initial ("J. K.") or an abbreviation we cannot tell apart.
  // Short final words are abbreviations ("2nd ed.", "Jr.", "Co."); initials are one letter.
  if (/[^.\s]{4,}\.$/.test(text) && !/\b(?:etc|Inc|Ltd|Bros)\.$/.test(text)) text = text.slice(0, -1);
  return text.replace(/^\[(.*)\]$/, '$1').trim();
}

function joinSubfields(field: MarcDataField, codes: string, separator = ' '): string {
  return cleanMarcText(
    field.subfields
      .filter((s) => codes.includes(s.code))
      .map((s) => cleanMarcText(s.value))
      .filter(Boolean)
      .join(separator),
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}

function firstYear(text: string | undefined): number | undefined {
  const match = text ? /(1[4-9]\d\d|20\d\d)/.exec(text) : null;
  return match ? Number(match[1]) : undefined;
}

function subjectHeading(field: MarcDataField): string {
  const main = field.subfields.filter((s) => 'abcdgpqt'.includes(s.code)).map((s) => cleanMarcText(s.value));
  const subdivisions = field.subfields.filter((s) => 'vxyz'.includes(s.code)).map((s) => cleanMarcText(s.value));
  return [main.join(' '), ...subdivisions].filter(Boolean).join(' -- ');
}

/**
 * The record key that makes a re-import an update: 003:001, else the first ISBN, else a hash of what
 * identifies the work (title, names, publication, edition, extent). Many small libraries' exports have
 * neither a control number nor an ISBN; the same record read again gets the same key.
 */
export function recordKey(record: MarcRecord, isbns: string[]): string {
  const control = controlField(record, '001')?.trim();
  if (control) return `${controlField(record, '003')?.trim() || 'local'}:${control}`;
  if (isbns[0]) return `isbn:${isbns[0]}`;
  const identifying = dataFields(record, /^(1[01][01]|111|245|250|260|264|300)$/)
    .map((field) => `${field.tag}${field.subfields.map((sub) => `$${sub.code}${sub.value.replace(/\s+/g, ' ').trim()}`).join('')}`)
    .join('|');
  return `content:${createHash('sha256').update(identifying.normalize('NFC')).digest('hex').slice(0, 24)}`;
}

/** 880 fields carry the original script of another field; $6 names it ("245-01/(N" is the title's). */
function linkedTag(field: MarcDataField): string | undefined {
  return /^(\d{3})-/.exec(subfield(field, '6') ?? '')?.[1];
}
const alternates = (record: MarcRecord, tags: RegExp): MarcDataField[] => dataFields(record, '880').filter((field) => tags.test(linkedTag(field) ?? ''));

function parseKohaDate(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text.trim());
  if (!match) return undefined;
  // Koha stores due dates as local library dates; end of that day UTC keeps the date right everywhere west of Asia.
  const [, y, m, d, hh, mm] = match;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), hh ? Number(hh) : 23, mm ? Number(mm) : 59));
}

function kohaStatus(field: MarcDataField): { status: ItemStatus; dueAt?: Date } {
  const flag = (code: string): boolean => {
    const value = subfield(field, code);
    return value !== undefined && value.trim() !== '' && value.trim() !== '0';
  };
  if (flag('0')) return { status: 'withdrawn' };
  if (flag('1')) return { status: 'lost' };
  const due = parseKohaDate(subfield(field, 'q'));
  if (due) return { status: 'checked_out', dueAt: due };
  if (flag('7')) return { status: 'not_for_loan' };
  return { status: 'available' };
}

function itemsOf(record: MarcRecord, bibId: string, resolveBranch: BranchResolver, fallbackCall: string | undefined, layouts: ItemTagLayout[]): ItemInput[] {
  const items: ItemInput[] = [];
  const used = new Set<string>();
  const first = (field: MarcDataField, codes: string | undefined): string | undefined => {
    for (const code of codes ?? '') {
      const value = subfield(field, code)?.trim();
      if (value) return value;
    }
    return undefined;
  };
  for (const layout of layouts) {
    for (const field of dataFields(record, layout.tag)) {
      const barcode = first(field, layout.barcode);
      const own = layout.joinCallNumber
        ? [...(layout.callNumber ?? '')].map((code) => subfield(field, code)?.trim()).filter(Boolean).join(' ')
        : first(field, layout.callNumber);
      const callNumber = own || fallbackCall;
      const location = first(field, layout.location);
      let id = barcode ?? `${bibId}#${items.length + 1}`;
      if (used.has(id)) id = `${bibId}#${items.length + 1}`;
      used.add(id);
      items.push({
        id,
        branchId: resolveBranch(first(field, layout.branch)),
        ...(layout.kohaStatus ? kohaStatus(field) : { status: 'available' as const }),
        ...(barcode ? { barcode } : {}),
        ...(callNumber ? { callNumber } : {}),
        ...(location ? { location } : {}),
      });
    }
  }
  return items;
}

/**
 * Maps one MARC 21 bibliographic record to what Libdesk stores and searches. Throws MarcRecordError
 * when the record cannot be used (no title, nothing to identify it by).
 */
export function mapMarcRecord(source: MarcRecord, options: MapRecordOptions = {}): BibInput {
  // Only the fields mapped below, so each lookup scans a few fields rather than the whole record.
  const record: MarcRecord = { leader: source.leader, fields: source.fields.filter((f) => MAPPED_TAGS.test(f.tag)) };
  const resolveBranch = options.resolveBranch ?? defaultResolver;
  const f008 = controlField(record, '008');
  const f007 = record.fields.filter((f) => f.tag === '007' && 'value' in f).map((f) => (f as { value: string }).value);

  const f245 = dataFields(record, '245')[0];
  const title = f245 ? joinSubfields(f245, 'afgknp') : '';
  if (!title) throw new MarcRecordError('record has no title (245 $a)');
  const subtitle = f245 ? joinSubfields(f245, 'b') || undefined : undefined;

  const isbns = unique(dataFields(record, '020').map((f) => normalizeIsbn(subfield(f, 'a') ?? '') ?? ''));
  const id = recordKey(record, isbns);

  const authors = unique([
    ...dataFields(record, /^(100|110|111)$/).map((f) => joinSubfields(f, f.tag === '100' ? 'abcq' : 'abcdn')),
    ...dataFields(record, /^(700|710|711)$/).map((f) => joinSubfields(f, f.tag === '700' ? 'abcq' : 'ab')),
    // Names in their original script come after the romanized ones, so displays lead with the catalogued form.
    ...alternates(record, /^(100|110|111|700|710|711)$/).map((f) => joinSubfields(f, 'abcq')),
  ]);
  // Other titles a patron may know the book by: the original script (880), the uniform title of a
  // translation (130/240: "Hunger games" on "Los juegos del hambre") and varying titles (246).
  const alternateTitles = unique([
    ...alternates(record, /^245$/).map((f) => joinSubfields(f, 'abfgknp')),
    ...dataFields(record, /^(130|240)$/).map((f) => joinSubfields(f, 'anp')),
    ...dataFields(record, '246').map((f) => joinSubfields(f, 'abnp')),
  ]).filter((other) => other.toLowerCase() !== title.toLowerCase());
  const subjects = unique(dataFields(record, /^6[0-9][0-9]$/).filter((f) => f.tag !== '653' || true).map(subjectHeading));

  const pub = dataFields(record, '264').find((f) => f.ind2 === '1') ?? dataFields(record, '260')[0] ?? dataFields(record, '264')[0];
  const publisher = pub ? joinSubfields(pub, 'b') || undefined : undefined;
  const year = firstYear(pub ? subfield(pub, 'c') : undefined) ?? firstYear(f008?.slice(7, 11));

  const edition = dataFields(record, '250').map((f) => joinSubfields(f, 'ab'))[0] || undefined;
  const series = unique([
    ...dataFields(record, '490').map((f) => joinSubfields(f, 'av', ' ; ')),
    ...dataFields(record, /^(800|810|811|830)$/).map((f) => joinSubfields(f, 'atv', ' ; ')),
    ...alternates(record, /^(490|830)$/).map((f) => joinSubfields(f, 'av', ' ; ')),
  ]);
  const summary = dataFields(record, '520').map((f) => joinSubfields(f, 'ab'))[0] || undefined;

  let language = f008 && f008.length >= 38 ? f008.slice(35, 38).trim().toLowerCase() : '';
  if (!/^[a-z]{3}$/.test(language)) language = (subfield(dataFields(record, '041')[0], 'a') ?? '').slice(0, 3).toLowerCase();

  const dewey =
    dataFields(record, '092').map((f) => [subfield(f, 'a'), subfield(f, 'b')].filter(Boolean).join(' '))[0] ||
    dataFields(record, '082').map((f) => subfield(f, 'a'))[0];
  const lc = dataFields(record, /^(090|050)$/)
    .sort((a, b) => (a.tag === '090' ? -1 : b.tag === '090' ? 1 : 0))
    .map((f) => [subfield(f, 'a'), subfield(f, 'b')].filter(Boolean).join(' '))[0];
  const deweyCallNumber = dewey ? parseCallNumber(dewey, 'dewey').display : undefined;
  const lcCallNumber = lc ? parseCallNumber(lc, 'lc').display : undefined;
  const preferred = deweyCallNumber ?? lcCallNumber;

  return {
    id,
    title,
    authors,
    subjects,
    isbns,
    series,
    format: detectFormat(record.leader, f007, f008),
    items: itemsOf(record, id, resolveBranch, preferred, options.itemTags ?? DEFAULT_ITEM_TAGS),
    ...(alternateTitles.length > 0 ? { alternateTitles } : {}),
    ...(controlField(record, '001') ? { controlNumber: controlField(record, '001')!.trim() } : {}),
    ...(subtitle ? { subtitle } : {}),
    ...(publisher ? { publisher } : {}),
    ...(year ? { year } : {}),
    ...(edition ? { edition } : {}),
    ...(summary ? { summary } : {}),
    ...(/^[a-z]{3}$/.test(language) ? { language } : {}),
    ...(deweyCallNumber ? { deweyCallNumber } : {}),
    ...(lcCallNumber ? { lcCallNumber } : {}),
    ...(preferred ? { callNumberSort: callNumberSortKey(preferred, deweyCallNumber ? 'dewey' : 'lc') } : {}),
  };
}
