// The knowledge side of Libdesk: articles, opening hours, events. Other folders import only from here.
export { createKnowledgeBase, type KnowledgeBase, type KnowledgeBaseOptions } from './knowledge-base.js';
export { checkKnowledge, checkLibraryFile, type KbFinding, type KbFindingCode } from './kb-check.js';
export { createLibraryCalendar, type LibraryCalendarHandle, type LibraryCalendarOptions } from './library-calendar.js';
export { createEventsCalendar, type EventsCalendar, type EventsCalendarOptions } from './events-calendar.js';
export { resolveDay, type ResolveDayOptions } from './dates.js';
