import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { Clock } from '../core/clock.js';
import { LibdeskError } from '../core/errors.js';
import type { KbArticle } from '../core/knowledge.js';
import { readArticle } from './article.js';
import { expandPlaceholders, type PlaceholderCalendar } from './article-placeholders.js';
import { checkArticles, type KbFinding } from './kb-check.js';
import { documentLabel, loadDocuments, loadLibraryDocument, type KnowledgeDocument } from './knowledge-documents.js';
import { LIBRARY_DOCUMENT, type KnowledgeDocumentStore } from './knowledge-store.js';
import { libraryFileSchema, parseLibraryFile, type LibraryFile } from './library-config.js';

export interface KnowledgeAdminOptions {
  store: KnowledgeDocumentStore;
  /** The shipped library.yaml and articles folder (the starting point). */
  libraryFile: string;
  articlesDir: string;
  /** The calendar in service: placeholders are filled from it to check a short answer's length. */
  calendar: PlaceholderCalendar;
  /** Reloads this process's calendar and articles after a save (the others poll). */
  afterSave: () => Promise<void>;
  clock: Clock;
}

/** A field and what is wrong with it, for showing next to the field. */
export interface FieldProblem {
  /** Dotted path in the settings: "branches.0.hours.sat", "closures.3.note", "time_zone". */
  field: string;
  message: string;
}

export type SaveResult<T> = { ok: true; saved: T } | { ok: false; problems: FieldProblem[] };

/** An article in the admin list: its document and, when it reads, the article. */
export interface ArticleEntry extends KnowledgeDocument {
  article?: KbArticle;
}

export interface KnowledgeAdmin {
  /** The settings in service and the document they come from. */
  library(): Promise<{ document: KnowledgeDocument; settings: LibraryFile }>;
  /** Validates with library.yaml's own schema and saves; nothing is saved when anything is wrong. */
  saveLibrary(settings: unknown, by: string, expectedRevision: number): Promise<SaveResult<LibraryFile>>;
  /** The settings as YAML text (what the "edit as YAML" page shows), parsed and saved the same way. */
  saveLibraryText(text: string, by: string, expectedRevision: number): Promise<SaveResult<LibraryFile>>;
  articles(): Promise<ArticleEntry[]>;
  article(name: string): Promise<ArticleEntry | undefined>;
  /** The `libdesk kb check` findings about one article, with `text` in place of what is stored. */
  checkArticle(name: string, text: string): Promise<KbFinding[]>;
  /** Saves an edited or new article after the same checks; errors refuse the save. */
  saveArticle(name: string, text: string, by: string, expectedRevision: number, isNew: boolean): Promise<SaveResult<KbFinding[]>>;
  /** Takes an article out of service or back; refused when that would break another article. */
  setRetired(name: string, retired: boolean, by: string): Promise<SaveResult<KbFinding[]>>;
}

/** `hours-and-locations.md` from an article id or a name in a URL. */
export const articleFileName = (id: string) => `${id}.md`;

function zodProblems(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldProblem[] {
  return issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'settings', message: issue.message }));
}

/** The findings that block a save: errors in this article, and errors elsewhere the change brings about. */
function blocking(before: KbFinding[], after: KbFinding[], name: string): KbFinding[] {
  const known = new Set(before.map((finding) => `${finding.file}\u0000${finding.code}\u0000${finding.message}`));
  return after.filter(
    (finding) => finding.severity === 'error' && (finding.file === name || !known.has(`${finding.file}\u0000${finding.code}\u0000${finding.message}`)),
  );
}

/**
 * What the staff console's library admin does with knowledge documents: read what is in service, check
 * an edit exactly as `libdesk kb check` and the loader would, and save it to the database for every
 * process. Nothing is written to the shipped files.
 */
