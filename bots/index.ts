import type { AssetPort } from '../core/assets.js';
import type { Branch, LibraryCalendarWithHelpers } from '../core/calendar.js';
import type { CatalogPort } from '../core/catalog.js';
import type { Clock } from '../core/clock.js';
import type { DialogStore } from '../core/dialog.js';
import type { EventsPort } from '../core/events.js';
import type { Inquiry } from '../core/inquiry.js';
import type { IlsPort, PatronVerificationPort } from '../core/ils.js';
import { maskPatronSecrets } from '../core/patron-secrets.js';
import type { Intent } from '../core/intents.js';
import type { KnowledgePort, Language } from '../core/knowledge.js';
import { silentLogger, type Logger } from '../core/logger.js';
import type { AssistantRouter, RouteContext, RouteResult } from '../core/router.js';
import type { TicketPort } from '../core/tickets.js';
import { branchFactsAsked, factNamed } from './classifier/branch-question.js';
import { createIntentClassifier, type Classification } from './classifier/classify.js';
import { FILLER_WORDS, SMALLTALK_PHRASES } from './classifier/lexicon.js';
import { classifyWithModel, CRISIS_SECOND_TIER, CRISIS_THRESHOLD, crisisProbability, loadArticleModel, loadCrisisModel, loadIntentModel, type CrisisLabel } from './classifier/intent-model.js';
import { predict, type LearnedModel } from './classifier/learned.js';
import { createMessageReader, type MessageReading } from './classifier/read-message.js';
import { namesDangerInOtherLanguage } from './classifier/danger-words.js';
import { detectSafety } from './classifier/safety.js';
import { isNo, isReset, isYes } from './dialog/replies.js';
import { DIALOG_TIMEOUT_MS, EMPTY_STATE, loadDialog, type DialogState, type PendingQuestion } from './dialog/state.js';
import { remember } from './dialog/story.js';
import { parseAssetMention, resolveAsset } from './entities/asset-mention.js';
import { findCardNumber } from './entities/card-number.js';
import { redactPatronText } from './entities/secret.js';
import { branchWords } from './entities/branch-mention.js';
import { detectLanguage, hasEnglishOrSpanishWords, isUnsupportedLanguage } from './language.js';
import { branchInfoSkill } from './skills/branch-info.js';
import { asksWhereItIs, locationSkill } from './skills/catalog-skill.js';
import { authorMatches, extractCatalogQuery } from './skills/catalog.js';
import { locatePlace } from './skills/location.js';
import { findCatalogMention } from './skills/catalog-mentions.js';
import { findDescribedBook } from './skills/catalog-description.js';
import { catalogFollowUpQuery, seriesFollowUpQuery } from './skills/catalog-follow-up.js';
import { isEmojiOnly } from './skills/smalltalk.js';
import { otherLanguageSkill } from './skills/other-language.js';
import { safetySkill } from './skills/safety.js';
import { isPolicyQuestion } from './skills/patron-access.js';
import { messageBody } from './text/message-body.js';
import { questionPart } from './text/question-part.js';
import { deviceWorksAgain, fileEquipmentTicket, saysDeviceWorksAgain, tagPrefixes } from './skills/equipment.js';
import { answerFromArticle, articleTitle } from './skills/faq.js';
import { blendCandidates } from './skills/faq-search.js';
import { staysOnLastArticle } from './skills/faq-follow-up.js';
import { hoursSkill } from './skills/hours.js';
import { openStaffTicket } from './skills/handoff.js';
import { answerIlsFollowUp } from './skills/ils-follow-up.js';
import { runSkill, type SkillExtras } from './skills/registry.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './skills/types.js';
import { TOPIC_LABELS, topicLabel } from './skills/unknown.js';
import { followUpDay, namesThatDay, thatDay } from './entities/follow-up-day.js';
import { TODAY_UNNAMED } from './entities/day-mention.js';
import { foldText, foldToWords, normalizeText, tokenize } from './text/normalize.js';

export { createIntentClassifier, type Classification, type IntentClassifier } from './classifier/classify.js';
export { redactPatronText, redactSecrets } from './entities/secret.js';
export { detectLanguage } from './language.js';
export { preloadModels } from './classifier/intent-model.js';

/** The router's collaborators: ports only, chosen by app/deps.ts. */
export interface RouterDeps {
  knowledge: KnowledgePort;
  calendar: LibraryCalendarWithHelpers;
  events?: EventsPort;
  assets: AssetPort;
  tickets: TicketPort;
  dialogs: DialogStore;
  clock: Clock;
  catalog?: CatalogPort;
  logger?: Logger;
  /** Where a patron can read a whole article; default: the library website's /help/<article id> page. */
  articleUrl?: (articleId: string) => string | undefined;
  /** The library system and contact verification: account, renew and hold act on the patron's account. */
  ils?: IlsPort;
  patrons?: PatronVerificationPort;
}

export interface RouterOptions {
  /** Below this confidence the router asks which topic was meant instead of answering. */
  askBelow?: number;
  /**
   * `learned` (default): the trained model (bots/classifier/model.json) over words, letter triples,
   * entities and the lexicon's cues; `lexicon`: the hand-weighted cues alone, kept for comparison.
   */
  classifier?: 'learned' | 'lexicon';
  /** A model to use instead of the shipped one (training and tests). */
  model?: LearnedModel;
  /** An article model to use instead of the shipped one (training and tests). */
  articleModel?: LearnedModel<string>;
  /** A crisis model to use instead of the shipped one (training and tests). */
  crisisModel?: LearnedModel<CrisisLabel>;
}

/** The router, plus a way to see why a text would be routed where it is (for `libdesk ask --explain`). */
export interface Router extends AssistantRouter {
  explain(text: string): Classification;
}

const DEFAULT_ASK_BELOW = 0.3;
/**
 * The learned model's probabilities are calibrated differently: below this it asks. Chosen by the
 * router's cross-validation (`npm run train:classifier -- --ask-below=…`), counting a confident wrong
 * answer as three times worse than a right answer turned into a question.
 */
