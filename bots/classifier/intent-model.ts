import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INTENTS, type Intent } from '../../core/intents.js';
import { messageFeatures, type Features, type MessageSignals } from './features.js';
import { predict, type LearnedModel } from './learned.js';
import type { Classification } from './classify.js';

/** Where `npm run train:classifier` writes the models the router loads. */
export const MODEL_FILE = fileURLToPath(new URL('./model.json', import.meta.url));
export const ARTICLE_MODEL_FILE = fileURLToPath(new URL('./article-model.json', import.meta.url));
export const CRISIS_MODEL_FILE = fileURLToPath(new URL('./crisis-model.json', import.meta.url));

/** The crisis model's two labels: a message about danger to someone now, or anything else. */
export const CRISIS_LABELS = ['crisis', 'other'] as const;
export type CrisisLabel = (typeof CRISIS_LABELS)[number];

let cached: LearnedModel | null | undefined;
let cachedArticles: LearnedModel<string> | null | undefined;
let cachedCrisis: LearnedModel<CrisisLabel> | null | undefined;

/** The crisis model (danger now, from examples), or undefined when none has been trained. */
export function loadCrisisModel(file: string = CRISIS_MODEL_FILE): LearnedModel<CrisisLabel> | undefined {
  if (file === CRISIS_MODEL_FILE && cachedCrisis !== undefined) return cachedCrisis ?? undefined;
  const model = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LearnedModel<CrisisLabel>) : undefined;
  const valid = model && model.version === 1 && model.intents.every((label) => (CRISIS_LABELS as readonly string[]).includes(label)) ? model : undefined;
  if (file === CRISIS_MODEL_FILE) cachedCrisis = valid ?? null;
  return valid;
}

/**
 * At or above this probability the crisis model's verdict stands beside the patterns'. Chosen by the
 * cross-validation in `npm run train:classifier`, for few false alarms: an emergency reply to an
 * ordinary question is alarming, but a missed emergency is worse. On 7,104 tuning messages (358 crises),
 * 0.6 alone caught 89.9% of crises in folds it had not seen, 96.6% with the patterns, with 13 false
 * alarms (0.2%); 0.5 caught the same with the patterns and 18 false alarms.
 */
export const CRISIS_THRESHOLD = 0.6;

/**
 * Below the threshold, a message still counts as an emergency when the crisis model gives it at least
 * `probability` and the intent model gives `handoff` at least `handoff`: indirect wording ("I want my
 * things to go to the right people after") is where the crisis model is least sure, and the intent model,
 * which learned every crisis as a request for a person, is the second opinion. Cross-validated on 1,874
 * crisis and 18,202 other tuning messages (`npm run train:classifier`), with the patterns: 0.6 alone
 * caught 94.1% with 56 false alarms; with this tier 96.4% with 109 (0.6%), where 0.2 with handoff 0.3
 * caught 95.7% with 72. A lower threshold alone costs far more false alarms for fewer: 0.3 caught 95.8%
 * with 253. A crisis missed costs more than a safety message and an urgent ticket sent in error.
 */
export const CRISIS_SECOND_TIER = { probability: 0.1, handoff: 0.2 };

/** How likely a message is to be about danger now, 0..1, from its word features (`wordFeatures`). */
export function crisisProbability(model: LearnedModel<CrisisLabel>, words: Features): number {
  return predict(model, words).probabilities.crisis ?? 0;
}

/** The article model (which article answers a question), or undefined when none has been trained. */
export function loadArticleModel(file: string = ARTICLE_MODEL_FILE): LearnedModel<string> | undefined {
  if (file === ARTICLE_MODEL_FILE && cachedArticles !== undefined) return cachedArticles ?? undefined;
  const model = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LearnedModel<string>) : undefined;
  const valid = model && model.version === 1 ? model : undefined;
  if (file === ARTICLE_MODEL_FILE) cachedArticles = valid ?? null;
  return valid;
}


/** The trained model shipped with the assistant, or undefined when none has been trained yet. */
export function loadIntentModel(file: string = MODEL_FILE): LearnedModel | undefined {
  if (file === MODEL_FILE && cached !== undefined) return cached ?? undefined;
  const model = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LearnedModel) : undefined;
  const valid = model && model.version === 1 && model.intents.every((intent) => (INTENTS as readonly string[]).includes(intent)) ? model : undefined;
  if (file === MODEL_FILE) cached = valid ?? null;
  return valid;
}

/**
 * The learned classification of a message: the model's probabilities over intents, reported in the
 * shape the lexicon classifier uses (confidence = the winner's probability), with the lexicon's cues
 * kept for explanations.
 */
export function classifyWithModel(model: LearnedModel, tokens: string[], signals: MessageSignals, lexicon: Classification): Classification {
  const prediction = predict(model, messageFeatures(tokens, signals));
  const result: Classification = {
    intent: prediction.intent,
    confidence: Math.round(prediction.probability * 1000) / 1000,
    scores: prediction.probabilities,
    cues: lexicon.cues,
  };
  if (prediction.runnerUp && prediction.runnerUpProbability >= 0.1) result.runnerUp = prediction.runnerUp as Intent;
  return result;
}

/**
 * Reads the three shipped models into their caches now, so the router built later finds them parsed: a
 * web process does this while it waits for the primary to finish migrating and seeding.
 */
export function preloadModels(): void {
  loadIntentModel();
  loadArticleModel();
  loadCrisisModel();
}
