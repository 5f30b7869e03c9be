import { describe, expect, it } from 'vitest';
import type { Channel } from '../core/inquiry.js';
import type { Logger } from '../core/logger.js';
import type { RouteContext } from '../core/router.js';
import { createFakeAssets } from '../test/fakes/fake-assets.js';
import { createFakeCatalog } from '../test/fakes/fake-catalog.js';
import { createFakeCalendar } from '../test/fakes/fake-calendar.js';
import { createMemoryDialogStore } from '../test/fakes/fake-dialog-store.js';
import { createFakeEvents } from '../test/fakes/fake-events.js';
import { createFakeKnowledge, fakeArticle } from '../test/fakes/fake-knowledge.js';
import { createFakeTickets } from '../test/fakes/fake-tickets.js';
import type { CrisisLabel } from './classifier/intent-model.js';
import type { LearnedModel } from './classifier/learned.js';
import { createRouter, type RouterDeps, type RouterOptions } from './index.js';

const ARTICLES = [
  fakeArticle({
    id: 'wifi',
    title: 'Wi-Fi',
    questions: ['What is the wifi password?', 'How do I connect to the wireless internet?'],
    tags: ['wifi', 'password', 'wireless'],
    body: 'Join RiversidePL-Public. There is no password.',
    shortAnswer: 'Wi-Fi: join RiversidePL-Public, no password.',
  }),
  fakeArticle({
    id: 'wifi-es',
    title: 'Wi-Fi',
    questions: ['¿Cuál es la contraseña del wifi?'],
    tags: ['wifi', 'contrasena'],
    body: 'Conéctese a RiversidePL-Public. No hay contraseña.',
    shortAnswer: 'Wi-Fi: RiversidePL-Public, sin contraseña.',
    language: 'es',
    translationOf: 'wifi',
  }),
  fakeArticle({
    id: 'printing',
    title: 'Printing',
    questions: ['How much does it cost to print?', 'Can I print from my phone?'],
    tags: ['print', 'printing', 'cost', 'imprimir', 'cuesta'],
    body: 'Black and white 10¢ a page, color 50¢.',
    shortAnswer: 'B&W 10¢, color 50¢ a page.',
  }),
];

const EVENTS = [
  {
    uid: 'story-1', title: 'Toddler Story Time', description: 'Songs and stories', start: new Date('2026-12-05T15:00:00Z'),
    end: new Date('2026-12-05T15:45:00Z'), location: "Main Library, Children's Room", branchId: 'main', audience: 'kids', categories: ['kids'],
  },
  {
    uid: 'chess-1', title: 'Chess Club', description: 'All levels', start: new Date('2026-12-02T23:00:00Z'),
    end: new Date('2026-12-03T01:00:00Z'), location: 'Eastside Branch', branchId: 'eastside', audience: 'adults', categories: ['adults', 'games'],
  },
];

/** A router over fakes with a clock the test moves. */
function setup(at: string) {
  let now = new Date(at);
  const logged: unknown[] = [];
  const logger: Logger = {
    debug: (obj) => void logged.push(obj),
    info: (obj) => void logged.push(obj),
    warn: (obj) => void logged.push(obj),
    error: (obj) => void logged.push(obj),
    child: () => logger,
  };
  // The tickets run on the router's clock and the same library hours, so SLA promises are the real ones.
  const tickets = createFakeTickets({ now: () => now, calendar: createFakeCalendar() });
  const events = createFakeEvents(EVENTS);
  const dialogs = createMemoryDialogStore();
  const router = createRouter({
    knowledge: createFakeKnowledge(ARTICLES),
    calendar: createFakeCalendar(),
    events,
    assets: createFakeAssets(),
    tickets,
    dialogs,
    clock: { now: () => now },
    logger,
    articleUrl: (id) => `https://library.example/help/${id}`,
  });
  const say = (text: string, options: { conversation?: string; channel?: Channel; context?: Omit<RouteContext, 'conversationId'> } = {}) =>
    router.route(
      { channel: options.channel ?? 'web', address: 'patron@example.org', threadKey: 't1', text, receivedAt: now },
      { conversationId: options.conversation ?? 'c1', ...options.context },
    );
  const advance = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  return { say, tickets, events, logged, advance, dialogs };
}

