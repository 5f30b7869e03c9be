// The knowledge side of Libdesk: articles, opening hours, events. Other folders import only from here.
export { createKnowledgeBase, type KnowledgeBase, type KnowledgeBaseOptions } from './knowledge-base.js';
export { checkKnowledge, checkLibraryFile, type KbFinding, type KbFindingCode } from './kb-check.js';
export { createLibraryCalendar, type LibraryCalendarHandle, type LibraryCalendarOptions } from './library-calendar.js';
export { createEventsCalendar, type EventsCalendar, type EventsCalendarOptions } from './events-calendar.js';
export { resolveDay, type ResolveDayOptions } from './dates.js';
export { createKnowledgeStoreRepository } from './knowledge-store.repository.js';
export type { KnowledgeDocumentStore, StoredDocument, DocumentKind } from './knowledge-store.js';
export { startKnowledgeSync, type KnowledgeSync, type KnowledgeSyncOptions } from './knowledge-sync.js';
export { createKnowledgeAdmin, articleFileName, type KnowledgeAdmin, type KnowledgeAdminOptions, type ArticleEntry, type FieldProblem, type SaveResult } from './knowledge-admin.js';
export { ARTICLE_PLACEHOLDERS, expandPlaceholders } from './article-placeholders.js';
export type { LibraryFile } from './library-config.js';