// Router cross-validation on 3,662 tuning messages: 0.70 → 2.3% confidently wrong, 80.9% right article;
// 0.75 → 2.0%, 79.7%; 0.80 → 1.9%, 77.9%. From 0.70 to 0.75, 9 fewer wrong answers for 11 right ones
// turned into a question; beyond, the trade is no longer worth three to one.
const DEFAULT_ASK_BELOW_LEARNED = 0.75;
/** Below `askBelow`, the model and the lexicon both this sure of one intent still act on it. */
const AGREED_CONFIDENCE = 0.5;
/** An hours guess this sure is enough when the message names a day and asks whether the library is open. */
const OPEN_ON_A_DAY_CONFIDENCE = 0.35;
/** A catalog guess this sure is acted on when the message describes one book the catalog holds. */
const DESCRIBED_BOOK_CONFIDENCE = 0.4;
const OPEN_OR_CLOSED = /\b(?:open|opens|opened|opening|close|closes|closed|closing|abre|abren|abierto|abierta|cerrado|cerrada|cierra|cierran)\b/;
const COMMAND_TOKENS = 2;
/**
 * How much of a message the classifier, the entity finders and the knowledge search read: the request
 * is at the start of nearly every message, and reading 8,000 characters of a pasted e-mail with chrono,
 * fuse.js and the search index would cost tens of milliseconds. Safety and secrets scan the whole text.
 */
export const ANALYZED_CHARS = 1_000;
/** A catalog lookup decides a message the classifier could not place only when the message is short. */
const CATALOG_GUESS_MAX_TOKENS = 8;
/** An explicit "talk to a person" wins over any open question in the dialog. */
const HANDOFF_OVERRIDE = 0.5;
/** Follow-ups are short: "and Sunday?", "what about eastside". */
const FOLLOW_UP_MAX_TOKENS = 6;
/** The words around a branch named alone as a follow-up: "and at the eastside one?", "¿y en la de maple?". */
const BRANCH_FOLLOW_UP_WORDS = new Set(['and', 'y', 'what', 'about', 'how', 'at', 'in', 'en', 'the', 'one', 'el', 'la', 'of', 'de', 'del', 'for', 'branch', 'library', 'location', 'sucursal', 'biblioteca', 'too', 'also', 'tambien', 'ok', 'so', 'then', 'que', 'tal', 'over', 'on', 'by', 'near', 'is', 'it', 'same', 'igual', 'lo', 'mismo', 'esta', 'es']);
/** "ok so what about the downtown one then": opened as a follow-up, it may say more. */
const FOLLOW_UP_OPENER = /^(?:(?:ok|okay|k|so|oh|hmm|then|right|alright)\s+)*(?:what about|how about|and|y|what of|also|same for|and for|lo mismo)\b/;
const OPENED_FOLLOW_UP_MAX_TOKENS = 10;
/** How soon "how late", "hasta qué hora" must come for a longer message to be a follow-up about the same day. */
const HOURS_QUESTION_OPENING_TOKENS = 5;
/** How long and what it costs, asked right after the parking answer. */
const PARKING_FOLLOW_UP = /\b(?:how long|how many hours|free|pay|paid|cost|costs|charge|fee|meters?|time limit|overnight|cuanto tiempo|cuantas horas|gratis|pagar|pago|cuesta|cobran)\b/;
const DEVICE_FOLLOW_UP_MAX_TOKENS = 12;
/** "can i talk to a real person please": words that ask for a person and say nothing else. */
const PERSON_REQUEST_WORDS = new Set([
  'i', 'we', 'want', 'need', 'would', 'like', 'wanna', 'to', 'talk', 'speak', 'chat', 'with', 'a', 'an', 'the', 'real', 'live', 'actual', 'human', 'person', 'agent',
  'librarian', 'someone', 'somebody', 'staff', 'member', 'please', 'can', 'could', 'may', 'let', 'me', 'get', 'connect', 'operator', 'now', 'just', 'hi', 'hello',
  'hey', 'ok', 'yes', 'you', 'is', 'there', 'anyone', 'anybody', 'quiero', 'hablar', 'con', 'una', 'persona', 'alguien', 'humano', 'por', 'favor',
]);
const PERSON_REQUEST_MAX_TOKENS = 10;
const STILL_GOING_WORDS = 'still|hurry|came back|coming back|please come|scared|afraid|todavia|sigue';
/** Said right after an emergency, these keep it going whatever the classifier makes of the rest. */
const STILL_GOING = new RegExp(`\\b(?:${STILL_GOING_WORDS})\\b`);
/**
 * Words that end an emergency: thanks, "I'm safe now", "he left", "staff are with me" — unless the same
 * message says it goes on ("thanks, but he's still here").
 */
const STILL_IN_DANGER = new RegExp(`\\b(?:${STILL_GOING_WORDS}|help|again|but|ayuda)\\b`);
const ALL_CLEAR = /\b(?:thank you|thanks|thx|ty|gracias|(?:i m|im|i am|we re|we are) (?:ok|okay|safe|fine|alright)(?: now)?|(?:he|she|they) (?:left|has left|is gone|s gone|went away)|staff (?:are|is) (?:with me|here)|(?:ya )?estoy bien|ya se fue)\b/;
/** Said outright, the emergency is over whatever else the message says ("never mind, false alarm — when do you close again?"). */
const OVER = /\b(?:never ?mind|nvm|false alarm|all clear|(?:it|that) was (?:just )?a drill|just a drill|(?:everyone|everybody|we) (?:is |s |are |re )?(?:coming |going )?back (?:in|inside)|falsa alarma|ya paso)\b/;
function saysAllClear(normalized: string): boolean {
  if (OVER.test(normalized) && !/\b(?:still|todavia|sigue)\b/.test(normalized)) return true;
  return ALL_CLEAR.test(normalized) && !STILL_IN_DANGER.test(normalized);
}
/** "works now. what's the guest password again tho": a question asked along, even without its "?". */
const ASKS_ALONG = /\b(?:what s|whats|what is|what time|how late|how (?:do|can|much|long|many)|where (?:is|are|do|can)|when (?:do|does|is|are)|can (?:i|you|u)|could (?:i|you)|is there|do you)\b/;
/** The weak yes that may only acknowledge, before a question of its own. */
const OK_WORDS = new Set(['ok', 'okay', 'k', 'alright', 'fine', 'vale', 'bueno']);
/** Words enough, after "ok", to make a question of their own. */
const OK_THEN_QUESTION_WORDS = 5;
/** A short question about opening or closing, with no day of its own: about the day just answered. */
const HOURS_FOLLOW_UP = /\b(?:how late|what time|till when|until when|closing|opening|close|closes|open till|open until|cierran|abren|hasta que hora)\b/;
/** A hold asked for on the record just shown — not "how long do you hold it?", a question about holds. */
const ASKS_ABOUT = /^\s*(?:how|what|when|why|where|is|does|do you|cuanto|como|cuando|que)\b/;
const HOLD_IT = /\b(?:hold|reserve|reservar|reservalo|reservala|apartar|apartalo|apartala|apartenmelo|apartenmela|apartamelo|apartamela|reservenmelo|reservenmela|reservamelo|reservamela|me lo aparta|me lo apartan|me lo reserva|me lo reservan)\b/;
const ASSET_PREFIX_TTL_MS = 5 * 60 * 1000;

