import type { ItemStatus } from '../../core/catalog.js';
import { controlField, dataFields, MarcRecordError, subfield, type MarcDataField, type MarcRecord } from '../marc/record.js';
import type { BibInput, ItemInput } from './bib-input.js';
import { createBranchResolver, type BranchResolver } from './branches.js';
import { callNumberSortKey, parseCallNumber } from './call-number.js';
import { detectFormat } from './format.js';
import { normalizeIsbn } from './isbn.js';

export interface MapRecordOptions {
  resolveBranch?: BranchResolver;
}

const defaultResolver = createBranchResolver();

const MAPPED_TAGS = /^(00[1378]|020|041|050|082|090|092|1[01]0|111|245|250|260|264|490|520|6\d\d|7[01][01]|711|8[01][01]|811|830|852|952)$/;

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

/** The record key that makes a re-import an update: 003:001, else the first ISBN. */
export function recordKey(record: MarcRecord, isbns: string[]): string {
  const control = controlField(record, '001')?.trim();
  if (control) return `${controlField(record, '003')?.trim() || 'local'}:${control}`;
  if (isbns[0]) return `isbn:${isbns[0]}`;
  throw new MarcRecordError('record has neither a control number (001) nor a valid ISBN (020) to identify it');
}

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

function itemsOf(record: MarcRecord, bibId: string, resolveBranch: BranchResolver, fallbackCall: string | undefined): ItemInput[] {
  const items: ItemInput[] = [];
  const used = new Set<string>();
  const add = (item: Omit<ItemInput, 'id'>): void => {
    let id = item.barcode ?? `${bibId}#${items.length + 1}`;
    if (used.has(id)) id = `${bibId}#${items.length + 1}`;
    used.add(id);
    items.push({ id, ...item });
  };
  for (const field of dataFields(record, '952')) {
    const barcode = subfield(field, 'p')?.trim() || undefined;
    const callNumber = subfield(field, 'o')?.trim() || fallbackCall;
    const location = subfield(field, 'c')?.trim() || undefined;
    add({
      branchId: resolveBranch(subfield(field, 'b') ?? subfield(field, 'a')),
      ...kohaStatus(field),
      ...(barcode ? { barcode } : {}),
      ...(callNumber ? { callNumber } : {}),
      ...(location ? { location } : {}),
    });
  }
  for (const field of dataFields(record, '852')) {
    const barcode = subfield(field, 'p')?.trim() || undefined;
    const parts = [subfield(field, 'k'), subfield(field, 'h'), subfield(field, 'i'), subfield(field, 'm')].filter(Boolean).join(' ').trim();
    const callNumber = parts || fallbackCall;
    const location = subfield(field, 'c')?.trim() || undefined;
    add({
      branchId: resolveBranch(subfield(field, 'b') ?? subfield(field, 'a')),
      status: 'available',
      ...(barcode ? { barcode } : {}),
      ...(callNumber ? { callNumber } : {}),
      ...(location ? { location } : {}),
    });
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
  ]);
  const subjects = unique(dataFields(record, /^6[0-9][0-9]$/).filter((f) => f.tag !== '653' || true).map(subjectHeading));

  const pub = dataFields(record, '264').find((f) => f.ind2 === '1') ?? dataFields(record, '260')[0] ?? dataFields(record, '264')[0];
  const publisher = pub ? joinSubfields(pub, 'b') || undefined : undefined;
  const year = firstYear(pub ? subfield(pub, 'c') : undefined) ?? firstYear(f008?.slice(7, 11));

  const edition = dataFields(record, '250').map((f) => joinSubfields(f, 'ab'))[0] || undefined;
  const series = unique([
    ...dataFields(record, '490').map((f) => joinSubfields(f, 'av', ' ; ')),
    ...dataFields(record, /^(800|810|811|830)$/).map((f) => joinSubfields(f, 'atv', ' ; ')),
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
    items: itemsOf(record, id, resolveBranch, preferred),
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
