import { basename, dirname } from 'node:path';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type {
  Branch,
  DayHours,
  LibraryCalendarWithHelpers,
  LibraryInfo,
  OpenStatus,
  StaffAvailability,
} from '../core/calendar.js';
import { LibdeskError } from '../core/errors.js';
// Every hours answer makes Luxon dates in the library's zone: their offsets are remembered (see the module).
import '../core/luxon-offset-cache.js';
import { resolveDay } from './dates.js';
import { documentLabel, loadLibraryDocument } from './knowledge-documents.js';
import type { KnowledgeDocumentStore } from './knowledge-store.js';
import { parseLibraryFile, type BranchFile, type DayHoursText, type HoursException, type LibraryFile } from './library-config.js';
import { watchDebounced, type FileWatch } from './watch-file.js';

export interface LibraryCalendarOptions {
  /** Path to the shipped library.yaml: the settings unless an administrator saved others in the store. */
  file: string;
  /** The settings saved in the staff console; they win over the file (knowledge-documents.ts). */
  store?: KnowledgeDocumentStore;
  /** Reload when the file changes on disk. Off by default so tests and scripts exit cleanly. */
  watch?: boolean;
  logger?: Pick<Logger, 'info' | 'error'>;
}

export interface LibraryCalendarHandle extends LibraryCalendarWithHelpers {
  /** The settings in service, as parsed (the admin page starts from them; placeholders read them). */
  settings(): LibraryFile;
  /** Re-reads the settings; on error keeps the hours it had and rethrows. */
  reload(): Promise<void>;
  close(): void;
}

/** How far ahead nextOpening looks: longer than any plausible closure (a renovation of a few weeks). */
const LOOKAHEAD_DAYS = 60;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * Words of branch names that name no branch in particular: "library hours" or "is the branch open?"
 * ask about the library as a whole and must not pick one branch.
 */
const GENERIC_NAME_WORDS = new Set([
  'library', 'libraries', 'branch', 'branches', 'public', 'the', 'of', 'and',
  'biblioteca', 'bibliotecas', 'sucursal', 'de', 'del', 'la', 'el', 'los', 'las',
]);
/** Typos are forgiven only between words this long: "last" is not "east", "side" is not "wide". */
const MIN_FUZZY_LENGTH = 5;
/**
 * Bounds of the per-calendar caches. Routing asks about the days around now, so a few hundred
 * (branch, day) entries cover the look-ahead of every branch many times over; older ones are dropped.
 */
const DAY_CACHE_LIMIT = 512;
const LOCAL_DAY_CACHE_LIMIT = 16;

interface Interval {
  opens: string;
  closes: string;
}

function parseRange(text: DayHoursText): Interval | undefined {
  if (text === 'closed') return undefined;
  const [opens, closes] = text.split('-').map((part) => part.trim());
  return { opens: opens!, closes: closes! };
}

function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A Map that forgets its oldest entry past `limit`, so a long-running process never grows it unbounded. */
function boundedCache<V>(limit: number) {
  const entries = new Map<string, V>();
  return {
    get: (key: string): V | undefined => entries.get(key),
    set(key: string, value: V): V {
      if (entries.size >= limit) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
      return value;
    },
  };
}

/** The calendar date `days` after a YYYY-MM-DD date; calendar arithmetic needs no time zone. */
function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/** True when `a` becomes `b` by one inserted, deleted or changed letter, or two neighbours swapped. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  if (a.length !== b.length) {
    const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
    return longer.slice(start + 1) === shorter.slice(start);
  }
  if (a.slice(start + 1) === b.slice(start + 1)) return true;
  return a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2);
}

function deletions(word: string): string[] {
  return Array.from({ length: word.length }, (_, index) => word.slice(0, index) + word.slice(index + 1));
}

/**
 * Finds the branch a text names. First a whole name or alias ("main library", "east side"), longest
 * first; then single words that belong to one branch only ("eastside", "downtown"), exactly or, for
 * words of five letters or more, within one edit ("eastsde"). Generic words never count. Typo lookup
 * goes through a one-deletion index (the SymSpell idea), so a message costs a few map reads per word.
 */