/** A shop or office asked about as open or closed: "the walgreens on water st close", "el Mercadona de la esquina abre". */
const ANOTHER_PLACE_OPEN = /\b(?:walmart|target|cvs|walgreens|rite aid|costco|kroger|safeway|aldi|publix|mercadona|starbucks|mcdonalds|dmv|post office|bank|pharmacy|grocery(?: store)?|supermarket|mall|gym|pool|ymca|city hall|courthouse|farmacia|banco|tienda|supermercado|correos?)\b(?: (?:on|at|in|by|near|de|en|por) (?:the |la |el )?\w+(?: \w+)?)? (?:open|opens|opened|close|closes|closed|abre|abren|cierra|cierran|abierto|abierta)\b/;
const ACCOUNT_SERVICES = new Set<Intent>(['hold', 'renew', 'account']);
/** How likely a hold, renewal or account reading must be for an unsure FAQ guess to count as a question about that service. */
const ACCOUNT_SERVICE_SCORE = 0.15;
const LIBRARY_NAMED = /\b(?:library|libary|biblioteca|biblio|branch|sucursal)\b/;

/** Intents whose message is worth keeping as "what the patron wanted" for a later ticket. */
const SUBSTANTIVE = new Set<Intent>(['hours', 'faq', 'catalog', 'location', 'account', 'renew', 'hold', 'ill', 'equipment', 'events']);

/**
 * The models read Latin-script words only: a message in another script leaves them a number or nothing,
 * on which they guess wildly ("Вы открыты в субботу 5 декабря?" read as "5", a crisis and a hand-off).
 */
function readsWords(tokens: string[]): boolean {
  return tokens.some((token) => /[a-z]/.test(token));
}

