import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogService } from '../catalog/catalog-service.js';
import { createDemoTestCatalog } from '../catalog/testing/demo-test-catalog.js';
import type { Channel } from '../core/inquiry.js';
import type { Intent } from '../core/intents.js';
import type { Logger } from '../core/logger.js';
import { createEventsCalendar } from '../knowledge/events-calendar.js';
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { createLibraryCalendar, type LibraryCalendarHandle } from '../knowledge/library-calendar.js';
import { createFakeAssets } from '../test/fakes/fake-assets.js';
import { createMemoryDialogStore } from '../test/fakes/fake-dialog-store.js';
import { createFakeTickets } from '../test/fakes/fake-tickets.js';
import { redactPatronText } from './entities/secret.js';
import type { LearnedModel } from './classifier/learned.js';
import { createRouter, type RouterOptions } from './index.js';
import { extractCatalogQuery } from './skills/catalog.js';

/**
 * Every failure the issue observed through POST /api/v1/inquiries, replayed against the real articles,
 * library.yaml, events feed and a demo catalog, with the shipped classifier. None of these messages is in
 * the held-out evaluation split (test/eval/held-out-leak.test.ts checks).
 */
const root = (file: string): string => fileURLToPath(new URL(`../${file}`, import.meta.url));
const NOW = new Date('2026-12-01T15:00:00-05:00'); // a Tuesday afternoon

let knowledge: KnowledgeBase;
let calendar: LibraryCalendarHandle;
let catalog: CatalogService;

beforeAll(async () => {
  knowledge = await createKnowledgeBase({ dir: root('knowledge/articles') });
  calendar = await createLibraryCalendar({ file: root('knowledge/library.yaml') });
  ({ catalog } = await createDemoTestCatalog({ now: NOW }));
}, 60_000);

afterAll(() => {
  knowledge.close();
  calendar.close();
});

async function setup(options: RouterOptions = {}) {
  const logged: string[] = [];
  const logger: Logger = {
    debug: (obj, msg) => void logged.push(JSON.stringify([obj, msg])),
    info: (obj, msg) => void logged.push(JSON.stringify([obj, msg])),
    warn: (obj, msg) => void logged.push(JSON.stringify([obj, msg])),
    error: (obj, msg) => void logged.push(JSON.stringify([obj, msg])),
    child: () => logger,
  };
  const tickets = createFakeTickets({ now: () => NOW });
  const events = await createEventsCalendar({ source: root('knowledge/events.ics'), now: () => NOW, findBranch: calendar.findBranch });
  const router = createRouter({
    knowledge, calendar, events, catalog, assets: createFakeAssets(), tickets, dialogs: createMemoryDialogStore(), clock: { now: () => NOW }, logger,
  }, options);
  let n = 0;
  const say = (text: string, options: { conversation?: string; channel?: Channel } = {}) =>
    router.route({ channel: options.channel ?? 'web', address: 'patron@example.org', threadKey: 't1', text, receivedAt: NOW }, { conversationId: options.conversation ?? `c${n++}` });
  return { say, tickets, logged };
}

describe('"that day" is the day just talked about', () => {
  it('answers for the day of the last hours answer', async () => {
    const { say } = await setup();
    const first = await say('is eastside open on the 12th?', { conversation: 'd' });
    expect(first.details?.day).toBe('2026-12-12');
    const again = await say('and what time does main open that day', { conversation: 'd' });
    expect(again.details?.day).toBe('2026-12-12');
  });

  it('counts "the day after" and a bare "the 2nd" from the last hours answer', async () => {
    const { say } = await setup();
    expect((await say('are you open new years day', { conversation: 'e' })).details?.day).toBe('2027-01-01');
    expect((await say('what about the 2nd?', { conversation: 'e' })).details?.day).toBe('2027-01-02');
    expect((await say('and the day after', { conversation: 'e' })).details?.day).toBe('2027-01-03');
  });

  it('answers "next week" day by day from its Monday, and "till when?" for the day just answered', async () => {
    const { say } = await setup();
    const week = await say('is eastside open at all next week');
    expect(week.details?.day).toBe('2026-12-07');
    expect(week.reply.text).toMatch(/Tuesday, December 8: 10:00 AM–8:00 PM/);
    expect(week.reply.text).toMatch(/Sunday, December 13: closed/);
    await say('are you open christmas eve', { conversation: 'x' });
    expect((await say('till when?', { conversation: 'x' })).details?.day).toBe('2026-12-24');
  });

  it('names the holiday itself, not its observed day', async () => {
    const { say } = await setup();
    expect((await say('are you closed on juneteenth next year?')).details?.day).toBe('2027-06-19');
  });
});

