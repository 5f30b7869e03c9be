import { foldText } from '../text/normalize.js';

/**
 * Messages that need a person and an emergency number now, before anything else: self-harm, a missing
 * child, a threat or violence in the building, a medical emergency, fire. Patterns, not a model: a
 * missed crisis costs too much to leave to a score, and every pattern can be read and tested.
 * Book titles must not trip them ("Goblet of Fire", "A Time to Kill", "To Kill a Mockingbird").
 */
export type SafetyKind = 'self-harm' | 'missing-child' | 'threat' | 'medical' | 'fire';

const CHILD = "(?:child|children|kid|kids|son|daughter|boy|girl|toddler|baby|little one|grandson|granddaughter|nephew|niece|\\d{1,2}\\s*(?:yo|y o|year old|yr old|years old))";
const SPANISH_CHILD = '(?:hijo|hija|nino|nina|nieto|nieta|bebe|hijos|ninos)';

const PATTERNS: Array<[SafetyKind, RegExp]> = [
  ['self-harm', new RegExp([
    "\\b(?:want|going|gonna|plan|planning|thinking about|think about|need) (?:to )?(?:die|kill myself|end (?:it|my life|it all))\\b",
    "\\bkill(?:ing)? myself\\b", "\\bend(?:ing)? (?:my life|it all)\\b", "\\bsuicid", "\\bhurt(?:ing)? myself\\b", "\\bcut(?:ting)? myself\\b",
    "\\b(?:do not|dont|don t) want to (?:be alive|live|exist|be here) any ?more\\b", "\\b(?:do not|dont|don t) want to (?:be alive|live)\\b",
    "\\bno reason to live\\b", "\\bbetter off dead\\b", "\\bwish i (?:was|were) dead\\b", "\\bwant to disappear forever\\b",
    "\\b(?:me )?quiero morir\\b", "\\bquiero matarme\\b", "\\bmatarme\\b", "\\bno quiero vivir\\b", "\\bhacerme dano\\b", "\\bquitarme la vida\\b",
  ].join('|'))],
  ['missing-child', new RegExp([
    `\\b(?:my|our) (?:little |\\d{1,2} ?(?:year|yr) old )?${CHILD}\\b.{0,60}\\b(?:missing|lost|gone|disappeared|not answering|isn t answering|isnt answering|is not answering|not picking up|did not come home|didn t come home|didnt come home|never came home|was supposed to be|can t find|cannot find|wandered off)\\b`,
    `\\b(?:can t|cannot|cant|could not|couldn t) find my (?:little )?${CHILD}\\b`, `\\blost my (?:little )?${CHILD}\\b`,
    `\\b(?:a|the) ${CHILD} (?:is|went) missing\\b`, `\\bmissing ${CHILD}\\b`,
    `\\bno encuentro a mi ${SPANISH_CHILD}\\b`, `\\b(?:mi )?${SPANISH_CHILD} (?:esta |se )?(?:perdid[oa]s?|desaparecid[oa]s?|perdio)\\b`, `\\bperdi a mi ${SPANISH_CHILD}\\b`,
  ].join('|'))],
  ['threat', new RegExp([
    '\\b(?:is |keeps |been |being |was )?(?:following|stalking|threatening|attacking|hitting|touching|grabbing|harassing|chasing) me\\b', '\\bbeing (?:followed|attacked|threatened|stalked)\\b',
    '\\bthreat(?:ened|ening)? (?:to|me)\\b', '\\bsomeone is threatening\\b', '\\b(?:attacked|assaulted|grabbed|groped) me\\b', '\\bhelp someone is\\b',
    '\\b(?:with|has|have|got|pulled|holding|carrying) a (?:gun|knife|weapon|blade)\\b', '\\b(?:gun|knife)s? (?:near|at|in) the\\b',
    '\\b(?:shoot|stab|kill|hurt) (?:me|you|us|people|everyone|somebody|someone|him|her|them)\\b', '\\bhe ?(?:ll|will) shoot\\b', '\\bbomb threat\\b', '\\bthere s a bomb\\b',
    '\\bactive shooter\\b', '\\bexposing himself\\b', '\\bme esta (?:amenazando|siguiendo|pegando|tocando)\\b', '\\bme (?:amenaza|sigue un)\\b', '\\b(?:amenazando|amenazo|amenazaron) (?:a|me)\\b', '\\balguien me esta\\b',
    '\\b(?:pistola|cuchillo|arma)\\b',
  ].join('|'))],
  ['medical', new RegExp([
    '\\bnot breathing\\b', '\\bisn t breathing\\b', '\\bcan t breathe\\b', '\\bcollapsed\\b', '\\bunconscious\\b', '\\bpassed out\\b', '\\bseizure\\b',
    '\\bheart attack\\b', '\\boverdos(?:e|ed|ing)\\b', '\\bbleeding (?:a lot|badly|heavily)\\b', '\\bchoking\\b', '\\bcall (?:911|an ambulance)\\b', '\\bambulance\\b',
    '\\bno respira\\b', '\\bse desmayo\\b', '\\bconvulsion', '\\bambulancia\\b',
  ].join('|'))],
  ['fire', new RegExp([
    '\\b(?:a )?fire (?:in|at|on|near|inside|upstairs|downstairs)\\b(?! (?:safety|prevention|fighting))', '\\b(?:is|s|are|caught|set|something) on fire\\b', '\\bsmell(?:s|ing)? (?:of )?smoke\\b', '\\bsmoke (?:coming|in|from|everywhere|is)\\b',
    '\\bsomething (?:is )?burning\\b', '\\bgas leak\\b', '\\bincendio\\b', '\\bhay humo\\b', '\\bhuele a (?:humo|gas)\\b',
  ].join('|'))],
];

/** A message that says only "emergency" (or "this is an emergency") is treated as one. */
const EMERGENCY = /^(?:help )?(?:this is an |it s an |its an |an )?(?:emergency|emergencia)(?: help| please| por favor)?[!. ]*$|\bthis is an emergency\b|\bes una emergencia\b/;

/** "my daughter lost her library card" is about a thing, not a missing child. */
const THINGS = /\b(?:card|cards|book|books|dvd|phone|ipad|tablet|laptop|hold|holds|homework|password|pin|account|backpack|bag|toy|jacket|coat|wallet|glasses|login|headphones|charger|umbrella|tarjeta|libro|libros)\b/;
/** Said outright, a missing child is one whatever else the message names. */
const CHILD_OUTRIGHT = new RegExp(`\\b(?:can t|cannot|cant|could not|couldn t) find my (?:little )?${CHILD}\\b|\\blost my (?:little )?${CHILD}\\b|\\bno encuentro a mi ${SPANISH_CHILD}\\b|\\b(?:isn t|isnt|is not|not) (?:answering|picking up)\\b|\\bwas supposed to be\\b|\\b(?:didn t|did not|didnt|never) (?:come|came) home\\b`);

export function detectSafety(text: string): SafetyKind | undefined {
  const folded = foldText(text).replace(/[’']/g, ' ').replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  for (const [kind, pattern] of PATTERNS) {
    if (!pattern.test(folded)) continue;
    if (kind === 'missing-child' && THINGS.test(folded) && !CHILD_OUTRIGHT.test(folded)) continue;
    return kind;
  }
  if (EMERGENCY.test(folded)) return 'threat';
  return undefined;
}
