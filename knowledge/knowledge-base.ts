import type { Logger } from 'pino';
import { LibdeskError } from '../core/errors.js';
import type { KbArticle, KbMatch, KnowledgePort, Language } from '../core/knowledge.js';
import { parseArticle } from './article.js';
import { expandPlaceholders, hasPlaceholders, type PlaceholderCalendar } from './article-placeholders.js';
import { documentLabel, loadDocuments } from './knowledge-documents.js';
import type { KnowledgeDocumentStore } from './knowledge-store.js';
import { buildSearchIndex, type SearchIndex } from './search-index.js';
import { watchDebounced, type FileWatch } from './watch-file.js';

export interface KnowledgeBaseOptions {
  /** Folder of Markdown articles (top level only; every `*.md` file is one article). */
  dir: string;
  /** Articles saved in the staff console: they win over the file of the same name (knowledge-documents.ts). */
  store?: KnowledgeDocumentStore;
  /**
   * Fills `{{hours}}` and the other placeholders from the library settings when an article is handed
   * out (get, search, all); without it articles are returned as written.
   */
  placeholders?: { calendar: PlaceholderCalendar; now: () => Date };
  /**
   * Reload when a file in the folder changes (fs.watch, debounced). Off by default so tests and
   * one-shot commands exit cleanly; the server turns it on.
   */
  watch?: boolean;
  logger?: Pick<Logger, 'info' | 'error'>;
}

export interface KnowledgeBase extends KnowledgePort {
  /** Re-reads the folder. On error the previous articles stay in service and the error is rethrown. */
  reload(): Promise<void>;
  close(): void;
}

interface Snapshot {
  articles: KbArticle[];
  byId: Map<string, KbArticle>;
  index: SearchIndex;
}

/** The articles in service: the folder's files and the store's rows (retired ones left out). */
export async function readArticles(dir: string, store?: KnowledgeDocumentStore): Promise<KbArticle[]> {
  const documents = (await loadDocuments({ kind: 'article', dir }, store)).filter((document) => !document.retired);
  const names = documents.map((document) => documentLabel(document));
  const articles = documents.map((document, position) => parseArticle(document.text, names[position]!));
  const seen = new Map<string, string>();
  articles.forEach((article, position) => {
    const other = seen.get(article.id);
    if (other) {
      throw new LibdeskError('LD_KNOWLEDGE_INVALID', `${names[position]}: id: "${article.id}" is already used by ${other}`, {
        details: { file: names[position], field: 'id' },
      });
    }
    seen.set(article.id, names[position]!);
  });
  return articles;
}

function snapshotOf(articles: KbArticle[]): Snapshot {
  return { articles, byId: new Map(articles.map((article) => [article.id, article])), index: buildSearchIndex(articles) };
}

/**
 * Reload strategy: fs.watch on the folder with a short debounce, rather than checking modification times
 * on each search. A search must cost well under a millisecond, and statting 500 files does not; a watch
 * costs nothing until a librarian saves. A failed reload (a typo in front matter) keeps the last good
 * articles in service and logs the file and field, so one bad edit never empties the knowledge base.
 */
export async function createKnowledgeBase(options: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  let current = snapshotOf(await readArticles(options.dir, options.store));
  options.logger?.info({ dir: options.dir, articles: current.articles.length }, 'knowledge base loaded');

  async function reload(): Promise<void> {
    try {
      current = snapshotOf(await readArticles(options.dir, options.store));
      options.logger?.info({ dir: options.dir, articles: current.articles.length }, 'knowledge base reloaded');
    } catch (error) {
      options.logger?.error({ err: error, dir: options.dir }, 'knowledge base not reloaded; keeping the previous articles');
      throw error;
    }
  }

  const watcher: FileWatch | undefined = options.watch
    ? watchDebounced(options.dir, () => void reload().catch(() => undefined), { accept: (name) => name.endsWith('.md') })
    : undefined;

  const { placeholders } = options;
  /** An article as patrons get it: placeholders filled from today's settings, never cached past them. */
  function served(article: KbArticle): KbArticle {
    if (!placeholders || !(hasPlaceholders(article.shortAnswer) || hasPlaceholders(article.body))) return article;
    const now = placeholders.now();
    return {
      ...article,
      shortAnswer: expandPlaceholders(article.shortAnswer, article.language, placeholders.calendar, now),
      body: expandPlaceholders(article.body, article.language, placeholders.calendar, now),
    };
  }

  function get(id: string, language?: Language): KbArticle | undefined {
    const found = find(id, language);
    return found && served(found);
  }

  function find(id: string, language?: Language): KbArticle | undefined {
    const article = current.byId.get(id);
    if (!article || !language || article.language === language) return article;
    // Asked for another language: the translation if there is one, else the article as it is.
    const originalId = article.translationOf ?? article.id;
    const inLanguage = current.articles.find(
      (other) => other.language === language && (other.id === originalId || other.translationOf === originalId),
    );
    return inLanguage ?? article;
  }

  return {
    search: (query: string, searchOptions?: { language?: Language; limit?: number }): KbMatch[] =>
      current.index.search(query, searchOptions).map((match) => ({ ...match, article: served(match.article) })),
    get,
    all: () => current.articles.map(served),
    reload,
    close: () => watcher?.close(),
  };
}