describe('dates are read, and the reply says which day it answered for', () => {
  it.each([
    ['are you open christmas eve?', '2026-12-24', /December 24/],
    ['is eastsid open mondy', '2026-12-07', /Eastside Branch is closed Monday, December 7/],
    ['¿A qué hora abren los sábados?', '2026-12-05', /5 de diciembre/],
    ['are you open on saturday the 26th?', '2026-12-26', /December 26/],
    ['thanksgiving hours?', '2027-11-25', /Thanksgiving/],
    ['horario de nochebuena', '2026-12-24', /24 de diciembre/],
    ['open this weekend?', '2026-12-05', /December 5/],
    ['hours dec 24-26', '2026-12-24', /December 24/],
  ])('%s → %s', async (text, day, said) => {
    const { say } = await setup();
    const result = await say(text);
    expect(result.intent).toBe('hours');
    expect(result.details?.day).toBe(day);
    expect(result.reply.text).toMatch(said);
    expect(result.reply.text).not.toMatch(/open now/);
  });

  it('"do you open on public holidays?" answers from the holiday article, not "open now"', async () => {
    const { say } = await setup();
    const result = await say('do you open on public holidays?');
    expect(result.articleId).toBe('holiday-closures');
  });
});

describe('follow-ups after a catalog or events answer, and hours asked about this moment', () => {
  it('places a hold on the record just shown when asked in Spanish', async () => {
    const { say, tickets } = await setup();
    await say('¿tienen Dune?', { conversation: 'es-h' });
    const held = await say('sí, resérvenmelo', { conversation: 'es-h' });
    expect(held.intent).toBe('hold');
    expect(tickets.opened.at(-1)?.description).toMatch(/Dune/);
  });

  it('places a hold on the record just shown, but answers a question about holds', async () => {
    const { say } = await setup();
    await say('do you have dune', { conversation: 'h1' });
    expect((await say('ok hold it for me', { conversation: 'h1' })).intent).toBe('hold');
    await say('do you have dune', { conversation: 'h2' });
    expect((await say('how long do you hold it for me', { conversation: 'h2' })).outcome).not.toBe('ticket');
  });

  it('drops "then" after a title', async () => {
    const { say } = await setup();
    expect((await say('do u have the firm then')).reply.text).toContain('The Firm');
  });

  it('reads "is it at eastside too?" after an events answer as events there', async () => {
    const { say } = await setup();
    await say('what events do you have on saturday', { conversation: 'ev' });
    expect((await say('is it at eastside too?', { conversation: 'ev' })).intent).toBe('events');
  });
});

describe('a guess below the ask threshold is acted on when the message names what it is about', () => {
  /** A model 60% sure of one intent whatever the message: below the router's ask threshold (0.75). */
  const unsure = (intent: Intent): LearnedModel => ({ version: 1, intents: [intent, 'unknown'], weights: { bias: [0.2, -0.2] }, trainedOn: { examples: 0, articleQuestions: 0 } });

  it('answers hours asked about this moment, and asks when nothing names a day', async () => {
    const { say } = await setup({ model: unsure('hours') });
    const now = await say('can we swing by rn');
    expect([now.intent, now.outcome]).toEqual(['hours', 'answered']);
    expect((await say('can we swing by')).reply.text).toMatch(/Just to be sure/);
  });

  it('answers an hours guess under even odds when a day is named with the words of opening hours', async () => {
    /** About 41% sure of hours, whatever the message: under the agreement threshold (0.5). */
    const doubtful: LearnedModel = { version: 1, intents: ['hours', 'faq', 'unknown'], weights: { bias: [0.1, -0.2, -0.3] }, trainedOn: { examples: 0, articleQuestions: 0 } };
    const { say } = await setup({ model: doubtful });
    const closed = await say('are you guys closed on the 9th of february');
    expect([closed.intent, closed.outcome, closed.details?.day]).toEqual(['hours', 'answered', '2027-02-09']);
    expect((await say('anything going on the 9th of february')).reply.text).toMatch(/Just to be sure/);
  });

  it('reads the hours guess as if a card number given along were not there', async () => {
    // The card number's signal pulls to the account (about 69%, short of sure); the words alone lean to hours.
    const carded: LearnedModel = { version: 1, intents: ['hours', 'account'], weights: { bias: [0, 0], 's:cardNumber': [0, 1.4], 'w:open': [0.6, 0] }, trainedOn: { examples: 0, articleQuestions: 0 } };
    const { say } = await setup({ model: carded });
    const asked = await say('card 21234000123456 - are you open on saturday');
    expect([asked.intent, asked.outcome]).toEqual(['hours', 'answered']);
    expect(asked.reply.text).toMatch(/Saturday/);
  });

  it('asks which device when a kind of device is named, and which topic when none is', async () => {
    const { say } = await setup({ model: unsure('equipment') });
    expect((await say('the wifi keeps dropping')).reply.text).toMatch(/Which device/);
    expect((await say('it keeps dropping')).reply.text).toMatch(/Just to be sure/);
  });
});

