import type { KbArticle, KnowledgePort } from '../../core/knowledge.js';

function words(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 2);
}

/**
 * In-memory KnowledgePort: scores an article by the share of the query's words found in its title,
 * questions and tags. Crude on purpose; the real search lives in knowledge/.
 */
export function createFakeKnowledge(articles: KbArticle[]): KnowledgePort {
  const indexed = articles.map((article) => ({
    article,
    words: new Set(words([article.title, ...article.questions, ...article.tags].join(' '))),
  }));
  return {
    search(query, options = {}) {
      const terms = words(query);
      if (terms.length === 0) return [];
      return indexed
        .filter(({ article }) => !options.language || article.language === options.language)
        .map(({ article, words: known }) => ({ article, score: terms.filter((term) => known.has(term)).length / terms.length }))
        .filter((match) => match.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, options.limit ?? 5);
    },
    get(id, language = 'en') {
      return articles.find((article) => (article.id === id || article.translationOf === id) && article.language === language);
    },
    all: () => articles,
  };
}

export function fakeArticle(partial: Partial<KbArticle> & Pick<KbArticle, 'id' | 'title'>): KbArticle {
  return { questions: [], tags: [], body: `${partial.title}.`, shortAnswer: `${partial.title}.`, language: 'en', ...partial };
}