// 2026-12-01 is a Tuesday: at 15:00 in New York both branches are open.
const TUESDAY_AFTERNOON = '2026-12-01T15:00:00-05:00';

/**
 * A router on Tuesday afternoon with the fakes, plus what a test swaps in (a catalog, hand-made models);
 * `ask` routes a message in the conversation named (by default one of its own per message).
 */
function routerWith(extra: Partial<RouterDeps> = {}, options: RouterOptions = {}) {
  const clock = { now: () => new Date(TUESDAY_AFTERNOON) };
  const router = createRouter(
    { knowledge: createFakeKnowledge(ARTICLES), calendar: createFakeCalendar(), assets: createFakeAssets(), tickets: createFakeTickets(), dialogs: createMemoryDialogStore(), clock, ...extra },
    options,
  );
  const ask = (text: string, conversationId: string = text) => router.route({ channel: 'web', address: 'a', threadKey: 't', text, receivedAt: clock.now() }, { conversationId });
  return { ask };
}

describe('hours', () => {
  it('answers "open now?" for both branches when that is short', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    const result = await say('r u open rn');
    expect(result).toMatchObject({ intent: 'hours', outcome: 'answered' });
    expect(result.reply.text).toContain('Main Library is open now, until 9:00 PM.');
    expect(result.reply.text).toContain('Eastside Branch is open now, until 8:00 PM.');
  });

  it('gives an early closing with its reason, and a holiday closure by name', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    const eve = await say('main hours on dec 24?');
    expect(eve.reply.text).toBe('Main Library is open Thursday, December 24, 9:00 AM–1:00 PM (Christmas Eve, closes early).');
    const christmas = await say('is eastside open dec 25', { conversation: 'c2' });
    expect(christmas.reply.text).toBe('Eastside Branch is closed Friday, December 25 — Christmas Day.');
  });

  it('keeps the day asked before for "and how late?", also said with a reason after it', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('are you open on the 24th?');
    const late = await say('and how late are you open, my bus is slow');
    expect(late.details?.day).toBe('2026-12-24');
    await say('¿abren el 31?', { conversation: 'es' });
    const spanish = await say('¿y hasta qué hora abren? no quiero llegar tarde', { conversation: 'es' });
    expect(spanish.details?.day).toBe('2026-12-31');
  });

  it('answers "how late tonight?" after another day\'s hours for today, and "ok now main?" for the day before', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('what time does eastside open on friday');
    const tonight = await say('ok. how late tonight though?');
    expect(tonight.details?.day).toBe('2026-12-01');
    await say('is main open thursday', { conversation: 'now' });
    const moving = await say('ok now what about eastside?', { conversation: 'now' });
    expect(moving.details?.day).toBe('2026-12-03');
  });

  it('reads "and is it the same for eastside" after an hours answer as the same day at eastside', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('what time does main close on thursday');
    const same = await say('and is it the same for eastside');
    expect(same.intent).toBe('hours');
    expect(same.details?.day).toBe('2026-12-03');
    expect(same.reply.text).toContain('Eastside Branch');
  });

  it('says when a closed branch opens next', async () => {
    const { say } = setup('2026-11-30T08:00:00-05:00'); // Monday 8:00: Eastside is closed all Monday
    const result = await say('is eastside open now');
    expect(result.reply.text).toBe('Eastside Branch is closed now; it opens tomorrow at 10:00 AM.');
  });

  it('asks which branch for a week of hours, then answers, then reuses the branch for follow-ups', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    const asked = await say('what are your hours');
    expect(asked).toMatchObject({ intent: 'hours', outcome: 'clarified' });
    expect(asked.reply.quickReplies).toEqual(['Main', 'Eastside']);

    const week = await say('Eastside');
    expect(week.outcome).toBe('answered');
    expect(week.reply.text).toContain('Eastside Branch hours for the next 7 days:');
    expect(week.reply.text).toContain('Monday, December 7: closed');

    const sunday = await say('and Sunday?');
    expect(sunday.reply.text).toBe('Eastside Branch is closed Sunday, December 6.');

    const main = await say('what about main?');
    expect(main.reply.text).toBe('Main Library is open Sunday, December 6, 1:00 PM–5:00 PM.');
  });

  it('reads "that day" as the day named earlier in the conversation, whatever it was about', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('my book club meets on december 15 and we need somewhere quiet');
    const sameDay = await say('is main open that day until 8? we start at 6');
    expect(sameDay.details?.day).toBe('2026-12-15');
    expect(sameDay.reply.text).toContain('Tuesday, December 15');
    const weekday = await say('and eastside that same day, when does it close on tuesdays?');
    expect(weekday.details?.day).toBe('2026-12-15');
    const fresh = await say('what about friday?');
    expect(fresh.details?.day).toBe('2026-12-04');
  });

  it('keeps the day for a longer follow-up opened as one', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('is eastside open monday');
    const main = await say('ok so what about the downtown one then');
    expect(main.details?.day).toBe('2026-12-07');
    expect(main.reply.text).toContain('Main Library');
    expect(main.reply.text).toContain('Monday, December 7');
  });

  it('reads a branch named by its street as the follow-up, and "that morning" as the day named before', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('when does main close on friday?');
    const eastside = await say('and the one on maple avenue?');
    expect(eastside.intent).toBe('hours');
    expect(eastside.details?.day).toBe('2026-12-04');
    expect(eastside.reply.text).toContain('Eastside');
    const morning = await say('what time does it open that morning?');
    expect(morning.details?.day).toBe('2026-12-04');
  });

  it('takes thanks on the way to a follow-up day as the follow-up', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('eastside hours on friday please');
    const saturday = await say('cool thank you, and saturday then?');
    expect(saturday.reply.text).toBe('Eastside Branch is open Saturday, December 5, 10:00 AM–5:00 PM.');
  });

  it('answers in Spanish', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    const result = await say('¿A qué hora cierra eastside hoy?');
    expect(result.reply.language).toBe('es');
    // Asked today about today: answered as right now, and recorded as today's answer.
    expect(result.reply.text).toBe('Eastside Branch está abierta ahora, hasta las 20:00.');
    expect(result.details?.day).toBe('2026-12-01');
  });

  it('forgets an unanswered question after the time-out', async () => {
    const { say, advance } = setup(TUESDAY_AFTERNOON);
    await say('what are your hours');
    advance(16);
    const late = await say('Eastside');
    // Not the answer to the forgotten "which branch?": no week of hours.
    expect(late.reply.text).not.toContain('next 7 days');
  });

  it('hands the dialog state to a caller that stores it with the answer, and reads none for a new conversation', async () => {
    const { say, dialogs } = setup(TUESDAY_AFTERNOON);
    const asked = await say('what are your hours', { context: { newConversation: true, callerStoresDialog: true } });
    expect(asked).toMatchObject({ intent: 'hours', outcome: 'clarified' });
    // The router writes nothing itself: the state comes back, to be stored with the answer.
    expect(await dialogs.load('c1', new Date(TUESDAY_AFTERNOON))).toBeUndefined();
    expect(asked.dialog?.expiresAt).toEqual(new Date(new Date(TUESDAY_AFTERNOON).getTime() + 15 * 60_000));
    await dialogs.save('c1', asked.dialog!.state, asked.dialog!.expiresAt!);

    const week = await say('Eastside', { context: { callerStoresDialog: true } });
    expect(week.reply.text).toContain('Eastside Branch hours for the next 7 days:');

    // A message that began its conversation is not read as the answer to a question stored under the id.
    const fresh = await say('Eastside', { context: { newConversation: true, callerStoresDialog: true } });
    expect(fresh.reply.text).not.toContain('hours for the next 7 days');
  });

  it('"cancel" clears the question being asked', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('what are your hours');
    const reset = await say('start over');
    expect(reset.reply.text).toContain("let's start over");
    expect((await say('Eastside')).reply.text).not.toContain('next 7 days');
  });
});

