import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase, type KnowledgeDocumentStore, type StoredDocument } from '../../knowledge/index.js';
import { build } from '../test-support/build.js';
import { helpArticleUrl } from './help-pages.js';

const SHIPPED_ARTICLES = fileURLToPath(new URL('../../knowledge/articles', import.meta.url));

function article(front: Record<string, string>, body: string): string {
  const lines = Object.entries(front).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

/** Saved documents held in memory: enough for the knowledge base to see a retired article. */
function storeWith(rows: Array<Pick<StoredDocument, 'name' | 'content' | 'retired'>>): KnowledgeDocumentStore {
  const documents: StoredDocument[] = rows.map((row, index) => ({ ...row, kind: 'article', revision: index + 1, updatedBy: 'ann', updatedAt: new Date('2026-03-01T10:00:00Z') }));
  return {
    latestRevision: async () => documents.length,
    list: async (kind) => documents.filter((document) => !kind || document.kind === kind),
    find: async (kind, name) => documents.find((document) => document.kind === kind && document.name === name),
    save: async () => {
      throw new Error('read-only in this test');
    },
  };
}

let shipped: KnowledgeBase;
let crafted: KnowledgeBase;
let craftedDir: string;

beforeAll(async () => {
  shipped = await createKnowledgeBase({ dir: SHIPPED_ARTICLES });
  craftedDir = mkdtempSync(path.join(tmpdir(), 'libdesk-help-'));
  writeFileSync(
    path.join(craftedDir, 'tricky.md'),
    article(
      { id: 'tricky', title: 'A <tricky> article', short_answer: 'Bring **your card** and see [printing](printing.md).', language: 'en' },
      [
        'Plain paragraph with a [website](https://example.org/page) and a [bad link](javascript:alert(1)).',
        '',
        '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="#" onclick="alert(3)">click</a>',
        '',
        '<iframe src="https://evil.example/"></iframe>',
        '',
        'Today: {{hours}} and {{not_a_placeholder}}.',
        '',
        'See [holds](holds.md#how) and [./renewals.md](./renewals.md).',
      ].join('\n'),
    ),
  );
  writeFileSync(path.join(craftedDir, 'kept.md'), article({ id: 'kept', title: 'Kept', short_answer: 'Still here.', language: 'en' }, 'Body.'));
  writeFileSync(path.join(craftedDir, 'gone.md'), article({ id: 'gone', title: 'Gone', short_answer: 'Old.', language: 'en' }, 'Old body.'));
  crafted = await createKnowledgeBase({
    dir: craftedDir,
    // An administrator retired "gone" in the staff console: the file is still in the folder.
    store: storeWith([{ name: 'gone.md', content: article({ id: 'gone', title: 'Gone', short_answer: 'Old.', language: 'en' }, 'Old body.'), retired: true }]),
  });
});

afterAll(() => {
  shipped?.close();
  crafted?.close();
  if (craftedDir) rmSync(craftedDir, { recursive: true, force: true });
});

describe('help pages', () => {
  it('serves a whole article: title, short answer, body as HTML, in the page layout with its headers', async () => {
    const { app } = await build({ deps: { articles: shipped } });
    const response = await app.inject({ method: 'GET', url: '/help/wifi' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const wifi = shipped.get('wifi')!;
    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain(`<title>${wifi.title} · Riverside Public Library</title>`);
    expect(response.body).toContain('<h1 id="article-title">Wi-Fi and charging</h1>');
    expect(response.body).toContain(`<p class="lead box">${wifi.shortAnswer}</p>`);
    // Markdown became HTML: headings, numbered steps, bold; no Markdown syntax is left for a patron to read.
    expect(response.body).toContain('<h2>Connecting</h2>');
    expect(response.body).toMatch(/<ol>\s*<li>Join the network <strong>RiversidePL-Public<\/strong>\.<\/li>/);
    expect(response.body).not.toMatch(/\*\*|^## /m);
    // The same security headers as the other public pages, and no script on the page at all.
    expect(String(response.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.body).not.toContain('<script');
  });

  it('turns links to other article files into links to their pages', async () => {
    const { app } = await build({ deps: { articles: shipped } });
    const body = (await app.inject({ method: 'GET', url: '/help/wifi' })).body;
    expect(body).toContain('<a href="/help/printing">printing</a>');
    expect(body).toContain('<a href="/help/tech-help">tech help</a>');
    expect(body).not.toMatch(/href="[^"]*\.md/);

    const tricky = (await build({ deps: { articles: crafted } })).app;
    const trickyBody = (await tricky.inject({ method: 'GET', url: '/help/tricky' })).body;
    expect(trickyBody).toContain('<a href="/help/holds#how">holds</a>');
    expect(trickyBody).toContain('<a href="/help/renewals">./renewals.md</a>');
    // The short answer's inline Markdown too.
    expect(trickyBody).toContain('Bring <strong>your card</strong> and see <a href="/help/printing">printing</a>.');
  });

  it('removes script, event handlers, frames, images and javascript: links from an article', async () => {
    const { app } = await build({ deps: { articles: crafted } });
    const response = await app.inject({ method: 'GET', url: '/help/tricky' });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h1 id="article-title">A &lt;tricky&gt; article</h1>');
    expect(body).toContain('<a href="https://example.org/page">website</a>');
    expect(body).not.toMatch(/<script|<img|<iframe|onerror|onclick|javascript:/i);
    expect(body).not.toContain('alert(2)');
    // A link or element whose dangerous part was removed keeps its words.
    expect(body).toContain('and a <a>bad link</a>.');
    expect(body).toContain('<a href="#">click</a>');
  });

  it('renders a placeholder that was not filled as the text it is, without failing', async () => {
    const { app } = await build({ deps: { articles: crafted } });
    const response = await app.inject({ method: 'GET', url: '/help/tricky' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Today: {{hours}} and {{not_a_placeholder}}.');
  });

  it('answers 404 with the error page for an unknown, oddly written or retired article', async () => {
    const { app } = await build({ deps: { articles: crafted } });
    expect(crafted.get('kept')).toBeDefined();
    for (const url of ['/help/no-such-article', '/help/%3Cscript%3E', '/help/gone']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('<h1>Page not found</h1>');
      expect(response.body).not.toContain('<script>');
    }
    expect((await app.inject({ method: 'GET', url: '/help/kept' })).statusCode).toBe(200);
  });

  it('serves a translation in its language, linked both ways with the original', async () => {
    const { app } = await build({ deps: { articles: shipped } });
    const spanish = await app.inject({ method: 'GET', url: '/help/holds-es' });
    expect(spanish.statusCode).toBe(200);
    expect(spanish.body).toContain('<html lang="es">');
    expect(spanish.body).toContain('<a href="/help">Todos los artículos de ayuda</a>');
    expect(spanish.body).toMatch(/<a href="\/help\/holds" hreflang="en" lang="en">English: [^<]+<\/a>/);

    const english = await app.inject({ method: 'GET', url: '/help/holds' });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toMatch(/<a href="\/help\/holds-es" hreflang="es" lang="es">Español: Reservas<\/a>/);
    // An article with no translation offers none.
    expect((await app.inject({ method: 'GET', url: '/help/notary' })).body).not.toContain('hreflang');
  });

  it('lists every article in service on /help, grouped by language', async () => {
    const { app } = await build({ deps: { articles: shipped } });
    const response = await app.inject({ method: 'GET', url: '/help' });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    const english = body.slice(body.indexOf('<section lang="en"'), body.indexOf('<section lang="es"'));
    const spanish = body.slice(body.indexOf('<section lang="es"'));
    expect(english).toContain('<h2 id="articles-en">English</h2>');
    expect(spanish).toContain('<h2 id="articles-es">Español</h2>');
    const all = shipped.all();
    for (const item of all) {
      const link = `<a href="/help/${item.id}">`;
      expect(item.language === 'es' ? spanish : english, item.id).toContain(link);
    }
    expect(body.match(/<a href="\/help\/[^"]+">/g)).toHaveLength(all.length);

    const retiredLeftOut = await (await build({ deps: { articles: crafted } })).app.inject({ method: 'GET', url: '/help' });
    expect(retiredLeftOut.body).toContain('<a href="/help/kept">Kept</a>');
    expect(retiredLeftOut.body).not.toContain('/help/gone');
  });

  it('has no /help routes when the app is built without articles', async () => {
    const { app } = await build();
    expect((await app.inject({ method: 'GET', url: '/help/wifi' })).statusCode).toBe(404);
  });

  it('builds article links from the public address', () => {
    expect(helpArticleUrl('https://ask.library.example/')('wifi')).toBe('https://ask.library.example/help/wifi');
    expect(helpArticleUrl('http://127.0.0.1:3000')('holds-es')).toBe('http://127.0.0.1:3000/help/holds-es');
  });
});
