import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogService } from '../../catalog/catalog-service.js';
import { createDemoTestCatalog } from '../../catalog/testing/demo-test-catalog.js';
import type { createMemoryCatalogRepository } from '../../catalog/testing/memory-repository.js';
import type { CatalogPort } from '../../core/catalog.js';
import { answerCatalog, authorMatches, extractCatalogQuery, SMS_LIMIT } from './catalog.js';
import { capitalisedRuns, findCatalogMention } from './catalog-mentions.js';
import { answerLocation } from './location.js';

const now = new Date('2026-11-29T15:00:00Z');
let catalog: CatalogService;
let repository: ReturnType<typeof createMemoryCatalogRepository>;

beforeAll(async () => {
  ({ catalog, repository } = await createDemoTestCatalog({ now }));
});

describe('extractCatalogQuery', () => {
  it.each([
    ['do you have harry poter?', { kind: 'search', terms: 'harry poter', field: 'keyword' }],
    ['any books by grisham', { kind: 'search', terms: 'grisham', field: 'author' }],
    ['isbn 9780439708180', { kind: 'search', terms: '9780439708180', field: 'isbn' }],
    ['978-0-439-70818-0', { kind: 'search', terms: '9780439708180', field: 'isbn' }],
    ['where is 641.5', { kind: 'locate', terms: '641.5' }],
    ['Where are the cookbooks?', { kind: 'locate', terms: 'cookbooks' }],
    ['where are graphic novels?', { kind: 'locate', terms: 'graphic novels' }],
    ['Do you have The Firm on DVD?', { terms: 'The Firm', format: 'dvd' }],
    ['books about dinosaurs', { terms: 'dinosaurs', field: 'subject' }],
    ['is the hunger games available?', { terms: 'the hunger games', availableOnly: true }],
    ['I am looking for a copy of Dune please', { terms: 'Dune', field: 'keyword' }],
    ['¿tienen cien años de soledad?', { terms: 'cien años de soledad' }],
    // The request in a longer message, without the story around it.
    ['Any books by Mo Willems? My son loves the pigeon ones.', { terms: 'Mo Willems', field: 'author', author: 'said' }],
    ['I read Educated last year and loved it. Do you have anything else by Tara Westover?', { terms: 'Tara Westover', field: 'author', author: 'said' }],
    ['do you have anything by louise penny that i could take on holiday', { terms: 'louise penny', field: 'author' }],
    // A possessive name is the name; "children's" stays a kind of book.
    ["patterson's books, any in?", { terms: 'patterson', field: 'author' }],
    ["children's books about dinosaurs", { terms: "children's books about dinosaurs" }],
    // An initial ends no sentence.
    ['novels by j.r.r. tolkien please', { terms: 'j.r.r. tolkien', field: 'author', author: 'said' }],
    // Who the book is for is not part of the name.
    ['something by maurice sendak for my grandson', { terms: 'maurice sendak', field: 'author' }],
    ['the hunger games for my niece in 7th grade', { terms: 'the hunger games' }],
    // A valid ISBN-13 among other words is the ISBN asked about.
    ['is 9780441172719 on the shelf at main', { terms: '9780441172719', field: 'isbn' }],
    // Spain's and Argentina's "you have", and "the one of" before a title.
    ['¿Tenéis el de Sapiens?', { terms: 'Sapiens' }],
    ['che, tenés el principito?', { terms: 'el principito' }],
    // The ISBN in one sentence, the asking in the next.
    ['My son needs this one: 978-0-441-17271-9. Can we borrow it this week?', { terms: '9780441172719', field: 'isbn' }],
    // A possessive before a kind of book is the author's; one inside a title stays.
    ["marcella hazan's cookbook", { terms: 'marcella hazan', field: 'author' }],
    ["do you have charlotte's web", { terms: "charlotte's web" }],
    // "do yu hav it" after the title, spelled as typed; "which way to" a place in the building.
    ['goodnight moon do yu hav it for my grandson', { terms: 'goodnight moon' }],
    ['which way to the teen room please', { kind: 'locate', terms: 'teen room' }],
    ['the pelican brief, is it on the shelf', { terms: 'the pelican brief', availableOnly: true }],
    // Who wants the book before the request, and a description of the author after a comma; a Spanish
    // "algo de" before a capitalised name is the author, "libros de" before a topic is not.
    ['my dad wants something by frank herbert, the dune guy. what do you have', { terms: 'frank herbert', field: 'author', author: 'said' }],
    ['me encantaría leer algo de Isabel Allende, ¿tienen?', { terms: 'Isabel Allende', field: 'author', author: 'guessed' }],
    // "libros de Harry Potter" names a series, not an author: guessed, so that a title search follows.
    ['¿tienen libros de Harry Potter?', { terms: 'Harry Potter', field: 'author', author: 'guessed' }],
    // "how do I find" a room is where it is in the building.
    ['how do i find the teen room at eastside?', { kind: 'locate', terms: 'teen room at eastside' }],
    // The story before the comma that opens the asking.
    ['in town for the weekend, does the library have where the wild things are?', { terms: 'where the wild things are' }],
    // What it is for and when, and "tell me it's in", after the title.
    ['need the very hungry caterpillar for preschool tomorrow pls tell me its in', { terms: 'the very hungry caterpillar' }],
    ['¿tienen libros de cocina mexicana?', { field: 'subject' }],
  ])('%s', (text, expected) => {
    expect(extractCatalogQuery(text)).toMatchObject(expected);
  });
});