describe('equipment reports go on from the last message', () => {
  it('takes the branch as the answer to which device, and a bare number as another of the same kind', async () => {
    const { say } = await setup();
    expect((await say("wifi's not working", { conversation: 'w' })).outcome).toBe('clarified');
    const atBranch = await say('at eastside', { conversation: 'w' });
    expect(atBranch.ticket).toBeDefined();
    expect(atBranch.reply.text).toContain('WIFI-02');
    await say('computer 1 froze', { conversation: 'p' });
    expect((await say('now the one next to it is frozen too, number 2', { conversation: 'p' })).reply.text).toContain('PC-02');
    expect((await say('now 3 is stuck as well', { conversation: 'p' })).reply.text).toContain('PC-03');
  });

  it('takes a number as the device of the kind asked about, though it was not one of the buttons', async () => {
    const { say } = await setup();
    expect((await say('the computer is broken', { conversation: 'n' })).outcome).toBe('clarified');
    const numbered = await say('its number 12, at eastside', { conversation: 'n' });
    expect(numbered.ticket).toBeDefined();
    expect(numbered.reply.text).toContain('PC-12');
  });

  it('takes a message it cannot place right after a device report as more about that device', async () => {
    const { say } = await setup();
    const first = await say('the copier by the print station jammed', { conversation: 'cp' });
    const more = await say('and it kept 50 cents of mine', { conversation: 'cp' });
    expect(more.intent).toBe('equipment');
    expect(more.ticket?.number).toBe(first.ticket?.number);
  });

  it('adds more about the device just reported to its ticket', async () => {
    const { say } = await setup();
    const first = await say('PC-03 will not start', { conversation: 'q' });
    const more = await say('the screen just says no bootable device', { conversation: 'q' });
    expect(more.ticket?.number).toBe(first.ticket?.number);
  });
});

describe('the library says where it is', () => {
  it.each([
    ['where is the eastside branch?', /45 Maple Avenue/],
    ['what is the address of the main library?', /200 River Street/],
    ["what's your phone number", /\(555\) 014-2200/],
    ['where is the library', /200 River Street[\s\S]*45 Maple Avenue/],
    ['where do I park at the main library?', /Water Street/],
    ['¿me da la dirección de eastside?', /45 Maple Avenue/],
    // The library's own name is every branch's; a branch name typed in two pieces with a typo is still that branch.
    ['where is the riverside public library?', /200 River Street[\s\S]*45 Maple Avenue/],
    // What the address is for is no other place: "the street address for the delivery invoice".
    ['please send the eastside street address for the delivery invoice', /45 Maple Avenue/],
    // Said as it sounds: "pahk", "fone"; "how tf do i get to".
    ['can i pahk free at eastside', /^Parking:\nEastside Branch/],
    ['fone number for eastside pls', /\(555\) 014-2290/],
    ['how the heck do i get to the main library', /^Getting here:\nMain Library/],
    ['can i leave my car at the eest side library', /^Parking:\nEastside Branch[^]*Maple Avenue Plaza/],
  ])('%s', async (text, answer) => {
    const { say } = await setup();
    const result = await say(text);
    expect(result.intent).toBe('faq');
    expect(result.details?.branchFact).toBeDefined();
    expect(result.reply.text).toMatch(answer);
  });

  it('gives the same fact for the other branch when it is asked next', async () => {
    const { say } = await setup();
    const first = await say('phone # for the main library?', { conversation: 'f' });
    expect(first.reply.text).toMatch(/\(555\) 014-2200/);
    const again = await say('and the eastside one?', { conversation: 'f' });
    expect(again.details?.branchFact).toBe('phone');
    expect(again.reply.text).toMatch(/\(555\) 014-2290/);
  });

  it('keeps the branch for the next fact: "and parking?" after the eastside address', async () => {
    const { say } = await setup();
    await say('address of the eastside branch?', { conversation: 'p' });
    const parking = await say('and parking?', { conversation: 'p' });
    expect(parking.details?.branchFact).toBe('parking');
    expect(parking.reply.text).toMatch(/Maple Avenue Plaza/);
    expect(parking.reply.text).not.toMatch(/Water Street/);
  });

  it('lists both branches when a question names both, and stays on parking for "how long can I leave it?"', async () => {
    const { say } = await setup();
    const both = await say('is 45 maple ave the main library or eastside?');
    expect(both.details?.branchFact).toBe('address');
    expect(both.reply.text).toMatch(/200 River Street[\s\S]*45 Maple Avenue/);
    await say('where can i park at main?', { conversation: 'pk' });
    const long = await say('how long can i leave it there, is it free?', { conversation: 'pk' });
    expect(long.details?.branchFact).toBe('parking');
    expect(long.reply.text).toMatch(/Water Street/);
  });

  it('answers the hours asked beside a card number', async () => {
    const { say } = await setup();
    const result = await say('here is my card 21234000654321 - is eastside open on saturday?');
    expect(result.intent).toBe('hours');
    expect(result.reply.text).toMatch(/Saturday, December 5/);
  });

  it('answers which bus goes there in Spanish', async () => {
    const { say } = await setup();
    const result = await say('que camion me deja cerca de la biblioteca eastside');
    expect(result.details?.branchFact).toBe('directions');
    expect(result.reply.text).toMatch(/autobús 7/);
  });

  it('answers parking in Spanish from the Spanish text', async () => {
    const { say } = await setup();
    const result = await say('¿dónde estaciono en la sucursal eastside?');
    expect(result.reply.text).toMatch(/Estacionamiento gratis/);
  });

  it('answers "is there one in spanish?" after a catalog hit with that book in Spanish', async () => {
    const { say } = await setup();
    await say('do you have the very hungry caterpillar', { conversation: 'sp' });
    const spanish = await say('is there a copy in spanish? for my niece', { conversation: 'sp' });
    expect(spanish.intent).toBe('catalog');
    expect(spanish.reply.text).toMatch(/1\. La oruga muy hambrienta/);
  });

  it('"Where is it?" after a catalog hit gives the record\'s call number and place', async () => {
    const { say } = await setup();
    const found = await say('do you have the firm by john grisham', { conversation: 'w' });
    expect(found.details?.recordIds?.length).toBeGreaterThan(0);
    const where = await say('Where is it?', { conversation: 'w' });
    expect(where.intent).toBe('location');
    expect(where.reply.text).toMatch(/^The Firm: call number FIC GRISHAM/);
    expect(where.reply.text).not.toMatch(/Food and drink/);
  });
});