describe('emergencies the crisis model is unsure of', () => {
  // Hand-made models: "goodbye" makes the crisis model 35% sure; "printer" makes the intent model sure of a FAQ.
  const crisisModel: LearnedModel<CrisisLabel> = { version: 1, intents: ['crisis', 'other'], weights: { bias: [-3, 0], 'w:goodbye': [2.4, 0] }, trainedOn: { examples: 0, articleQuestions: 0 } };
  const model: LearnedModel = { version: 1, intents: ['faq', 'handoff'], weights: { bias: [1, 0], 'w:goodbye': [-1.2, 0], 'w:printer': [3, 0] }, trainedOn: { examples: 0, articleQuestions: 0 } };
  const route = (text: string) => routerWith({}, { model, crisisModel }).ask(text);

  it('treats one as an emergency when the intent model leans to a person', async () => {
    const result = await route('goodbye everyone');
    expect(result.details?.safety).toBe(true);
    expect(result.ticket?.priority).toBe('urgent');
  });

  it('does not when the intent model is sure the message is about something else', async () => {
    const result = await route('goodbye printer');
    expect(result.details?.safety).toBeUndefined();
  });
});

describe('a branch fact beside an unsure guess', () => {
  // A hand-made model: "rings" leans to equipment, not surely (about 0.6 against faq).
  const model: LearnedModel = { version: 1, intents: ['equipment', 'faq'], weights: { bias: [0, 0], 'w:rings': [0.4, 0], 'w:printer': [3, 0] }, trainedOn: { examples: 0, articleQuestions: 0 } };
  const route = (text: string) => routerWith({}, { model }).ask(text);

  it('answers the number asked when the equipment guess is unsure and names no device', async () => {
    const result = await route('eastside number? the one i have just rings');
    expect(result.details?.branchFact).toBe('phone');
  });

  it('leaves a report about a device to the equipment skill', async () => {
    const result = await route('the printer rings and beeps, eastside number on it is 3');
    expect(result.details?.branchFact).toBeUndefined();
  });
});

