/**
 * Dewey and Library of Congress call numbers: parsing, display form and a sort key whose plain string
 * order is shelf order (641.5 < 641.59 < 641.594; QA76.9 < QA76.73? no: QA76.73 < QA76.9; .P9 < .P98).
 */
export type CallNumberScheme = 'dewey' | 'lc' | 'other';

export interface ParsedCallNumber {
  scheme: CallNumberScheme;
  /** As shelved, tidied: "641.5945 ROS", "QA76.73.P98 L88 2019". */
  display: string;
  /** Collection prefix before a Dewey number: "J", "REF", "LP". */
  prefix?: string;
  /** LC class letters ("QA"). */
  classLetters?: string;
  /** The class number as text ("641.5945", "76.73"). */
  classNumber?: string;
  /** Cutters, LC style "P98" or Dewey style "ROS". */
  cutters: string[];
  year?: string;
  /** What follows: volume, copy ("V.2"). */
  rest: string[];
  sortKey: string;
}

/** Collection prefixes public libraries put before a Dewey number or instead of one. */
const DEWEY_PREFIXES = new Set([
  'J', 'JUV', 'E', 'EASY', 'PIC', 'YA', 'TEEN', 'T', 'REF', 'R', 'LP', 'LG', 'LT', 'B', 'BIO', 'FIC', 'F', 'GN', 'DVD', 'CD', 'BD', 'AUDIO', 'CDBK', 'SPA', 'ESP', 'PB', 'MYS', 'SF', 'NEW', 'BOARD', 'JNF', 'JFIC', 'YAFIC', 'OVERSIZE', 'OS', 'LOCAL', 'PER',
]);

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toUpperCase();
}

/** Pads stand-alone numbers (years, volumes, copies) so that 2 sorts before 10. */
function restKey(token: string): string {
  return token.replace(/\./g, ' ').trim().replace(/\d+/g, (digits) => digits.padStart(6, '0'));
}

export function parseDewey(raw: string): ParsedCallNumber | undefined {
  const text = tidy(raw).replace(/\//g, ''); // 082 segmentation marks: 641.5/945
  const match = /^((?:[A-Z]+\.?\s+)*)(\d{1,3})(?:\.(\d+))?(?=\s|$|[A-Z])\s*(.*)$/.exec(text);
  if (!match) return undefined;
  const prefixWords = match[1]!.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/\.$/, ''));
  const whole = match[2]!.padStart(3, '0');
  const decimal = match[3];
  const tail = match[4]!.trim().split(/\s+/).filter(Boolean);
  const cutters: string[] = [];
  const rest: string[] = [];
  let year: string | undefined;
  for (const token of tail) {
    if (year === undefined && /^(1[5-9]|20)\d\d[A-Z]?$/.test(token)) year = token;
    else if (cutters.length === 0 && rest.length === 0 && /^\.?[A-Z][A-Z0-9]*\.?$/.test(token)) cutters.push(token.replace(/\./g, ''));
    else rest.push(token);
  }
  const classNumber = decimal ? `${whole}.${decimal}` : whole;
  const prefix = prefixWords.length > 0 ? prefixWords.join(' ') : undefined;
  const display = [prefix, decimal ? `${match[2]}.${decimal}` : match[2], ...cutters, year, ...rest].filter(Boolean).join(' ');
  const sortKey = ['D', prefix ?? '', classNumber, ...cutters, year ?? '', ...rest.map(restKey)].join(' ').trimEnd();
  return { scheme: 'dewey', display, cutters, rest, sortKey, classNumber, ...(prefix ? { prefix } : {}), ...(year ? { year } : {}) };
}

