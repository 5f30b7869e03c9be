import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { createKnowledgeStoreRepository } from '../../knowledge/index.js';
import { createTemporaryDir, createTemporaryPostgresDatabase, skipWithoutPostgres } from '../support/services.js';
import { eastsideOpenSaturday, libraryFormFields } from '../support/library-form.js';

/**
 * Two Libdesk instances on one PostgreSQL database, as two machines behind a load balancer would run
 * (each its own DATA_DIR, nothing shared but the database). An administrator changes Saturday hours in
 * the console of instance A, over HTTP; a patron asking instance B is answered with the new hours within
 * a few seconds (KNOWLEDGE_SYNC_SECONDS, default 2), with no restart and no file on B's disk changed.
 */

/** A tiny browser: keeps cookies, posts forms, follows nothing. */
function browser(baseUrl: string) {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (value) cookies.set(name!.trim(), value);
      else cookies.delete(name!.trim());
    }
  };
  const headers = () => ({ cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') });
  return {
    async get(path: string) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { ...headers(), accept: 'text/html' }, redirect: 'manual' });
      remember(response);
      return { status: response.status, body: await response.text() };
    },
    async post(path: string, fields: Record<string, string>) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
      remember(response);
      return { status: response.status, location: response.headers.get('location'), body: await response.text() };
    },
  };
}

describe.skipIf(skipWithoutPostgres)('library admin across two instances on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTemporaryPostgresDatabase>>;
  const dirs: Array<{ remove(): void }> = [];
  let a: RunningLibdesk;
  let b: RunningLibdesk;

  beforeAll(async () => {
    database = await createTemporaryPostgresDatabase();
    const start = async () => {
      const dir = createTemporaryDir('libdesk-two-');
      dirs.push(dir);
      return startLibdesk({ env: { DATABASE_URL: database.url, DATA_DIR: dir.dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false' }, announce: () => {} });
    };
    a = await start();
    b = await start();
    await a.deps.staff.addStaff('root', 'admin');
    await a.deps.console.accounts.setPassword('root', 'root-password-123');
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
    for (const dir of dirs) dir.remove();
  });

  it('an admin changes Saturday hours on A; a patron asking B is told the new hours within seconds', async () => {
    const ask = async (text: string) => {
      const threadKey = `patron-${Math.random().toString(36).slice(2)}`;
      return (await b.deps.inquiries.handle({ channel: 'web', address: threadKey, threadKey, text })).reply.text;
    };
    expect(await ask('is eastside open on saturday')).toMatch(eastsideOpenSaturday('10:00 AM–5:00 PM'));

    const admin = browser(a.url!);
    const signIn = await admin.get('/staff/sign-in');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.body)![1]!;
    expect((await admin.post('/staff/sign-in', { name: 'root', password: 'root-password-123', _csrf: csrf, next: '/staff/admin/library' })).status).toBe(303);
    const page = await admin.get('/staff/admin/library');
    expect(page.status).toBe(200);
    const fields = libraryFormFields(page.body);
    // The second branch on the page is Eastside.
    expect(fields['b1.sat.opens']).toBe('10:00');
    const saved = await admin.post('/staff/admin/library', { ...fields, 'b1.sat.opens': '08:30', 'b1.sat.closes': '12:15', action: 'save' });
    expect(saved.status).toBe(303);
    const savedAt = performance.now();

    // A, which saved, answers with the new hours at once.
    const threadKey = `patron-a-${Math.random().toString(36).slice(2)}`;
    expect((await a.deps.inquiries.handle({ channel: 'web', address: threadKey, threadKey, text: 'is eastside open on saturday' })).reply.text).toMatch(/8:30 AM–12:15 PM/);

    // B learns of it by polling the latest revision.
    let answer = '';
    while (!/8:30 AM–12:15 PM/.test(answer)) {
      expect(performance.now() - savedAt, `B still answered "${answer}"`).toBeLessThan(6_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await ask('is eastside open on saturday');
    }
    const seconds = (performance.now() - savedAt) / 1000;
    expect(answer).toMatch(eastsideOpenSaturday('8:30 AM–12:15 PM'));
    // The hours article on B, in both languages, reads the same settings.
    expect(b.deps.knowledge.get('hours-and-locations')?.shortAnswer).toContain('Sat 8:30am-12:15pm');
    expect(b.deps.knowledge.get('hours-and-locations-es')?.shortAnswer).toContain('sáb 8:30-12:15 h');
    console.info(`instance B answered with the new hours ${seconds.toFixed(2)} s after the save on A (KNOWLEDGE_SYNC_SECONDS=2)`);
    expect(seconds).toBeLessThan(6);
  });

  it('an article edited on A is answered on B', async () => {
    const admin = a.deps.console.libraryAdmin!;
    const entry = (await admin.article('wifi.md'))!;
    const result = await admin.saveArticle('wifi.md', entry.text.replace(/^short_answer: .*$/m, 'short_answer: "Network RiversidePL-Guest, password readmore."'), 'root', entry.revision ?? 0, false);
    expect(result.ok).toBe(true);
    const started = performance.now();
    while (b.deps.knowledge.get('wifi')?.shortAnswer !== 'Network RiversidePL-Guest, password readmore.') {
      expect(performance.now() - started).toBeLessThan(6_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('commits saves in the order of their revisions, so polling the highest revision misses none', async () => {
    const store = createKnowledgeStoreRepository(a.deps.database.prisma, 'postgresql');
    // A slow save on another connection: it holds the save lock with its row written but not committed.
    const slow = new pg.Client({ connectionString: database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query('SELECT pg_advisory_xact_lock(7310417)');
      await slow.query(`INSERT INTO "KnowledgeDocument" (kind, name, content, retired, "updatedBy", "updatedAt") VALUES ('article', 'slow.md', 'x', true, 'slow', now())`);
      const before = await store.latestRevision();
      let quickDone = false;
      const quick = store.save({ kind: 'article', name: 'quick.md', content: 'y', retired: true, updatedBy: 'quick', expectedRevision: 0 }, new Date()).then((row) => {
        quickDone = true;
        return row;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The quick save waits: it cannot commit a revision above one still open.
      expect(quickDone).toBe(false);
      expect(await store.latestRevision()).toBe(before);
      await slow.query('COMMIT');
      const quickRow = await quick;
      const slowRow = (await store.find('article', 'slow.md'))!;
      expect(quickRow.revision).toBeGreaterThan(slowRow.revision);
      expect(slowRow.revision).toBeGreaterThan(before);
    } finally {
      await slow.end();
    }
  });
});
