import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogRecord } from '../../core/catalog.js';
import type { OutboundRequest } from '../../core/delivery.js';
import type { Channel } from '../../core/inquiry.js';
import { createNoticesRepository } from '../../ils/notices/notices.repository.js';
import { createContactsRepository } from '../../ils/verification/contacts.repository.js';
import { createPatronVerification } from '../../ils/verification/patron-verification.js';
import { createFakeAssets } from '../../test/fakes/fake-assets.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { createFakeCatalog } from '../../test/fakes/fake-catalog.js';
import { createMemoryDialogStore } from '../../test/fakes/fake-dialog-store.js';
import { createFakeKnowledge, fakeArticle } from '../../test/fakes/fake-knowledge.js';
import { createFakeTickets } from '../../test/fakes/fake-tickets.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../../test/support/databases.js';
import { seedWorld, WORLD } from '../../test/support/ils-world.js';
import { createRouter } from '../index.js';

const record = (id: string, title: string, author: string, subtitle?: string): CatalogRecord => ({
  id, title, authors: [author], subjects: [], isbns: [], series: [], format: 'book', ...(subtitle ? { subtitle } : {}),
});

const CATALOG = [
  record('W:educated', 'Educated', 'Westover, Tara', 'a memoir'),
  record('W:dune', 'Dune', 'Herbert, Frank'),
  record('W:becoming', 'Becoming', 'Obama, Michelle'),
];

const ARTICLES = [
  fakeArticle({
    id: 'renewals',
    title: 'Renewing items',
    questions: ['Can I renew a DVD?', 'How many times can I renew a book?'],
    tags: ['renew', 'renewal', 'dvd', 'limit'],
    body: 'Books renew twice, DVDs once. Items with a hold cannot be renewed.',
    shortAnswer: 'Books renew twice, DVDs once.',
  }),
];

