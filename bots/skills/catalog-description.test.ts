import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogService } from '../../catalog/catalog-service.js';
import { createDemoTestCatalog } from '../../catalog/testing/demo-test-catalog.js';
import type { CatalogHit, CatalogRecord } from '../../core/catalog.js';
import { createFakeAssets } from '../../test/fakes/fake-assets.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { createMemoryDialogStore } from '../../test/fakes/fake-dialog-store.js';
import { createFakeKnowledge } from '../../test/fakes/fake-knowledge.js';
import { createFakeTickets } from '../../test/fakes/fake-tickets.js';
import { createRouter } from '../index.js';
import { answerCatalog } from './catalog.js';
import { descriptionWords, findDescribedBook, orderByDescription, seriesNumber, seriesNumberAsked } from './catalog-description.js';

const now = new Date('2026-11-29T15:00:00Z');
let catalog: CatalogService;

beforeAll(async () => {
  ({ catalog } = await createDemoTestCatalog({ now }));
});

const record = (id: string, extra: Partial<CatalogRecord>): CatalogRecord => ({ id, title: id, authors: [], subjects: [], isbns: [], series: [], format: 'book', ...extra });
const hit = (r: CatalogRecord): CatalogHit => ({ record: r, score: 1 });
const firstTitle = async (query: string, language: 'en' | 'es' = 'en') =>
  (await answerCatalog({ catalog }, { query, channel: 'web', language, now })).cards?.[0]?.title;

