import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rankArticles } from '../../bots/skills/faq-search.js';
import { createKnowledgeBase } from '../../knowledge/knowledge-base.js';

const articlesDir = fileURLToPath(new URL('../../knowledge/articles', import.meta.url));

/**
 * Against the library's real articles: every question a Spanish article lists finds that Spanish article
 * first, and English-only articles are still found for a Spanish question that one of them lists.
 */
describe('Spanish questions over the real knowledge base', async () => {
  const knowledge = await createKnowledgeBase({ dir: articlesDir });
  const spanish = knowledge.all().filter((article) => article.language === 'es');

  it('has Spanish articles to check', () => {
    expect(spanish.length).toBeGreaterThanOrEqual(5);
  });

  for (const article of spanish) {
    it(`${article.id}: its own questions find it`, () => {
      for (const question of article.questions) {
        const [best] = rankArticles(knowledge, question, 'es');
        expect(best?.match.article.id, question).toBe(article.id);
      }
    });
  }

  it('a Spanish question listed only by an English article finds the English article', () => {
    const englishWithSpanish = knowledge.all().filter((article) => article.language === 'en' && !knowledge.all().some((other) => other.translationOf === article.id));
    const listed = englishWithSpanish.flatMap((article) => article.questions.filter((question) => /[áéíóúñ¿]/i.test(question)).map((question) => ({ article, question })));
    expect(listed.length).toBeGreaterThan(0);
    for (const { article, question } of listed) expect(rankArticles(knowledge, question, 'es')[0]?.id, question).toBe(article.id);
  });
});
