import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ShelfLocation, ShelfPlace } from '../core/catalog.js';
import { LibdeskError } from '../core/errors.js';
import { parseCallNumber, type ParsedCallNumber } from './bib/call-number.js';

const placeSchema = z.object({
  branch: z.string().min(1),
  floor: z.number().int().optional(),
  area: z.string().min(1),
});
const areaSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  names: z.array(z.string()).default([]),
  ranges: z.array(z.string().regex(/^[^-]+-[^-]+$/, 'a range is "FROM-TO"')).default([]),
  prefixes: z.array(z.string()).default([]),
  places: z.array(placeSchema).min(1),
});
const shelfMapSchema = z.object({ areas: z.array(areaSchema).min(1) });
export type ShelfMapFile = z.infer<typeof shelfMapSchema>;

interface Range {
  scheme: 'dewey' | 'lc';
  from: string;
  to: string;
  text: string;
  /** Narrower ranges win; this is a rough width for ordering only. */
  width: number;
}

interface Area {
  id: string;
  label: string;
  names: string[];
  prefixes: Set<string>;
  ranges: Range[];
  places: ShelfPlace[];
}

export interface ShelfMap {
  /** Where a call number stands ("641.5945 ROS", "J 567.9 DIN", "QA76.73.P98 L88 2019"). */
  locateCallNumber(callNumber: string, options?: { branchId?: string }): ShelfLocation | undefined;
  /** Where a named collection is ("cookbooks", "graphic novels", "large print"). */
  locateName(name: string, options?: { branchId?: string }): ShelfLocation | undefined;
  /** Either of the above, whichever the text is. */
  locate(text: string, options?: { branchId?: string }): ShelfLocation | undefined;
  areas(): Array<{ id: string; label: string }>;
}

/** The key a range compares on: Dewey by class number (digits), LC by its full sort key. */
function rangeKey(parsed: ParsedCallNumber): string | undefined {
  if (parsed.scheme === 'dewey') return parsed.classNumber;
  if (parsed.scheme === 'lc') return parsed.sortKey.slice(2);
  return undefined;
}

function parseBound(text: string): { scheme: 'dewey' | 'lc'; key: string } {
  const trimmed = text.trim();
  if (/^\d/.test(trimmed)) {
    const parsed = parseCallNumber(trimmed, 'dewey');
    if (parsed.classNumber) return { scheme: 'dewey', key: parsed.classNumber };
  }
  // An LC bound may be bare letters ("A") or letters and a number ("QA76.99").
  const letters = /^([A-Z]{1,3})$/i.exec(trimmed);
  if (letters) return { scheme: 'lc', key: letters[1]!.toUpperCase().padEnd(3, ' ') };
  const parsed = parseCallNumber(trimmed, 'lc');
  if (parsed.scheme === 'lc') return { scheme: 'lc', key: parsed.sortKey.slice(2) };
  throw new LibdeskError('LD_KNOWLEDGE_INVALID', `shelf map: "${text}" is not a Dewey or LC call number`);
}

function parseRange(text: string): Range {
  const [fromText, toText] = text.split('-') as [string, string];
  const from = parseBound(fromText);
  const to = parseBound(toText);
  if (from.scheme !== to.scheme) throw new LibdeskError('LD_KNOWLEDGE_INVALID', `shelf map: range "${text}" mixes Dewey and LC`);
  if (from.key > to.key) throw new LibdeskError('LD_KNOWLEDGE_INVALID', `shelf map: range "${text}" ends before it starts`);
  const width = from.scheme === 'dewey' ? Number(to.key) - Number(from.key) + 10 ** -(to.key.split('.')[1]?.length ?? 0) : rangeWidthLc(from.key, to.key);
  return { scheme: from.scheme, from: from.key, to: to.key, text, width };
}

function rangeWidthLc(from: string, to: string): number {
  // Class letters dominate, then the class number: enough to order nested ranges.
  const value = (key: string): number => {
    const letters = key.slice(0, 3);
    let n = 0;
    for (const ch of letters) n = n * 27 + (ch === ' ' ? 0 : ch.charCodeAt(0) - 64);
    const number = Number(/\d+(?:\.\d+)?/.exec(key.slice(3))?.[0] ?? 0);
    return n * 100_000 + number;
  };
  return value(to) - value(from) + 1;
}

function inRange(range: Range, key: string): boolean {
  // An upper bound covers every longer number that begins with it: 641.89 covers 641.8952.
  return key >= range.from && (key <= range.to || key.startsWith(range.to.trimEnd()));
}

