import type { CatalogHit, CatalogPort, CatalogQuery } from '../../core/catalog.js';
import { catalogWords, foldCatalogText } from './catalog-words.js';

/**
 * A title or an author named somewhere in a message, found by looking the message's own word runs up in
 * the catalog: "my son needs the hunger games for english class" names The Hunger Games, "a time to
 * kill dvd or book either" names A Time to Kill, "marcella hazan italian cookbook" names Marcella Hazan.
 * Patterns cannot strip every story, greeting and format word around a title; the catalog knows which
 * runs of words are titles and names.
 */
export interface CatalogMention {
  kind: 'title' | 'author';
  /** The words of the message that named it. */
  phrase: string;
  hits: CatalogHit[];
}

/** Words a run may not start or end with (a leading article is allowed and ignored when comparing). */
const EDGE_WORDS = new Set([
  'the', 'a', 'an', 'of', 'and', 'or', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'is', 'are', 'do', 'does', 'you', 'u', 'i', 'me', 'my', 'we',
  'it', 'that', 'this', 'have', 'has', 'got', 'any', 'some', 'book', 'books', 'copy', 'copies', 'dvd', 'dvds', 'audiobook', 'ebook', 'please', 'pls',
  'el', 'la', 'los', 'las', 'de', 'del', 'y', 'o', 'un', 'una', 'en', 'por', 'para', 'libro', 'libros', 'tienen', 'hay',
]);
/** Words after a one-word title that say it is one: "persepolis graphic novel", "dune book". */
const KIND_WORDS = new Set(['book', 'books', 'novel', 'graphic', 'dvd', 'movie', 'film', 'audiobook', 'ebook', 'memoir', 'cookbook', 'series', 'libro', 'novela']);
/** Words after a one-word title that ask whether it can be had: "is sapiens on the shelf", "dune available". */
const AVAILABILITY_AFTER = /^(?:available|on (?:the )?shelf|in stock|checked (?:in|out)|in (?:right now|now|rn|today))\b/;

/** Words right before a one-word title that say it is one: "this book dune", "the novel persepolis". */
const KIND_BEFORE = new Set(['book', 'novel', 'libro', 'novela']);

/** Verbs right before a one-word title that ask for it: "need persepolis for AP lit", "borrow dune for my son"; "read" is too often about reading. */
const ASKED_BEFORE = new Set(['need', 'want', 'borrow', 'got', 'have', 'reserve']);
/** Two words right before a one-word title that ask for it: "looking for persepolis", "searching for dune". */
const ASKED_BEFORE_TWO = new Set(['looking for', 'searching for', 'search for', 'look for', 'hunting for', 'buscando a', 'busco a']);
/** What those verbs ask for when no book is meant: "need help", "got time". */
const NOT_ASKED_TITLES = new Set(['help', 'time', 'info', 'information', 'access', 'money', 'space', 'room', 'ride', 'more', 'some', 'any', 'anything', 'something', 'copies', 'books', 'questions', 'question']);

/**
 * A one-word run in a longer message is a title only when a kind word comes before or after it, a verb
 * asking for it comes before it, or an availability question follows it.
 */
function namedAsItem(words: string[], index: number): boolean {
  const before = words[index - 1] ?? '';
  const twoBefore = index >= 2 ? `${words[index - 2]} ${before}` : '';
  const asked = (ASKED_BEFORE.has(before) || ASKED_BEFORE_TWO.has(twoBefore)) && !NOT_ASKED_TITLES.has(words[index] ?? '');
  return asked || KIND_WORDS.has(words[index + 1] ?? '') || KIND_BEFORE.has(words[index - 1] ?? '') || AVAILABILITY_AFTER.test(words.slice(index + 1, index + 4).join(' '));
}
const LEADING_ARTICLE = /^(?:the|a|an|el|la|los|las)\s+/;
const MAX_TITLE_WORDS = 7;
const MAX_AUTHOR_WORDS = 3;
/** The fewest words of a title a partial mention must cover ("prisoner of azkaban": 3 of 7). */
const MIN_PARTIAL_WORDS = 3;
const MIN_SURNAME_LETTERS = 5;
/** A request names its title early; the rest of a long e-mail is story. */
const MAX_WORDS = 30;
/** Lookups one message may cost (each well under a tenth of a millisecond on the demo catalog). */
const MAX_LOOKUPS = 80;