describe('authorMatches', () => {
  it('forgives a short given name a letter short or long, not a letter changed', () => {
    expect(authorMatches('jon grisham', 'Grisham, John')).toBe(true);
    expect(authorMatches('ann tyler', 'Tyler, Anne')).toBe(true);
    expect(authorMatches('mark king', 'King, Mary')).toBe(false);
  });
});

describe('answerCatalog', () => {
  it('finds Harry Potter through a typo, with availability per branch, call number and where it stands', async () => {
    const reply = await answerCatalog({ catalog }, { query: 'do you have harry poter?', channel: 'web', now });
    expect(reply.text).toContain("Harry Potter and the Sorcerer's Stone");
    expect(reply.text).toMatch(/\d of \d cop(y|ies) in at (Main|Eastside)/);
    expect(reply.text).toContain('J FIC ROW');
    expect(reply.text).toMatch(/Children's (room|corner)/);
    expect(reply.cards?.[0]?.title).toContain('Harry Potter');
  });
  it('keeps the SMS form within 320 characters', async () => {
    for (const query of ['do you have harry poter?', 'any books by grissham', 'cooking', 'history of the world war']) {
      const reply = await answerCatalog({ catalog }, { query, channel: 'sms', now });
      expect(reply.smsText).toBeDefined();
      expect(reply.smsText!.length).toBeLessThanOrEqual(SMS_LIMIT);
    }
  });
  it('says when every copy is out and when the next one is due', async () => {
    const firm = (await catalog.search({ text: 'the firm', limit: 1 })).hits[0]!.record;
    for (const item of repository.bibs.get(firm.id)!.items) repository.setItemStatus(item.id, 'checked_out', new Date('2026-12-03T18:00:00Z'));
    const reply = await answerCatalog({ catalog }, { query: 'do you have the firm', channel: 'web', now });
    expect(reply.text).toMatch(/all \d copies are out, next due back Dec 3 at (Main|Eastside)/i);
    expect(reply.quickReplies).toContain('Place a hold');
  });
  it('finds by ISBN and answers in Spanish', async () => {
    const reply = await answerCatalog({ catalog }, { query: 'isbn 0-439-70818-4', channel: 'web', now, language: 'es' });
    expect(reply.text).toContain("Harry Potter and the Sorcerer's Stone");
    expect(reply.text).toContain('Signatura J FIC ROW');
    expect(reply.language).toBe('es');
  });
  // A title or a name among other words: the catalog's own titles and authors are looked for in the message.
  it.each([
    ['my niece has to read the pelican brief over break, could i grab one', 'The Pelican Brief'],
    ['camino island large print or regular is fine', 'Camino Island'],
    ['need python crash course asap for a bootcamp', 'Python Crash Course'],
    ['whats available from julia child', 'Mastering the Art of French Cooking'],
    ['R u carrying that Samin Nosrat cooking book', 'Salt, Fat, Acid, Heat'],
    ['hi. do you have books by j. k. rowling?', "Harry Potter"],
    ['anything from michelle obama on the shelf?', 'Becoming'],
    // "Italian" read as a language filter finds nothing; without it, the author.
    ['hazan italian cookbooks', 'Essentials of Classic Italian Cooking'],
    ['is educated in right now?', 'Educated'],
    ['the pragmatic programmer thomas, do you have it', 'The Pragmatic Programmer'],
    ['my teacher said to read something from westover', 'Educated'],
    ['books by maurice sendak for preschoolers?', 'Where the Wild Things Are'],
    ['is the hunger games checked out?', 'The Hunger Games'],
    // The book named in the story, asked for by its kind or as "it"; a name with its title of address.
    ['Our book club picked Maus for January. Does the library stock the graphic novel?', 'Maus'],
    ["I would love a copy of Mrs. Hazan's famous cookery book. Does the library hold it?", 'Essentials of Classic Italian Cooking'],
    ['anything by john grisham on cd for the car', 'The Firm'],
    ['books by rowling besides the first one', 'Harry Potter'],
  ])('finds what "%s" names', async (query, title) => {
    const reply = await answerCatalog({ catalog }, { query, channel: 'web', now });
    expect(reply.cards?.[0]?.title).toContain(title);
  });
  it('says so when nothing matches the format asked for, and lists what the library has', async () => {
    const reply = await answerCatalog({ catalog }, { query: 'the client on blu-ray?', channel: 'web', now });
    expect(reply.text).toMatch(/^I found no "the client" as a DVD, but we have/);
    expect(reply.cards?.[0]?.title).toBe('The Client');
    // The title as spelled in another format comes before a DVD whose words only look alike.
    const either = await answerCatalog({ catalog }, { query: 'the pelican brief dvd or the book, either one', channel: 'web', now });
    expect(either.cards?.[0]?.title).toBe('The Pelican Brief');
  });
  it('offers a librarian when nothing matches', async () => {
    const reply = await answerCatalog({ catalog }, { query: 'do you have qwxzv plorf', channel: 'sms', now });
    expect(reply.text).toMatch(/couldn't find anything for "qwxzv plorf"/);
    expect(reply.quickReplies).toEqual(['Talk to a librarian']);
  });
});

describe('answerLocation', () => {
  it('answers "where is 641.5?"', async () => {
    const reply = await answerLocation({ catalog }, { query: 'where is 641.5?', channel: 'web', now });
    expect(reply.text).toMatch(/^641\.5 \(Cookbooks\) is at Main, 2nd floor/);
  });
  it('answers "where are the cookbooks?" and "where are graphic novels?"', async () => {
    expect((await answerLocation({ catalog }, { query: 'where are the cookbooks?', channel: 'web', now })).text).toMatch(/^Cookbooks are at Main, 2nd floor/);
    expect((await answerLocation({ catalog }, { query: 'where are graphic novels?', channel: 'sms', now })).smsText).toMatch(/^Graphic novels are at Main, 1st floor/);
  });
  it('finds a title on the shelf through its call number', async () => {
    const reply = await answerLocation({ catalog }, { query: 'where is the hunger games?', channel: 'web', now, branchId: 'eastside' });
    expect(reply.text).toContain('The Hunger Games (YA FIC COL)');
    expect(reply.text).toContain('Teen shelves');
    expect(reply.text).not.toContain('Main');
  });
  it('finds "the <topic> books" on a book\'s shelf, said with "would … be shelved" too', async () => {
    const reply = await answerLocation({ catalog }, { query: 'Where would the knitting books be shelved? What number?', channel: 'web', now });
    expect(reply.text).toMatch(/^\S.*\(746\.\d* [A-Z]+\) is at/);
    expect(reply.text).not.toContain('Audiobooks');
  });
  it('finds rooms and services of a branch, the branch named after them', async () => {
    const restrooms = await answerLocation({ catalog }, { query: 'where are the restrooms at eastside?', channel: 'web', now, branchId: 'eastside' });
    expect(restrooms.text).toMatch(/^Restrooms are at Eastside/);
    const seeds = await answerLocation({ catalog }, { query: 'where is the seed library at main, is it near the doors', channel: 'web', now, branchId: 'main' });
    expect(seeds.text).toMatch(/^The seed library is at Main, 1st floor: A smaller seed rack in the lobby/);
  });
  it('finds the elevator and the papers, in English and Spanish', async () => {
    expect((await answerLocation({ catalog }, { query: 'where is the lift?', channel: 'web', now })).text).toMatch(/^The elevator is at Main, 1st floor: The elevator, by the main stairs/);
    expect((await answerLocation({ catalog }, { query: '¿dónde están las revistas?', channel: 'web', now, language: 'es', branchId: 'eastside' })).text).toMatch(/Eastside, piso 1: Magazines and the local paper/);
  });
  it('does not take a place for a title sharing one of its words', async () => {
    const reply = await answerLocation({ catalog }, { query: 'where is the vending machine?', channel: 'web', now });
    expect(reply.text).toMatch(/not sure where "vending machine"/);
  });
  it('says so when it does not know', async () => {
    const reply = await answerLocation({ catalog }, { query: 'where is the qwxzv plorf?', channel: 'web', now });
    expect(reply.text).toMatch(/not sure where/);
  });
});

describe('displayAuthor', () => {
  it('turns a personal name round and leaves a corporate heading as catalogued', async () => {
    const { displayAuthor } = await import('./catalog.js');
    expect(displayAuthor('Rowling, J. K.')).toBe('J. K. Rowling');
    expect(displayAuthor('Rowling, J. K. (Joanne Kathleen)')).toBe('J. K. Rowling');
    expect(displayAuthor('Educational Audio Visual (Pleasantville, N.Y.)')).toBe('Educational Audio Visual (Pleasantville, N.Y.)');
    expect(displayAuthor('United States. Congress')).toBe('United States. Congress');
  });
});

describe('findCatalogMention', () => {
  /** The catalog, counting the searches made through it. */
  function counted(): { port: CatalogPort; searches: () => number } {
    let searches = 0;
    const port: CatalogPort = { ...catalog, search: (query) => (searches++, catalog.search(query)) };
    return { port, searches: () => searches };
  }

  it('finds a title among other words', async () => {
    const { port } = counted();
    // The owner's name ends at its possessive: "Art Spiegelman's Maus", before another title named later.
    expect((await findCatalogMention(port, "My class needs Art Spiegelman's Maus this month. Later on we might read Persepolis."))?.hits[0]?.record.title).toBe('Maus');
    expect((await findCatalogMention(port, 'my nephew wants the pelican brief for the bus ride'))?.hits[0]?.record.title).toBe('The Pelican Brief');
  });

  it('finds a one-word title when a word for a kind of book follows it', async () => {
    const { port } = counted();
    expect((await findCatalogMention(port, 'need the maus graphic novel before friday please'))?.hits[0]?.record.title).toBe('Maus');
    expect(await findCatalogMention(port, 'my kids like maus and other stories about mice a lot')).toBeUndefined();
    expect((await findCatalogMention(port, 'everyone at work keeps talking about this book dune lately'))?.hits[0]?.record.title).toBe('Dune');
    // Pointed back at ("…do you have it?"), a one-word title counts anywhere in the message.
    expect(await findCatalogMention(port, 'my teacher told me to read persepolis over the break')).toBeUndefined();
    expect((await findCatalogMention(port, 'my teacher told me to read persepolis over the break', {}, { singleWords: true }))?.hits[0]?.record.title).toBe('Persepolis');
    expect(extractCatalogQuery('my teacher told me to read persepolis over the break, do you have it?').refersBack).toBe(true);
    expect(extractCatalogQuery('my son needs to read sapiens for history. do you have a copy')).toMatchObject({ terms: '', refersBack: true });
    expect(extractCatalogQuery('is there like a novel called the pelican brief')).toMatchObject({ terms: 'the pelican brief', field: 'title' });
    // Asked for by a verb before it: "need persepolis for AP lit"; "need help for" names no book.
    expect((await findCatalogMention(port, 'we need sapiens for the seminar on thursday, is it in'))?.hits[0]?.record.title).toBe('Sapiens');
    expect(await findCatalogMention(port, 'i need help for my son with his homework tonight')).toBeUndefined();
    expect((await findCatalogMention(port, 'searching for dune for my book club next month, any in?'))?.hits[0]?.record.title).toBe('Dune');
    expect(await findCatalogMention(port, 'im looking for help for my mother with her email')).toBeUndefined();
  });

  it('finds a title shortened to two of its words, when nothing else is named', async () => {
    const { port } = counted();
    expect((await findCatalogMention(port, 'got that hungry caterpillar one for a 2 year old?'))?.hits[0]?.record.title).toBe('The Very Hungry Caterpillar');
    expect((await findCatalogMention(port, 'is the crawdads one checked in'))?.hits[0]?.record.title).toBe('Where the Crawdads Sing');
  });

  it('looks up capitalised titles and names first, possessives dropped, title and author apart', async () => {
    const { port } = counted();
    const story = 'We moved here from the coast last spring and my grandmother keeps asking about quiet reading corners. ';
    expect((await findCatalogMention(port, `${story}A neighbour lent her Maus once. Could she borrow that from you?`))?.hits[0]?.record.title).toBe('Maus');
    expect((await findCatalogMention(port, `${story}Everyone swears by Frank Herbert's big novel. Is it in?`))?.hits[0]?.record.title).toBe('Dune');
    expect((await findCatalogMention(port, 'Me recomendaron Sapiens de Yuval Noah Harari, ¿está?'))?.hits[0]?.record.title).toBe('Sapiens');
    expect(capitalisedRuns('What Grisham books do you have?')).toEqual([['grisham']]);
    expect(capitalisedRuns('DO YOU HAVE DUNE')).toEqual([]);
  });

  it('prefers the fullest part of a title named to a shorter one', async () => {
    const { port } = counted();
    expect((await findCatalogMention(port, 'My niece loves Harry Potter, is the Goblet of Fire out?'))?.hits[0]?.record.title).toBe('Harry Potter and the Goblet of Fire');
  });

  it('reads "it" and "by her" as a book or author named elsewhere in the message, and a branch as no part of a title', () => {
    expect(extractCatalogQuery('A friend raves about Salt, Fat, Acid, Heat. Do you have it?').terms).toBe('');
    expect(extractCatalogQuery('Everyone loves Samin Nosrat. Anything by her?').terms).toBe('');
    expect(extractCatalogQuery('Is the Pelican Brief in at the Main Library?').terms).toBe('the Pelican Brief');
  });

  it('costs a bounded number of lookups on a long message that names nothing', async () => {
    const { port, searches } = counted();
    const story = 'we moved here from the coast last spring and my grandmother keeps asking about quiet reading corners near sunny windows '.repeat(12);
    expect(await findCatalogMention(port, story)).toBeUndefined();
    expect(searches()).toBeLessThanOrEqual(80);
  });
});