export function createKnowledgeAdmin(options: KnowledgeAdminOptions): KnowledgeAdmin {
  const { store } = options;

  async function saveSettings(settings: LibraryFile, raw: unknown, by: string, expectedRevision: number): Promise<SaveResult<LibraryFile>> {
    // What is stored is the YAML librarians know from library.yaml, so "edit as YAML" and a download
    // of the settings read the same way as the shipped file.
    const content = typeof raw === 'string' ? raw : stringifyYaml(raw, { lineWidth: 0 });
    await store.save({ kind: 'library', name: LIBRARY_DOCUMENT, content, retired: false, updatedBy: by, expectedRevision }, options.clock.now());
    await options.afterSave();
    return { ok: true, saved: settings };
  }

  async function articleDocuments(): Promise<KnowledgeDocument[]> {
    return loadDocuments({ kind: 'article', dir: options.articlesDir }, store);
  }

  /** The kb check over the articles in service, with one document replaced (or added, or left out). */
  async function check(documents: KnowledgeDocument[]): Promise<KbFinding[]> {
    const inService = documents.filter((document) => !document.retired);
    const names = new Set(inService.map((document) => document.name));
    return checkArticles(
      inService.map((document) => ({ file: document.name, text: document.text })),
      {
        // A link may lead to another article (shipped or saved here) or to a file beside the articles.
        linkTargetExists: async (path) => {
          if (names.has(path)) return true;
          try {
            await access(resolve(options.articlesDir, path));
            return true;
          } catch {
            return false;
          }
        },
        servedShortAnswer: (text, language) => expandPlaceholders(text, language, options.calendar, options.clock.now()),
      },
    );
  }

  const withText = (documents: KnowledgeDocument[], name: string, text: string): KnowledgeDocument[] => {
    const found = documents.some((document) => document.name === name);
    const edited = { kind: 'article' as const, name, text, source: 'database' as const, shipped: false, retired: false };
    return found ? documents.map((document) => (document.name === name ? { ...document, text, retired: false } : document)) : [...documents, edited];
  };

  const entry = (document: KnowledgeDocument): ArticleEntry => {
    const result = readArticle(document.text);
    return result.ok ? { ...document, article: result.article } : document;
  };

  return {
    async library() {
      const document = await loadLibraryDocument(options.libraryFile, store);
      return { document, settings: parseLibraryFile(document.text, documentLabel(document, options.libraryFile)) };
    },

    async saveLibrary(raw, by, expectedRevision) {
      const result = libraryFileSchema.safeParse(raw);
      if (!result.success) return { ok: false, problems: zodProblems(result.error.issues) };
      return saveSettings(result.data, raw, by, expectedRevision);
    },

    async saveLibraryText(text, by, expectedRevision) {
      let raw: unknown;
      try {
        raw = parseYaml(text);
      } catch (error) {
        return { ok: false, problems: [{ field: 'yaml', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }] };
      }
      const result = libraryFileSchema.safeParse(raw);
      if (!result.success) return { ok: false, problems: zodProblems(result.error.issues) };
      return saveSettings(result.data, text, by, expectedRevision);
    },

    async articles() {
      return (await articleDocuments()).map(entry);
    },

    async article(name) {
      const found = (await articleDocuments()).find((document) => document.name === name);
      return found && entry(found);
    },

    async checkArticle(name, text) {
      const findings = await check(withText(await articleDocuments(), name, text));
      return findings.filter((finding) => finding.file === name);
    },

    async saveArticle(name, text, by, expectedRevision, isNew) {
      const documents = await articleDocuments();
      if (isNew && documents.some((document) => document.name === name)) {
        return { ok: false, problems: [{ field: 'id', message: `there is already an article ${name}; edit that one or pick another id` }] };
      }
      const before = await check(documents);
      const after = await check(withText(documents, name, text));
      const errors = blocking(before, after, name);
      if (errors.length) return { ok: false, problems: errors.map((finding) => ({ field: finding.file, message: finding.message })) };
      await store.save({ kind: 'article', name, content: text, retired: false, updatedBy: by, expectedRevision }, options.clock.now());
      await options.afterSave();
      return { ok: true, saved: after.filter((finding) => finding.file === name) };
    },

    async setRetired(name, retired, by) {
      const documents = await articleDocuments();
      const document = documents.find((candidate) => candidate.name === name);
      if (!document) throw new LibdeskError('LD_NOT_FOUND', 'There is no such article.');
      const changed = documents.map((candidate) => (candidate.name === name ? { ...candidate, retired } : candidate));
      const errors = blocking(await check(documents), await check(changed), retired ? '' : name);
      if (errors.length) return { ok: false, problems: errors.map((finding) => ({ field: finding.file, message: finding.message })) };
      await store.save({ kind: 'article', name, content: document.text, retired, updatedBy: by, expectedRevision: document.revision ?? 0 }, options.clock.now());
      await options.afterSave();
      return { ok: true, saved: [] };
    },
  };
}