describe('a message in a language the library cannot read', () => {
  it('alerts staff at once when it names a danger, and offers to pass it on otherwise', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    const danger = await say('Tafadhali piga simu polisi, kuna mtu mwenye kisu mlangoni');
    expect(danger.details?.safety).toBe(true);
    expect(danger.ticket?.priority).toBe('urgent');
    const ordinary = await setup(TUESDAY_AFTERNOON).say('Habari, ninaweza kupata kadi ya maktaba bila pasipoti?');
    expect(ordinary.details?.safety).toBeUndefined();
    expect(ordinary.details?.unsupportedLanguage).toBe(true);
  });

  it('raises no alarm on a question in a script the crisis model cannot read', async () => {
    const result = await setup(TUESDAY_AFTERNOON).say('Вы открыты в субботу 5 декабря?');
    expect(result.details?.safety).toBeUndefined();
    expect(result.details?.unsupportedLanguage).toBe(true);
  });

  it('takes up a question led by "ok" instead of the offer to pass the message on; a plain "ok" still agrees', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('Bonjour, vous parlez français ?');
    const question = await say('ok in english then. when do you close today');
    expect(question.intent).toBe('hours');
    expect(tickets.opened).toHaveLength(0);
    await say('Bonjour, vous parlez français ?', { conversation: 'agrees' });
    const agreed = await say('ok', { conversation: 'agrees' });
    expect(agreed.outcome).toBe('ticket');
  });
});

describe('handoff', () => {
  it('confirms before opening a ticket, and promises an answer by the ticket’s due time in opening hours', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    const asked = await say('can i speak to a librarian please');
    expect(asked).toMatchObject({ intent: 'handoff', outcome: 'clarified' });
    expect(asked.reply.quickReplies).toEqual(['Yes', 'No']);
    expect(tickets.opened).toHaveLength(0);

    const done = await say('yes');
    expect(done).toMatchObject({ intent: 'handoff', outcome: 'ticket' });
    expect(done.ticket?.number).toBe('T-100');
    expect(done.reply.text).toContain('T-100');
    // Tuesday 15:00: a hand-off's first answer is owed within two open hours.
    expect(done.reply.text).toContain('A librarian will reply by 5:00 PM today.');
    expect(done.ticket?.firstResponseDueAt).toEqual(new Date('2026-12-01T22:00:00Z'));
    expect(tickets.opened[0]).toMatchObject({ kind: 'handoff', intent: 'handoff' });
  });

  it('when closed, says when staff will answer', async () => {
    const { say } = setup('2026-12-24T15:00:00-05:00'); // Christmas Eve after the early close; Christmas closed
    await say('talk to a person');
    const done = await say('yes please');
    // Closed until Saturday 09:00, so two open hours end at 11:00 — not "shortly", not Christmas morning.
    expect(done.reply.text).toContain('A librarian will reply by 11:00 AM on Saturday, December 26.');
  });

  it('"no" opens nothing', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('human');
    const declined = await say('no thanks');
    expect(declined.outcome).toBe('answered');
    expect(tickets.opened).toHaveLength(0);
  });

  it('"talk to a person" works in the middle of another question, and the ticket says what was asked', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('the computer i was on froze');
    const asked = await say('I want a human');
    expect(asked).toMatchObject({ intent: 'handoff', outcome: 'clarified' });
    await say('yes');
    expect(tickets.opened[0]?.description.split('\n')[0]).toBe('the computer i was on froze');
  });
});

