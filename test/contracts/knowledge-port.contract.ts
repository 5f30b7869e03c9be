import { describe, expect, it } from 'vitest';
import type { KbArticle, KnowledgePort } from '../../core/knowledge.js';

export const CONTRACT_ARTICLES: KbArticle[] = [
  { id: 'parking', title: 'Parking at the library', questions: ['Where can I park my car?'], tags: ['parking', 'car'], body: 'The lot behind Main is free.', shortAnswer: 'Free parking behind Main.', language: 'en' },
  { id: 'printing', title: 'Printing and copies', questions: ['How much does printing cost?'], tags: ['printing', 'copies'], body: 'Ten cents a page.', shortAnswer: 'Printing is 10 cents a page.', language: 'en' },
  { id: 'printing-es', title: 'Impresiones y copias', questions: ['¿Cuánto cuesta imprimir?'], tags: ['imprimir'], body: 'Diez centavos por página.', shortAnswer: 'Imprimir cuesta 10 centavos.', language: 'es', translationOf: 'printing' },
];

/** What every KnowledgePort does, the real word index and the test fake alike. */
export function runKnowledgePortContract(name: string, make: (articles: KbArticle[]) => Promise<KnowledgePort>): void {
  describe(`KnowledgePort: ${name}`, () => {
    it('finds the article a question is about, best first, with a score between 0 and 1', async () => {
      const port = await make(CONTRACT_ARTICLES);
      const matches = port.search('where do I park my car', { language: 'en' });
      expect(matches[0]?.article.id).toBe('parking');
      for (const match of matches) expect(match.score).toBeGreaterThan(0), expect(match.score).toBeLessThanOrEqual(1);
    });

    it('searches one language when asked and honours the limit', async () => {
      const port = await make(CONTRACT_ARTICLES);
      expect(port.search('imprimir cuesta', { language: 'es' }).map((match) => match.article.id)).toEqual(['printing-es']);
      expect(port.search('printing copies parking', { language: 'en', limit: 1 })).toHaveLength(1);
      expect(port.search('zzzz qqqq')).toEqual([]);
    });

    it('gets an article by id, and its translation by the original id', async () => {
      const port = await make(CONTRACT_ARTICLES);
      expect(port.get('parking')?.title).toBe('Parking at the library');
      expect(port.get('printing', 'es')?.id).toBe('printing-es');
      expect(port.get('missing')).toBeUndefined();
      expect(port.all().map((article) => article.id).sort()).toEqual(['parking', 'printing', 'printing-es']);
    });
  });
}
