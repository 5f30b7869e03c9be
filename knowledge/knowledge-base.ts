import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { LibdeskError } from '../core/errors.js';
import type { KbArticle, KbMatch, KnowledgePort, Language } from '../core/knowledge.js';
import { parseArticle } from './article.js';
import { buildSearchIndex, type SearchIndex } from './search-index.js';
import { watchDebounced, type FileWatch } from './watch-file.js';

export interface KnowledgeBaseOptions {
  /** Folder of Markdown articles (top level only; every `*.md` file is one article). */
  dir: string;
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

export async function readArticles(dir: string): Promise<KbArticle[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    throw new LibdeskError('LD_KNOWLEDGE_INVALID', `${dir}: cannot read the articles folder`, { cause: error, details: { file: dir } });
  }
  const articles = await Promise.all(names.map(async (name) => parseArticle(await readFile(join(dir, name), 'utf8'), name)));
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
  let current = snapshotOf(await readArticles(options.dir));
  options.logger?.info({ dir: options.dir, articles: current.articles.length }, 'knowledge base loaded');

  async function reload(): Promise<void> {
    try {
      current = snapshotOf(await readArticles(options.dir));
      options.logger?.info({ dir: options.dir, articles: current.articles.length }, 'knowledge base reloaded');
    } catch (error) {
      options.logger?.error({ err: error, dir: options.dir }, 'knowledge base not reloaded; keeping the previous articles');
      throw error;
    }
  }

  const watcher: FileWatch | undefined = options.watch
    ? watchDebounced(options.dir, () => void reload().catch(() => undefined), { accept: (name) => name.endsWith('.md') })
    : undefined;

  function get(id: string, language?: Language): KbArticle | undefined {
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
    search: (query: string, searchOptions?: { language?: Language; limit?: number }): KbMatch[] => current.index.search(query, searchOptions),
    get,
    all: () => [...current.articles],
    reload,
    close: () => watcher?.close(),
  };
}
