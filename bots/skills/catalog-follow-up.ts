import { foldToWords } from '../text/normalize.js';
import { seriesNumberAsked } from './catalog-description.js';

/** Words that point back at the book just shown: "is IT at main", "is there a COPY in spanish", "¿LO tienen en audiolibro?". */
const POINTS_BACK = /\b(?:it|one|copy|copies|version|edition|that|this|them|lo|la|los|las|uno|una|copia|ejemplar|version)\b|^(?:(?:ok|so|and|y|also)\s+)*(?:what about|how about|and|y|also|tambien)\b/;
/** The format a follow-up asks for, in the words the catalog query understands; audio first ("libby audiobook"). */
const FORMATS: Array<[RegExp, string]> = [
  [/\baudio(?:\s*books?)?\b|\baudiolibros?\b/, 'as an audiobook'],
  [/\be-?books?\b|\blibros? electronicos?\b|\bkindle\b|\blibby\b/, 'as an ebook'],
  [/\blarge print\b|\bletra grande\b/, 'in large print'],
  [/\bdvds?\b|\bblu-?rays?\b|\bmovie\b|\bpelicula\b/, 'on dvd'],
];
const LANGUAGE = /\b(?:spanish|english|espanol|ingles|french|frances|chinese|chino|vietnamese|arabic|arabe|korean|russian)\b/;
const BRANCH_OR_SHELF = /\b(?:at|in|en)\s+(?:the\s+)?(?:main|eastside|east side|downtown|central|maple|la principal|el centro|the other (?:branch|library)|your other branch)\b|\b(?:available|on the shelf|checked (?:in|out)|disponible|in stock)\b/;
/** A new request, not a follow-up: "do you have dune", "books by king". */
/** Something done with the book rather than asked of it: a hold, a loan from elsewhere, how a service works. */
const ACTION = /\b(?:hold|holds|reserve|reservar|reservalo|apartar|apartalo|waiting list|wait list|the list|another library|other library|interlibrary|renew|renovar|how does|how do i|how can i|work with)\b/;
const NEW_REQUEST = /\b(?:by|called|titled|named|(?<!what |how )about|sobre|de la autora|del autor)\b/;
const MAX_WORDS = 18;

/**
 * Right after a catalog answer, a short message that asks for the book just shown in another format,
 * language or branch ("what about the audiobook?", "is there a copy in spanish?", "is it at main?"):
 * the query to search, the title shown plus what the message asks of it. Undefined for anything else.
 */
export function catalogFollowUpQuery(text: string, lastTitle: string): string | undefined {
  const folded = foldToWords(text);
  if (folded.split(' ').length > MAX_WORDS || NEW_REQUEST.test(folded) || ACTION.test(folded) || !POINTS_BACK.test(folded)) return undefined;
  const format = FORMATS.find(([pattern]) => pattern.test(folded))?.[1];
  const language = LANGUAGE.exec(folded)?.[0];
  const where = BRANCH_OR_SHELF.exec(folded)?.[0];
  if (!format && !language && !where) return undefined;
  return [lastTitle, format ?? '', language ? `in ${language}` : '', where ?? ''].filter((part) => part.length > 0).join(' ');
}

/** "and the third one?", "¿y el tercero?", "what about book 2": leaning on the book shown, with a number. */
const LEANS_ON_IT = /^(?:(?:ok|so|and|y|also|tambien|what about|how about|que tal)\s+)+|\b(?:one|uno|una|book|libro|volume|tomo|part|parte)\b/;
const SERIES_FOLLOW_UP_MAX_WORDS = 10;
/** "thanks, the first one is fine": a choice made, nothing more asked. */
const SETTLED = /\b(?:thanks|thank|thx|fine|great|perfect|gracias|perfecto|vale)\b/;

/**
 * Right after a catalog answer, a short message asking for another number of the series shown ("and the
 * third one?", "¿y el tercero, el del prisionero?"): the query for it, the series' name and the number
 * ("Harry Potter 3"), which the catalog skill reads as the third of the series. Undefined otherwise.
 */
export function seriesFollowUpQuery(text: string, lastTitle: string): string | undefined {
  const folded = foldToWords(text);
  if (folded.split(' ').length > SERIES_FOLLOW_UP_MAX_WORDS || NEW_REQUEST.test(folded) || ACTION.test(folded) || SETTLED.test(folded) || !LEANS_ON_IT.test(folded)) return undefined;
  const number = seriesNumberAsked(text);
  if (number === undefined) return undefined;
  // "Harry Potter and the Sorcerer's Stone" → "Harry Potter": the words before the title's own part.
  const series = lastTitle.split(/\s+(?:and|y)\s+(?:the|el|la|los|las)\s+|\s*[:;]\s*/i)[0]!.trim();
  return series.length > 0 && series !== lastTitle ? `${series} ${number}` : undefined;
}

