import type { Intent } from '../../core/intents.js';
import { createWordClassFinder } from './word-classes.js';

/**
 * What the learned classifier reads from a message: its words, word pairs and letter triples (so that
 * "liberry", "saterday" and "renue" still share most features with the spelling in the examples), plus
 * facts the entity finders established and the lexicon's cue scores. One feature list per message;
 * every step is linear in the message length.
 */
export interface MessageSignals {
  isbn?: boolean;
  callNumber?: boolean;
  assetTag?: boolean;
  /** A kind of device named ("wifi", "printer"), with or without a tag. */
  deviceKind?: boolean;
  cardNumber?: boolean;
  /** A PIN or password in the message. */
  secret?: boolean;
  /** A day the message names ("saturday", "christmas eve"). */
  day?: boolean;
  /** A branch the message names. */
  branch?: boolean;
  /** Best knowledge-base score for the message, 0..1. */
  knowledgeScore?: number;
  /** The lexicon classifier's score per intent (its cues), 0 when none fired. */
  cueScores?: Partial<Record<Intent, number>>;
}

/** Longer messages contribute their first words only: the request is nearly always at the start. */
const MAX_TOKENS = 60;
const QUESTION_OPENERS = new Set(['how', 'can', 'could', 'what', 'is', 'are', 'do', 'does', 'when', 'where', 'why', 'which', 'who', 'will', 'would', 'should', 'may', 'como', 'puedo', 'cual', 'que', 'cuanto', 'donde']);

const wordClasses = createWordClassFinder();

const POSSESSIVES = new Set(['my', 'mi', 'mis']);
/** What a patron's own record holds: "my fines", "my card", "mi cuenta". */
const ACCOUNT_NOUNS = new Set([
  'account', 'card', 'fines', 'fine', 'fees', 'fee', 'balance', 'holds', 'hold', 'books', 'items', 'checkouts', 'loans', 'record',
  'pin', 'password', 'due', 'cuenta', 'tarjeta', 'multas', 'libros', 'prestamos', 'reservas',
]);

/**
 * "my fines", "my library card", "mi tarjeta": the patron's own record, within two words of a
 * possessive. A question about the service ("do you charge fines") names none.
 */
function namesOwnAccount(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!POSSESSIVES.has(words[i]!)) continue;
    if (ACCOUNT_NOUNS.has(words[i + 1] ?? '') || ACCOUNT_NOUNS.has(words[i + 2] ?? '')) return true;
  }
  return false;
}

/** Feature names with their values, duplicates allowed (they add up). */
export type Features = Array<[string, number]>;

/** How the word features are read: the intent and article models were each cross-validated with their own. */
export interface FeatureOptions {
  /** What one letter triple counts; lighter for intents, where a shared triple misled more than it helped. */
  trigramWeight?: number;
  /** Whether word classes (word-classes.ts) are features; they say nothing about which article answers. */
  wordClasses?: boolean;
}

export function messageFeatures(tokens: string[], signals: MessageSignals, options: FeatureOptions = {}): Features {
  const trigramWeight = options.trigramWeight ?? 0.2;
  const features: Features = [['bias', 1]];
  const words = tokens.slice(0, MAX_TOKENS);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    features.push([`w:${word}`, 1]);
    if (i + 1 < words.length) features.push([`b:${word}_${words[i + 1]}`, 1]);
    if (word.length >= 4) {
      const padded = `^${word}$`;
      for (let k = 0; k + 3 <= padded.length; k++) features.push([`c:${padded.slice(k, k + 3)}`, trigramWeight]);
    }
  }
  if (words.length > 0) features.push([`first:${words[0]}`, 1]);
  // How the message opens tells a request ("can you renew…", "please renew…") from a question about the
  // service ("can I renew…", "how do I renew…").
  if (words.length > 1) features.push([`start:${words[0]}_${words[1]}`, 1]);
  if (words.length > 0 && QUESTION_OPENERS.has(words[0]!)) features.push(['question', 1]);
  features.push([`len:${words.length <= 2 ? 'short' : words.length <= 6 ? 'mid' : 'long'}`, 1]);
  if (words.includes('my') || words.includes('mis') || words.includes('mi')) features.push(['mine', 1]);
  if (namesOwnAccount(words)) features.push(['mine:account', 1]);
  for (const name of ['isbn', 'callNumber', 'assetTag', 'cardNumber', 'secret', 'day', 'branch'] as const) {
    if (signals[name]) features.push([`s:${name}`, 1]);
  }
  if (options.wordClasses !== false) for (const name of wordClasses.classesOf(words)) features.push([`class:${name}`, 1]);
  const knowledge = signals.knowledgeScore ?? 0;
  if (knowledge > 0) features.push(['kb', knowledge]);
  if (knowledge >= 0.5) features.push(['kb:good', 1]);
  if (knowledge >= 0.7) features.push(['kb:strong', 1]);
  let topCue: string | undefined;
  let topScore = 0;
  for (const [intent, score] of Object.entries(signals.cueScores ?? {})) {
    if (score && score > 0) features.push([`cue:${intent}`, Math.min(score, 6) / 3]);
    if (score && score > topScore) [topCue, topScore] = [intent, score];
  }
  // A question about a service ("can I renew a DVD?") against a request about one's own account ("renew
  // my books"): the same cue means different things asked in general and said of "my" things.
  if (topCue) {
    if (features.some(([name]) => name === 'mine')) features.push([`mine&${topCue}`, 1]);
    if (features.some(([name]) => name === 'question')) features.push([`question&${topCue}`, 1]);
  } else if (signals.cueScores) features.push([`nocue&len:${words.length <= 2 ? 'short' : 'long'}`, 1]);
  return features;
}

/**
 * The words alone, for the article and crisis models (entities and cues say nothing about which article
 * answers or whether someone is in danger). The reader computes them once per message for both.
 */
export function wordFeatures(tokens: string[]): Features {
  return messageFeatures(tokens, {}, { trigramWeight: 0.4, wordClasses: false });
}