export function createRouter(deps: RouterDeps, options: RouterOptions = {}): Router {
  const classifier = createIntentClassifier();
  const logger = deps.logger ?? silentLogger;
  const model = options.classifier === 'lexicon' ? undefined : options.model ?? loadIntentModel();
  const articleModel = options.classifier === 'lexicon' ? undefined : options.articleModel ?? loadArticleModel();
  const crisisModel = options.classifier === 'lexicon' ? undefined : options.crisisModel ?? loadCrisisModel();
  const askBelow = options.askBelow ?? (model ? DEFAULT_ASK_BELOW_LEARNED : DEFAULT_ASK_BELOW);
  const reader = createMessageReader({ knowledge: deps.knowledge, calendar: deps.calendar, lexicon: classifier });
  const articleUrl =
    deps.articleUrl ??
    ((id: string) => {
      const website = deps.calendar.library().website;
      return website ? `${website.replace(/\/+$/, '')}/help/${id}` : undefined;
    });
  const skillDeps: SkillDeps = {
    knowledge: deps.knowledge,
    calendar: deps.calendar,
    assets: deps.assets,
    tickets: deps.tickets,
    logger,
    articleUrl,
    ...(deps.events ? { events: deps.events } : {}),
    ...(deps.catalog ? { catalog: deps.catalog } : {}),
    ...(deps.ils && deps.patrons ? { ils: deps.ils, patrons: deps.patrons } : {}),
  };
  let prefixes: { values: string[]; until: number } | undefined;

  /** The branch the last branch-fact answer was about, if any. */
  function lastFactBranch(state: DialogState): Branch | undefined {
    return state.lastFactBranch ? deps.calendar.branches().find((branch) => branch.id === state.lastFactBranch) : undefined;
  }

  /** Tag prefixes in use ("PC", "PRN"), cached a few minutes: devices change rarely, messages often. */
  async function assetPrefixes(now: Date): Promise<string[]> {
    if (!prefixes || prefixes.until < now.getTime()) {
      prefixes = { values: tagPrefixes(await deps.assets.list()), until: now.getTime() + ASSET_PREFIX_TTL_MS };
    }
    return prefixes.values;
  }

  function read(text: string, now: Date, language: Language, prefixesInUse: string[]): MessageReading {
    const reading = reader.read(text, { now, language, assetPrefixes: prefixesInUse });
    if (articleModel) reading.articles = blendCandidates(deps.knowledge, reading.articles, predict(articleModel, reading.words).probabilities, language);
    return reading;
  }

  function classify(reading: MessageReading): Classification {
    const classification = model ? classifyWithModel(model, reading.tokens, reading.signals, reading.lexicon) : reading.lexicon;
    // "my card is …, are you open on Saturday?": a day named and the words of opening hours make an hours
    // guess at even odds the question asked. A card number given along says who asks, not what: the hours
    // guess is read as the message would be without it.
    const opensOnADay = reading.day !== undefined && OPEN_OR_CLOSED.test(reading.tokens.join(' '));
    if (!model || !opensOnADay || classification.intent === 'hours' || classification.confidence >= askBelow) return classification;
    const withoutCard = reading.signals.cardNumber
      ? classifyWithModel(model, reading.tokens.filter((token) => findCardNumber(token) === undefined), { ...reading.signals, cardNumber: false }, reading.lexicon)
      : classification;
    const hours = Math.max(classification.scores.hours ?? 0, withoutCard.scores.hours ?? 0);
    return hours >= OPEN_ON_A_DAY_CONFIDENCE ? { ...classification, intent: 'hours', confidence: hours } : classification;
  }

  /**
   * A short message the classifier could not place may be a bare title or an author ("dune", "maurice
   * sendak", "JRR Tolkein"): it is a catalog search when the catalog has that title or name word for word.
   */
  async function catalogNamed(tokens: string[]): Promise<boolean> {
    if (!deps.catalog || tokens.length === 0 || tokens.length > CATALOG_GUESS_MAX_TOKENS) return false;
    const query = tokens.filter((token) => !['do', 'you', 'have', 'is', 'the', 'in', 'any', 'a', 'available', 'got', 'hav', 'please'].includes(token)).join(' ');
    if (query.length < 3) return false;
    const [titles, authors] = await Promise.all([
      deps.catalog.search({ text: query, field: 'title', limit: 3 }),
      deps.catalog.search({ text: query, field: 'author', limit: 3 }),
    ]);
    const asked = query.split(' ');
    const titled = titles.hits.some(({ record }) => {
      const own = tokenize(`${record.title} ${record.subtitle ?? ''}`);
      if (!asked.every((word) => own.includes(word))) return false;
      // One word names a book only when it is the whole title ("the firm", "sapiens"), and is no everyday word ("help").
      const titleWords = tokenize(record.title).filter((word) => !['the', 'a', 'an'].includes(word));
      return asked.length >= Math.min(2, own.length) || (titleWords.join(' ') === asked.join(' ') && !FILLER_WORDS.has(asked[0]!) && !(asked[0]! in SMALLTALK_PHRASES));
    });
    return titled || authors.hits.some(({ record }) => record.authors.some((author) => authorMatches(query, author)));
  }

  /** The answer to the question the assistant asked last time, or undefined when the patron moved on. */
  async function answerPending(pending: PendingQuestion, turn: Turn, classification: Classification): Promise<SkillResult | undefined> {
    const { language } = turn;
    const cleared: DialogState = { ...turn.state, pending: undefined };
    const declined = (text: string): SkillResult => ({
      intent: turn.state.lastIntent ?? 'smalltalk',
      outcome: 'answered',
      reply: { text, language },
      state: cleared,
    });
    switch (pending.kind) {
      case 'confirm-handoff':
        if (isYes(turn.text) && !movesOnFromOk(turn.text, classification)) return openStaffTicket(turn, skillDeps, pending.intent, pending.request);
        if (isNo(turn.text)) return declined(say(language, "OK, I won't. Anything else I can help with?", 'De acuerdo, no lo haré. ¿Le ayudo en algo más?'));
        return undefined;
      case 'hours-branch': {
        if (!turn.branch) return undefined;
        return hoursSkill(turn, skillDeps, { question: pending.question, ...(pending.date ? { date: pending.date } : {}), ...(pending.to ? { to: pending.to } : {}) });
      }
      case 'which-asset': {
        const assets = await deps.assets.list();
        const chosen = assets.find((asset) => pending.candidates.includes(asset.tag) && foldText(turn.text).includes(foldText(asset.tag)));
        const byNumber = /^\s*(\d)\s*$/.exec(turn.text);
        const picked = chosen ?? (byNumber ? assets.find((asset) => asset.tag === pending.candidates[Number(byNumber[1]) - 1]) : undefined);
        if (picked) return fileEquipmentTicket(turn, skillDeps, pending.request, picked);
        if (/\b(not sure|dont know|do not know|no se|no lo se|unsure)\b/.test(normalizeText(turn.text))) {
          return fileEquipmentTicket(turn, skillDeps, pending.request);
        }
        // A description instead of a button ("the one by the window", "PC-07").
        // A bare number past the buttons' count ("6" when four were offered) is a device number.
        const mention = parseAssetMention(turn.text, tagPrefixes(assets), { loneNumber: true });
        // "number 23 at eastside": a number names a device of the kind offered, which need not be one of the buttons.
        const offeredKinds = new Set(assets.filter((asset) => pending.candidates.includes(asset.tag)).map((asset) => asset.kind));
        const numberedKind = mention.kind ?? (offeredKinds.size === 1 ? [...offeredKinds][0] : undefined);
        if (!mention.tag && mention.number !== undefined && numberedKind) {
          const numbered = resolveAsset({ ...mention, kind: numberedKind }, assets, turn.text, turn.branch?.id);
          if (numbered.asset) return fileEquipmentTicket(turn, skillDeps, pending.request, numbered.asset);
        }
        const offered = assets.filter((asset) => mention.tag || pending.candidates.includes(asset.tag));
        const resolution = resolveAsset(mention, offered, turn.text, turn.branch?.id);
        if (resolution.asset) return fileEquipmentTicket(turn, skillDeps, pending.request, resolution.asset);
        // "at eastside": the branch leaves one of the devices offered.
        const atBranch = turn.branch ? offered.filter((asset) => asset.branchId === turn.branch!.id) : [];
        if (!mention.tag && atBranch.length === 1) return fileEquipmentTicket(turn, skillDeps, pending.request, atBranch[0]!);
        if (resolution.unknownTag) return runSkill('equipment', { ...turn, text: `${pending.request} ${turn.text}`, safeText: `${pending.request} ${turn.safeText}` }, skillDeps);
        return undefined;
      }
      case 'unknown-asset':
        if (isYes(turn.text)) return fileEquipmentTicket(turn, skillDeps, pending.request, undefined, pending.tag);
        if (isNo(turn.text)) return declined(say(language, "OK, I haven't filed anything. The tag is on a sticker on the device; tell me if you find it.", 'De acuerdo, no he enviado nada. La etiqueta está en una pegatina del equipo; dígamela si la encuentra.'));
        if (classification.intent === 'equipment') return runSkill('equipment', { ...turn, text: `${pending.request} ${turn.text}`, safeText: `${pending.request} ${turn.safeText}` }, skillDeps);
        return undefined;
      case 'which-article': {
        const chosen = chosenArticle(pending.options, turn.text, language);
        if (!chosen) return undefined;
        return answerFromArticle({ ...turn, text: pending.request || turn.text }, skillDeps, chosen.id, chosen.article);
      }
      case 'which-intent': {
        const folded = foldText(turn.text).trim();
        const chosen = pending.options.find((intent) => {
          const labels = TOPIC_LABELS[intent] ?? [intent, intent];
          return labels.some((label) => foldText(label) === folded);
        });
        if (!chosen) return undefined;
        const request = pending.request || turn.text;
        const redo = withDayOf({ ...turn, text: request, safeText: redactPatronText(request) }, read(request, turn.now, language, []));
        return runSkill(chosen, redo, skillDeps, { previousHours: undefined });
      }
    }
  }

  /**
   * "ok english then. do you have any books in french?": an "ok" that leads into a question of its own,
   * which the classifier is sure of, takes that question up instead of agreeing to the one asked.
   */
  function movesOnFromOk(text: string, classification: Classification): boolean {
    const words = normalizeText(text).split(' ');
    if (!OK_WORDS.has(words[0] ?? '') || words.length < OK_THEN_QUESTION_WORDS) return false;
    return !['handoff', 'unknown', 'smalltalk'].includes(classification.intent) && classification.confidence >= askBelow;
  }

  /** The article a patron picked from offered titles: by its title, or by its number in the list. */
  function chosenArticle(options: string[], text: string, language: Language) {
    const folded = foldText(text).trim();
    const offered = options.flatMap((id) => {
      const article = deps.knowledge.get(id, language) ?? deps.knowledge.get(id);
      return article ? [{ id, article }] : [];
    });
    const byNumber = /^\s*(\d)\s*$/.exec(text);
    if (byNumber) return offered[Number(byNumber[1]) - 1];
    return offered.find(({ id, article }) => foldText(articleTitle(skillDeps, id, article, language)) === folded || foldText(article.title) === folded);
  }

  /** Low confidence: ask which of the likely topics was meant, with a person always on offer. */
  function askWhichTopic(turn: Turn, classification: Classification): SkillResult {
    const { language } = turn;
    const options: Intent[] = [classification.intent];
    // "Not understood" is no topic to pick: it has no button.
    if (classification.runnerUp && TOPIC_LABELS[classification.runnerUp]) options.push(classification.runnerUp);
    if (!options.includes('handoff')) options.push('handoff');
    return {
      intent: classification.intent,
      outcome: 'clarified',
      reply: {
        text: say(language, 'Just to be sure I help with the right thing — is this about:', 'Para ayudarle bien, ¿se trata de:'),
        quickReplies: options.map((intent) => topicLabel(intent, language)),
        language,
      },
      state: { ...turn.state, pending: { kind: 'which-intent', request: turn.safeText, options } },
    };
  }

  /** "which way to the restrooms at eastside": the message asks where a place is that the shelf map knows. */
  function namesAPlaceInTheBuilding(text: string, branch: Branch | undefined): boolean {
    if (!deps.catalog) return false;
    const query = extractCatalogQuery(text);
    return query.kind === 'locate' && query.terms.length > 0 && locatePlace({ catalog: deps.catalog, calendar: deps.calendar }, query.terms, branch?.id) !== undefined;
  }

  /**
   * Sure enough without asking though the model alone is not: an ISBN asked for is a catalog search, and
   * a one- or two-word command the lexicon's cues confirm ("RENEW" after a due-date reminder) is acted on.
   */
  function agreed(classification: Classification, reading: MessageReading, state: DialogState, text: string): boolean {
    if (classification.intent === 'catalog' && reading.signals.isbn) return true;
    // "are you closed on the 18th for the holiday": a day named and the words of opening hours.
    if (classification.intent === 'hours' && reading.day && classification.confidence >= OPEN_ON_A_DAY_CONFIDENCE && OPEN_OR_CLOSED.test(reading.tokens.join(' '))) return true;
    // "where is the computers in main library?": where a kind of device stands, asked with "where".
    if (classification.intent === 'location' && reading.signals.deviceKind && classification.confidence >= OPEN_ON_A_DAY_CONFIDENCE && ['where', 'wheres', 'donde'].includes(reading.tokens[0] ?? '')) return true;
    // "which way to the restrooms at eastside": a place the shelf map knows, asked where it is or how to reach it.
    if (classification.intent === 'location' && classification.confidence >= OPEN_ON_A_DAY_CONFIDENCE && namesAPlaceInTheBuilding(text, reading.branch)) return true;
    if (classification.confidence < AGREED_CONFIDENCE) return false;
    // "open on December 28?", "can I come in rn?", "PC-07 froze", "wifi's not working": the entity the
    // intent is about is in the message, or (more about the device just reported) in the conversation.
    if (classification.intent === 'hours' && (reading.day || reading.asksNow)) return true;
    if (classification.intent === 'equipment' && (reading.signals.assetTag || reading.signals.deviceKind || (state.lastIntent === 'equipment' && state.lastAsset !== undefined))) return true;
    // Only for a word or two: on longer messages the agreement added more wrong answers than right ones.
    return reading.tokens.length <= COMMAND_TOKENS && reading.lexicon.intent === classification.intent && reading.lexicon.confidence >= AGREED_CONFIDENCE;
  }


  /**
   * "I have a question about my card" … "is this about: …" … "how do I get a new one": a clarification
   * answered in words rather than with a button. The answer and the question it answers are read together
   * and acted on when that reading is sure, unless the answer alone is sure of another topic ("never mind,
   * when do you close?").
   */
  async function clarifiedInWords(pending: PendingQuestion, turn: Turn, classification: Classification): Promise<SkillResult | undefined> {
    if ((pending.kind !== 'which-intent' && pending.kind !== 'which-article') || !pending.request) return undefined;
    const text = `${pending.request} ${turn.text}`;
    const reading = read(text, turn.now, turn.language, await assetPrefixes(turn.now));
    const together = classify(reading);
    if (together.intent === 'unknown' || together.confidence < askBelow) return undefined;
    const sureAlone = classification.intent !== 'unknown' && classification.confidence >= askBelow;
    if (sureAlone && together.intent !== classification.intent) return undefined;
    const combined = withDayOf({ ...turn, text, safeText: `${pending.request} ${turn.safeText}` }, reading);
    if (reading.branch) combined.branch = reading.branch;
    return decide(combined, together, reading);
  }

  /** The turn with the day (and range) its new text names, and none when that text names none. */
  function withDayOf(turn: Turn, reading: MessageReading): Turn {
    const next: Turn = { ...turn };
    delete next.day;
    delete next.dayTo;
    if (reading.day) next.day = reading.day.date;
    if (reading.day?.to) next.dayTo = reading.day.to;
    return next;
  }

  /** Everything but danger, which `route` answers first: what to do now and an urgent ticket, whatever the dialog was waiting for. */
  async function decide(turn: Turn, classification: Classification, reading: MessageReading): Promise<SkillResult> {
    const { state } = turn;
    const extras: SkillExtras = { articles: reading.articles, intentConfidence: classification.confidence };

    // "talk to a person" works at any point of any dialog; a second ask counts as yes.
    // While a question is pending, only words that ask for a person do ("yes" is an answer, not a hand-off).
    const asksForPerson = !state.pending || reading.lexicon.intent === 'handoff';
    if (classification.intent === 'handoff' && classification.confidence >= HANDOFF_OVERRIDE && asksForPerson && readsWords(reading.tokens)) {
      if (state.pending?.kind === 'confirm-handoff') return openStaffTicket(turn, skillDeps, state.pending.intent, state.pending.request);
      return runSkill('handoff', turn, skillDeps);
    }
    // The account, renew and hold skills keep their own step (card and PIN asked, a list shown, a hold to confirm).
    // Card number and PIN sent without being asked count as "show me my account".
    {
      const followed = await answerIlsFollowUp(turn, skillDeps, classification.intent);
      if (followed) return followed;
      if (state.ils) turn = { ...turn, state: { ...turn.state, ils: undefined } };
    }
    if (state.pending) {
      const answered = await answerPending(state.pending, turn, classification);
      if (answered) return answered;
      turn = { ...turn, state: { ...state, pending: undefined } };
      const together = await clarifiedInWords(state.pending, turn, classification);
      if (together) return together;
    }
    if (isUnsupportedLanguage(turn.text)) return otherLanguageSkill(turn, skillDeps);
    // "never mind, it's working again" right after a device report: no second report of it.
    if (state.lastIntent === 'equipment' && state.lastAsset && reading.tokens.length <= DEVICE_FOLLOW_UP_MAX_TOKENS && saysDeviceWorksAgain(foldText(turn.text)) && !/\?/.test(turn.text) && !ASKS_ALONG.test(foldToWords(turn.text))) {
      return deviceWorksAgain(turn, state.lastAsset);
    }
    // "Where is it?" right after a catalog answer is about the record shown, never a shelf-map guess.
    if (state.lastCatalog && deps.catalog && asksWhereItIs(turn.text)) return locationSkill(turn, skillDeps);
    // "ok hold it for me", "resérvalo" right after a catalog answer: a hold on what was just shown.
    const folded = foldText(turn.text);
    if (state.lastCatalog && state.lastIntent === 'catalog' && reading.tokens.length <= FOLLOW_UP_MAX_TOKENS + 2 && HOLD_IT.test(folded) && !ASKS_ABOUT.test(folded)) {
      return runSkill('hold', turn, skillDeps, extras);
    }
    // "what about the audiobook?", "is there a copy in spanish?", "is it at main?" right after a catalog
    // answer: the book shown, in that format, language or branch; "and the third one?": that one of its series.
    const lastTitle = state.lastIntent === 'catalog' ? state.lastCatalog?.titles[0] : undefined;
    const aboutTheBook = ['catalog', 'location', 'unknown'].includes(classification.intent) || classification.confidence < askBelow;
    // "and the 2nd one" reads like a date to the classifier; a number of the series shown is asked whatever it says.
    const sameBook = lastTitle && aboutTheBook ? catalogFollowUpQuery(turn.text, lastTitle) : undefined;
    const again = lastTitle && deps.catalog ? sameBook ?? seriesFollowUpQuery(turn.text, lastTitle) : undefined;
    if (again) return runSkill('catalog', { ...turn, text: again }, skillDeps, extras);
    // "and the eastside one?", "and the one on maple avenue?": a branch named alone, which the last answer's
    // topic carries on to.
    const tokens = reading.tokens;
    // "and is it the same for eastside": opened as a follow-up, it may run a little longer.
    const branchFollowUpLength = FOLLOW_UP_OPENER.test(tokens.join(' ')) ? OPENED_FOLLOW_UP_MAX_TOKENS : FOLLOW_UP_MAX_TOKENS;
    const onlyABranch = turn.branch !== undefined && tokens.length <= branchFollowUpLength && tokens.every((token) => BRANCH_FOLLOW_UP_WORDS.has(token) || branchWords(turn.branch!).has(token));
    // Address, phone, parking, directions: from library.yaml, never a shelf lookup; not a branch named alone
    // right after its hours or events ("where is the one on maple avenue" is still a fact).
    const followsFact = state.lastIntent === 'faq' && state.lastFact !== undefined && tokens.length <= FOLLOW_UP_MAX_TOKENS;
    const branchAfterHours = onlyABranch && (state.lastIntent === 'hours' || state.lastIntent === 'events');
    const [asked, ...alsoAsked] = branchAfterHours ? [] : branchFactsAsked(turn.text, turn.branch, deps.calendar.library().name);
    const fact = asked ?? (followsFact ? factNamed(turn.text) : undefined);
    // A patron's own account, or a device named or surely meant, is no question about the library itself;
    // an unsure equipment guess with no device in sight ("eastside number? the one I have just rings") is.
    const aboutADevice = classification.intent === 'equipment' && (classification.confidence >= askBelow || reading.signals.deviceKind === true || reading.signals.assetTag === true);
    if (fact && !aboutADevice && !['account', 'renew', 'hold'].includes(classification.intent)) {
      // "and parking?" right after the eastside address: still eastside.
      const sameBranch = !turn.branch && state.lastIntent === 'faq' ? lastFactBranch(state) : undefined;
      return branchInfoSkill(sameBranch ? { ...turn, branch: sameBranch } : turn, skillDeps, fact, alsoAsked);
    }
    // "and the eastside one?" after an address, phone, parking or directions answer: the same fact there.
    if (state.lastIntent === 'faq' && state.lastFact && turn.branch && tokens.length <= FOLLOW_UP_MAX_TOKENS && !turn.day) {
      return branchInfoSkill(turn, skillDeps, state.lastFact);
    }
    // "how long can I stay there?", "¿es gratis?" right after the parking answer: parking again, same branch.
    if (state.lastIntent === 'faq' && state.lastFact === 'parking' && !turn.day && tokens.length <= DEVICE_FOLLOW_UP_MAX_TOKENS && PARKING_FOLLOW_UP.test(tokens.join(' '))) {
      const branch = turn.branch ?? lastFactBranch(state);
      return branchInfoSkill({ ...turn, ...(branch ? { branch } : {}) }, skillDeps, 'parking');
    }
    // "and it took $2 off my card" right after a device report: more about that device, unless the message
    // is surely about something else.
    // "nvm it came back. btw what time u close tonight": a question of another kind, asked along, is that question.
    const asksSomethingElse = saysDeviceWorksAgain(foldText(turn.text)) && ASKS_ALONG.test(foldToWords(turn.text)) && !['equipment', 'unknown'].includes(classification.intent);
    if (state.lastIntent === 'equipment' && state.lastAsset && !asksSomethingElse && classification.confidence < askBelow && reading.tokens.length <= DEVICE_FOLLOW_UP_MAX_TOKENS) {
      // "wait, is there a password? i may have typed it wrong": a question the articles answer, not more trouble.
      if (classification.intent === 'faq' && turn.text.includes('?')) return runSkill('faq', turn, skillDeps, extras);
      return runSkill('equipment', turn, skillDeps, extras);
    }
    // "thanks! and saturday?": thanks said on the way to a follow-up is no other topic; nor is a branch
    // named alone.
    const otherTopic = !onlyABranch && !['unknown', 'hours', 'smalltalk'].includes(classification.intent) && classification.confidence >= 0.5;
    // "what time do you open that day?", "and the day after?", "what about the 2nd?": a day counted from
    // the last hours answer's.
    const counted = state.lastIntent === 'hours' && state.hours?.date ? followUpDay(turn.text, state.hours.date, { namesItsOwnDay: turn.day !== undefined }) : undefined;
    if (counted) return hoursSkill({ ...turn, day: counted }, skillDeps, state.hours);
    // "how late?", "and what time do you open": the same day and branch, asked again about opening or closing.
    // "¿y hasta qué hora? no quiero llegar tarde": opened with the question, it may run on with why.
    const opensWithHoursQuestion = HOURS_FOLLOW_UP.test(tokens.slice(0, HOURS_QUESTION_OPENING_TOKENS).join(' '));
    const asksOpeningAgain = (tokens.length <= FOLLOW_UP_MAX_TOKENS || opensWithHoursQuestion) && HOURS_FOLLOW_UP.test(tokens.join(' '));
    // "ok what about the downtown one then": a follow-up said as one may run longer.
    const followUpLength = FOLLOW_UP_OPENER.test(tokens.join(' ')) || opensWithHoursQuestion ? OPENED_FOLLOW_UP_MAX_TOKENS : FOLLOW_UP_MAX_TOKENS;
    // "Thanks for the quick answer. And the Eastside branch, same on Saturday? …": in an e-mail, the question
    // sentence may be the follow-up, opened as one, with thanks and a reason around it.
    const questionTokens = state.lastIntent === 'hours' && tokens.length > followUpLength ? tokenize(questionPart(turn.text)) : tokens;
    const askedAsFollowUp = questionTokens.length < tokens.length && questionTokens.length <= OPENED_FOLLOW_UP_MAX_TOKENS && FOLLOW_UP_OPENER.test(questionTokens.join(' '));
    if (state.lastIntent === 'hours' && state.hours && (turn.day || turn.branch || asksOpeningAgain) && (tokens.length <= followUpLength || askedAsFollowUp) && !otherTopic) {
      // "how late tonight?" after tomorrow's hours: today, not the day answered before ("now" alone is
      // not enough: "ok now what about eastside" moves on, not to today).
      const today = !turn.day && TODAY_UNNAMED.test(tokens.join(' ')) ? deps.calendar.localDate(turn.now) : undefined;
      return hoursSkill(today ? { ...turn, day: today } : turn, skillDeps, state.hours);
    }
    // "is it at eastside too?", "and on sunday?" after an events answer: events there or then.
    // "¿y la biblioteca abre el sábado?" asks about opening hours, not that event.
    if (state.lastIntent === 'events' && (turn.day || turn.branch) && tokens.length <= FOLLOW_UP_MAX_TOKENS && !otherTopic && !(classification.intent === 'hours' && OPEN_OR_CLOSED.test(tokens.join(' ')))) {
      return runSkill('events', turn, skillDeps, extras);
    }
    // "¿y cuánto cuesta?", "and for how long?" right after an article's answer: that article again.
    const lastArticle = state.lastIntent === 'faq' && state.lastArticle ? deps.knowledge.get(state.lastArticle, turn.language) : undefined;
    if (lastArticle && (classification.intent === 'faq' || classification.intent === 'unknown' || classification.confidence < askBelow) && staysOnLastArticle(tokens, turn.text)) {
      return answerFromArticle(turn, skillDeps, state.lastArticle!, lastArticle);
    }
    if ((classification.intent === 'unknown' || classification.confidence < askBelow) && (await catalogNamed(tokens))) {
      return runSkill('catalog', turn, skillDeps, extras);
    }
    if (isEmojiOnly(turn.text)) return runSkill('smalltalk', turn, skillDeps);
    // "is the target on river st open new year's day": another place's hours, which the library cannot give.
    const hoursWords = classification.intent === 'hours' ? foldToWords(turn.text) : '';
    const anotherPlacesHours = ANOTHER_PLACE_OPEN.test(hoursWords) && !LIBRARY_NAMED.test(hoursWords);
    if (classification.intent === 'unknown' || anotherPlacesHours) {
      const result = await runSkill('unknown', turn, skillDeps);
      return { ...result, state: { ...result.state, pending: { kind: 'which-intent', request: '', options: ['hours', 'events', 'equipment', 'faq', 'handoff'] } } };
    }
    // "is there a copy of The Hunger Games at main?": a catalog guess whose words name a title or author in the catalog.
    // "the holocaust comic where they're mice": or, sure enough, describes one book the catalog holds.
    if (
      classification.intent === 'catalog' &&
      classification.confidence < askBelow &&
      deps.catalog &&
      ((await findCatalogMention(deps.catalog, turn.text)) || (classification.confidence >= DESCRIBED_BOOK_CONFIDENCE && (await findDescribedBook(deps.catalog, turn.text))))
    ) {
      return runSkill('catalog', turn, skillDeps, extras);
    }
    // "how many days do i have to pick it up?": a question about the rules of an account service, however sure
    // the guess of the service itself, is answered from the articles.
    const aboutAnAccountService = ACCOUNT_SERVICES.has(classification.intent) || (classification.intent === 'faq' && [...ACCOUNT_SERVICES].some((intent) => (classification.scores[intent] ?? 0) >= ACCOUNT_SERVICE_SCORE));
    if (aboutAnAccountService && isPolicyQuestion(turn.text)) return runSkill('faq', turn, skillDeps, extras);
    if (classification.confidence < askBelow && !agreed(classification, reading, state, turn.text)) return askWhichTopic(turn, classification);
    return runSkill(classification.intent, turn, skillDeps, extras);
  }

  return {
    explain(text) {
      return classify(read(messageBody(text), deps.clock.now(), detectLanguage(text), prefixes?.values ?? []));
    },

    async route(inquiry: Inquiry, context: RouteContext): Promise<RouteResult> {
      const now = deps.clock.now();
      const { conversationId } = context;
      // The request without the e-mail's greeting and signature.
      const text = messageBody(inquiry.text);
      const language = detectLanguage(text);

      if (isReset(text)) {
        if (!context.callerStoresDialog) await deps.dialogs.clear(conversationId);
        return {
          intent: 'smalltalk',
          confidence: 1,
          outcome: 'answered',
          reply: { text: say(language, "OK, let's start over. What can I help you with?", 'De acuerdo, empecemos de nuevo. ¿En qué le puedo ayudar?'), language },
          ...(context.callerStoresDialog ? { dialog: { state: null, expiresAt: null } } : {}),
        };
      }

      const state = context.newConversation ? { ...EMPTY_STATE } : await loadDialog(deps.dialogs, conversationId, now);
      const cut = text.lastIndexOf(' ', ANALYZED_CHARS);
      const focus = text.length > ANALYZED_CHARS ? text.slice(0, cut > 0 ? cut : ANALYZED_CHARS) : text;
      // Read once: the knowledge base is searched once per message and the FAQ skill reuses its candidates.
      const reading = read(focus, now, language, await assetPrefixes(now));
      const classification = classify(reading);
      // A bare PIN beside a card number ("21234000000017 1234") is masked first; then the usual redaction.
      const safeText = redactPatronText(maskPatronSecrets(text));
      // Patterns first (they name the kind of emergency); the crisis model catches wording they do not know.
      // A message naming a device's tag (a tapped "PC-03 – Near the front entrance") is a report about it; the
      // patterns still catch an emergency in one, the model's guess from its place words does not.
      // The danger words of other scripts (`danger-words.ts`) read what the model cannot.
      const crisisChance = !reading.signals.assetTag && readsWords(reading.tokens) && crisisModel !== undefined ? crisisProbability(crisisModel, reading.words) : 0;
      // The second tier reads indirect wording; a plain "I want a human" is a request for a person, no more.
      const asksOnlyForAPerson = reading.tokens.length <= PERSON_REQUEST_MAX_TOKENS && reading.tokens.every((token) => PERSON_REQUEST_WORDS.has(token));
      const modelSaysCrisis =
        crisisChance >= CRISIS_THRESHOLD || (!asksOnlyForAPerson && crisisChance >= CRISIS_SECOND_TIER.probability && (classification.scores.handoff ?? 0) >= CRISIS_SECOND_TIER.handoff);
      // A message the library cannot read that names a danger (police, a knife, being beaten) alerts staff at
      // once rather than offering to pass it on.
      const dangerUnread = namesDangerInOtherLanguage(text) && (isUnsupportedLanguage(text) || !hasEnglishOrSpanishWords(text));
      const safety = detectSafety(text) ?? (modelSaysCrisis || dangerUnread ? 'danger' : undefined);
      // After an emergency, the next messages are part of it ("he's by the elevators now") unless the patron
      // moves on: small talk ("thank you, he left") or a clear new request.
      const normalized = normalizeText(text);
      const stillInEmergency =
        !safety &&
        state.safety !== undefined &&
        !saysAllClear(normalized) &&
        (STILL_GOING.test(normalized) || classification.intent === 'handoff' || classification.intent === 'unknown' || classification.confidence < askBelow);
      // "is main open that same day?": the day named earlier in the conversation.
      const earlierDay = namesThatDay(text) ? thatDay(reading.day, state.lastDay ?? state.hours?.date, deps.calendar.localDate(now), normalized) : undefined;
      const turn: Turn = {
        inquiry,
        conversationId,
        text: focus,
        safeText,
        language,
        now,
        state: { ...state, language },
        ...(reading.branch ? { branch: reading.branch } : {}),
        ...(earlierDay ? { day: earlierDay } : reading.day ? { day: reading.day.date } : {}),
        ...(reading.day?.to && !earlierDay ? { dayTo: reading.day.to } : {}),
      };

      // Within an emergency already reported, a message joins its urgent ticket rather than opening another.
      const ongoing = state.safety;
      const result =
        ongoing && (safety || stillInEmergency)
          ? await safetySkill(turn, skillDeps, safety && safety !== 'danger' ? safety : ongoing.kind, true)
          : safety
            ? await safetySkill(turn, skillDeps, safety)
            : await decide(turn, classification, reading);
      const nextState: DialogState = remember({ ...result.state, language }, safeText);
      if (turn.day) nextState.lastDay = turn.day;
      if (SUBSTANTIVE.has(classification.intent) && result.intent === classification.intent) nextState.lastRequest = safeText;
      if (result.intent !== 'catalog' && result.intent !== 'location' && result.intent !== 'hold' && result.intent !== 'smalltalk') delete nextState.lastCatalog;
      const dialog = { state: nextState, expiresAt: new Date(now.getTime() + DIALOG_TIMEOUT_MS) };
      if (!context.callerStoresDialog) await deps.dialogs.save(conversationId, dialog.state, dialog.expiresAt);

      const routed: RouteResult = {
        intent: result.intent,
        confidence: result.intent === classification.intent ? classification.confidence : 1,
        outcome: result.outcome,
        reply: result.reply,
      };
      if (result.ticket) routed.ticket = result.ticket;
      if (result.articleId) routed.articleId = result.articleId;
      if (result.details && Object.keys(result.details).length > 0) routed.details = result.details;
      if (context.callerStoresDialog) routed.dialog = dialog;
      return routed;
    },
  };
}
