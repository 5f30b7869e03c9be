import { foldText } from '../text/normalize.js';

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
  const folded = foldText(text).replace(/[’']/g, ' ').replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (folded.split(' ').length > MAX_WORDS || NEW_REQUEST.test(folded) || ACTION.test(folded) || !POINTS_BACK.test(folded)) return undefined;
  const format = FORMATS.find(([pattern]) => pattern.test(folded))?.[1];
  const language = LANGUAGE.exec(folded)?.[0];
  const where = BRANCH_OR_SHELF.exec(folded)?.[0];
  if (!format && !language && !where) return undefined;
  return [lastTitle, format ?? '', language ? `in ${language}` : '', where ?? ''].filter((part) => part.length > 0).join(' ');
}
