import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../core/clock.js';
import { build } from '../http/test-support/build.js';
import { createKnowledgeAdmin, createKnowledgeBase, createKnowledgeStoreRepository, createLibraryCalendar, type KnowledgeDocumentStore, type LibraryCalendarHandle } from '../knowledge/index.js';
import { createStaffRepository, createStaffService } from '../staff/index.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createConsoleAccounts } from './console-accounts.js';
import { createConsoleRepository } from './console.repository.js';
import type { ConsoleDeps } from './console-routes.js';
import { createMemoryQueueFeed } from './queue-feed.js';
import { decodeHtml, libraryFormFields } from '../test/support/library-form.js';

/**
 * The library admin pages over `inject`, with real sessions, a real SQLite store and a copy of the
 * shipped knowledge files: who may use them, which posts are refused and with what, and that a refused
 * save stores nothing while a good one changes what patrons are told.
 */
const SHIPPED = new URL('../knowledge/', import.meta.url).pathname;
let database: TemporaryDatabase;
let store: KnowledgeDocumentStore;
let calendar: LibraryCalendarHandle;
let consoleDeps: ConsoleDeps;
let root: string;
let articlesDir: string;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await openTemporarySqlite();
  root = await mkdtemp(join(tmpdir(), 'libdesk-admin-'));
  articlesDir = join(root, 'articles');
  await writeFile(join(root, 'library.yaml'), await readFile(join(SHIPPED, 'library.yaml'), 'utf8'));
  await cp(join(SHIPPED, 'articles'), articlesDir, { recursive: true });
  store = createKnowledgeStoreRepository(database.db.prisma, database.db.provider);
  calendar = await createLibraryCalendar({ file: join(root, 'library.yaml'), store });
  const consoleStore = createConsoleRepository(database.db.prisma);
  const staff = createStaffService({ repository: createStaffRepository(database.db.prisma), clock, cacheMs: 0 });
  const accounts = createConsoleAccounts({ store: consoleStore, staff, clock });
  await staff.addStaff('ann', 'staff');
  await staff.addStaff('root', 'admin');
  await accounts.setPassword('ann', 'ann-password-123');
  await accounts.setPassword('root', 'root-password-123');
  consoleDeps = {
    accounts,
    store: consoleStore,
    queueFeed: createMemoryQueueFeed(),
    cannedReplies: [],
    secureCookies: false,
    publicUrl: 'https://libdesk.example.org',
    csrfKey: 'test-console-csrf-key-0123456789abcdef',
    timeZone: () => 'America/New_York',
    clock,
    libraryAdmin: createKnowledgeAdmin({ store, libraryFile: join(root, 'library.yaml'), articlesDir, calendar, clock, afterSave: () => calendar.reload() }),
  };
});
afterAll(async () => {
  calendar?.close();
  await database?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

interface Browser {
  cookies: Map<string, string>;
}
const cookieHeader = (browser: Browser) => [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
function remember(browser: Browser, response: LightMyRequestResponse): void {
  for (const cookie of response.cookies) {
    if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) browser.cookies.delete(cookie.name);
    else browser.cookies.set(cookie.name, cookie.value);
  }
}
async function get(app: FastifyInstance, browser: Browser, url: string) {
  const response = await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(browser), accept: 'text/html' } });
  remember(browser, response);
  return response;
}
async function post(app: FastifyInstance, browser: Browser, url: string, fields: Record<string, string>) {
  const response = await app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(browser) },
    payload: new URLSearchParams(fields).toString(),
  });
  remember(browser, response);
  return response;
}
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1]!;
async function signedIn(app: FastifyInstance, name: string): Promise<Browser> {
  const browser: Browser = { cookies: new Map() };
  const form = await get(app, browser, '/staff/sign-in');
  const response = await post(app, browser, '/staff/sign-in', { name, password: `${name}-password-123`, _csrf: csrfOf(form.body), next: '/staff/queue' });
  expect(response.statusCode).toBe(303);
  return browser;
}


const appWithAdmin = () => build({ deps: { console: consoleDeps } });

describe('library admin: who may', () => {
  it('shows the pages to an admin, answers 403 to staff, sends the signed-out to sign in, and links them in the admin nav', async () => {
    const built = await appWithAdmin();
    const ann = await signedIn(built.app, 'ann');
    for (const url of ['/staff/admin/library', '/staff/admin/library/yaml', '/staff/admin/articles', '/staff/admin/articles/wifi/edit', '/staff/admin/articles/new']) {
      expect((await get(built.app, ann, url)).statusCode, url).toBe(403);
    }
    expect((await get(built.app, ann, '/staff/queue')).body).not.toContain('/staff/admin/library');
    const anonymous = await built.app.inject({ method: 'GET', url: '/staff/admin/library', headers: { accept: 'text/html' } });
    expect(anonymous.statusCode).toBe(303);
    const admin = await signedIn(built.app, 'root');
    const page = await get(built.app, admin, '/staff/admin/library');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/staff/admin/library" aria-current="page">Hours</a>');
    expect(page.body).toContain('<a href="/staff/admin/articles">Articles</a>');
    expect(page.body).toContain('<option selected>America/New_York</option>');
    // A staff member cannot save either, token or not.
    const fields = libraryFormFields(page.body);
    expect((await post(built.app, ann, '/staff/admin/library', fields)).statusCode).toBe(403);
  });
});