describe('a question about a service is answered; a request to do it is a request', () => {
  it.each([
    ['can I renew a DVD?', 'renewals'],
    ['how do I renew my books online?', 'renewals'],
    ['how do I get a PIN?', 'pin-reset'],
    ['can first-year students use interlibrary loan?', 'interlibrary-loan'],
  ])('%s → the %s article', async (text, article) => {
    const { say, tickets } = await setup();
    const result = await say(text);
    expect(result).toMatchObject({ intent: 'faq', articleId: article });
    expect(tickets.opened).toHaveLength(0);
  });

  it('answers a question about picking up holds asked after a story, with no ILS to act on', async () => {
    const { say, tickets } = await setup();
    const result = await say('my hold came in yesterday, how many days do i have to pick it up? i work all week');
    expect(result).toMatchObject({ intent: 'faq', articleId: 'holds' });
    expect(tickets.opened).toHaveLength(0);
  });

  it('says it cannot tell another shop\'s hours rather than giving the branch on the same street', async () => {
    const { say } = await setup();
    const result = await say('is the kroger on maple open christmas eve');
    expect(result.intent).toBe('unknown');
    expect(result.reply.text).not.toMatch(/Eastside Branch/);
  });

  it('"renew my books" is a renewal request', async () => {
    const { say } = await setup();
    expect((await say('renew my books')).intent).toBe('renew');
  });

  it.each(['how do I reference a journal article?', "i'll read on my android phone"])('%s is not an interlibrary-loan request', async (text) => {
    const { say, tickets } = await setup();
    const result = await say(text);
    expect(result.intent).not.toBe('ill');
    expect(tickets.opened).toHaveLength(0);
  });
});

