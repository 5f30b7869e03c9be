import Fuse from 'fuse.js';
import ical, { type CalendarResponse, type ParameterValue, type VEvent } from 'node-ical';
import type { Logger } from 'pino';
import type { Branch } from '../core/calendar.js';
import { LibdeskError } from '../core/errors.js';
import type { EventsPort, LibraryEvent, UpcomingEventsOptions } from '../core/events.js';
import { terms } from './text-terms.js';

export interface EventsCalendarOptions {
  /** Path to an .ics file, or an http(s) URL of a published feed (the library's own calendar). */
  source: string;
  /** Decides when a URL feed is stale. */
  now: () => Date;
  /** Recognises the branch a LOCATION names; usually LibraryCalendar.findBranch. */
  findBranch?: (text: string) => Pick<Branch, 'id'> | undefined;
  /** How long a fetched feed is used before fetching again in the background. */
  refreshMinutes?: number;
  logger?: Pick<Logger, 'info' | 'error'>;
}

export interface EventsCalendar extends EventsPort {
  /** Re-reads the feed; on error the previous events stay and the error is rethrown. */
  refresh(): Promise<void>;
}

/** Category words that say who an event is for, mapped to the audience names the router uses. */
const AUDIENCES: Record<string, string> = {
  kids: 'kids',
  children: 'kids',
  toddlers: 'kids',
  teens: 'teens',
  'young adults': 'teens',
  adults: 'adults',
  seniors: 'seniors',
  'older adults': 'seniors',
  families: 'families',
  'all ages': 'all ages',
};
const EVERYONE = new Set(['all ages', 'families']);
const FUZZY_THRESHOLD = 0.3;

interface Series {
  event: VEvent;
  /** Stemmed words of title, categories and description, for fuzzy matching. */
  titleTerms: string;
  categoryTerms: string;
  descriptionTerms: string;
}

function text(value: ParameterValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String((value as { val?: unknown }).val ?? '');
}

function categoriesOf(event: VEvent): string[] {
  const raw = (event.categories ?? []) as unknown[];
  return raw.flatMap((entry) => String(entry).split(',')).map((entry) => entry.trim()).filter(Boolean);
}

function audienceOf(categories: string[]): string | undefined {
  for (const category of categories) {
    const audience = AUDIENCES[category.toLowerCase()];
    if (audience) return audience;
  }
  return undefined;
}

async function load(source: string): Promise<CalendarResponse> {
  try {
    return /^https?:\/\//i.test(source) ? await ical.async.fromURL(source) : await ical.async.parseFile(source);
  } catch (error) {
    throw new LibdeskError('LD_KNOWLEDGE_INVALID', `${source}: the events feed cannot be read`, { cause: error, details: { file: source } });
  }
}

function seriesOf(data: CalendarResponse): Series[] {
  return Object.values(data)
    .filter((component): component is VEvent => (component as { type?: string } | undefined)?.type === 'VEVENT')
    .map((event) => ({
      event,
      titleTerms: terms(text(event.summary)).join(' '),
      categoryTerms: terms(categoriesOf(event).join(' ')).join(' '),
      descriptionTerms: terms(text(event.description)).join(' '),
    }));
}

/**
 * Reads the library's iCalendar feed. Recurring events are expanded per request window with node-ical,
 * which applies RRULE, EXDATE and RECURRENCE-ID overrides in the event's own time zone (so a 10:30 story
 * time stays at 10:30 across a DST change).
 */
/** How far ahead recurring events are expanded at once; a request reaching further widens the window. */
const EXPANSION_DAYS = 120;
const QUERY_CACHE_LIMIT = 256;