/** Capitalised runs looked up before the rest of a message (two lookups each). */
const MAX_CAPITALISED_RUNS = 6;
/** Capitalised words that name no book: the library's own words, days, months, greetings and sign-offs. */
const NOT_NAMES = new Set([
  'i', 'im', 'ive', 'id', 'ill', 'hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'best', 'regards', 'cheers', 'sincerely', 'please', 'library', 'librarian', 'riverside',
  'main', 'eastside', 'branch', 'downtown', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'christmas', 'ok', 'okay', 'english', 'spanish', 'isbn', 'dvd', 'pc', 'wifi',
  // Words that open a question or a sentence and are capitalised only for that.
  'what', 'which', 'who', 'where', 'when', 'why', 'how', 'do', 'does', 'did', 'can', 'could', 'would', 'will', 'is', 'are', 'was', 'my', 'our', 'we', 'you',
  'he', 'she', 'they', 'it', 'the', 'a', 'an', 'any', 'some', 'also', 'and', 'but', 'so', 'if', 'just', 'yes', 'no', 'hola', 'buenas', 'buenos', 'tienen',
  'tiene', 'hay', 'busco', 'estoy', 'mi', 'el', 'la', 'los', 'las', 'me', 'por', 'gracias', 'saludos',
]);
/** Small words a title or a name may hold between capitalised ones: "Mastering the Art of French Cooking". */
const TITLE_JOINERS = new Set(['of', 'the', 'and', 'a', 'an', 'to', 'in', 'on', 'for', 'de', 'del', 'la', 'el', 'y']);

/**
 * Runs of capitalised words, not counting the first word of a sentence (capitalised anyway) unless the next
 * is capitalised too, nor words that name no book. Empty for a message in all capitals or none.
 */