describe('library admin: hours and closures', () => {
  it('refuses a post without a CSRF token (403) and invalid hours (400, the error beside the field), storing nothing', async () => {
    const built = await appWithAdmin();
    const admin = await signedIn(built.app, 'root');
    const fields = libraryFormFields((await get(built.app, admin, '/staff/admin/library')).body);
    expect(fields['b1.sat.opens']).toBe('10:00');
    const before = await store.latestRevision();

    const { _csrf: _token, ...withoutToken } = fields;
    expect((await post(built.app, admin, '/staff/admin/library', { ...withoutToken, 'b1.sat.closes': '19:00' })).statusCode).toBe(403);

    const invalid = await post(built.app, admin, '/staff/admin/library', { ...fields, 'b1.sat.opens': '18:00', 'b1.sat.closes': '09:00', 'c0.note': '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('<p class="field-error" id="err-b1-sat">closing time must be after opening time</p>');
    expect(invalid.body).toContain('<p class="field-error" id="err-c0">Say what the day is (a note for patrons).</p>');
    // The page keeps what was typed.
    expect(invalid.body).toContain('name="b1.sat.opens" value="18:00"');
    const noTimes = await post(built.app, admin, '/staff/admin/library', { ...fields, 'b0.mon.opens': '' });
    expect(noTimes.statusCode).toBe(400);
    expect(noTimes.body).toContain('Give the opening and closing times (HH:mm), or tick Closed.');
    expect(await store.latestRevision()).toBe(before);
    expect(calendar.hoursOn('eastside', '2026-12-12')).toMatchObject({ opens: '10:00', closes: '17:00' });
  });

  it('saves new Saturday hours, a new closure and a time zone, and the calendar answers with them', async () => {
    const built = await appWithAdmin();
    const admin = await signedIn(built.app, 'root');
    const page = await get(built.app, admin, '/staff/admin/library');
    // "Add a closure" redraws the form with an empty row and saves nothing.
    const before = await store.latestRevision();
    const added = await post(built.app, admin, '/staff/admin/library', { ...libraryFormFields(page.body), action: 'add:c' });
    expect(added.statusCode).toBe(200);
    expect(await store.latestRevision()).toBe(before);
    const fields = libraryFormFields(added.body);
    const newRow = Object.keys(fields).filter((key) => /^c\d+\.date$/.test(key)).length - 1;
    expect(fields[`c${newRow}.date`]).toBe('');

    const saved = await post(built.app, admin, '/staff/admin/library', {
      ...fields,
      'b1.sat.closes': '19:00',
      [`c${newRow}.date`]: '2026-12-12',
      [`c${newRow}.type`]: 'opens',
      [`c${newRow}.opens`]: '11:00',
      [`c${newRow}.note`]: 'Late start for the parade',
      action: 'save',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/staff/admin/library?done=saved');
    expect(calendar.hoursOn('eastside', '2026-12-12')).toMatchObject({ open: true, opens: '11:00', closes: '19:00', note: 'Late start for the parade' });
    expect(calendar.hoursOn('eastside', '2026-12-19')).toMatchObject({ opens: '10:00', closes: '19:00' });
    expect(await store.find('library', 'library.yaml')).toMatchObject({ updatedBy: 'root' });
    const after = await get(built.app, admin, '/staff/admin/library?done=saved');
    expect(after.body).toContain('Last saved by root');

    // Remove the row again, and change the time zone.
    const removeRow = await post(built.app, admin, '/staff/admin/library', { ...libraryFormFields(after.body), action: `remove:c${newRow}` });
    const zone = await post(built.app, admin, '/staff/admin/library', { ...libraryFormFields(removeRow.body), time_zone: 'America/Chicago', action: 'save' });
    expect(zone.statusCode).toBe(303);
    expect(calendar.timeZone).toBe('America/Chicago');
    expect(calendar.hoursOn('eastside', '2026-12-12')).toMatchObject({ opens: '10:00' });
    // A form made before that save is refused rather than undoing it.
    const stale = await post(built.app, admin, '/staff/admin/library', { ...libraryFormFields(after.body), action: 'save' });
    expect(stale.statusCode).toBe(409);
  });

  it('edits the settings as YAML with the same schema: a bad field is named and nothing is saved', async () => {
    const built = await appWithAdmin();
    const admin = await signedIn(built.app, 'root');
    const page = await get(built.app, admin, '/staff/admin/library/yaml');
    const text = decodeHtml(/<textarea id="settings-yaml"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.body)![1]!);
    const revision = /name="revision" value="(\d+)"/.exec(page.body)![1]!;
    const before = await store.latestRevision();
    const bad = await post(built.app, admin, '/staff/admin/library/yaml', { _csrf: csrfOf(page.body), revision, yaml: text.replace('45 Maple Avenue', '46 Maple Avenue').replace(/id: eastside/, 'id: East Side') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<code>branches.1.id</code>: lower-case letters, digits and dashes');
    expect(await store.latestRevision()).toBe(before);
    const good = await post(built.app, admin, '/staff/admin/library/yaml', { _csrf: csrfOf(page.body), revision, yaml: text.replace('45 Maple Avenue', '46 Maple Avenue') });
    expect(good.statusCode).toBe(303);
    expect(calendar.branches().find((branch) => branch.id === 'eastside')?.address).toBe('46 Maple Avenue, Riverside');
  });
});

describe('library admin: articles', () => {
  it('lists, edits, adds, retires and restores articles with the kb check; a refused save stores nothing', async () => {
    const built = await appWithAdmin();
    const admin = await signedIn(built.app, 'root');
    const list = await get(built.app, admin, '/staff/admin/articles');
    expect(list.statusCode).toBe(200);
    expect(list.body).toMatch(/<tr data-article="wifi">\s*<th scope="row">wifi<\/th><td>[^<]+<\/td><td>en<\/td>\s*<td>shipped file<\/td>/);
    const edit = await get(built.app, admin, '/staff/admin/articles/wifi/edit');
    const text = decodeHtml(/<textarea id="article-text"[^>]*>([\s\S]*?)<\/textarea>/.exec(edit.body)![1]!);
    expect(text).toBe(await readFile(join(articlesDir, 'wifi.md'), 'utf8'));
    const token = csrfOf(edit.body);
    const before = await store.latestRevision();

    expect((await post(built.app, admin, '/staff/admin/articles/wifi', { text, revision: '0' })).statusCode).toBe(403);
    const bad = await post(built.app, admin, '/staff/admin/articles/wifi', { _csrf: token, revision: '0', text: text.replace(/^title: .*$/m, 'title: ""').replace(/\n---\n/, '\n---\nOpen {{open_hours}}.\n') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('title: must not be empty');
    expect(await store.latestRevision()).toBe(before);

    const saved = await post(built.app, admin, '/staff/admin/articles/wifi', { _csrf: token, revision: '0', text: text.replace(/^short_answer: .*$/m, 'short_answer: "Join RiversidePL-Guest; no password."') });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/staff/admin/articles/wifi/edit?done=saved');
    const kb = await createKnowledgeBase({ dir: articlesDir, store });
    expect(kb.get('wifi')?.shortAnswer).toBe('Join RiversidePL-Guest; no password.');
    // A long article is more than the console's other forms may send, and still saves.
    const long = text.replace(/^short_answer: .*$/m, 'short_answer: "Join RiversidePL-Guest; no password."') + `\n${'Step by step: open your settings & pick the network. '.repeat(1200)}\n`;
    expect(long.length).toBeGreaterThan(60_000);
    expect((await post(built.app, admin, '/staff/admin/articles/wifi', { _csrf: token, revision: String((await store.find('article', 'wifi.md'))!.revision), text: long })).statusCode).toBe(303);
    expect((await get(built.app, admin, '/staff/admin/articles')).body).toMatch(/<tr data-article="wifi">[\s\S]*?<td>edited here<\/td>\s*<td>root, <time/);

    const fresh = await get(built.app, admin, '/staff/admin/articles/new');
    const newText = '---\nid: book-club\ntitle: Book clubs\nquestions: [Do you have a book club?]\ntags: [book club]\nshort_answer: "Our book club meets the first Tuesday of each month."\nlanguage: en\n---\nAll welcome; see [hours](hours-and-locations.md).\n';
    const added = await post(built.app, admin, '/staff/admin/articles', { _csrf: csrfOf(fresh.body), text: newText });
    expect(added.statusCode).toBe(303);
    const again = await post(built.app, admin, '/staff/admin/articles', { _csrf: csrfOf(fresh.body), text: newText });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('there is already an article book-club.md');

    expect((await post(built.app, admin, '/staff/admin/articles/book-club/retire', { _csrf: token })).statusCode).toBe(303);
    await kb.reload();
    expect(kb.get('book-club')).toBeUndefined();
    expect((await post(built.app, admin, '/staff/admin/articles/book-club/restore', { _csrf: token })).statusCode).toBe(303);
    await kb.reload();
    expect(kb.get('book-club')?.title).toBe('Book clubs');
    kb.close();
  });
});
