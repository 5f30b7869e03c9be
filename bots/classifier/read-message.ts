import type { Branch, LibraryCalendarWithHelpers } from '../../core/calendar.js';
import type { KnowledgePort, Language } from '../../core/knowledge.js';
import { parseAssetMention } from '../entities/asset-mention.js';
import { createBranchFinder } from '../entities/branch-mention.js';
import { findCallNumber } from '../entities/call-number.js';
import { findCardNumber } from '../entities/card-number.js';
import { createDayFinder, type DayMention } from '../entities/day-mention.js';
import { findIsbns } from '../entities/isbn.js';
import { hasSecret } from '../entities/secret.js';
import { bestArticles, type ArticleCandidate } from '../skills/faq.js';
import { correctedPart } from '../text/correction.js';
import { createFuzzyWords } from '../text/fuzzy-words.js';
import { normalizeText, tokenize } from '../text/normalize.js';
import { createIntentClassifier, type Classification, type IntentClassifier } from './classify.js';
import { wordFeatures, type Features, type MessageSignals } from './features.js';

/**
 * Everything the router reads from one message before deciding: the entities (day, branch, ISBN, call
 * number, device tag, card number, a PIN), the best knowledge-base articles and the lexicon's cues.
 * The router and the classifier's training read messages through this one function, so the model is
 * trained on exactly the signals it sees in production.
 */
export interface MessageReading {
  tokens: string[];
  signals: MessageSignals;
  lexicon: Classification;
  /** The words-only features the article and crisis models read. */
  words: Features;
  articles: ArticleCandidate[];
  branch?: Branch;
  day?: DayMention;
  /** "can I come in rn?", "open now?": the message asks about this moment (today, without its day). */
  asksNow: boolean;
}

export interface MessageReader {
  read(text: string, context: { now: Date; language: Language; assetPrefixes: string[] }): MessageReading;
}

const NOW_WORDS = new Set(['now', 'rn', 'tonight', 'currently', 'ahora', 'ahorita']);

/** Words every long message has: a typo fix toward them would only add noise. */
const WEEKDAY_VOCABULARY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'library', 'tomorrow'];

export function createMessageReader(deps: { knowledge: KnowledgePort; calendar: LibraryCalendarWithHelpers; lexicon?: IntentClassifier }): MessageReader {
  const lexicon = deps.lexicon ?? createIntentClassifier();
  const branches = createBranchFinder(deps.calendar);
  const days = createDayFinder(deps.calendar);
  const spelling = createFuzzyWords(WEEKDAY_VOCABULARY);

  return {
    read(text, { now, language, assetPrefixes }) {
      const articles = bestArticles(deps.knowledge, text, language);
      const branch = branches.find(text);
      // "thursday — sorry, I meant friday": the day after the correction, when it names one.
      const corrected = correctedPart(text);
      let day = (corrected !== undefined ? days.find(corrected, now) : undefined) ?? days.find(text, now);
      // "Are you open right now?" asks about this moment, not about today's hours.
      if (day && day.date === deps.calendar.localDate(now) && !day.to) {
        const normal = normalizeText(text);
        if (/\b(now|currently|ahora|tonight|still)\b/.test(normal) && !/\btoday\b|\bhoy\b/.test(normal)) day = undefined;
      }
      const device = parseAssetMention(text, assetPrefixes);
      const signals: MessageSignals = {
        isbn: findIsbns(text).length > 0,
        callNumber: findCallNumber(text) !== undefined,
        assetTag: device.tag !== undefined,
        deviceKind: device.kind !== undefined,
        cardNumber: findCardNumber(text) !== undefined,
        secret: hasSecret(text),
        day: day !== undefined,
        branch: branch !== undefined,
        ...(articles[0] ? { knowledgeScore: articles[0].score } : {}),
      };
      const lexical = lexicon.classify(text, {
        isbn: signals.isbn,
        callNumber: signals.callNumber,
        assetTag: signals.assetTag,
        cardNumber: signals.cardNumber,
        ...(articles[0] ? { knowledgeScore: articles[0].score } : {}),
      });
      signals.cueScores = lexical.scores;
      const tokens = tokenize(text).map((token) => spelling.match(token) ?? token);
      const asksNow = tokens.some((token) => NOW_WORDS.has(token));
      return { tokens, signals, lexicon: lexical, words: wordFeatures(tokens), articles, asksNow, ...(branch ? { branch } : {}), ...(day ? { day } : {}) };
    },
  };
}