export function capitalisedRuns(text: string): string[][] {
  if (!/\p{Ll}/u.test(text) || !/\p{Lu}/u.test(text)) return [];
  const runs: string[][] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    // "Samin Nosrat's book": the name without its possessive.
    // "Art Spiegelman's Maus": the owner's name ends where its possessive does; the title is a run of its own.
    const raw = sentence.split(/\s+/).map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((token) => token.length > 0);
    const possessive = raw.map((token) => /['’]s$/u.test(token));
    const tokens = raw.map((token) => token.replace(/['’]s$/u, ''));
    let run: string[] = [];
    const close = () => {
      while (run.length > 0 && TITLE_JOINERS.has(run.at(-1)!.toLowerCase())) run.pop();
      if (run.length > 0) runs.push(wordsOf(run.join(' ')));
      run = [];
    };
    tokens.forEach((token, index) => {
      const folded = wordsOf(token).join('');
      const capitalised = /^\p{Lu}/u.test(token) && !NOT_NAMES.has(folded);
      const opensSentence = index === 0 && !/^\p{Lu}/u.test(tokens[1] ?? '');
      if (capitalised && !opensSentence) {
        run.push(token);
        if (possessive[index]) close();
      }
      else if (run.length > 0 && TITLE_JOINERS.has(token.toLowerCase()) && /^\p{Lu}/u.test(tokens[index + 1] ?? '')) run.push(token);
      else close();
    });
    close();
  }
  // "Sapiens de Yuval Noah Harari": a title and a name joined by a small word are also tried apart.
  const pieces = runs.flatMap((run) => splitAtJoiners(run).filter((piece) => piece.length < run.length));
  return [...runs, ...pieces].filter((run) => run.length > 0 && run.length <= MAX_TITLE_WORDS);
}

function splitAtJoiners(run: string[]): string[][] {
  const pieces: string[][] = [[]];
  for (const word of run) {
    if (TITLE_JOINERS.has(word)) pieces.push([]);
    else pieces.at(-1)!.push(word);
  }
  return pieces.filter((piece) => piece.length > 0);
}

/** A title's or a name's words; an apostrophe joins ("sorcerer's" and "sorcerers" read the same). */
function wordsOf(text: string): string[] {
  return catalogWords(text.replace(/['’]/g, ''));
}

const withoutArticle = (words: string[]): string => words.join(' ').replace(LEADING_ARTICLE, '');

/** Runs of two words or more that start and end on a word that could begin or end a title, longest first. */
function runs(words: string[], maxLength: number, minLength: number): string[][] {
  const out: string[][] = [];
  for (let length = Math.min(maxLength, words.length); length >= minLength; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const run = words.slice(start, start + length);
      const first = run[0]!;
      const last = run[length - 1]!;
      // "a time to kill": a run may begin with an article; no run ends on a small word.
      if ((EDGE_WORDS.has(first) && !LEADING_ARTICLE.test(`${first} `)) || EDGE_WORDS.has(last)) continue;
      if (run.every((word) => EDGE_WORDS.has(word))) continue;
      out.push(run);
    }
  }
  return out;
}

/** The record's title is the run (whole, or at least three words of it in a row: "prisoner of azkaban"). */
function titleNamed(run: string[], title: string, minPartialWords = MIN_PARTIAL_WORDS): 'whole' | 'part' | undefined {
  const titleWords = wordsOf(title);
  const asked = withoutArticle(run);
  if (withoutArticle(titleWords) === asked) return 'whole';
  if (run.length < minPartialWords) return undefined;
  return ` ${titleWords.join(' ')} `.includes(` ${run.join(' ')} `) ? 'part' : undefined;
}

/** The heading's surname ("Grisham, John") is exactly this word. */
function surnameIs(author: string, word: string): boolean {
  return wordsOf(author.split(',')[0] ?? '').join(' ') === word;
}

/** Every word of a two- or three-word run is in the author's heading, the surname among them. */
function authorNamed(run: string[], author: string): boolean {
  const [surname = '', ...given] = foldCatalogText(author).split(',');
  const surnameWords = wordsOf(surname);
  const heading = new Set([...surnameWords, ...wordsOf(given.join(' '))]);
  return run.every((word) => heading.has(word)) && run.some((word) => surnameWords.includes(word));
}

/**
 * The longest title, else the fullest author name, that the message's words name. Each lookup is one
 * indexed search: a message is read to its first `MAX_WORDS` words and at most `MAX_LOOKUPS` searches
 * are made, so a long e-mail with no title in it costs a few milliseconds, not tens. `singleWords`: the
 * message is known to name a book somewhere ("… do you have it?"), so a one-word title counts anywhere.
 */
export async function findCatalogMention(
  catalog: CatalogPort,
  text: string,
  filters: Partial<CatalogQuery> = {},
  options: { singleWords?: boolean } = {},
): Promise<CatalogMention | undefined> {
  const words = wordsOf(text).slice(0, MAX_WORDS);
  let lookups = 0;
  const search = (run: string[], field: 'title' | 'author') => {
    lookups++;
    return catalog.search({ text: run.join(' '), field, limit: 20, ...filters });
  };
  const mention = (kind: CatalogMention['kind'], run: string[], hits: CatalogHit[]): CatalogMention => ({ kind, phrase: run.join(' '), hits });
  // The fullest part of a title named wins: "prisoner of azkaban" over "harry potter".
  let partial: CatalogMention | undefined;
  const keepPart = (run: string[], hits: CatalogHit[], minPartialWords?: number) => {
    if (partial && run.length <= partial.phrase.split(' ').length) return;
    const parts = hits.filter(({ record }) => titleNamed(run, record.title, minPartialWords) === 'part');
    if (parts.length > 0) partial = mention('title', run, parts);
  };
  const wholeTitles = (run: string[], hits: CatalogHit[]) => hits.filter(({ record }) => titleNamed(run, record.title) === 'whole');

  // Capitals first: in a message written with them, "picked Educated by Tara Westover" names its title and
  // author wherever they sit, however long the story around them. A capitalised part of a title ("Harry
  // Potter" in a Spanish title) is kept in case nothing names more.
  for (const run of capitalisedRuns(text).slice(0, MAX_CAPITALISED_RUNS)) {
    const titles = (await search(run, 'title')).hits;
    const whole = wholeTitles(run, titles);
    if (whole.length > 0) return mention('title', run, whole);
    if (run.length >= 2) keepPart(run, titles, 2);
    const byThem = (await search(run, 'author')).hits.filter(({ record }) =>
      record.authors.some((author) => (run.length === 1 ? surnameIs(author, run[0]!) : authorNamed(run, author))),
    );
    if (byThem.length > 0) return mention('author', run, byThem);
  }
  for (const run of runs(words, MAX_TITLE_WORDS, 1)) {
    if (lookups >= MAX_LOOKUPS) return partial;
    // A one-word title ("Dune", "Becoming") only when the run is most of what was said, a word for a kind
    // of book or an availability question stands beside it, or the message points back at a book.
    if (run.length === 1 && words.length > 4 && !options.singleWords && !namedAsItem(words, words.indexOf(run[0]!))) continue;
    const titles = (await search(run, 'title')).hits;
    const whole = wholeTitles(run, titles);
    if (whole.length > 0) return mention('title', run, whole);
    keepPart(run, titles);
  }
  if (partial) return partial;
  for (const run of runs(words, MAX_AUTHOR_WORDS, 2)) {
    if (lookups >= MAX_LOOKUPS) return undefined;
    const byThem = (await search(run, 'author')).hits.filter(({ record }) => record.authors.some((author) => authorNamed(run, author)));
    if (byThem.length > 0) return mention('author', run, byThem);
  }
  // A surname alone ("… algorithms cormen for my class"), last: long enough not to be an everyday word.
  for (const word of words) {
    if (word.length < MIN_SURNAME_LETTERS || EDGE_WORDS.has(word)) continue;
    if (lookups >= MAX_LOOKUPS) return undefined;
    const byThem = (await search([word], 'author')).hits.filter(({ record }) => record.authors.some((author) => surnameIs(author, word)));
    if (byThem.length > 0) return mention('author', [word], byThem);
  }
  // Last, two words of a longer title in a row, as patrons shorten one ("the hungry caterpillar book").
  for (const run of runs(words, 2, 2)) {
    if (lookups >= MAX_LOOKUPS) return undefined;
    // "the crawdads one": an article and one word only when the word is long enough to be rare.
    const named = withoutArticle(run);
    if (!named.includes(' ') && named.length < 7) continue;
    const parts = (await search(run, 'title')).hits.filter(({ record }) => titleNamed(run, record.title, 2) === 'part');
    if (parts.length > 0) return mention('title', run, parts);
  }
  return undefined;
}
