import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { parseArticle } from './article.js';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';

const ARTICLES = new URL('./articles/', import.meta.url).pathname;

const article = (front: string, body = 'Some helpful text.') => `---\n${front}\n---\n${body}\n`;
const VALID = 'id: parking\ntitle: Parking\nquestions: [Where do I park?]\ntags: [parking]\nshort_answer: Free lot.\nlanguage: en';

describe('parseArticle', () => {
  it('maps snake_case front matter to the article', () => {
    const parsed = parseArticle(article(`${VALID}\ntranslation_of: other`), 'parking.md');
    expect(parsed).toEqual({
      id: 'parking', title: 'Parking', questions: ['Where do I park?'], tags: ['parking'],
      shortAnswer: 'Free lot.', language: 'en', translationOf: 'other', body: 'Some helpful text.',
    });
  });

  it.each([
    ['a missing title', VALID.replace('title: Parking\n', ''), 'title'],
    ['an unknown language', VALID.replace('language: en', 'language: fr'), 'language'],
    ['a short answer over 320 characters', VALID.replace('short_answer: Free lot.', `short_answer: ${'x'.repeat(321)}`), 'short_answer'],
    ['an id with spaces', VALID.replace('id: parking', 'id: Parking Lot'), 'id'],
  ])('names the file and the field for %s', (_label, front, field) => {
    try {
      parseArticle(article(front), 'parking.md');
      expect.unreachable();
    } catch (error) {
      expect(isLibdeskError(error, 'LD_KNOWLEDGE_INVALID')).toBe(true);
      expect((error as Error).message).toMatch(new RegExp(`^parking\\.md: ${field}: `));
    }
  });

  it('rejects a file without front matter or without a body', () => {
    expect(() => parseArticle('# Just a heading\n', 'x.md')).toThrow(/x\.md: front matter/);
    expect(() => parseArticle(article(VALID, ''), 'x.md')).toThrow(/x\.md: body/);
  });
});

describe('the demo knowledge base', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await createKnowledgeBase({ dir: ARTICLES });
  });

  it('has at least 30 English articles and 10 Spanish translations of existing ones', () => {
    const english = kb.all().filter((entry) => entry.language === 'en');
    const spanish = kb.all().filter((entry) => entry.language === 'es');
    expect(english.length).toBeGreaterThanOrEqual(30);
    expect(spanish.length).toBeGreaterThanOrEqual(10);
    for (const translation of spanish) expect(kb.get(translation.translationOf!)?.language).toBe('en');
  });

  it.each([
    ['how much to print in color', 'printing'],
    ['can i renew online', 'renewals'],
    ["what's the wifi password", 'wifi'],
    ['i lost my library card', 'lost-or-stolen-card'],
    ['do you charge late fees', 'fines-and-fees'],
    ['how long can I keep a DVD', 'loan-periods'],
    ['where can I drop off books when you are closed', 'returns-and-book-drop'],
    ['book a study room for 4 people', 'study-rooms'],
    ['can i get a passport here', 'passports'],
    ['free seeds for my garden', 'seed-library'],
    ['forgot my pin', 'pin-reset'],
    ['can I read library books on my kindle', 'ebooks-and-audiobooks'],
    ['is the building wheelchair accessible', 'accessibility'],
    ['can my kid stay at the library alone', 'kids-and-teens'],
    ['I need to send a fax', 'copying-scanning-fax'],
    ['do you notarize documents', 'notary'],
    ['zoo pass', 'museum-passes'],
    ['what ID do I need to get a card', 'library-card'],
    ['how many books can I check out', 'borrowing-limits'],
    ['where do I park', 'parking'],
    ['can I borrow a hotspot', 'library-of-things'],
    ['old newspapers on microfilm', 'local-history'],
    ['are you open on thanksgiving', 'holiday-closures'],
    ['my dog chewed a library book', 'damaged-items'],
    ['can I return a book from the county library here', 'returns-and-book-drop'],
  ])('answers "%s" with %s', (query, id) => {
    expect(kb.search(query, { language: 'en' })[0]?.article.id).toBe(id);
  });

  it.each([
    ['prnting in colour', 'printing'],
    ['renewl online', 'renewals'],
    ['wi-fi pasword', 'wifi'],
  ])('tolerates typos and spelling variants: "%s"', (query, id) => {
    expect(kb.search(query, { language: 'en' })[0]?.article.id).toBe(id);
  });

  it.each([
    ['¿Cuánto cuesta imprimir a color?', 'printing-es'],
    ['contraseña del wifi', 'wifi-es'],
    ['¿puedo renovar mis libros en línea?', 'renewals-es'],
    ['¿cuánto tiempo tengo para recoger mi reserva?', 'holds-es'],
    ['no vivo en riverside, ¿puedo sacar una tarjeta?', 'library-card-es'],
  ])('answers Spanish "%s" with %s', (query, id) => {
    expect(kb.search(query, { language: 'es' })[0]?.article.id).toBe(id);
  });

  it('filters by language', () => {
    const spanish = kb.search('wifi', { language: 'es' });
    const english = kb.search('wifi', { language: 'en' });
    expect(spanish.length).toBeGreaterThan(0);
    expect(english.length).toBeGreaterThan(0);
    expect(spanish.every((match) => match.article.language === 'es')).toBe(true);
    expect(english.every((match) => match.article.language === 'en')).toBe(true);
    expect(new Set(kb.search('wifi', { limit: 20 }).map((match) => match.article.language))).toEqual(new Set(['en', 'es']));
  });

  it('scores 0..1, sorted, with 1 for a question the article lists word for word', () => {
    const matches = kb.search('Can I renew online?', { language: 'en', limit: 10 });
    expect(matches[0]!.article.id).toBe('renewals');
    expect(matches[0]!.score).toBe(1);
    for (const match of matches) expect(match.score).toBeGreaterThan(0);
    expect(matches.map((match) => match.score)).toEqual([...matches.map((match) => match.score)].sort((a, b) => b - a));
    expect(matches.length).toBeLessThanOrEqual(10);
  });

  it('scores an unrelated question low and an empty one not at all', () => {
    const top = kb.search('what is the capital of australia', { language: 'en' })[0];
    expect(top === undefined || top.score < 0.4).toBe(true);
    expect(kb.search('the and of', { language: 'en' })).toEqual([]);
    expect(kb.search('printing costs', { language: 'en' })[0]!.score).toBeGreaterThan(0.6);
  });

  it('gets an article in another language when a translation exists', () => {
    expect(kb.get('renewals', 'es')?.id).toBe('renewals-es');
    expect(kb.get('renewals-es', 'en')?.id).toBe('renewals');
    expect(kb.get('notary', 'es')?.id).toBe('notary');
    expect(kb.get('renewals')?.id).toBe('renewals');
    expect(kb.get('no-such-article')).toBeUndefined();
  });
});

