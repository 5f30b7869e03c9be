import { stem, terms } from '../../knowledge/text-terms.js';

/** Longer than this, a message says enough to be searched on its own. */
const FOLLOW_UP_MAX_TOKENS = 8;
/** "and …", "y …", "what about …": a message that leans on the one before. */
const LEANS_ON_LAST = /^(?:and|y|e|also|plus|tambien|what about|how about|so|but|pero|then|ok and|ok so|and also)\b/;
/** "how much is it", "¿cuánto cuesta?", "for how long": a question whose topic is left unsaid. */
const TOPIC_UNSAID = /^(?:how much|how long|for how long|how many|how often|is it free|is that free|is there (?:a|an|any) (?:fee|charge|cost|limit|max|maximum|wait|waiting list|age limit)|do i need|do you need|what do i (?:need|bring)|where do i|when can i|when is it|can i (?:take|keep|bring|get)|how do(?:es)? (?:i|she|he|we|they|you) (?:sign up|join|apply|register|get)|cuanto|cuantos|cuantas|por cuanto tiempo|es gratis|se paga|hay (?:limite|cargo|costo)|necesito|donde)\b/;
/**
 * Search terms that ask about an aspect of whatever service was just answered (its price, its length, an
 * appointment), not about a service of their own. Stemmed the way the knowledge search stems them.
 */
const ASPECT_TERMS = new Set(
  (
    'cost costs price fee fees free charge pay paid long often time times day days week weeks minute minutes hour ' +
    'appointment book sign signup register bring age old first next ok lol ' +
    'take keep limit limits max maximum once new replace replacement need join apply qualify eligible check checkout borrow another ' +
    'morning afternoon evening tonight today tomorrow weekend monday tuesday wednesday thursday friday saturday sunday eastside main downtown branch ' +
    'cuesta cuestan cuanto cuantos cuantas cobran cobra precio gratis pagar tiempo dias semanas cita llevar edad sacar otra otro nueva nuevo reponer sale salen vale valen'
  )
    .split(' ')
    .map(stem),
);

/**
 * "¿y cuánto cuesta?" right after the notary answer asks what the notary costs, not what printing costs:
 * a short follow-up that names no topic of its own (only an aspect: cost, length, an appointment) is
 * answered from the article just given. One that names a topic ("¿y se puede imprimir?", "also forgot my
 * pin") is searched as usual.
 */
export function staysOnLastArticle(tokens: string[], text: string): boolean {
  if (tokens.length === 0 || tokens.length > FOLLOW_UP_MAX_TOKENS) return false;
  const words = tokens.join(' ');
  if (!LEANS_ON_LAST.test(words) && !TOPIC_UNSAID.test(words)) return false;
  return terms(text).every((term) => ASPECT_TERMS.has(term));
}
