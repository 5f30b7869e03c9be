/**
 * Turns text into search terms, identically for articles and for patron questions: lower case, accents
 * removed, common words dropped, light suffix stripping so "renewals", "renewing" and "renew" meet.
 */

// Words that say nothing about the topic of a question, in English and Spanish (accents already removed).
const STOPWORDS = new Set(
  (
    'a an the i me my mine we us our you your yours he she it its they them their is are was were be been being am ' +
    'do does did done can could would should will shall may might must have has had having to of in on at for from by ' +
    'with about as into onto out up off over this that these those there here what which who whom whose when where why ' +
    'how much many any some if or and but so just get got getting please pls plz thanks thank thx hi hello hey im ive id ' +
    'dont doesnt cant wont isnt u ur want wanted need needs like know tell anyone someone something anything also too ' +
    'very really still yet again then than ok okay yes no not one use using used ' +
    'el la los las un una unos unas de del al y o u que en por para con sin se su sus mi mis me te tu tus es son ' +
    'esta estan este estos estas eso esa ese hay como cuando donde cual cuales quien puedo puede pueden podria quiero ' +
    'necesito hola gracias lo le les ya muy mas pero si tengo tiene tienen hacer usted ustedes nos'
  ).split(' '),
);

// Spelling variants patrons use for the same thing.
const SYNONYMS: Record<string, string> = {
  colour: 'color',
  coloured: 'color',
  colored: 'color',
  photocopy: 'copy',
  photocopies: 'copy',
  photocopier: 'copier',
  xerox: 'copy',
  wireless: 'wifi',
  pw: 'password',
  passcode: 'pin',
  bathroom: 'restroom',
  bathrooms: 'restroom',
  toilet: 'restroom',
  toilets: 'restroom',
  pc: 'computer',
  pcs: 'computer',
  kid: 'child',
  kids: 'child',
  children: 'child',
  childrens: 'child',
};

/** Strips common English and Spanish endings. Crude, but applied to both sides, so both sides agree. */
export function stem(input: string): string {
  let word = input;
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (/(ch|sh|x|ss|z)es$/.test(word)) word = word.slice(0, -2);
  else if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
  for (const suffix of ['ing', 'ed', 'er', 'al']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) {
      // "scanning" and "scanner" both come back to "scan".
      word = word.slice(0, -suffix.length).replace(/([bcdfgkmnprtvz])\1$/, '$1');
      break;
    }
  }
  // A final "e" comes and goes with endings ("fine", "fines"; "renovacion", "renovaciones").
  if (word.length >= 4 && word.endsWith('e')) word = word.slice(0, -1);
  return word;
}

export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // "wi-fi", "e-book" and "e-mail" are one word to patrons.
      .replace(/\b(wi)-(fi)\b/g, '$1$2')
      .replace(/\be-(book|books|mail|reader|readers|card)\b/g, 'e$1')
      // A collection, not printing: "large print" must not answer "how do I print?".
      .replace(/\blarge[\s-]+print\b/g, 'largeprint')
      .replace(/['’]/g, '')
  );
}

/** Content terms of a text, in order, with repeats. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalizeText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOPWORDS.has(raw)) continue;
    const word = SYNONYMS[raw] ?? raw;
    out.push(stem(word));
  }
  return out;
}
