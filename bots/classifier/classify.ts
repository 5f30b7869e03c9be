import type { Intent } from '../../core/intents.js';
import { createFuzzyWords, type FuzzyWords } from '../text/fuzzy-words.js';
import { tokenize } from '../text/normalize.js';
import { FILLER_WORDS, LEXICON, PROTECTED_WORDS, SMALLTALK_PHRASES, type Lexicon } from './lexicon.js';

/** Facts the entity finders already established; each is strong evidence for one intent. */
export interface ClassifierSignals {
  isbn?: boolean;
  callNumber?: boolean;
  assetTag?: boolean;
  cardNumber?: boolean;
  /** Best knowledge-base match for the text, 0..1. */
  knowledgeScore?: number;
}

export interface CueHit {
  intent: Intent;
  cue: string;
  weight: number;
}

export interface Classification {
  intent: Intent;
  /** 0..1: how far the winner stands above the rest, and how much evidence it has. */
  confidence: number;
  /** The runner-up, when there was one; the router offers it when asking "did you mean…". */
  runnerUp?: Intent;
  scores: Partial<Record<Intent, number>>;
  /** Every cue that fired, so a decision can be explained. */
  cues: CueHit[];
}

export interface IntentClassifier {
  classify(text: string, signals?: ClassifierSignals): Classification;
}

/** Below this score no intent is considered present. */
export const MIN_INTENT_SCORE = 1;

const SIGNAL_WEIGHTS = {
  isbn: { intent: 'catalog', weight: 4 },
  callNumber: { intent: 'location', weight: 3.5 },
  assetTag: { intent: 'equipment', weight: 2.6 },
  cardNumber: { intent: 'account', weight: 0.6 },
} as const satisfies Record<string, { intent: Intent; weight: number }>;

/** How much a knowledge-base match adds to `faq`: a good match (0.6+) is strong evidence. */
const KNOWLEDGE_WEIGHT = 1.2;
const KNOWLEDGE_FLOOR = 0.5;

interface Phrase {
  words: string[];
  text: string;
  intent: Intent | 'smalltalk-phrase';
  weight: number;
}

function buildPhraseIndex(lexicon: Lexicon): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  const add = (phrase: Phrase): void => {
    const first = phrase.words[0]!;
    const list = index.get(first) ?? [];
    list.push(phrase);
    index.set(first, list);
  };
  for (const [intent, cues] of Object.entries(lexicon) as [Intent, Record<string, number>][]) {
    for (const [text, weight] of Object.entries(cues)) add({ words: text.split(' '), text, intent, weight });
  }
  for (const [text, weight] of Object.entries(SMALLTALK_PHRASES)) {
    add({ words: text.split(' '), text, intent: 'smalltalk-phrase', weight });
  }
  return index;
}

function vocabularyOf(index: Map<string, Phrase[]>): Set<string> {
  const words = new Set<string>();
  for (const phrases of index.values()) for (const phrase of phrases) for (const word of phrase.words) words.add(word);
  return words;
}

/**
 * Confidence from the winner's score and its lead: plenty of evidence and a clear lead give ~0.9; two
 * intents neck and neck give ~0.5 or less, which makes the router ask instead of guessing.
 */
export function confidenceOf(top: number, second: number): number {
  if (top <= 0) return 0;
  const evidence = 1 - Math.exp(-top / 1.6);
  const lead = top / (top + second);
  return Math.round(evidence * (2 * lead - 1 + (1 - lead) * 0.6) * 1000) / 1000;
}

export function createIntentClassifier(lexicon: Lexicon = LEXICON): IntentClassifier {
  const index = buildPhraseIndex(lexicon);
  const fuzzy: FuzzyWords = createFuzzyWords(vocabularyOf(index), { protectedWords: PROTECTED_WORDS });

  return {
    classify(text, signals = {}) {
      const tokens = tokenize(text).map((token) => fuzzy.match(token) ?? token);
      const scores: Partial<Record<Intent, number>> = {};
      const cues: CueHit[] = [];
      const seen = new Set<string>();
      const covered = new Array<boolean>(tokens.length).fill(false);
      let smalltalk = 0;

      const credit = (intent: Intent, cue: string, weight: number): void => {
        scores[intent] = (scores[intent] ?? 0) + weight;
        cues.push({ intent, cue, weight });
      };

      for (let i = 0; i < tokens.length; i++) {
        for (const phrase of index.get(tokens[i]!) ?? []) {
          if (!phrase.words.every((word, offset) => tokens[i + offset] === word)) continue;
          const key = `${phrase.intent}|${phrase.text}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (phrase.intent === 'smalltalk-phrase') {
            smalltalk = Math.max(smalltalk, phrase.weight);
            for (let k = 0; k < phrase.words.length; k++) covered[i + k] = true;
          } else {
            credit(phrase.intent, phrase.text, phrase.weight);
          }
        }
      }

      for (const [name, { intent, weight }] of Object.entries(SIGNAL_WEIGHTS)) {
        if (signals[name as keyof typeof SIGNAL_WEIGHTS]) credit(intent, `<${name}>`, weight);
      }
      const knowledge = signals.knowledgeScore ?? 0;
      if (knowledge >= KNOWLEDGE_FLOOR) credit('faq', '<knowledge match>', Math.round(knowledge * KNOWLEDGE_WEIGHT * 100) / 100);

      // Small talk decides only a message that says little else ("thanks so much!").
      if (smalltalk > 0) {
        const content = tokens.filter((token, i) => !covered[i] && !FILLER_WORDS.has(token));
        credit('smalltalk', 'greeting', content.length <= 1 ? smalltalk : 0.4);
      }

      const ranked = (Object.entries(scores) as [Intent, number][]).sort((a, b) => b[1] - a[1]);
      const [first, second] = ranked;
      if (!first || first[1] < MIN_INTENT_SCORE) {
        return { intent: 'unknown', confidence: 1 - (first?.[1] ?? 0) / (2 * MIN_INTENT_SCORE), scores, cues };
      }
      const secondScore = second?.[1] ?? 0;
      const result: Classification = {
        intent: first[0],
        confidence: confidenceOf(first[1], secondScore),
        scores,
        cues,
      };
      if (second && second[1] >= MIN_INTENT_SCORE) result.runnerUp = second[0];
      return result;
    },
  };
}
