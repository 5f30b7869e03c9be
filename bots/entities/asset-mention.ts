import Fuse from 'fuse.js';
import { normalizeAssetTag, type Asset, type AssetKind } from '../../core/assets.js';
import { foldText } from '../text/normalize.js';

/** What a patron said about a device: "PC-07", "computer 12", "the printer on the second floor". */
export interface AssetMention {
  /** A tag as written, normalised: "PC-07". */
  tag?: string;
  kind?: AssetKind;
  /** The number after a kind word: "computer 12" → 12. */
  number?: number;
  floor?: number;
  /** "won't print from pc 20": the computer a job was sent from, which says where the printer stands. */
  sentFrom?: number;
  /** The number was read apart from the kind word ("the printer upstairs … 2"): a guess, dropped when no such device exists. */
  numberApart?: boolean;
}

const KIND_WORDS: [RegExp, AssetKind][] = [
  [/\b(pcs?|computers?|computadoras?|compus?|comps?|ordenador|workstations?|terminals?|desktops?|monitor|keyboard|mouse)\b/, 'pc'],
  [/\b(printers?|impresoras?|print job|printing)\b/, 'printer'],
  [/\b(?:machine|maquina) (?:for|to|de|para) (?:copy|copies|copying|copiar|copias)\b|\b(copiers?|copy machines?|photocopy machines?|copying machines?|photocopiers?|copiadora?s?|fotocopiadora?s?|copiadores|fotocopiadores)\b/, 'copier'],
  [/\b(scanners?|escaner|escaneres|escaneador|escaneadora)\b/, 'scanner'],
  [/\b(wi-?fi|wireless|internet)\b/, 'wifi'],
];

const ORDINAL_FLOORS: Record<string, number> = {
  first: 1, '1st': 1, ground: 1, main: 1, primer: 1, primero: 1,
  second: 2, '2nd': 2, segundo: 2,
  third: 3, '3rd': 3, tercer: 3, tercero: 3,
  fourth: 4, '4th': 4, cuarto: 4,
};

/**
 * The words patrons use for a kind, by kind; the first one is how we say it back. "station 24" is a PC
 * only with its number: a "print station" is a place.
 */