function filterPlaces(places: ShelfPlace[], branchId: string | undefined): ShelfPlace[] {
  if (!branchId) return places;
  return places.filter((p) => p.branchId === branchId);
}

export function createShelfMap(file: ShelfMapFile): ShelfMap {
  const areas: Area[] = file.areas.map((area) => ({
    id: area.id,
    label: area.label,
    names: area.names,
    prefixes: new Set(area.prefixes.map((p) => p.toUpperCase())),
    ranges: area.ranges.map(parseRange),
    places: area.places.map((p) => ({ branchId: p.branch, area: p.area, ...(p.floor !== undefined ? { floor: p.floor } : {}) })),
  }));
  const nameIndex = new Fuse(
    areas.flatMap((area) => [area.label, ...area.names].map((name) => ({ name, area }))),
    { keys: ['name'], threshold: 0.3, ignoreLocation: true, includeScore: true },
  );

  const answer = (area: Area, branchId: string | undefined, range?: Range): ShelfLocation | undefined => {
    const places = filterPlaces(area.places, branchId);
    if (places.length === 0) return undefined;
    return { label: area.label, places, ...(range ? { range: range.text.replace('-', '–') } : {}) };
  };

  const locateCallNumber: ShelfMap['locateCallNumber'] = (callNumber, options = {}) => {
    const parsed = parseCallNumber(callNumber);
    const prefix = parsed.prefix?.split(' ')[0];
    if (prefix) {
      // "J FIC ROW": the first prefix that names a collection decides.
      for (const word of parsed.prefix!.split(' ')) {
        const area = areas.find((a) => a.prefixes.has(word));
        if (area) return answer(area, options.branchId);
      }
    }
    const key = rangeKey(parsed);
    if (key === undefined) return undefined;
    let best: { area: Area; range: Range } | undefined;
    for (const area of areas) {
      for (const range of area.ranges) {
        if (range.scheme !== parsed.scheme || !inRange(range, key)) continue;
        if (!best || range.width < best.range.width) best = { area, range };
      }
    }
    return best ? answer(best.area, options.branchId, best.range) : undefined;
  };

  /** Words between single spaces, padded, so that a name is found whole: " books with big letters ". */
  const spaced = (text: string): string => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const namesLongestFirst = areas
    .flatMap((area) => area.names.map((name) => ({ area, name: spaced(name) })))
    .sort((a, b) => b.name.length - a.name.length);

  const locateName: ShelfMap['locateName'] = (name, options = {}) => {
    const wanted = name.trim().toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/\s+(section|shelf|shelves|area|collection)$/, '');
    if (!wanted) return undefined;
    // "large print books" is the large print collection; "picture books" is a name of its own, so tried whole first.
    const bare = wanted.replace(/\s+(?:books|items|titles|libros)$/, '');
    for (const candidate of new Set([wanted, bare])) {
      const exact = areas.find((area) => area.label.toLowerCase() === candidate || area.names.some((n) => n.toLowerCase() === candidate));
      if (exact) return answer(exact, options.branchId);
    }
    // "books with big letters for my grandmother": books described by a collection's name.
    const described = /^(?:books?|libros?)\b(.+)/.exec(wanted)?.[1];
    const named = described === undefined ? undefined : namesLongestFirst.find(({ name }) => spaced(described).includes(name));
    if (named) return answer(named.area, options.branchId);
    const [best] = nameIndex.search(wanted, { limit: 1 });
    return best ? answer(best.item.area, options.branchId) : undefined;
  };

  return {
    locateCallNumber,
    locateName,
    locate(text, options = {}) {
      const trimmed = text.trim();
      if (/\d/.test(trimmed) || /^[A-Z]{1,5}\s+[A-Z]/.test(trimmed)) {
        const byNumber = locateCallNumber(trimmed, options);
        if (byNumber) return byNumber;
      }
      return locateName(trimmed, options);
    },
    areas: () => areas.map((a) => ({ id: a.id, label: a.label })),
  };
}

/** Reads and checks `knowledge/shelf-map.yaml`; throws LD_KNOWLEDGE_INVALID with the reason. */
export function loadShelfMap(path: string): ShelfMap {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new LibdeskError('LD_KNOWLEDGE_INVALID', `shelf map ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const parsed = shelfMapSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LibdeskError('LD_KNOWLEDGE_INVALID', `shelf map ${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return createShelfMap(parsed.data);
}