describe('a book asked for by what is in it', () => {
  it.each([
    ['the third harry potter', 3],
    ['hunger games book 2', 2],
    ['el segundo libro de harry potter', 2],
    ['do you have the 4th one', 4],
    ['percy jackson #5', 5],
    ['harry potter please', undefined],
    // The book after the one read, unless a number is asked outright.
    ['my son finished the first percy jackson, whats next', 2],
    ['ya leyó el tercero de harry potter', 4],
    ['mi hijo ya se ha leído el segundo de harry potter', 3],
    ['we read book 1 already, is the 2nd one in', 2],
    ['i want to read the second harry potter', 2],
  ])('"%s" asks for number %s of a series', (text, number) => {
    expect(seriesNumberAsked(text)).toBe(number);
  });

  it('reads the number of a record in its series', () => {
    expect(seriesNumber(record('a', { series: ['Harry Potter ; 3'] }))).toBe(3);
    expect(seriesNumber(record('b', { series: ['Discworld ; v. 12'] }))).toBe(12);
    expect(seriesNumber(record('c', { series: ['Penguin classics'] }))).toBeUndefined();
  });

  it('keeps the words that describe a book and drops the ones that ask for it', () => {
    expect(descriptionWords("do you have that book where the pigs take over the farm? it's for my son", ['farm'])).toEqual(['pigs']);
    expect(descriptionWords("the one about pigs who run a farm because the farmer drinks, i cant remember the name")).toEqual(['pigs', 'run', 'farm', 'farmer', 'drinks']);
  });

  it('puts the series number asked for first, then the records whose summary holds the described words', () => {
    const hits = [
      hit(record('one', { series: ['Saga ; 1'], summary: 'A girl finds a dragon egg.' })),
      hit(record('two', { series: ['Saga ; 2'], summary: 'The dragon grows up and the war begins.' })),
      hit(record('three', { series: ['Saga ; 3'], summary: 'A siege at the river fortress.' })),
    ];
    expect(orderByDescription(hits, 'the second saga book', 'saga').map((h) => h.record.id)).toEqual(['two', 'one', 'three']);
    expect(orderByDescription(hits, 'the saga one with the siege of a fortress', 'saga').map((h) => h.record.id)[0]).toBe('three');
    expect(orderByDescription(hits, 'any saga books in?', 'saga').map((h) => h.record.id)).toEqual(['one', 'two', 'three']);
    // A bare number right after the series named; not a count of copies elsewhere in the message.
    expect(orderByDescription(hits, 'is saga 3 on the shelf?', 'saga').map((h) => h.record.id)[0]).toBe('three');
    expect(orderByDescription(hits, 'do you have 3 copies of saga', 'saga').map((h) => h.record.id)[0]).toBe('one');
  });

  it('finds a book described without its name through its summary and subjects, and nothing for a vague wish', async () => {
    expect((await findDescribedBook(catalog, 'looking for the graphic novel about auschwitz where the jews are mice'))?.[0]?.record.title).toBe('Maus');
    expect(await findDescribedBook(catalog, 'something nice to read this weekend')).toBeUndefined();
  });

  it.each([
    ['can my daughter get the harry potter with the triwizard tournament', 'Harry Potter and the Goblet of Fire'],
    ['the third Harry Potter book, is it in?', 'Harry Potter and the Prisoner of Azkaban'],
    ['the grisham where the boy sees a lawyer kill himself', 'The Client'],
    // A word of the title counts more: both summaries hold Memphis and a lawyer.
    ['is the grisham about the memphis law firm tied to the mafia in', 'The Firm'],
    // A name said as the book's owner; a title typed loosely, asked for in a format the library lacks.
    ['looking for tara westover\'s memoir', 'Educated: a memoir'],
    ['hunger gamez as an ebook?', 'The Hunger Games'],
    // "theres" asks, it does not describe ("there" is in another summary).
    ['is the harry potter where theres a tournament in', 'Harry Potter and the Goblet of Fire'],
    // Said as the summary would not say it: a man who shot himself is a suicide.
    ['that grisham legal one where a lawyer shot himself and a little kid knows the secret', 'The Client'],
    // A shorthand no record holds, then the title shortened in another part of the message.
    ['got any copies of SICP-style stuff? intro to algorithms, the big one', 'Introduction to Algorithms'],
    ['a kids book where a boy in a wolf suit sails off to be king of the monsters', 'Where the Wild Things Are'],
    // Described, then a number of its series asked for.
    ['the one where the kid is a wizard and goes to hogwarts, the second one', 'Harry Potter and the Chamber of Secrets'],
    ['that book where a kid wizard goes to hogwarts, number 4', 'Harry Potter and the Goblet of Fire'],
    // How many of it, said after the name.
    ['persepolis, do you have both volumes?', 'Persepolis'],
    ['the hunger games, the whole series', 'The Hunger Games'],
    // Described at length: found word by word when no record holds all the words, and preferred to a
    // title that shares one of them.
    ['that memoir of the woman from idaho whose parents never sent her to school, and she ends up at cambridge', 'Educated: a memoir'],
    ['the graphic memoir about a girl growing up in iran during the revolution', 'Persepolis'],
    ['yo got any copies of persepolis in', 'Persepolis'],
    // A title the book is known by elsewhere (MARC 246).
    ['do you have the philosophers stone', "Harry Potter and the Sorcerer's Stone"],
    // The request before the comma, spelled loosely, with the binding dropped.
    ['the very hungary catterpillar board book, our puppy ate ours', 'The Very Hungry Caterpillar'],
  ])('answers "%s" with %s', async (query, title) => {
    expect(await firstTitle(query)).toBe(title);
  });

  it('lists the edition in the patron language first, and finds a translation by its original title', async () => {
    expect(await firstTitle('books by maurice sendak', 'en')).toBe('Where the Wild Things Are');
    expect(await firstTitle('libros de maurice sendak', 'es')).toBe('Donde viven los monstruos');
    expect(await firstTitle('¿tienen la oruga muy hambrienta?', 'es')).toBe('La oruga muy hambrienta');
    // A book described by a Spanish title of an English-only edition: the one described comes before the Spanish one.
    expect(await firstTitle('busco harry potter y el prisionero de azkaban para mi sobrino', 'es')).toBe('Harry Potter and the Prisoner of Azkaban');
  });
});

describe('the router', () => {
  it('answers a likely catalog request it would otherwise ask about when it describes one book the catalog holds', async () => {
    const clock = { now: () => now };
    // Every message is below the asking threshold: only the described book lets the router answer.
    const router = createRouter(
      { knowledge: createFakeKnowledge([]), calendar: createFakeCalendar(), assets: createFakeAssets(), tickets: createFakeTickets({ now: clock.now, calendar: createFakeCalendar() }), dialogs: createMemoryDialogStore(), clock, catalog },
      { askBelow: 0.999 },
    );
    const say = (text: string, conversationId: string) => router.route({ channel: 'web', address: 'patron@example.org', threadKey: conversationId, text, receivedAt: now }, { conversationId });
    const described = await say('looking for the graphic novel about auschwitz where the jews are drawn as mice', 'c1');
    expect(described).toMatchObject({ intent: 'catalog', outcome: 'answered' });
    expect((await catalog.get(String((described.details?.recordIds as string[])[0])))?.title).toBe('Maus');
    expect((await say('do you have a good book to read this weekend', 'c2')).outcome).not.toBe('answered');
  });
});