describe('requests staff handle (until their skills exist)', () => {
  it('renewal: files a hand-off ticket with the intent, and never echoes or logs the card number', async () => {
    const { say, tickets, logged } = setup(TUESDAY_AFTERNOON);
    const result = await say('please renew my books, my card is 21234000123456');
    expect(result).toMatchObject({ intent: 'renew', outcome: 'ticket' });
    expect(tickets.opened[0]).toMatchObject({ kind: 'handoff', intent: 'renew' });
    expect(tickets.opened[0]?.subject).toMatch(/^Renewal request: /);
    expect(tickets.opened[0]?.description).toBe('please renew my books, my card is [card ••3456]');
    expect(JSON.stringify(result)).not.toContain('21234000123456');
    expect(JSON.stringify(logged)).not.toContain('21234000123456');
    expect(JSON.stringify(logged)).not.toContain('patron@example.org');
  });

  it('interlibrary loan: files an ILL ticket', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    const result = await say('can you get a book from another library for me');
    expect(result).toMatchObject({ intent: 'ill', outcome: 'ticket' });
    expect(tickets.opened[0]).toMatchObject({ kind: 'ill', intent: 'ill' });
  });

  it('catalog search without a catalog: hands off rather than guessing', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    const result = await say('isbn 0-306-40615-2 do you have it');
    expect(result).toMatchObject({ intent: 'catalog', outcome: 'ticket' });
    expect(tickets.opened[0]?.intent).toBe('catalog');
  });
});

describe('equipment', () => {
  it('files a ticket tied to a named tag and gives its number', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    const result = await say('pc 7 wont turn on');
    expect(result).toMatchObject({ intent: 'equipment', outcome: 'ticket' });
    expect(tickets.opened[0]).toMatchObject({ kind: 'equipment', assetTag: 'PC-07', branchId: 'main' });
    expect(result.reply.text).toBe(
      "Thanks — I've reported the problem with PC-07 (Teen room, 1st floor) to staff. Your ticket number is T-100. Staff will look at it by 5:00 PM today, and we'll let you know here when it's fixed.",
    );
  });

  it('reads "it" right after the Wi-Fi answer as the Wi-Fi, at the branch named', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('What is the wifi password?');
    const result = await say("it's not connecting at eastside right now");
    expect(result).toMatchObject({ intent: 'equipment', outcome: 'ticket' });
    expect(tickets.opened[0]?.assetTag).toBe('WIFI-02');
  });

  it('resolves "the printer on the second floor"', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('the printer on the second floor is jammed');
    expect(tickets.opened[0]?.assetTag).toBe('PRN-02');
  });

  it('files for the device the place words pick out when the first kind named fits none', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('Subject: wifi question\n\nHi, the wifi is fine but the colour printer on the 2nd floor prints blank pages.\n\nThanks, Ana');
    expect(tickets.opened[0]?.assetTag).toBe('PRN-02');
  });

  it('another kind named right after a report is the one at that branch', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('the eastside printer is jammed');
    await say('and the wifi keeps dropping too');
    expect(tickets.opened.map((ticket) => ticket.assetTag)).toEqual(['PRN-03', 'WIFI-02']);
  });

  it('a device said to work again right after its report files no second report', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('PC-07 is frozen');
    const fine = await say('oh never mind, it is working again');
    expect(fine.outcome).toBe('answered');
    expect(fine.reply.text).toContain('PC-07 is working again');
    expect(tickets.opened).toHaveLength(1);
    const broken = await say('ugh it stopped working again');
    // It joins the open ticket, which the fake names by its first report.
    expect(broken.reply.text).toContain('staff already know about PC-07');
    expect(broken.outcome).toBe('ticket');
    expect(tickets.opened.map((ticket) => ticket.assetTag)).toEqual(['PC-07', 'PC-07']);
  });

  it('answers a question asked along with "it works now", even without a question mark', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('the wifi at main keeps dropping');
    const asked = await say('ok its working now. whats the wifi password again');
    expect(asked).toMatchObject({ intent: 'faq', articleId: 'wifi' });
    expect(tickets.opened).toHaveLength(1);
  });

  it('answers a question about the service right after a device report, without a second report', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    await say('the wifi at main keeps dropping');
    const password = await say('oh wait whats the password? maybe i typed it wrong');
    expect(password).toMatchObject({ intent: 'faq', outcome: 'answered' });
    expect(password.reply.text).toContain('RiversidePL-Public');
    expect(tickets.opened).toHaveLength(1);
  });

  it('a second report of the same device joins the open ticket', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('PC-07 is frozen', { conversation: 'a' });
    const second = await say('pc-07 blue screen', { conversation: 'b' });
    expect(second.reply.text).toContain('staff already know about PC-07');
  });

  it('asks which device with quick replies, then files for the one tapped', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    const asked = await say('the computer i was on froze');
    expect(asked).toMatchObject({ intent: 'equipment', outcome: 'clarified' });
    expect(asked.reply.quickReplies).toContain('PC-03 – Near the front entrance, 1st floor');
    const filed = await say('PC-03 – Near the front entrance, 1st floor');
    expect(filed.outcome).toBe('ticket');
    expect(tickets.opened[0]).toMatchObject({ assetTag: 'PC-03', description: 'the computer i was on froze' });
  });

  it('an unknown tag: says so and files anyway on "yes"', async () => {
    const { say, tickets } = setup(TUESDAY_AFTERNOON);
    const asked = await say('PC-99 is broken');
    expect(asked.reply.text).toBe("I can't find a device tagged PC-99. Shall I file the report anyway?");
    const filed = await say('yes');
    expect(filed.outcome).toBe('ticket');
    expect(tickets.opened[0]?.assetTag).toBeUndefined();
    expect(tickets.opened[0]?.subject).toContain('PC-99');
  });
});