const KIND_NUMBER = /\b(pc|computer|computadora|compu|comp|station|terminal|printer|impresora|copier|scanner)\s*(?:#|no\.?|number|numero)?\s*0*(\d{1,3})\b(?![\s-]*(?:times?|x\b|copies|pages?|sheets?|veces|copias|paginas?|hojas?|mins?|minutes?|minutos|dollars?|cents?))/;
/** "from pc 20", "on computer 5": a computer named as where a print or scan job came from. */
const SENT_FROM_PC = /\b(?:from|on|at|using|off)\s+(?:the\s+|my\s+)?(?:pc|computer|computadora|compu)\s*(?:#|no\.?|number|numero)?\s*0*(\d{1,3})\b/;
/** "number 7", "#7" with no kind word: read beside the device the conversation was about. */
const BARE_NUMBER = /(?:\bnumber|\bnumero|#|\bno\.)\s*0*(\d{1,2})(?![\d-])/;
/** "moved to 6", "switched over to 14": the patron went to another device of the kind, by its number. */
const MOVED_TO_NUMBER = /\b(?:moved|moving|switched|switching|went|changed|swapped|me cambie|me pase|cambie|pase)\s+(?:over\s+)?(?:to|on|a|al)\s+(?:the\s+|la\s+|el\s+)?(?:number\s+|numero\s+|#\s*)?0*(\d{1,2})\b(?![\s-]*(?:mins?|minutes?|minutos|hours?|horas?|pm|am|o clock))/;
/** The only number in a short message, not an amount, a length or an error code ("it took $2", "20 min", "E-14"). */
const LONE_NUMBER = /^\D*(?<![$£€]|[a-z]-|\b(?:error|code|err|codigo|page|pages|pagina|paginas|step|version|tray|bandeja|drawer)\s{0,3})\b(\d{1,2})\b(?![\s-]*(?:dollars?|cents?|bucks|pages?|paginas?|hojas?|sheets?|copies|copias|mins?|minutes?|minutos|hours?|hrs?|horas?|times?|veces|vez|%|¢|am\b|pm\b|o ?clock|de la (?:manana|tarde|noche)))\D*$/;
const LONE_NUMBER_MAX_WORDS = 8;
/** "la 23 de Maple no prende": Spanish leaves the noun out, and "la" is a computadora, impresora or copiadora. */
const SPANISH_THE_NUMBER = /\bla\s+(?:numero\s+|#\s*)?0*(\d{1,2})\b(?![\s-]*(?:de la (?:manana|tarde|noche)|horas?|minutos|dolares|paginas?|copias|hojas))/;
/** "computer twelve", "la computadora tres": numbers spelled out after a kind word. */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  'twenty one': 21, 'twenty two': 22, 'twenty three': 23, 'twenty four': 24, 'twenty five': 25, twenty: 20,
  uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
};
/** "the one in the kids room, number eleven": a number spelled out after "number". */
const SPELLED_AFTER_NUMBER = new RegExp(`\\b(number|numero)\\s+(${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
// Longest first, so "twenty five" is read before "twenty"; a hyphen ("twenty-five") reads as a space.
const SPELLED_NUMBER = new RegExp(`\\b(pc|computer|computadora|compu|comp|station|terminal|printer|impresora|copier|scanner)(\\s*(?:#|number|numero)?\\s*)(${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})\\b`);
/** The kind words a device's own name word is said beside ("colour printer", "impresora a color"). */
const KIND_NOUNS = 'printers?|impresoras?|copiers?|copiadora?s?|copiadores|scanners?|escaner|computers?|computadoras?|pcs?';
/** Words of a device's name that say nothing about which one it is. */
const GENERIC_NAME_WORDS = new Set(['public', 'computer', 'printer', 'copier', 'scanner', 'service']);
/** Words of a location that say nothing about which device it is. */
const GENERIC_PLACE_WORDS = new Set(['floor', 'area', 'next', 'behind', 'front', 'room', 'whole', 'building', 'center', 'centre', 'computer', 'public', 'adult', 'service', 'desk']);
const KIND_OF_WORD: Record<string, AssetKind> = {
  pc: 'pc', computer: 'pc', computadora: 'pc', compu: 'pc', comp: 'pc', station: 'pc', terminal: 'pc', printer: 'printer', impresora: 'printer', copier: 'copier', scanner: 'scanner',
};

/** "computer 3 is fine now, but computer 7 froze": a device said to work is not the one reported. */
/** "the copier works fine", "el escáner ya funciona"; not "works for 5 minutes then drops", "works but slowly". */
const SAID_TO_WORK = /^\s*(?:is |are |'s |ya )?(?:(?:fine|ok|okay|good|back up|esta bien)\b|(?:working|works|funciona)\b(?!\s+(?:for (?:a |about |like )?(?:\d+|a few|a couple|some|one|two|five|ten)|until|til|then|but|at first|un rato|por un|unos|hasta|pero)\b))/;

const KIND_NUMBER_ALL = new RegExp(KIND_NUMBER.source, 'g');

/**
 * The first match of a global `pattern` (a tag, "computer 7") not said to work. When all are, a tag is
 * none (a "computer 12" said beside it may be the one), and a "kind number" is the first one.
 */
/** Tag prefixes that are everyday verbs too. */
const VERB_PREFIXES = new Set(['copy', 'scan', 'print']);

function notSaidToWork(folded: string, pattern: RegExp, whenAllWork: 'none' | 'first'): RegExpExecArray | null {
  const all = [...folded.matchAll(pattern)];
  const broken = all.find((match) => !SAID_TO_WORK.test(folded.slice(match.index + match[0].length)));
  return (broken ?? (whenAllWork === 'first' ? all[0] : undefined) ?? null) as RegExpExecArray | null;
}

function floorOf(folded: string): number | undefined {
  // "the b&w printer on 2": a floor said as a bare number after the device.
  const onNumber = /\b(?:printers?|copiers?|scanners?|computers?|pcs?)\s+on\s+(\d)\b(?![\s-]*(?:times?|copies|pages?|minutes?|mins?))/.exec(folded);
  if (onNumber) return Number(onNumber[1]);
  const ordinal = /\b(first|1st|ground|main|second|2nd|third|3rd|fourth|4th)\s+(?:floor|level)\b|\b(?:piso|planta)\s+(primer|primero|segundo|tercer|tercero|cuarto)\b|\b(primer|segundo|tercer|cuarto)\s+(?:piso|planta)\b/.exec(folded);
  if (ordinal) return ORDINAL_FLOORS[(ordinal[1] ?? ordinal[2] ?? ordinal[3])!];
  const numbered = /\bfloor\s+(\d)\b/.exec(folded);
  if (numbered) return Number(numbered[1]);
  if (/\bupstairs\b/.test(folded)) return 2;
  if (/\bdownstairs\b/.test(folded)) return 1;
  return undefined;
}

/**
 * Reads a device mention from free text. Tags are recognised by the prefixes the library actually uses
 * (`tagPrefixes`, from AssetPort.list()), so "PS3545" or "ESL 101" never pass for a device.
 */
/** Every kind of device a message names, in the order named: "Wi-Fi … the scanner upstairs" → wifi, scanner. */
export function kindsNamed(text: string): AssetKind[] {
  return kindsIn(foldText(text));
}

function kindsIn(folded: string, skipWorking = false): AssetKind[] {
  return KIND_WORDS.map(([pattern, kind]) => {
    const found = pattern.exec(folded);
    const works = skipWorking && found !== null && SAID_TO_WORK.test(folded.slice(found.index + found[0].length));
    return { kind, at: found && !works ? found.index : -1 };
  })
    .filter((found) => found.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((found) => found.kind);
}

export function parseAssetMention(text: string, tagPrefixes: Iterable<string>, options: { loneNumber?: boolean } = {}): AssetMention {
  const folded = foldText(text).replace(SPELLED_AFTER_NUMBER, (_all, word: string, number: string) => `${word} ${NUMBER_WORDS[number]}`);
  const mention: AssetMention = {};
  const prefixes = [...new Set([...tagPrefixes].map((prefix) => prefix.toLowerCase()))];
  if (prefixes.length > 0) {
    // A prefix that is also a verb ("copy 20 permission slips", "scan 3 pages") is a tag only when the
    // number is joined to it ("copy-02", "COPY02", "copy #2").
    const words = prefixes.filter((prefix) => VERB_PREFIXES.has(prefix));
    const others = prefixes.filter((prefix) => !VERB_PREFIXES.has(prefix));
    const tagPattern = new RegExp(
      [...(others.length > 0 ? [`\\b(${others.join('|')})[\\s\\-_#]*(\\d{1,4})\\b`] : []), ...(words.length > 0 ? [`\\b(${words.join('|')})(?:[\\-_#]\\s*|)(\\d{1,4})\\b`] : [])].join('|'),
      'g',
    );
    const tag = notSaidToWork(folded, tagPattern, 'none');
    if (tag) mention.tag = normalizeAssetTag(`${tag[1] ?? tag[3]}-${tag[2] ?? tag[4]}`);
  }
  const numbered = notSaidToWork(folded.replace(/\btwenty-/g, 'twenty ').replace(SPELLED_NUMBER, (_all, kind: string, gap: string, word: string) => `${kind}${gap || ' '}${NUMBER_WORDS[word]}`), KIND_NUMBER_ALL, 'first');
  if (numbered) {
    mention.kind = KIND_OF_WORD[numbered[1]!];
    mention.number = Number(numbered[2]);
  }
  // "the printer won't take my job from pc 20": the printer is the device; the computer says where it is.
  const sentFrom = SENT_FROM_PC.exec(folded);
  const otherKinds = sentFrom ? kindsIn(folded).filter((kind) => kind === 'printer' || kind === 'scanner' || kind === 'copier') : [];
  if (sentFrom && otherKinds.length === 1 && (mention.kind === 'pc' || mention.tag?.startsWith('PC-'))) {
    mention.kind = otherKinds[0]!;
    mention.sentFrom = Number(sentFrom[1]);
    delete mention.number;
    if (mention.tag && tagNumber(mention.tag) === mention.sentFrom) delete mention.tag;
  }
  if (!mention.kind) {
    // The kind named first is the device: "the printer upstairs by the computers" is a printer; one said
    // to work is not ("the copier works fine but the scanner beeps").
    const [first] = kindsIn(folded, true);
    if (first) mention.kind = first;
    // "the computer in the kids room, number 9", "the computer by the window (21 i think)": the number
    // said apart from the kind word, or the only number of the message.
    const apart = mention.kind && !mention.tag ? BARE_NUMBER.exec(folded) ?? LONE_NUMBER.exec(folded) : null;
    if (apart) {
      mention.number = Number(apart[1]);
      mention.numberApart = true;
    }
  }
  if (!mention.kind && !mention.tag) {
    // `loneNumber`: right after a device was reported, "and 4 is stuck too" names another one by number.
    const bare = BARE_NUMBER.exec(folded) ?? SPANISH_THE_NUMBER.exec(folded) ?? (options.loneNumber ? MOVED_TO_NUMBER.exec(folded) : null) ?? (options.loneNumber && folded.split(/\s+/).length <= LONE_NUMBER_MAX_WORDS ? LONE_NUMBER.exec(folded) : null);
    if (bare) mention.number = Number(bare[1]);
  }
  const floor = floorOf(folded);
  if (floor !== undefined) mention.floor = floor;
  return mention;
}

/**
 * fuse.js indexes for ranking candidates by description, one per distinct candidate list. Building an
 * index on every clarification cost about a millisecond; the same few lists (a branch's printers, its
 * PCs) come back again and again. The key is the listed names and locations in order, which is all
 * the index reads, so an edited device gets a fresh index and a caller's fresh copies of unchanged
 * devices reuse the old one. Oldest entries are dropped past the limit.
 */
const RANK_INDEX_LIMIT = 32;
const RANK_KEYS: (keyof Asset)[] = ['name', 'location'];
const rankIndexes = new Map<string, Fuse<Asset>>();

function rankIndexFor(candidates: Asset[]): Fuse<Asset> {
  const key = candidates.map((asset) => `${asset.name}\u0001${asset.location}`).join('\u0002');
  const cached = rankIndexes.get(key);
  if (cached) return cached;
  if (rankIndexes.size >= RANK_INDEX_LIMIT) rankIndexes.delete(rankIndexes.keys().next().value!);
  const fuse = new Fuse(candidates, { keys: RANK_KEYS, includeScore: true, ignoreLocation: true, threshold: 0.45 });
  rankIndexes.set(key, fuse);
  return fuse;
}

/**
 * Spellings and Spanish words for the words device names and locations are written in (English), so
 * "el escáner del centro de copias" finds the one in the "Print & copy center".
 */
const SAME_WORD: Record<string, string> = {
  color: 'colour', colors: 'colour', colours: 'colour', colores: 'colour', copias: 'copy', copia: 'copy', fotocopias: 'copy', impresion: 'print', impresiones: 'print',
  historia: 'history', autoservicio: 'self', ventanas: 'windows', ventana: 'windows', ninos: 'children', infantil: 'children',
};

function foldSpelling(word: string): string {
  return SAME_WORD[word] ?? word;
}

function nameWords(name: string): string[] {
  return foldText(name)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4 && !GENERIC_NAME_WORDS.has(word))
    .map(foldSpelling);
}

function placeWords(location: string): string[] {
  return foldText(location)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4 && !GENERIC_PLACE_WORDS.has(word));
}

/** "b&w", "b/w", "blanco y negro": black and white, as the device's name says it. */
const BLACK_AND_WHITE = /\bb\s*[&/]\s*w\b|\b(?:en |a )?blanco y negro\b|\bbyn\b|\bb\s*\/\s*n\b/g;

function messageWords(text: string): Set<string> {
  return new Set(foldText(text).replace(BLACK_AND_WHITE, 'black white').split(/[^a-z0-9]+/).map(foldSpelling));
}

function tagNumber(tag: string): number | undefined {
  const match = /(\d+)$/.exec(tag);
  return match ? Number(match[1]) : undefined;
}

export interface AssetResolution {
  /** Exactly one device fits. */
  asset?: Asset;
  /** Several devices fit: ask which, most likely first. */
  candidates: Asset[];
  /** A tag was named that no device has. */
  unknownTag?: string;
}

/**
 * Narrows the library's devices down to the one the patron means. Free words ("near the front
 * entrance", "by the windows") rank the remaining candidates with fuse.js over name and location.
 */
export function resolveAsset(mention: AssetMention, assets: Asset[], text: string, branchId?: string): AssetResolution {
  if (mention.tag) {
    const exact = assets.find((asset) => asset.tag.toUpperCase() === mention.tag);
    return exact ? { asset: exact, candidates: [exact] } : { candidates: [], unknownTag: mention.tag };
  }
  let candidates = assets;
  if (branchId) candidates = candidates.filter((asset) => asset.branchId === branchId);
  if (mention.kind) candidates = candidates.filter((asset) => asset.kind === mention.kind);
  // "the copier downstairs", with no branch named: a branch that has stairs.
  if (!branchId && /\b(?:upstairs|downstairs|arriba|abajo)\b/.test(foldText(text))) {
    const floorsAt = (branch: string): number => new Set(assets.filter((asset) => asset.branchId === branch && asset.floor !== undefined).map((asset) => asset.floor)).size;
    const withStairs = candidates.filter((asset) => floorsAt(asset.branchId) > 1);
    if (withStairs.length > 0) candidates = withStairs;
  }
  // The printer near the computer the job came from: that computer's branch, and its floor when that decides.
  const sender = mention.sentFrom === undefined ? undefined : assets.find((asset) => asset.kind === 'pc' && tagNumber(asset.tag) === mention.sentFrom && (!branchId || asset.branchId === branchId));
  if (sender) {
    candidates = candidates.filter((asset) => asset.branchId === sender.branchId);
    const sameFloor = candidates.filter((asset) => asset.floor === sender.floor);
    if (sameFloor.length === 1) candidates = sameFloor;
  }
  // "the colour printer", "RiversidePL-Public": a word of the device's own name picks it out.
  let named = candidates.filter((asset) => nameWords(asset.name).some((word) => messageWords(text).has(word)));
  // "the color printer printed in black and white": the word said with the kind word names the device.
  if (named.length > 1) {
    const spelled = foldText(text).split(/[^a-z0-9]+/).map(foldSpelling).join(' ');
    const saidWithKind = named.filter((asset) => nameWords(asset.name).some((word) => new RegExp(`\\b${word} (?:${KIND_NOUNS})\\b|\\b(?:${KIND_NOUNS}) (?:a |de |en )?${word}\\b`).test(spelled)));
    if (saidWithKind.length > 0) named = saidWithKind;
  }
  if (named.length > 0 && named.length < candidates.length) {
    candidates = named;
    mention = { ...mention, kind: mention.kind ?? (new Set(named.map((asset) => asset.kind)).size === 1 ? named[0]!.kind : undefined) };
  }
  // "the scanner in the local history room": a word of one device's location picks it out.
  // With no kind named ("the one in the local history room"), only when no other device stands there.
  // A floor said outright wins over a word shared with a location ("the 2nd floor printer … my print job").
  const placed = candidates.filter((asset) => placeWords(asset.location).some((word) => messageWords(text).has(word)) && (mention.floor === undefined || asset.floor === mention.floor));
  const placedAlone = !mention.kind && placed.length === 1;
  if ((mention.kind || placedAlone) && placed.length === 1 && candidates.length > 1) candidates = placed;
  if (mention.number !== undefined) {
    const numbered = candidates.filter((asset) => tagNumber(asset.tag) === mention.number);
    if (numbered.length > 0) candidates = numbered;
    else if (mention.numberApart) mention = { ...mention, number: undefined };
    else if (!mention.kind) return { candidates: [] };
    else return { candidates: [], unknownTag: `${mention.kind.toUpperCase()}-${String(mention.number).padStart(2, '0')}` };
  }
  if (mention.floor !== undefined) {
    const onFloor = candidates.filter((asset) => asset.floor === mention.floor);
    if (onFloor.length > 0) candidates = onFloor;
  }
  if (candidates.length > 1 && mention.kind) {
    const words = foldText(text).split(/[^a-z0-9]+/).filter((word) => word.length > 3).join(' ');
    const ranked = words ? rankIndexFor(candidates).search({ $or: words.split(' ').map((word) => ({ location: word })) }) : [];
    if (ranked.length > 0) {
      // By position: a cached index may hold an earlier copy of the same devices; answer with this call's.
      const current = candidates;
      const best = new Set(ranked.map((hit) => hit.refIndex));
      candidates = [...ranked.map((hit) => current[hit.refIndex]!), ...current.filter((_, index) => !best.has(index))];
    }
  }
  if (candidates.length === 1 && (mention.kind || placedAlone || mention.floor !== undefined || mention.number !== undefined)) return { asset: candidates[0]!, candidates };
  return { candidates: mention.kind ? candidates : [] };
}
