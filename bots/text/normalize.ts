/**
 * One normal form for patron text, so that the classifier, the entity finders and the dialog all read
 * "R u open 2moro??", "Sábado" and "pls renue" the same way: lower case, accents removed, SMS shorthand
 * spelled out, punctuation turned into spaces.
 */

/** Shorthand patrons type on phones, spelled out. Keys are whole tokens. */
const SHORTHAND: Record<string, string> = {
  u: 'you',
  ya: 'you',
  // Irish and Scottish "are ye open".
  ye: 'you',
  yall: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  plss: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  tx: 'thanks',
  ty: 'thank you',
  tysm: 'thank you',
  '2day': 'today',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tomoro: 'tomorrow',
  tomorow: 'tomorrow',
  '2nite': 'tonight',
  tonite: 'tonight',
  wat: 'what',
  wut: 'what',
  whats: 'what is',
  wats: 'what is',
  whr: 'where',
  wheres: 'where is',
  hrs: 'hours',
  ppl: 'people',
  rn: 'now',
  b4: 'before',
  bc: 'because',
  cuz: 'because',
  k: 'ok',
  kk: 'ok',
  okay: 'ok',
  wknd: 'weekend',
  pw: 'password',
  pwd: 'password',
  info: 'information',
  im: 'i am',
  ive: 'i have',
  cant: 'cannot',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  wont: 'will not',
  aint: 'is not',
  youre: 'you are',
  til: 'until',
  till: 'until',
  tho: 'though',
  abt: 'about',
  w: 'with',
  ebook: 'ebook',
  'e-book': 'ebook',
  // Spelled as it sounds ("wen does it open", "how many buks can i hav out rite now").
  buks: 'books',
  buk: 'book',
  bks: 'books',
  wen: 'when',
  hav: 'have',
  chekd: 'checked',
  chekt: 'checked',
  checkd: 'checked',
  rite: 'right',
  littl: 'little',
  libary: 'library',
  libarary: 'library',
  liberry: 'library',
  libray: 'library',
  fone: 'phone',
  numbr: 'number',
  renwe: 'renew',
  renwal: 'renewal',
  compuetr: 'computer',
  computr: 'computer',
  printr: 'printer',
  colur: 'color',
  keybord: 'keyboard',
  werking: 'working',
  // Hawaiian Pidgin and other English spelled as spoken ("get da book wit da caterpillar dat stay hungry?").
  wit: 'with',
  dat: 'that',
  dis: 'this',
  tings: 'things',
  fo: 'for',
  dunate: 'donate',
  reserv: 'reserve',
  skool: 'school',
  shud: 'should',
  wud: 'would',
  cud: 'could',
  kno: 'know',
  wich: 'which',
  wher: 'where',
  nite: 'night',
  thru: 'through',
  frum: 'from',
  becuz: 'because',
  becoz: 'because',
  enuf: 'enough',
  pleez: 'please',
  plis: 'please',
  // Spanish SMS habits, and Spanish spelled as it sounds ("ke papeles ocupo pa aser la tarjeta").
  q: 'que',
  ke: 'que',
  kiero: 'quiero',
  kisiera: 'quisiera',
  aser: 'hacer',
  saver: 'saber',
  bibloteca: 'biblioteca',
  bivlioteca: 'biblioteca',
  yeva: 'lleva',
  sierran: 'cierran',
  xq: 'porque',
  pq: 'porque',
  tb: 'tambien',
  // Taglish: Tagalog particles around an English request ("pwede po ba i-renew yung books ko?") say nothing
  // about it, and the few question words are spelled in English. A message wholly in Tagalog is told apart
  // before this (`isUnsupportedLanguage`).
  po: '',
  opo: '',
  ba: '',
  ng: '',
  mga: '',
  yung: '',
  naman: '',
  lang: '',
  kasi: '',
  nga: '',
  kuya: '',
  ko: '',
  pwede: 'can',
  puwede: 'can',
  saan: 'where',
  magkano: 'how much',
  salamat: 'thanks',
};

/** Lower case and without accents; "Mañana" → "manana". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Folded, with apostrophes and other punctuation as spaces and single spaces between words: the form the
 * small pattern readers match ("what's" → "what s"). `keep` lists punctuation they read ("?").
 */
export function foldToWords(text: string, keep: '' | '?' = ''): string {
  const other = keep ? /[^a-z0-9 ?]+/g : /[^a-z0-9 ]+/g;
  return foldText(text).replace(/[’']/g, ' ').replace(other, ' ').replace(/\s+/g, ' ').trim();
}

/** Splits folded text into word tokens, joining contractions ("won't" → "wont") and "e-mail" forms. */
function rawTokens(folded: string): string[] {
  return folded
    // "i'll" joined would be "ill", which is interlibrary loan; the other "'ll" forms are spelled out alike.
    .replace(/\b(i|you|we|they|he|she|it|that|there|u)[’']ll\b/g, '$1 will')
    .replace(/[’']/g, '')
    .replace(/\be-(mail|book|books)\b/g, 'e$1')
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/** Greetings and thanks typed with their last letter drawn out: "holaa", "graciasss", "hiii", "byeee". */
const DRAWN_OUT = new Set(['hola', 'hi', 'hey', 'hello', 'gracias', 'thanks', 'thx', 'ty', 'bye', 'adios', 'ok', 'okay', 'yes', 'si', 'no', 'please', 'pls', 'plz', 'buenas', 'buenos']);

export function withoutDrawnOutEnd(token: string): string {
  const short = token.replace(/([a-z])\1+$/, '$1');
  return short !== token && DRAWN_OUT.has(short) ? short : token;
}

/** Tokens with shorthand spelled out: "r u open 2moro" → ["are", "you", "open", "tomorrow"]. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of rawTokens(foldText(text))) {
    const token = withoutDrawnOutEnd(raw);
    const expanded = SHORTHAND[token];
    if (expanded === undefined) tokens.push(token);
    else if (expanded !== '') tokens.push(...expanded.split(' '));
  }
  return tokens;
}

/** The normal form as one string: tokens joined by single spaces. */
export function normalizeText(text: string): string {
  return tokenize(text).join(' ');
}