export function parseLc(raw: string): ParsedCallNumber | undefined {
  const text = tidy(raw);
  const match = /^([A-Z]{1,3})\s*(\d{1,5})(?:\.(\d+))?(.*)$/.exec(text);
  if (!match) return undefined;
  const letters = match[1]!;
  const whole = match[2]!;
  const decimal = match[3];
  let tail = match[4]!;
  const cutters: string[] = [];
  const rest: string[] = [];
  let year: string | undefined;
  // Cutters: a letter followed by digits, each optionally introduced by a period (".P98L88" or ".P98 L88").
  for (;;) {
    const cutter = /^\s*\.?\s*([A-Z])(\d+)([A-Z]{0,2})(?=[\s.]|[A-Z]\d|$)/.exec(tail);
    if (!cutter || (cutters.length > 0 && year !== undefined)) break;
    cutters.push(`${cutter[1]}${cutter[2]}${cutter[3]}`);
    tail = tail.slice(cutter[0].length);
    const date = /^\s*((?:1[5-9]|20)\d\d[A-Z]?)(?=\s|$)/.exec(tail);
    if (date && year === undefined) {
      year = date[1];
      tail = tail.slice(date[0].length);
    }
  }
  for (const token of tail.trim().split(/\s+/).filter(Boolean)) {
    if (year === undefined && /^(1[5-9]|20)\d\d[A-Z]?$/.test(token)) year = token;
    else rest.push(token);
  }
  const classNumber = decimal ? `${whole}.${decimal}` : whole;
  const display = `${letters}${classNumber}${cutters.map((c, i) => (i === 0 ? `.${c}` : ` ${c}`)).join('')}${year ? ` ${year}` : ''}${rest.length ? ` ${rest.join(' ')}` : ''}`;
  // Letters padded so Q < QA < QB; the whole number padded so 9 < 76; the decimal stays a decimal.
  const sortKey = ['L', `${letters.padEnd(3, ' ')}${whole.padStart(5, '0')}${decimal ? `.${decimal}` : ''}`, ...cutters, year ?? '', ...rest.map(restKey)]
    .join(' ')
    .trimEnd();
  return { scheme: 'lc', display, classLetters: letters, classNumber, cutters, rest, sortKey, ...(year ? { year } : {}) };
}

/**
 * Parses a call number of either scheme. Starting with digits means Dewey; a known collection prefix
 * before a three-digit number ("J 641.5", "REF 031") also means Dewey; letters then digits mean LC.
 */
export function parseCallNumber(raw: string, scheme?: CallNumberScheme): ParsedCallNumber {
  const text = tidy(raw);
  if (scheme === 'dewey') return parseDewey(text) ?? other(text);
  if (scheme === 'lc') return parseLc(text) ?? other(text);
  if (/^\d/.test(text)) return parseDewey(text) ?? other(text);
  const firstWord = /^([A-Z]+)\.?\s+(\d{3})(?:[.\s]|$)/.exec(text);
  if (firstWord && DEWEY_PREFIXES.has(firstWord[1]!)) return parseDewey(text) ?? other(text);
  const prefixOnly = text.split(' ')[0]!;
  if (DEWEY_PREFIXES.has(prefixOnly) && !/^[A-Z]{1,3}\d/.test(text)) {
    const dewey = parseDewey(text);
    if (dewey) return dewey;
    return other(text);
  }
  return parseLc(text) ?? parseDewey(text) ?? other(text);
}

/** True for a collection prefix that stands on spines ("J", "LP", "GN"). */
export function isCollectionPrefix(word: string): boolean {
  return DEWEY_PREFIXES.has(word.toUpperCase());
}

/** "FIC GRISHAM", "DVD WAR": shelved by words, after every numbered call number of its prefix. */
function other(text: string): ParsedCallNumber {
  const words = text.split(' ').filter(Boolean);
  const leading: string[] = [];
  for (const word of words) {
    if (!DEWEY_PREFIXES.has(word)) break;
    leading.push(word);
  }
  const prefix = leading.length > 0 ? leading.join(' ') : undefined;
  return { scheme: 'other', display: text, cutters: [], rest: words, sortKey: `O ${words.map(restKey).join(' ')}`, ...(prefix ? { prefix } : {}) };
}

export function callNumberSortKey(raw: string, scheme?: CallNumberScheme): string {
  return parseCallNumber(raw, scheme).sortKey;
}

export function compareCallNumbers(a: string, b: string): number {
  const ka = callNumberSortKey(a);
  const kb = callNumberSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
