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
      loadedAt = options.now().getTime();
      options.logger?.info({ events: series.length }, 'events feed refreshed');
    } catch (error) {
      options.logger?.error({ err: error }, 'events feed not refreshed; keeping the previous events');
      throw error;
    }
  }

  function matchingSeries(query: string | undefined): Series[] {
    const words = query === undefined ? [] : terms(query);
    if (words.length === 0) return series;
    return fuse.search(words.join(' ')).map((hit) => hit.item);
  }

  function upcoming(request: UpcomingEventsOptions): LibraryEvent[] {
    // A URL feed goes stale; fetch again in the background and answer from what is loaded now.
    if (isUrl && !refreshing && options.now().getTime() - loadedAt > refreshMs) {
      refreshing = refresh()
        .catch(() => undefined)
        .finally(() => (refreshing = undefined));
    }
    const found: LibraryEvent[] = [];
    for (const { event } of matchingSeries(request.query)) {
      const instances = ical.expandRecurringEvent(event, { from: request.from, to: request.to, expandOngoing: true });
      for (const instance of instances) {
        const source = instance.event;
        const start = new Date(instance.start.getTime());
        const end = new Date(instance.end.getTime());
        // expandOngoing reaches back to events that started earlier; keep only those still running.
        if (end.getTime() <= request.from.getTime() || start.getTime() > request.to.getTime()) continue;
        const categories = categoriesOf(source);
        const audience = audienceOf(categories);
        const location = text(source.location);
        const branchId = location ? options.findBranch?.(location)?.id : undefined;
        if (request.audience && audience !== request.audience && !(audience && EVERYONE.has(audience))) continue;
        if (request.branchId && branchId !== request.branchId) continue;
        found.push({
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
    }
    found.sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title));
    return request.limit === undefined ? found : found.slice(0, request.limit);
  }

  return { upcoming, refresh };
}