describe('loading and reloading a folder', () => {
  let dir: string | undefined;
  let kb: KnowledgeBase | undefined;
  afterEach(async () => {
    kb?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
    kb = undefined;
  });

  async function copyOfArticles() {
    dir = await mkdtemp(join(tmpdir(), 'libdesk-kb-'));
    for (const name of ['wifi.md', 'printing.md', 'parking.md']) await cp(join(ARTICLES, name), join(dir, name));
    return dir;
  }

  it('refuses to start with a broken article, naming file and field', async () => {
    const folder = await copyOfArticles();
    await writeFile(join(folder, 'broken.md'), article(VALID.replace('id: parking', 'id: broken').replace('title: Parking\n', '')));
    await expect(createKnowledgeBase({ dir: folder })).rejects.toThrow(/broken\.md: title/);
  });

  it('refuses two articles with the same id', async () => {
    const folder = await copyOfArticles();
    await writeFile(join(folder, 'another-parking.md'), article(VALID.replace('id: parking', 'id: wifi')));
    await expect(createKnowledgeBase({ dir: folder })).rejects.toThrow(/wifi\.md: id: "wifi" is already used by another-parking\.md/);
  });

  it('picks up an edit on disk without a restart (watch)', async () => {
    const folder = await copyOfArticles();
    kb = await createKnowledgeBase({ dir: folder, watch: true });
    expect(kb.search('zeppelin', { language: 'en' })).toEqual([]);
    const file = join(folder, 'parking.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('  - Where do I park?', '  - Where do I park my zeppelin?'));
    await vi.waitFor(() => expect(kb!.search('zeppelin', { language: 'en' })[0]?.article.id).toBe('parking'), { timeout: 3000, interval: 50 });
  });

  it('keeps the last good articles when an edit breaks one', async () => {
    const folder = await copyOfArticles();
    kb = await createKnowledgeBase({ dir: folder });
    await writeFile(join(folder, 'parking.md'), '---\nid: parking\n---\nNo title.\n');
    await expect(kb.reload()).rejects.toThrow(/parking\.md: title/);
    expect(kb.get('parking')?.title).toBe('Parking and getting here');
    expect(kb.search('where do I park', { language: 'en' })[0]?.article.id).toBe('parking');
  });
});