describe('faq', () => {
  it('answers a follow-up with no topic of its own from the article just given', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('whats the wifi password');
    const followUp = await say('and is it free?');
    expect(followUp).toMatchObject({ intent: 'faq', outcome: 'answered', articleId: 'wifi' });
    const ownTopic = await say('and how much does it cost to print?');
    expect(ownTopic.articleId).toBe('printing');
  });

  it('answers with the short answer and a link to the whole article, never the Markdown body', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    const web = await say('whats the wifi password');
    expect(web).toMatchObject({ intent: 'faq', outcome: 'answered', articleId: 'wifi' });
    expect(web.reply.text).toBe('Wi-Fi: join RiversidePL-Public, no password.\n\nRead the whole article: https://library.example/help/wifi');
    const sms = await say('whats the wifi password', { channel: 'sms', conversation: 'c2' });
    expect(sms.reply.smsText).toBe('Wi-Fi: join RiversidePL-Public, no password. https://library.example/help/wifi');
  });

  it('answers in Spanish from the Spanish version, or in English with a note', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    const spanish = await say('cual es la contraseña del wifi');
    expect(spanish.reply).toMatchObject({ language: 'es', text: 'Wi-Fi: RiversidePL-Public, sin contraseña.\n\nLea el artículo completo: https://library.example/help/wifi-es' });
    const english = await say('cuanto cuesta imprimir', { conversation: 'c2' });
    expect(english.articleId).toBe('printing');
    expect(english.reply.text).toBe('Esta respuesta solo está disponible en inglés.\n\nB&W 10¢, color 50¢ a page.\n\nLea el artículo completo: https://library.example/help/printing');
  });
});