function createBranchNameIndex(branches: Branch[]): (text: string) => string | undefined {
  const isDistinctive = (word: string) => word.length > 0 && !GENERIC_NAME_WORDS.has(word);
  const phrases = branches
    .flatMap((branch) => [branch.id, branch.name, ...branch.aliases].map((name) => ({ branchId: branch.id, name: normalizeName(name) })))
    .filter((entry) => entry.name.split(' ').some(isDistinctive));
  // Longest first, so "main library" beats "main" and "east side" beats "east".
  phrases.sort((a, b) => b.name.length - a.name.length);

  const owners = new Map<string, Set<string>>();
  for (const { branchId, name } of phrases) {
    for (const word of name.split(' ').filter(isDistinctive)) {
      const ids = owners.get(word) ?? new Set<string>();
      owners.set(word, ids.add(branchId));
    }
  }
  // A word two branches share ("riverside" in both names) names neither.
  const ownerOf = new Map([...owners].filter(([, ids]) => ids.size === 1).map(([word, ids]) => [word, [...ids][0]!]));
  const byDeletion = new Map<string, string[]>();
  for (const word of ownerOf.keys()) {
    if (word.length < MIN_FUZZY_LENGTH) continue;
    for (const key of [word, ...deletions(word)]) byDeletion.set(key, [...(byDeletion.get(key) ?? []), word]);
  }

  function fuzzyOwner(token: string): string | undefined {
    const found = new Set<string>();
    for (const key of [token, ...deletions(token)]) {
      for (const word of byDeletion.get(key) ?? []) if (withinOneEdit(token, word)) found.add(ownerOf.get(word)!);
    }
    // One typo that could be two branches names neither.
    return found.size === 1 ? [...found][0] : undefined;
  }

  return (text) => {
    const normalized = normalizeName(text);
    const padded = ` ${normalized} `;
    const phrase = phrases.find((entry) => padded.includes(` ${entry.name} `));
    if (phrase) return phrase.branchId;
    // An exact word counts twice a corrected one; a tie between branches names no branch.
    const scores = new Map<string, number>();
    for (const token of normalized.split(' ')) {
      if (!isDistinctive(token)) continue;
      const exact = ownerOf.get(token);
      const branchId = exact ?? (token.length >= MIN_FUZZY_LENGTH ? fuzzyOwner(token) : undefined);
      if (branchId !== undefined) scores.set(branchId, (scores.get(branchId) ?? 0) + (exact !== undefined ? 2 : 1));
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return undefined;
    return ranked[0]![0];
  };
}

function appliesOn(exception: HoursException, date: string): boolean {
  return exception.to === undefined ? exception.date === date : exception.date <= date && date <= exception.to;
}

/**
 * Builds the calendar from parsed settings, in their own time zone (the one place it is set); separate
 * from loading so it can be swapped on reload.
 */
export function buildCalendar(config: LibraryFile) {
  const timeZone = config.time_zone;
  const branchFiles = new Map<string, BranchFile>(config.branches.map((branch) => [branch.id, branch]));
  const branches: Branch[] = config.branches.map(({ id, name, aliases, address, phone, parking, parking_es, directions, directions_es }) => ({
    id,
    name,
    aliases,
    ...(address !== undefined && { address }),
    ...(phone !== undefined && { phone }),
    ...(parking !== undefined && { parking }),
    ...(parking_es !== undefined && { parkingEs: parking_es }),
    ...(directions !== undefined && { directions }),
    ...(directions_es !== undefined && { directionsEs: directions_es }),
  }));

  const branchIdNamedIn = createBranchNameIndex(branches);
  // Luxon recomputes zone offsets on every call, which made each status question cost a fraction of a
  // millisecond. Hours per (branch, day), instants per (day, time) and the bounds of recent local days
  // never change for this config; a reload builds a new calendar, so the caches go with the old one.
  const dayHoursCache = boundedCache<DayHours>(DAY_CACHE_LIMIT);
  const instantCache = boundedCache<number>(DAY_CACHE_LIMIT);
  const recentDays: { date: string; startMs: number; endMs: number }[] = [];

  function branchFile(branchId: string): BranchFile {
    const found = branchFiles.get(branchId);
    if (!found) throw new LibdeskError('LD_NOT_FOUND', `No branch with id "${branchId}"`, { details: { branchId } });
    return found;
  }

  function hoursOn(branchId: string, date: string): DayHours {
    const key = `${branchId}\u0000${date}`;
    // A copy each time: callers may change what they get without changing the cache.
    const cached = dayHoursCache.get(key) ?? dayHoursCache.set(key, computeHoursOn(branchId, date));
    return { ...cached };
  }

  function computeHoursOn(branchId: string, date: string): DayHours {
    const branch = branchFile(branchId);
    const day = DateTime.fromISO(date, { zone: timeZone });
    if (!day.isValid) throw new LibdeskError('LD_VALIDATION', `Not a date: "${date}"`);
    const regular = parseRange(branch.hours[WEEKDAY_KEYS[day.weekday - 1]!]);
    // A branch's own exception wins over a library-wide one on the same day.
    const exception = branch.exceptions.find((entry) => appliesOn(entry, date)) ?? config.closures.find((entry) => appliesOn(entry, date));
    const closed = (note?: string): DayHours => ({ branchId, date, open: false, ...(note !== undefined && { note }) });
    const open = (interval: Interval, note?: string): DayHours =>
      interval.opens < interval.closes
        ? { branchId, date, open: true, opens: interval.opens, closes: interval.closes, ...(note !== undefined && { note }) }
        : closed(note);

    if (!exception) return regular ? open(regular) : closed();
    if (exception.closed) return closed(exception.note);
    if (exception.hours !== undefined) {
      const fixed = parseRange(exception.hours);
      return fixed ? open(fixed, exception.note) : closed(exception.note);
    }
    // An early close or late opening changes a day the branch is open anyway; a closed day stays closed.
    if (!regular) return closed();
    return open({ opens: exception.opens ?? regular.opens, closes: exception.closes ?? regular.closes }, exception.note);
  }

  /** Epoch milliseconds of a local wall-clock time on a local date (24:00 is the next midnight). */
  function instantOf(date: string, time: string): number {
    const key = `${date}T${time}`;
    const cached = instantCache.get(key);
    if (cached !== undefined) return cached;
    const instant =
      time === '24:00'
        ? DateTime.fromISO(date, { zone: timeZone }).plus({ days: 1 }).startOf('day')
        : DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
    return instantCache.set(key, instant.toMillis());
  }

  /**
   * The local date of an instant. Each local day is remembered as the span of instants it covers (23,
   * 24 or 25 hours around a DST change, as luxon computes it), so instants on a known day need no
   * zone arithmetic.
   */
  function localDate(instant: Date): string {
    const ms = instant.getTime();
    const known = recentDays.find((day) => day.startMs <= ms && ms < day.endMs);
    if (known) return known.date;
    const local = DateTime.fromJSDate(instant, { zone: timeZone });
    const date = local.toISODate()!;
    const start = local.startOf('day');
    const startMs = start.toMillis();
    const endMs = start.plus({ days: 1 }).startOf('day').toMillis();
    if (startMs <= ms && ms < endMs) {
      if (recentDays.length >= LOCAL_DAY_CACHE_LIMIT) recentDays.shift();
      recentDays.push({ date, startMs, endMs });
    }
    return date;
  }

  function nextOpening(branchId: string, after: Date): Date | undefined {
    branchFile(branchId);
    const start = localDate(after);
    for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset += 1) {
      const date = addDays(start, offset);
      const hours = hoursOn(branchId, date);
      if (!hours.open) continue;
      const opensAt = instantOf(date, hours.opens!);
      if (opensAt > after.getTime()) return new Date(opensAt);
    }
    return undefined;
  }

  function statusAt(branchId: string, instant: Date): OpenStatus {
    const hours = hoursOn(branchId, localDate(instant));
    if (hours.open) {
      const opensAt = instantOf(hours.date, hours.opens!);
      const closesAt = instantOf(hours.date, hours.closes!);
      // Open from the opening minute up to, not including, the closing minute.
      if (instant.getTime() >= opensAt && instant.getTime() < closesAt) {
        return { branchId, open: true, closesAt: new Date(closesAt) };
      }
    }
    const next = nextOpening(branchId, instant);
    return { branchId, open: false, ...(next && { nextOpensAt: next }) };
  }

  function weekHours(branchId: string, fromDate: string): DayHours[] {
    const start = DateTime.fromISO(fromDate, { zone: timeZone });
    if (!start.isValid) throw new LibdeskError('LD_VALIDATION', `Not a date: "${fromDate}"`);
    return Array.from({ length: 7 }, (_, offset) => hoursOn(branchId, start.plus({ days: offset }).toISODate()!));
  }

  function staffAvailableAt(instant: Date): StaffAvailability {
    const openBranchIds = branches.filter((branch) => statusAt(branch.id, instant).open).map((branch) => branch.id);
    if (openBranchIds.length > 0) return { available: true, openBranchIds };
    const nextTimes = branches
      .map((branch) => nextOpening(branch.id, instant))
      .filter((time): time is Date => time !== undefined)
      .sort((a, b) => a.getTime() - b.getTime());
    return { available: false, openBranchIds, ...(nextTimes[0] && { nextAvailableAt: nextTimes[0] }) };
  }

  function findBranch(text: string): Branch | undefined {
    const branchId = branchIdNamedIn(text);
    return branchId === undefined ? undefined : branches.find((branch) => branch.id === branchId);
  }

  const library: LibraryInfo = {
    name: config.name,
    timeZone,
    ...(config.phone !== undefined && { phone: config.phone }),
    ...(config.email !== undefined && { email: config.email }),
    ...(config.website !== undefined && { website: config.website }),
    emergencyNumber: config.safety.emergency_number,
    crisisLine: config.safety.crisis_line,
    shelterLine: config.safety.shelter_line,
  };

  return {
    timeZone,
    settings: () => config,
    branches: () => branches.map((branch) => ({ ...branch, aliases: [...branch.aliases] })),
    findBranch,
    hoursOn,
    statusAt,
    library: () => ({ ...library }),
    nextOpening,
    weekHours,
    staffAvailableAt,
    localDate,
    resolveDay: (text: string, now: Date) => resolveDay(text, now, timeZone),
  } satisfies LibraryCalendarWithHelpers & { settings(): LibraryFile };
}

