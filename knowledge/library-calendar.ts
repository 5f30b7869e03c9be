import { basename, dirname } from 'node:path';
import Fuse from 'fuse.js';
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
import { resolveDay } from './dates.js';
import { readLibraryFile, type BranchFile, type DayHoursText, type HoursException, type LibraryFile } from './library-config.js';
import { watchDebounced, type FileWatch } from './watch-file.js';

export interface LibraryCalendarOptions {
  /** Path to library.yaml. */
  file: string;
  /** Overrides the file's time_zone (tests, or a library moving its server). */
  timeZone?: string;
  /** Reload when the file changes on disk. Off by default so tests and scripts exit cleanly. */
  watch?: boolean;
  logger?: Pick<Logger, 'info' | 'error'>;
}

export interface LibraryCalendarHandle extends LibraryCalendarWithHelpers {
  /** Re-reads the file; on error keeps the hours it had and rethrows. */
  reload(): Promise<void>;
  close(): void;
}

/** How far ahead nextOpening looks: longer than any plausible closure (a renovation of a few weeks). */
const LOOKAHEAD_DAYS = 60;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

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

function appliesOn(exception: HoursException, date: string): boolean {
  return exception.to === undefined ? exception.date === date : exception.date <= date && date <= exception.to;
}

/** Builds the calendar from parsed config; separate from file reading so it can be swapped on reload. */
export function buildCalendar(config: LibraryFile, timeZone: string) {
  const branchFiles = new Map<string, BranchFile>(config.branches.map((branch) => [branch.id, branch]));
  const branches: Branch[] = config.branches.map(({ id, name, aliases, address, phone }) => ({
    id,
    name,
    aliases,
    ...(address !== undefined && { address }),
    ...(phone !== undefined && { phone }),
  }));

  const names = branches.flatMap((branch) =>
    [branch.id, branch.name, ...branch.aliases].map((name) => ({ branchId: branch.id, name: normalizeName(name) })),
  );
  // Longest first, so "main library" beats "main" and "east side" beats "east".
  names.sort((a, b) => b.name.length - a.name.length);
  const fuzzyNames = new Fuse(names, { keys: ['name'], threshold: 0.25, includeScore: true, ignoreLocation: true });

  function branchFile(branchId: string): BranchFile {
    const found = branchFiles.get(branchId);
    if (!found) throw new LibdeskError('LD_NOT_FOUND', `No branch with id "${branchId}"`, { details: { branchId } });
    return found;
  }

  function hoursOn(branchId: string, date: string): DayHours {
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

  function instantOf(date: string, time: string): DateTime {
    if (time === '24:00') return DateTime.fromISO(date, { zone: timeZone }).plus({ days: 1 }).startOf('day');
    return DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  }

  function localDate(instant: Date): string {
    return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
  }

  function nextOpening(branchId: string, after: Date): Date | undefined {
    branchFile(branchId);
    const start = DateTime.fromJSDate(after, { zone: timeZone }).startOf('day');
    for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset += 1) {
      const date = start.plus({ days: offset }).toISODate()!;
      const hours = hoursOn(branchId, date);
      if (!hours.open) continue;
      const opensAt = instantOf(date, hours.opens!);
      if (opensAt.toMillis() > after.getTime()) return opensAt.toJSDate();
    }
    return undefined;
  }

  function statusAt(branchId: string, instant: Date): OpenStatus {
    const hours = hoursOn(branchId, localDate(instant));
    if (hours.open) {
      const opensAt = instantOf(hours.date, hours.opens!).toMillis();
      const closesAt = instantOf(hours.date, hours.closes!).toMillis();
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
    const padded = ` ${normalizeName(text)} `;
    const exact = names.find((entry) => padded.includes(` ${entry.name} `));
    if (exact) return branches.find((branch) => branch.id === exact.branchId);
    // Typos ("eastsde"): try each word and each pair of words against the names.
    const words = padded.trim().split(' ');
    const phrases = [...words, ...words.slice(1).map((word, index) => `${words[index]} ${word}`)].filter((phrase) => phrase.length >= 5);
    let best: { branchId: string; score: number } | undefined;
    for (const phrase of phrases) {
      const hit = fuzzyNames.search(phrase, { limit: 1 })[0];
      if (hit && hit.score !== undefined && (!best || hit.score < best.score)) best = { branchId: hit.item.branchId, score: hit.score };
    }
    return best ? branches.find((branch) => branch.id === best.branchId) : undefined;
  }

  const library: LibraryInfo = {
    name: config.name,
    timeZone,
    ...(config.phone !== undefined && { phone: config.phone }),
    ...(config.email !== undefined && { email: config.email }),
    ...(config.website !== undefined && { website: config.website }),
  };

  return {
    timeZone,
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
  } satisfies LibraryCalendarWithHelpers;
}

export async function createLibraryCalendar(options: LibraryCalendarOptions): Promise<LibraryCalendarHandle> {
  const load = async () => {
    const config = await readLibraryFile(options.file);
    return buildCalendar(config, options.timeZone ?? config.time_zone);
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