describe('small talk people really type', () => {
  it.each(['what is your name?', 'fine', 'no this does not work for me', 'are you a machine?', 'greetings', 'good day', 'take care', 'I appreciate it', 'stop', '👌', '🙏📚'])('%s', async (text) => {
    const { say } = await setup();
    const result = await say(text);
    expect(result.intent).toBe('smalltalk');
    expect(result.articleId).toBeUndefined();
    expect(result.reply.text).not.toMatch(/Which device|didn't understand/);
  });
});

describe('catalog requests', () => {
  it('"Stephen King novels" never lists Mary or Olga King', async () => {
    const { say } = await setup();
    const result = await say('do you have any Stephen King novels?');
    expect(result.intent).toBe('catalog');
    expect(result.reply.text).not.toMatch(/Mary King|Olga King/);
    expect(result.details?.recordIds ?? []).toHaveLength(0);
  });

  it('"books by Olga Tokarczuk" searches the author and lists nobody else', async () => {
    const { say } = await setup();
    const result = await say('books by Olga Tokarczuk');
    expect(result.reply.text).toMatch(/couldn't find anything by "Olga Tokarczuk"/);
    expect(result.reply.text).not.toMatch(/Olga White/);
  });

  it('subject queries drop the filler and find the subject', async () => {
    const { say } = await setup();
    const result = await say('give me a book about computer');
    expect(result.intent).toBe('catalog');
    expect(result.details?.recordIds?.length).toBeGreaterThan(0);
  });

  it.each([
    ['do u hav dune', 'Dune'],
    ['Camino Island', 'Camino Island'],
    ['9780385543026', 'Camino Island'],
    // A one-word title is a search when it is the whole title.
    ['persepolis', 'Persepolis'],
    ['the client', 'The Client'],
  ])('%s is a catalog search that finds %s first', async (text, title) => {
    const { say } = await setup();
    const result = await say(text);
    expect(result.intent).toBe('catalog');
    const first = await catalog.get(result.details!.recordIds![0]!);
    expect(first?.title).toBe(title);
  });

  it('"JRR Tolkein" is a catalog search that lists no one else', async () => {
    const { say } = await setup();
    const result = await say('JRR Tolkein');
    expect(result.intent).toBe('catalog');
    expect(result.details?.recordIds ?? []).toHaveLength(0);
  });

  it('keeps non-ASCII names, drops greetings and signatures, turns language and format words into filters', () => {
    expect(extractCatalogQuery('anything by Zeṿin')).toMatchObject({ terms: 'Zeṿin', field: 'author' });
    expect(extractCatalogQuery('Stephen King novels')).toMatchObject({ terms: 'Stephen King', field: 'author' });
    expect(extractCatalogQuery('spanish cookbooks')).toMatchObject({ language: 'spa' });
    expect(extractCatalogQuery('Mastering the Art of French Cooking').language).toBeUndefined();
    expect(extractCatalogQuery('movies about dinosaurs')).toMatchObject({ format: 'dvd', terms: 'dinosaurs' });
  });

  it('finds a title or an author named with capitals anywhere in an e-mail, and "by her" as that author', async () => {
    const { say } = await setup();
    const told = await say('Hi,\n\nOur reading group keeps talking about Persepolis by Marjane Satrapi and we meet next month. Could you check whether you carry it?\n\nThanks,\nAnn', { channel: 'email' });
    expect(told.reply.text).toMatch(/Persepolis/);
    const her = await say('Hello,\n\nMy nephew is crazy about Eric Carle. Do you have anything by him?\n\nBest,\nRuth', { channel: 'email' });
    expect(her.reply.text).toMatch(/Very Hungry Caterpillar/);
  });

  it('an e-mail greeting and signature stay out of the query', async () => {
    const { say } = await setup();
    const result = await say('Hello,\n\nDo you have The Firm?\n\nThanks,\nBob Miller\nSent from my iPhone', { channel: 'email' });
    expect(result.reply.text).toMatch(/for "The Firm"/);
  });
});

describe('crisis messages get the safety reply and an urgent ticket at once', () => {
  it.each([
    ["i don't want to be alive anymore", /988/],
    ["my 9 year old was supposed to be at eastside and isn't answering", /911/],
    ['a man is following me in the stacks', /911/],
    ['someone is threatening me right now', /911/],
    ['my boyfriend took my keys and locked me out, im at the library now', /911/],
    ["Dear staff,\n\nPlease cancel my card, I won't be needing it. I have given away all of my belongings now. Goodbye and thank you.", /988/],
  ])('%s', async (text, number) => {
    const { say, tickets } = await setup();
    const result = await say(text);
    expect(result.outcome).toBe('ticket');
    expect(result.details?.safety).toBe(true);
    expect(result.reply.text).toMatch(number);
    expect(result.reply.quickReplies).toBeUndefined();
    expect(tickets.opened[0]).toMatchObject({ priority: 'urgent', kind: 'handoff' });
  });

  it('keeps to the emergency on the next message, without a second ticket, until the patron moves on', async () => {
    const { say, tickets } = await setup();
    await say('a man in a grey hoodie keeps following me around the stacks', { conversation: 'e' });
    const next = await say('now he is standing by the stairs', { conversation: 'e' });
    expect(next.details?.safety).toBe(true);
    expect(next.reply.text).toMatch(/911/);
    expect(next.reply.quickReplies).toBeUndefined();
    expect(tickets.opened).toHaveLength(1);
    const notOver = await say('thanks but he is still by the stairs', { conversation: 'e' });
    expect(notOver.details?.safety).toBe(true);
    expect(tickets.opened).toHaveLength(1);
    const thanks = await say('thank you, staff are with me now', { conversation: 'e' });
    expect(thanks.details?.safety).toBeUndefined();
  });

  it('ends the emergency on "never mind" or "false alarm", and answers what is asked next', async () => {
    const { say } = await setup();
    await say('smoke is coming from the copy room at main', { conversation: 'g' });
    const next = await say('false alarm, they let us back in. what time do you close again?', { conversation: 'g' });
    expect(next.details?.safety).toBeUndefined();
    expect(next.intent).toBe('hours');
  });

  it('catches an emergency in wording no pattern knows, with the crisis model', async () => {
    const { say, tickets } = await setup();
    const result = await say('my little brother ran out the door and i cant see him');
    expect(result.details?.safety).toBe(true);
    expect(result.reply.text).toMatch(/911/);
    expect(tickets.opened[0]).toMatchObject({ priority: 'urgent' });
    for (const text of ['how do i renew my books', 'the printer is jammed again', 'what time do you close']) expect((await say(text)).details?.safety).toBeUndefined();
  });

  it('takes a plain ask for help as the start of a question, not an emergency', async () => {
    const { say, tickets } = await setup();
    for (const text of ['i need help with something', 'i need help please', 'help', 'can you help me with something?', 'necesito ayuda con algo']) {
      expect((await say(text)).details?.safety, text).toBeUndefined();
    }
    expect(tickets.opened.filter((ticket) => ticket.priority === 'urgent')).toEqual([]);
  });

  it('alerts staff to an emergency written in a language it cannot answer, and says what to do in both of its own', async () => {
    const { say, tickets } = await setup();
    const result = await say('Je ne trouve plus mon fils dans la bibliothèque, il a six ans');
    expect(result).toMatchObject({ intent: 'handoff', outcome: 'ticket', details: { safety: true, unsupportedLanguage: true } });
    expect(result.reply.text).toContain('Tell the nearest library staff member');
    expect(result.reply.text).toContain('Avise ahora mismo');
    expect(tickets.opened[0]).toMatchObject({ priority: 'urgent' });
    // An ordinary question in that language still gets the other-language reply, not an alarm.
    expect((await say('Est-ce que je peux imprimer un document pour mon fils ?', { conversation: 'f2' })).details).toEqual({ unsupportedLanguage: true });
  });

  it('tells someone with nowhere to sleep where to call, and alerts staff', async () => {
    const { say, tickets } = await setup();
    const result = await say("i've been sleeping in my car since october and it is getting really cold");
    expect(result.reply.text).toMatch(/211/);
    expect(tickets.opened[0]).toMatchObject({ priority: 'urgent' });
  });
});

describe('PINs and passwords are never echoed, ticketed or logged', () => {
  it('a card number and PIN', async () => {
    const { say, tickets, logged } = await setup();
    const result = await say('my card number is 21234000123456 and my pin is 4821, what do I owe?');
    const everything = JSON.stringify([result, tickets.opened, logged]);
    expect(everything).not.toContain('4821');
    expect(everything).not.toContain('21234000123456');
  });

  it('a PIN alone, and a password', async () => {
    const { say, tickets, logged } = await setup();
    await say('my PIN is 4321 and it does not work, talk to a person', { conversation: 'p' });
    await say('yes', { conversation: 'p' });
    await say('my password is Hunter2! please help', { conversation: 'q' });
    const everything = JSON.stringify([tickets.opened, logged]);
    expect(everything).not.toContain('4321');
    expect(everything).not.toContain('Hunter2');
    expect(redactPatronText('pin: 4321, password is Hunter2!')).toBe('pin: [PIN hidden], password is [password hidden]');
  });
});

describe('tickets carry the story', () => {
  it('a hand-off after a complaint carries the complaint', async () => {
    const { say, tickets } = await setup();
    await say('the man at the front desk shouted at my son today, very upset', { conversation: 'h' });
    await say('Talk to a person', { conversation: 'h' });
    await say('yes', { conversation: 'h' });
    expect(tickets.opened[0]?.description).toContain('shouted at my son');
  });

  it('"can I put it on hold?" after a search names the title', async () => {
    const { say, tickets } = await setup();
    await say('do you have camino island', { conversation: 'k' });
    await say('can I put it on hold?', { conversation: 'k' });
    expect(`${tickets.opened[0]?.subject} ${tickets.opened[0]?.description}`).toContain('Camino Island');
  });
});

describe('replies fit the channel', () => {
  it('a FAQ answer leads with the short answer and links the article, with no Markdown', async () => {
    const { say } = await setup();
    const result = await say('how much are the late fees here');
    expect(result.intent).toBe('faq');
    const article = knowledge.get(result.articleId!, 'en')!;
    expect(result.reply.text.startsWith(article.shortAnswer.replace(/\*\*/g, '').slice(0, 20))).toBe(true);
    expect(result.reply.text).toMatch(/Read the whole article: https:\/\/riversidepl\.example\.org\/help\//);
    expect(result.reply.text).not.toMatch(/^#|\*\*|\]\(|\|\s*-{3}/m);
  });
});

describe('languages we do not speak', () => {
  it('an Arabic message gets a short English and Spanish reply with an offer to pass it on', async () => {
    const { say, tickets } = await setup();
    const result = await say('مساء الخير، متى تفتح المكتبة يوم السبت؟', { conversation: 'ar' });
    expect(result.details?.unsupportedLanguage).toBe(true);
    expect(result.reply.text).toMatch(/English or Spanish/);
    expect(result.reply.text).toMatch(/inglés o en español/);
    await say('Yes / Sí', { conversation: 'ar' });
    expect(tickets.opened).toHaveLength(1);
  });
});

describe('a patron who corrects themselves means the correction', () => {
  it('answers hours for the day said after "sorry, I meant"', async () => {
    const { say } = await setup();
    const result = await say('is main open late on thursday? sorry, I meant friday');
    expect(result.details?.day).toBe('2026-12-04');
  });

  it('reports the device said after "no wait"', async () => {
    const { say } = await setup();
    const result = await say("pc 3 has no mouse — no wait it's 7, the one in the teen room");
    expect(result.outcome).toBe('ticket');
    expect(result.reply.text).toMatch(/PC-07/);
  });

  it("reports the kind said after the correction, dropping the first device's number", async () => {
    const { say } = await setup();
    const result = await say('printer 2 keeps jamming, sorry i meant the copier at main');
    expect(result.outcome).toBe('ticket');
    expect(result.reply.text).toMatch(/CPY-01/);
  });

  it('searches the book said after "wait no"', async () => {
    const { say } = await setup();
    const result = await say("do you have A Time to Kill by Grisham? wait no, I've read it. The Firm");
    expect(result.intent).toBe('catalog');
    expect(result.reply.text).toMatch(/^[^\n]*\n1\. The Firm/);
  });
});

describe('a clarification answered in words', () => {
  it('reads the answer with the question it answers', async () => {
    const { say } = await setup();
    expect((await say('question about the meeting rooms', { conversation: 'q' })).outcome).toBe('clarified');
    const answer = await say('how many people fit', { conversation: 'q' });
    expect(answer).toMatchObject({ intent: 'faq', outcome: 'answered', articleId: 'meeting-rooms' });
    // Said on its own, the same words are not sure enough to answer.
    expect((await say('how many people fit')).outcome).toBe('clarified');
  });

  it('offers only topics that have a button', async () => {
    const { say } = await setup();
    for (const text of ['how many people fit', 'question about the meeting rooms', 'something about my account']) {
      const result = await say(text);
      expect(result.reply.quickReplies ?? [], text).not.toContain('unknown');
    }
  });

  it('answers another topic asked instead on its own', async () => {
    const { say } = await setup();
    await say('question about my card', { conversation: 'r' });
    const answer = await say('never mind, when do you close today', { conversation: 'r' });
    expect(answer.intent).toBe('hours');
    expect(answer.details?.day).toBe('2026-12-01');
  });
});

describe('a number of the series shown', () => {
  it('"and the 2nd one" after a catalog answer is the second book, not the 2nd of the month', async () => {
    const { say } = await setup();
    await say('do you have harry potter and the sorcerers stone', { conversation: 's' });
    const next = await say('and the 2nd one', { conversation: 's' });
    expect(next.intent).toBe('catalog');
    expect(next.reply.text).toMatch(/^[^\n]*\n1\. Harry Potter and the Chamber of Secrets/);
  });
});

describe('places in the building and what patrons need there', () => {
  it('answers where the restrooms are, never with a book whose title shares a word', async () => {
    const { say } = await setup();
    const answer = await say('where r the bathrooms at main');
    expect(answer.intent).toBe('location');
    expect(answer.reply.text).toMatch(/^Restrooms are at Main Library, 1st floor/);
    const unknownPlace = await say('where is the vending machine');
    expect(unknownPlace.reply.text).toMatch(/not sure where "vending machine"/);
  });

  it('reads "which way to the …" inside a branch as a place in the building, not directions to the branch', async () => {
    const { say } = await setup();
    const inside = await say('what way to the restrooms at eastside please');
    expect(inside.intent).toBe('location');
    expect(inside.reply.text).toMatch(/^Restrooms are at Eastside Branch/);
    const outside = await say('how do i get to the eastside branch from the highway');
    expect(outside.details?.branchFact).toBe('directions');
  });

  it('answers charging a phone from the Wi-Fi and charging article', async () => {
    const { say } = await setup();
    const answer = await say('can i borrow a charger for my laptop while i work');
    expect(answer.articleId).toBe('wifi');
    expect(answer.reply.text).toMatch(/borrow a charger at the desk/);
  });
});

describe('what sounds alarming and is not', () => {
  it('reads a frail parent "missing her books" as missing books, and a parent gone missing as an emergency', async () => {
    const { say } = await setup();
    const books = await say('my dad is housebound after his knee operation and is missing his crossword books, can the library deliver some to him?');
    expect(books.details?.safety).toBeUndefined();
    expect(books.articleId).toBe('home-delivery');
    const gone = await say('my dad with dementia went missing from the reading room twenty minutes ago');
    expect(gone.details?.safety).toBe(true);
  });

  it('reads Hawaiian Pidgin "where da … stay" as where a thing is, and a request for a person as no emergency', async () => {
    const { say } = await setup();
    const magazines = await say('where da magazines stay? my auntie waiting by da entrance');
    expect(magazines.intent).toBe('location');
    expect(magazines.details?.safety).toBeUndefined();
    expect(magazines.reply.text).toMatch(/^Newspapers and magazines are at/);
    const person = await say('need talk real library person not computer, is important');
    expect(person.intent).toBe('handoff');
    expect(person.details?.safety).toBeUndefined();
  });
});

describe('follow-ups and facts asked among other words', () => {
  it('reads an e-mail follow-up by its question sentence: "And the Eastside branch, same on Saturday?"', async () => {
    const { say } = await setup();
    const first = await say('Hello,\n\nWhat time does the main library open on Saturday? We are bringing the book club.\n\nBest,\nAnne', { conversation: 'm', channel: 'email' });
    expect(first.details?.day).toBe('2026-12-05');
    const next = await say('Many thanks. And the eastside branch, same hours on Saturday? Two of us live near Maple.\n\nAnne', { conversation: 'm', channel: 'email' });
    expect(next.intent).toBe('hours');
    expect(next.details?.day).toBe('2026-12-05');
    expect(next.reply.text).toMatch(/^Eastside Branch is open Saturday, December 5/);
  });

  it('answers how to get there by bus in Spanish after the address, and no phone number for a phone the patron reads on', async () => {
    const { say } = await setup();
    await say('where is the eastside branch?', { conversation: 'b' });
    const bus = await say('¿y pa llegar en camion?', { conversation: 'b' });
    expect(bus.details?.branchFact).toBe('directions');
    expect(bus.reply.text).toMatch(/autobús 7/);
    const handset = await say('my coworker says you can listen to audiobooks free on your phone through the library, how?');
    expect(handset.details?.branchFact).toBeUndefined();
    expect(handset.reply.text).not.toMatch(/014-2200/);
  });

  it('answers a Spanish letter about New Year\'s Eve hours for that day, though a daughter "me lleva"', async () => {
    const { say } = await setup();
    const letter = await say('Buenas tardes:\n\n¿La biblioteca estará abierta el 31 de diciembre? ¿Hasta qué hora? Mi nuera me lleva los jueves en la tarde.\n\nSaludos,\nCarmen', { channel: 'email' });
    expect(letter.intent).toBe('hours');
    expect(letter.details?.day).toBe('2026-12-31');
  });

  it('answers the hours asked along with word that the device works again', async () => {
    const { say } = await setup();
    await say('the wifi at eastside keeps dropping', { conversation: 'w' });
    const along = await say('ok it came back. btw how late are you open tonight', { conversation: 'w' });
    expect(along.intent).toBe('hours');
    expect(along.details?.day).toBe('2026-12-01');
  });

  it('finds "el libro de Harry Potter y la piedra filosofal" by its title, and thanks drawn out as thanks', async () => {
    const { say } = await setup();
    const book = await say('¿tienen el libro de Harry Potter y la piedra filosofal? es para mi sobrina');
    expect(book.intent).toBe('catalog');
    expect(book.reply.text).toMatch(/1\. Harry Potter y la piedra filosofal/);
    const thanks = await say('graciasss!!');
    expect(thanks.intent).toBe('smalltalk');
    expect(thanks.reply.text).toMatch(/^¡De nada!/);
  });
});