export async function createLibraryCalendar(options: LibraryCalendarOptions): Promise<LibraryCalendarHandle> {
  const load = async () => {
    const document = await loadLibraryDocument(options.file, options.store);
    return buildCalendar(parseLibraryFile(document.text, documentLabel(document, options.file)));
  };
  let current = await load();

  async function reload(): Promise<void> {
    try {
      current = await load();
      options.logger?.info({ file: options.file }, 'library hours reloaded');
    } catch (error) {
      options.logger?.error({ err: error, file: options.file }, 'library hours not reloaded; keeping the previous version');
      throw error;
    }
  }

  const watcher: FileWatch | undefined = options.watch
    ? watchDebounced(dirname(options.file), () => void reload().catch(() => undefined), {
        accept: (name) => name === basename(options.file),
      })
    : undefined;

  // Every method reads `current`, so a reload swaps the whole calendar at once.
  return {
    get timeZone() {
      return current.timeZone;
    },
    settings: () => current.settings(),
    branches: () => current.branches(),
    findBranch: (text) => current.findBranch(text),
    hoursOn: (branchId, date) => current.hoursOn(branchId, date),
    statusAt: (branchId, instant) => current.statusAt(branchId, instant),
    library: () => current.library(),
    nextOpening: (branchId, after) => current.nextOpening(branchId, after),
    weekHours: (branchId, fromDate) => current.weekHours(branchId, fromDate),
    staffAvailableAt: (instant) => current.staffAvailableAt(instant),
    localDate: (instant) => current.localDate(instant),
    resolveDay: (text, now) => current.resolveDay(text, now),
    reload,
    close: () => watcher?.close(),
  };
}
