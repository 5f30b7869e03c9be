import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createKnowledgeAdmin } from './knowledge-admin.js';
import { createKnowledgeBase } from './knowledge-base.js';
import { loadDocuments, loadLibraryDocument } from './knowledge-documents.js';
import { createKnowledgeStoreRepository } from './knowledge-store.repository.js';
import type { KnowledgeDocumentStore } from './knowledge-store.js';
import { startKnowledgeSync } from './knowledge-sync.js';
import { createLibraryCalendar } from './library-calendar.js';

/**
 * Knowledge documents in a real SQLite database over a copy of the shipped files: what the loader
 * serves (a row wins over its file, a file without a row is used as is), how revisions move, and how
 * a save reaches the calendar and the articles.
 */
const SHIPPED = new URL('./', import.meta.url).pathname;
const MONDAY = '2026-12-07';
const at = (iso: string) => new Date(iso);

let database: TemporaryDatabase;
let store: KnowledgeDocumentStore;
let root: string;
let libraryFile: string;
let articlesDir: string;
let libraryYaml: string;

beforeAll(async () => {
  database = await openTemporarySqlite();
  store = createKnowledgeStoreRepository(database.db.prisma, database.db.provider);
  root = await mkdtemp(join(tmpdir(), 'libdesk-knowledge-'));
  libraryFile = join(root, 'library.yaml');
  articlesDir = join(root, 'articles');
  libraryYaml = await readFile(join(SHIPPED, 'library.yaml'), 'utf8');
  await writeFile(libraryFile, libraryYaml);
  await cp(join(SHIPPED, 'articles'), articlesDir, { recursive: true });
});
afterAll(async () => {
  await database?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const wifiArticle = (shortAnswer: string) => `---
id: wifi
title: Wi-Fi
questions: [Do you have wifi?]
tags: [wifi]
short_answer: "${shortAnswer}"
language: en
---
Connect to RiversidePL-Public.
`;

describe('the knowledge store', () => {
  it('starts at revision 0, and every save takes a higher revision than any before', async () => {
    expect(await store.latestRevision()).toBe(0);
    const first = await store.save({ kind: 'article', name: 'scratch.md', content: 'one', retired: false, updatedBy: 'root', expectedRevision: 0 }, at('2026-12-01T10:00:00Z'));
    const second = await store.save({ kind: 'article', name: 'scratch.md', content: 'two', retired: true, updatedBy: 'amy', expectedRevision: first.revision }, at('2026-12-01T11:00:00Z'));
    expect(second.revision).toBeGreaterThan(first.revision);
    expect(await store.latestRevision()).toBe(second.revision);
    expect(await store.find('article', 'scratch.md')).toMatchObject({ content: 'two', retired: true, updatedBy: 'amy', updatedAt: at('2026-12-01T11:00:00Z') });
    // One row per document, whatever the number of saves.
    expect((await store.list('article')).filter((row) => row.name === 'scratch.md')).toHaveLength(1);
  });

  it('refuses a save made on top of an older revision (someone else saved meanwhile), keeping theirs', async () => {
    const current = (await store.find('article', 'scratch.md'))!;
    const stale = store.save({ kind: 'article', name: 'scratch.md', content: 'three', retired: false, updatedBy: 'root', expectedRevision: current.revision - 1 }, new Date());
    await expect(stale).rejects.toSatisfy((error) => isLibdeskError(error, 'LD_CONFLICT'));
    expect((await store.find('article', 'scratch.md'))?.content).toBe('two');
    const fresh = store.save({ kind: 'article', name: 'brand-new.md', content: 'x', retired: false, updatedBy: 'root', expectedRevision: 5 }, new Date());
    await expect(fresh).rejects.toSatisfy((error) => isLibdeskError(error, 'LD_CONFLICT'));
  });
});

describe('the loader', () => {
  it('serves a database row over the file of the same name, files without a row as they are, and rows without a file', async () => {
    await store.save({ kind: 'article', name: 'wifi.md', content: wifiArticle('Edited in the console.'), retired: false, updatedBy: 'root', expectedRevision: 0 }, new Date());
    const documents = await loadDocuments({ kind: 'article', dir: articlesDir }, store);
    const byName = new Map(documents.map((document) => [document.name, document]));
    expect(byName.get('wifi.md')).toMatchObject({ source: 'database', shipped: true, updatedBy: 'root' });
    expect(byName.get('wifi.md')?.text).toContain('Edited in the console.');
    expect(byName.get('parking.md')).toMatchObject({ source: 'file', shipped: true, retired: false });
    expect(byName.get('parking.md')?.text).toBe(await readFile(join(articlesDir, 'parking.md'), 'utf8'));
    expect(byName.get('scratch.md')).toMatchObject({ source: 'database', shipped: false, retired: true });
    expect(documents.map((document) => document.name)).toEqual([...documents.map((document) => document.name)].sort());
    // Without a store, only the files.
    expect((await loadDocuments({ kind: 'article', dir: articlesDir })).find((document) => document.name === 'wifi.md')?.source).toBe('file');
  });

  it('serves the library settings from the database once saved, and from the file before', async () => {
    expect(await loadLibraryDocument(libraryFile, store)).toMatchObject({ source: 'file', name: 'library.yaml' });
    expect(await loadLibraryDocument(join(root, 'missing.yaml'), store).catch((error: unknown) => error)).toSatisfy((error) => isLibdeskError(error, 'LD_KNOWLEDGE_INVALID'));
  });

  it('is what the knowledge base answers from: the edited article, without retired ones', async () => {
    const kb = await createKnowledgeBase({ dir: articlesDir, store });
    expect(kb.get('wifi')?.shortAnswer).toBe('Edited in the console.');
    expect(kb.all().some((article) => article.id === 'scratch')).toBe(false);
    expect(kb.search('wifi')[0]?.article.shortAnswer).toBe('Edited in the console.');
  });
});

describe('saving through the admin, and every other process catching up', () => {
  it('a settings save in one process reaches a second process on its next revision check', async () => {
    // Two processes: each its own calendar, knowledge base and sync, sharing the database only.
    const processes = await Promise.all(
      [0, 1].map(async () => {
        const loadedRevision = await store.latestRevision();
        const calendar = await createLibraryCalendar({ file: libraryFile, store });
        const knowledge = await createKnowledgeBase({ dir: articlesDir, store, placeholders: { calendar, now: () => at('2026-12-07T15:00:00Z') } });
        const sync = startKnowledgeSync({ store, loadedRevision, everyMs: 60_000, reload: async () => void (await Promise.allSettled([calendar.reload(), knowledge.reload()])) });
        const admin = createKnowledgeAdmin({ store, libraryFile, articlesDir, calendar, clock: { now: () => new Date() }, afterSave: async () => void (await sync.check()) });
        return { calendar, knowledge, sync, admin };
      }),
    );
    const [a, b] = processes as [(typeof processes)[0], (typeof processes)[0]];
    expect(b.calendar.hoursOn('main', MONDAY).closes).toBe('21:00');
    expect(b.knowledge.get('hours-and-locations')?.shortAnswer).toContain('Mon-Thu 9am-9pm');

    const { settings, document } = await a.admin.library();
    const changed = structuredClone(settings);
    changed.branches[0]!.hours.mon = '09:00-19:30';
    const saved = await a.admin.saveLibrary(changed, 'root', document.revision ?? 0);
    expect(saved.ok).toBe(true);
    // The saving process reloaded at once; the other has not looked yet.
    expect(a.calendar.hoursOn('main', MONDAY).closes).toBe('19:30');
    expect(b.calendar.hoursOn('main', MONDAY).closes).toBe('21:00');
    expect(await b.sync.check()).toBe(true);
    expect(b.calendar.hoursOn('main', MONDAY).closes).toBe('19:30');
    // The hours article is filled from the new settings, in both languages.
    expect(b.knowledge.get('hours-and-locations')?.shortAnswer).toContain('Mon 9am-7:30pm');
    expect(b.knowledge.get('hours-and-locations-es')?.shortAnswer).toContain('lun 9-19:30 h');
    expect(b.knowledge.get('hours-and-locations')?.body).toContain('| Monday | 9:00 a.m. – 7:30 p.m. |');
    // Nothing moved: no reload.
    expect(await b.sync.check()).toBe(false);
    for (const process of processes) {
      process.sync.stop();
      process.calendar.close();
      process.knowledge.close();
    }
  });

  it('refuses invalid settings with the field, and stores nothing', async () => {
    const calendar = await createLibraryCalendar({ file: libraryFile, store });
    const admin = createKnowledgeAdmin({ store, libraryFile, articlesDir, calendar, clock: { now: () => new Date() }, afterSave: async () => {} });
    const before = await store.latestRevision();
    const { settings, document } = await admin.library();
    const broken = structuredClone(settings) as unknown as { branches: Array<{ hours: Record<string, string> }>; time_zone: string };
    broken.branches[1]!.hours.sat = '17:00-10:00';
    broken.time_zone = 'Mars/Olympus_Mons';
    const result = await admin.saveLibrary(broken, 'root', document.revision ?? 0);
    expect(result).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { field: 'branches.1.hours.sat', message: 'closing time must be after opening time' },
        { field: 'time_zone', message: 'not a known IANA time zone' },
      ]),
    });
    const yaml = await admin.saveLibraryText('name: [unclosed', 'root', document.revision ?? 0);
    expect(yaml.ok).toBe(false);
    expect(await store.latestRevision()).toBe(before);
  });

  it('checks an article with the kb check (unknown placeholder, broken link, duplicate id) and saves only a clean one', async () => {
    const calendar = await createLibraryCalendar({ file: libraryFile, store });
    const admin = createKnowledgeAdmin({ store, libraryFile, articlesDir, calendar, clock: { now: () => new Date() }, afterSave: async () => {} });
    const before = await store.latestRevision();
    const entry = (await admin.article('parking.md'))!;
    const broken = entry.text.replace(/\n---\n/, '\n---\nSee {{opening_hours}} and [the map](no-such-file.md).\n');
    const refused = await admin.saveArticle('parking.md', broken, 'root', 0, false);
    expect(refused.ok).toBe(false);
    const messages = refused.ok ? [] : refused.problems.map((problem) => problem.message);
    expect(messages.some((message) => message.includes('{{opening_hours}} is not a placeholder'))).toBe(true);
    expect(messages.some((message) => message.includes('no-such-file.md'))).toBe(true);
    const duplicate = await admin.saveArticle('parking-copy.md', entry.text, 'root', 0, true);
    expect(duplicate.ok ? [] : duplicate.problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining('id "parking" is used by'));
    expect(await store.latestRevision()).toBe(before);

    // A link to an article that exists only in the database counts.
    const linked = entry.text.replace(/\n---\n/, '\n---\nSee also [Wi-Fi](wifi.md) and [scratch](brand-new-topic.md).\n');
    await store.save({ kind: 'article', name: 'brand-new-topic.md', content: wifiArticle('x').replace('id: wifi', 'id: brand-new-topic').replace('Do you have wifi?', 'Is there a new topic?'), retired: false, updatedBy: 'root', expectedRevision: 0 }, new Date());
    const saved = await admin.saveArticle('parking.md', linked, 'amy', 0, false);
    expect(saved.ok).toBe(true);
    expect(await admin.article('parking.md')).toMatchObject({ source: 'database', updatedBy: 'amy' });

    // Retiring an article another one links to would break that link: refused.
    const retire = await admin.setRetired('brand-new-topic.md', true, 'root');
    expect(retire.ok ? [] : retire.problems.map((problem) => problem.field)).toEqual(['parking.md']);
    calendar.close();
  });
});