export async function createEventsCalendar(options: EventsCalendarOptions): Promise<EventsCalendar> {
  const isUrl = /^https?:\/\//i.test(options.source);
  const refreshMs = (options.refreshMinutes ?? 30) * 60_000;
  let series = seriesOf(await load(options.source));
  let loadedAt = options.now().getTime();
  let refreshing: Promise<void> | undefined;
  let fuse = buildFuse(series);

  function buildFuse(list: Series[]) {
    return new Fuse(list, {
      keys: [
        { name: 'titleTerms', weight: 3 },
        { name: 'categoryTerms', weight: 2 },
        { name: 'descriptionTerms', weight: 1 },
      ],
      useTokenSearch: true,
      tokenMatch: 'all',
      threshold: FUZZY_THRESHOLD,
      includeScore: true,
    });
  }

  async function refresh(): Promise<void> {
    try {
      series = seriesOf(await load(options.source));
      fuse = buildFuse(series);
      expansion = undefined;
      queries.clear();
      branches.clear();
      loadedAt = options.now().getTime();
      options.logger?.info({ events: series.length }, 'events feed refreshed');
    } catch (error) {
      options.logger?.error({ err: error }, 'events feed not refreshed; keeping the previous events');
      throw error;
    }
  }

  /**
   * Expanding every recurring series and running fuse.js cost tens of milliseconds per message. Both are
   * cached: occurrences per series over a window (at least EXPANSION_DAYS ahead, widened when a request
   * reaches past it), fuse results per query, branch names per location text. A refresh of the feed
   * drops all three.
   */
  let expansion: { from: number; to: number; occurrences: Map<Series, LibraryEvent[]> } | undefined;
  const queries = new Map<string, Series[]>();
  const branches = new Map<string, string | undefined>();

  function branchOf(location: string): string | undefined {
    if (!location) return undefined;
    if (!branches.has(location)) branches.set(location, options.findBranch?.(location)?.id);
    return branches.get(location);
  }

  function expand(item: Series, from: Date, to: Date): LibraryEvent[] {
    const { event } = item;
    const out: LibraryEvent[] = [];
    for (const instance of ical.expandRecurringEvent(event, { from, to, expandOngoing: true })) {
      const source = instance.event;
      const start = new Date(instance.start.getTime());
      const end = new Date(instance.end.getTime());
      const categories = categoriesOf(source);
      const audience = audienceOf(categories);
      const location = text(source.location);
      const branchId = branchOf(location);
      out.push({
        uid: event.rrule || instance.isOverride ? `${event.uid}/${start.toISOString()}` : event.uid,
        title: text(source.summary),
        description: text(source.description),
        start,
        end,
        location,
        categories,
        ...(branchId !== undefined && { branchId }),
        ...(audience !== undefined && { audience }),
      });
    }
    return out;
  }

  function occurrencesOf(from: Date, to: Date): Map<Series, LibraryEvent[]> {
    if (!expansion || from.getTime() < expansion.from || to.getTime() > expansion.to) {
      const start = new Date(Math.min(from.getTime(), expansion?.from ?? Infinity));
      const end = new Date(Math.max(to.getTime(), from.getTime() + EXPANSION_DAYS * 86_400_000, expansion?.to ?? 0));
      const occurrences = new Map<Series, LibraryEvent[]>();
      for (const item of series) occurrences.set(item, expand(item, start, end));
      expansion = { from: start.getTime(), to: end.getTime(), occurrences };
    }
    return expansion.occurrences;
  }

  function matchingSeries(query: string | undefined): Series[] {
    const words = query === undefined ? [] : terms(query);
    if (words.length === 0) return series;
    const key = words.join(' ');
    let found = queries.get(key);
    if (!found) {
      found = fuse.search(key).map((hit) => hit.item);
      if (queries.size >= QUERY_CACHE_LIMIT) queries.delete(queries.keys().next().value!);
      queries.set(key, found);
    }
    return found;
  }

  function upcoming(request: UpcomingEventsOptions): LibraryEvent[] {
    // A URL feed goes stale; fetch again in the background and answer from what is loaded now.
    if (isUrl && !refreshing && options.now().getTime() - loadedAt > refreshMs) {
      refreshing = refresh()
        .catch(() => undefined)
        .finally(() => (refreshing = undefined));
    }
    const occurrences = occurrencesOf(request.from, request.to);
    const found: LibraryEvent[] = [];
    for (const item of matchingSeries(request.query)) {
      for (const occurrence of occurrences.get(item) ?? []) {
        // The cache reaches back to events that started earlier; keep only those running in the window.
        if (occurrence.end.getTime() <= request.from.getTime() || occurrence.start.getTime() > request.to.getTime()) continue;
        if (request.audience && occurrence.audience !== request.audience && !(occurrence.audience && EVERYONE.has(occurrence.audience))) continue;
        if (request.branchId && occurrence.branchId !== request.branchId) continue;
        found.push(occurrence);
      }
    }
    found.sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title));
    return request.limit === undefined ? found : found.slice(0, request.limit);
  }

  return { upcoming, refresh };
}