describe('events, small talk and unknown', () => {
  it('lists events on the named day for the named audience', async () => {
    const { say, events } = setup(TUESDAY_AFTERNOON);
    const result = await say('any kids programs on saturday');
    expect(result).toMatchObject({ intent: 'events', outcome: 'answered', details: { day: '2026-12-05' } });
    expect(result.reply.text).toContain('Toddler Story Time');
    expect(result.reply.text).not.toContain('Chess Club');
    expect(events.calls[0]).toMatchObject({ audience: 'kids' });
  });

  it('keeps a follow-up day on the events asked about, and answers opening hours asked right after', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    await say('when is toddler story time');
    expect(await say('and on saturday?')).toMatchObject({ intent: 'events' });
    const hours = await say('is the library open on saturday?');
    expect(hours).toMatchObject({ intent: 'hours', details: { day: '2026-12-05' } });
  });

  it('greets and thanks', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    expect((await say('hi')).reply.text).toMatch(/^Hello!/);
    expect((await say('thx so much')).reply.text).toMatch(/^You're welcome/);
    expect((await say('gracias')).reply.text).toMatch(/^¡De nada!/);
  });

  it('does not guess at an unknown message: asks to rephrase and offers a person', async () => {
    const { say } = setup(TUESDAY_AFTERNOON);
    const result = await say('who won the game last night');
    expect(result).toMatchObject({ intent: 'unknown', outcome: 'unanswered' });
    expect(result.reply.quickReplies).toContain('Talk to a person');
    const tapped = await say('Opening hours');
    expect(tapped).toMatchObject({ intent: 'hours', outcome: 'clarified' });
    expect(tapped.reply.quickReplies).toEqual(['Main', 'Eastside']);
  });
});

describe('catalog, when a catalog is connected', () => {
  it('answers catalog and shelf questions from the CatalogPort instead of filing a ticket', async () => {
    const tickets = createFakeTickets();
    const catalog = createFakeCatalog({
      records: [{ id: 'b1', title: 'The Midnight Library', authors: ['Haig, Matt'], subjects: [], isbns: ['9780525559474'], series: [], format: 'book', callNumber: 'FIC HAI' }],
      availability: [{ bibId: 'b1', total: 2, available: 1, branches: [{ branchId: 'main', total: 2, available: 1, locations: ['Adult Fiction'] }] }],
      shelves: [{ match: /641/, location: { label: 'Cookbooks (641.5)', range: '641–641.99', places: [{ branchId: 'main', floor: 2, area: 'Cookbooks, east wall' }] } }],
    });
    const { ask } = routerWith({ tickets, catalog });
    const found = await ask('Do you have a book called The Midnight Library?', 'x1');
    expect(found).toMatchObject({ intent: 'catalog', outcome: 'answered' });
    expect(found.reply.text).toContain('The Midnight Library');
    const shelf = await ask('where would i find 641.5', 'x2');
    expect(shelf).toMatchObject({ intent: 'location', outcome: 'answered' });
    expect(shelf.reply.text).toContain('Cookbooks');
    expect(tickets.opened).toHaveLength(0);
  });

  it('says where one of the library\'s computers is, though "PC 7" is also a call number', async () => {
    const catalog = createFakeCatalog({
      records: [],
      shelves: [{ match: /^pc\b/i, location: { label: 'Romance languages (LC PC)', places: [{ branchId: 'main', floor: 3, area: 'Research collection' }] } }],
    });
    const { ask } = routerWith({ catalog });
    const device = await ask('where is pc 7?');
    expect(device).toMatchObject({ intent: 'location', outcome: 'answered' });
    expect(device.reply.text).toBe('PC-07 (Public PC 7) is at Main Library: Teen room, 1st floor.');
    const shelf = await ask('where is pc 99?');
    expect(shelf.reply.text).toContain('Romance languages');
  });

  it('says where a kind of device stands, at the branch named or at each', async () => {
    const { ask } = routerWith({ catalog: createFakeCatalog({ records: [] }) });
    const eastside = await ask('where are the printers at eastside?');
    expect(eastside.reply.text).toBe('Printers:\n• Eastside Branch: Front desk (PRN-03)');
    const all = await ask('where are the printers');
    expect(all.reply.text).toContain('Main Library: Print station, 1st floor (PRN-01)');
    expect(all.reply.text).toContain('Eastside Branch: Front desk (PRN-03)');
    // Books about a device are on the shelves.
    const books = await ask('where are the books about 3d printers');
    expect(books.reply.text).not.toContain('PRN-');
  });

  it('reports the computer just located when the patron finds it broken', async () => {
    const catalog = createFakeCatalog({ records: [] });
    const { ask } = routerWith({ catalog });
    await ask('where is pc 7?', 'located');
    const broken = await ask('found it but the screen stays black', 'located');
    expect(broken).toMatchObject({ intent: 'equipment', outcome: 'ticket' });
    expect(broken.ticket?.assetTag).toBe('PC-07');
  });
});