describe('account, renew and hold skills with the embedded ILS', { timeout: 30_000 }, () => {
  let database: TemporaryDatabase;
  let now: Date;
  let route: (text: string, options?: { address?: string; channel?: Channel }) => ReturnType<ReturnType<typeof createRouter>['route']>;
  let tickets: ReturnType<typeof createFakeTickets>;
  const sent: OutboundRequest[] = [];

  beforeEach(async () => {
    sent.length = 0;
    database = await openTemporarySqlite();
    now = new Date('2026-12-01T15:00:00-05:00');
    const clock = { now: () => now };
    const calendar = createFakeCalendar();
    const world = await seedWorld(database.db.prisma, calendar, clock);
    tickets = createFakeTickets();
    const router = createRouter({
      knowledge: createFakeKnowledge(ARTICLES),
      calendar,
      assets: createFakeAssets(),
      tickets,
      dialogs: createMemoryDialogStore(),
      clock,
      catalog: createFakeCatalog({ records: CATALOG }),
      ils: world.ils,
      patrons: createPatronVerification({
        ils: world.ils,
        repository: createContactsRepository(database.db.prisma),
        trustDays: 30,
        codes: {
          delivery: { deliver: async (request) => (sent.push(request), { replyId: `r${sent.length}` }) },
          conversationFor: createNoticesRepository(database.db.prisma).conversationFor,
          libraryName: 'Test Library',
        },
      }),
    });
    route = (text, options = {}) => {
      const address = options.address ?? 'session-ada';
      return router.route({ channel: options.channel ?? 'web', address, threadKey: address, text, receivedAt: now }, { conversationId: `c-${address}` });
    };
  });

  afterEach(async () => {
    await database.close();
  });

  const verify = (address?: string) => route(`${WORLD.good.card} ${WORLD.good.pin}`, address ? { address } : {});

  it('asks for card and PIN before saying anything about an account, then answers the question asked', async () => {
    const first = await route('what do I have out?');
    expect(first.intent).toBe('account');
    expect(first.reply.text).toMatch(/card number and PIN/);
    expect(first.reply.text).not.toMatch(/Dune|Sapiens/);
    const second = await verify();
    expect(second.intent).toBe('account');
    expect(second.reply.text).toContain('Thanks, Ada.');
    expect(second.reply.text).toMatch(/4 items checked out/);
    expect(second.reply.text).toMatch(/1\. .*— due /);
    expect(second.reply.text).not.toContain(WORLD.good.card);
    expect(second.reply.text).not.toContain(WORLD.good.pin);
    expect(tickets.opened ?? []).toHaveLength(0);
  });

  it('renews by number from the list it showed, with the new due date', async () => {
    await route('what do I have out?');
    const listed = await verify();
    const firstTitle = /1\. (.+?) —/.exec(listed.reply.text)![1]!;
    const renewed = await route('renew 1');
    expect(renewed.intent).toBe('renew');
    if (firstTitle === WORLD.titles.renewable) expect(renewed.reply.text).toMatch(new RegExp(`Renewed:\\n• ${firstTitle} — now due \\w{3}, \\w{3} \\d+`));
    else expect(renewed.reply.text).toMatch(new RegExp(`Not renewed:\\n• ${firstTitle} — `));
  });

  it('renews all, listing new due dates and why each other item was not renewed', async () => {
    await route('please renew all my books');
    const result = await verify();
    expect(result.intent).toBe('renew');
    expect(result.reply.text).toMatch(/Renewed:\n• Dune — now due /);
    expect(result.reply.text).toMatch(/Not renewed:/);
    expect(result.reply.text).toMatch(/• Sapiens — it has been renewed the most times allowed/);
    expect(result.reply.text).toMatch(/• The Hunger Games — another patron is waiting for it/);
    expect(result.reply.text).toMatch(/• Birdwatching Monthly — this kind of item cannot be renewed/);
  });

  it('renews one item by title once the contact is trusted, without asking again', async () => {
    await route('what do I owe?');
    const owed = await verify();
    expect(owed.reply.text).toContain('You owe $2.50');
    const renewed = await route('can you renew Dune for me?');
    expect(renewed.intent).toBe('renew');
    expect(renewed.reply.text).toMatch(/^Renewed:\n• Dune — now due /);
  });

  it('tells whether a hold is in', async () => {
    await route('is my hold ready?', { address: 'session-ben' });
    const result = await route(`${WORLD.fined.card} ${WORLD.fined.pin}`, { address: 'session-ben' });
    expect(result.reply.text).toMatch(/Not yet/);
    expect(result.reply.text).toMatch(/The Hunger Games: waiting \(number 1 in line\), pickup at Eastside Branch/);
  });

  it('reads "where am I in line" as asking about holds already placed, not placing one', async () => {
    const asked = await route('where am i in line for the hunger games', { address: 'session-line' });
    expect(asked.reply.text).toMatch(/card number and PIN/);
    const result = await route(`${WORLD.fined.card} ${WORLD.fined.pin}`, { address: 'session-line' });
    expect(result.reply.text).toMatch(/The Hunger Games: waiting \(number 1 in line\)/);
  });

  it('places a hold: catalog match, confirm, pickup branch, then card and PIN', async () => {
    const asked = await route('put a hold on Educated');
    expect(asked.intent).toBe('hold');
    expect(asked.reply.text).toMatch(/Place a hold on “Educated: a memoir — Tara Westover” for pickup at Main Library\?/);
    const branch = await route('eastside');
    expect(branch.reply.text).toMatch(/card number and PIN/);
    const placed = await verify();
    expect(placed.reply.text).toMatch(/your hold on “Educated: a memoir — Tara Westover” is placed for pickup at Eastside Branch/);
    const holds = await route('is my hold ready?');
    expect(holds.reply.text).toMatch(/Educated: waiting .*pickup at Eastside Branch/);
  });

  it('locks after three wrong PINs, even for the right PIN, for 15 minutes', async () => {
    await route('what do I have out?');
    expect((await route(`${WORLD.good.card} 1111`)).reply.text).toMatch(/don't match.*2 tries left/);
    expect((await route(`${WORLD.good.card} 2222`)).reply.text).toMatch(/1 try left/);
    expect((await route(`${WORLD.good.card} 3333`)).reply.text).toMatch(/paused account look-ups/);
    await route('what do I have out?');
    expect((await verify()).reply.text).toMatch(/paused account look-ups/);
    // The card is locked from any other contact too.
    await route('what do I have out?', { address: 'session-other' });
    expect((await verify('session-other')).reply.text).toMatch(/paused account look-ups/);
    now = new Date(now.getTime() + 16 * 60_000);
    await route('what do I have out?');
    expect((await verify()).reply.text).toMatch(/4 items checked out/);
  });

  it('trusts a contact only on its own address and only for the configured days', async () => {
    await route('what do I have out?');
    await verify();
    const other = await route('what do I have out?', { address: 'session-mallory' });
    expect(other.reply.text).toMatch(/card number and PIN/);
    expect((await route('what do I have out?')).reply.text).toMatch(/4 items checked out/);
    now = new Date(now.getTime() + 31 * 86_400_000);
    expect((await route('what do I have out?')).reply.text).toMatch(/card number and PIN/);
  });

  it('takes a bare RENEW (the answer to a due-soon reminder) as renew everything', async () => {
    const asked = await route('RENEW', { channel: 'sms', address: '+15550100017' });
    expect(asked.intent).toBe('renew');
    expect(asked.reply.text).toMatch(/card number and PIN/);
    const done = await route(`${WORLD.good.card} ${WORLD.good.pin}`, { channel: 'sms', address: '+15550100017' });
    expect(done.reply.text).toMatch(/Renewed:\n• Dune — now due /);
    expect(done.reply.text).toMatch(/Not renewed:/);
  });

  it('verifies by a one-time code sent to the contact on file when the PIN is forgotten', async () => {
    await route('what do I owe?');
    const offered = await route(`${WORLD.good.card} I forgot my PIN, send me a code`);
    expect(offered.reply.text).toMatch(/sent a 6-digit code by e-mail to a•••@example\.org/);
    expect(sent).toHaveLength(1);
    const conversation = await database.db.prisma.conversation.findUniqueOrThrow({ where: { id: sent[0]!.conversationId } });
    expect(conversation.address).toBe('ada@example.org');
    const code = /code is (\d{6})/.exec(sent[0]!.reply.text)![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await route(wrong)).reply.text).toMatch(/code doesn't match.*2 tries left/);
    const done = await route(code);
    expect(done.intent).toBe('account');
    expect(done.reply.text).toContain('You owe $2.50');
    // The contact is now trusted; no code or PIN needed.
    expect((await route('what do I owe?')).reply.text).toContain('You owe $2.50');
  });

  it('takes a card and PIN sent unprompted as a request to see the account', async () => {
    const result = await verify();
    expect(result.intent).toBe('account');
    expect(result.reply.text).toMatch(/Thanks, Ada\. You have 4 items checked out/);
    expect(result.reply.text).toContain('You owe $2.50');
  });

  it('answers a question about the rules from the knowledge base, not the account', async () => {
    const result = await route('can I renew a DVD?');
    expect(result.intent).toBe('faq');
    expect(result.reply.text).toMatch(/DVDs once/);
    expect(result.reply.text).not.toMatch(/card number/);
  });
});
