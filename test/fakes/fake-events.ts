import type { EventsPort, LibraryEvent } from '../../core/events.js';

/** In-memory EventsPort over a fixed list; `query` matches words of the title or categories. */
export function createFakeEvents(events: LibraryEvent[]): EventsPort & { readonly calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    upcoming(options) {
      calls.push(options);
      const query = options.query?.toLowerCase().split(/\s+/) ?? [];
      return events
        .filter((event) => event.end >= options.from && event.start <= options.to)
        .filter((event) => query.every((word) => `${event.title} ${event.categories.join(' ')}`.toLowerCase().includes(word)))
        .filter((event) => !options.audience || event.audience === options.audience || event.audience === 'all ages')
        .filter((event) => !options.branchId || event.branchId === options.branchId)
        .sort((a, b) => a.start.getTime() - b.start.getTime())
        .slice(0, options.limit ?? 20);
    },
  };
}
