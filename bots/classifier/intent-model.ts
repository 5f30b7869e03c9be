import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INTENTS, type Intent } from '../../core/intents.js';
import { messageFeatures, type MessageSignals } from './features.js';
import { predict, type LearnedModel } from './learned.js';
import type { Classification } from './classify.js';

/** Where `npm run train:classifier` writes the models the router loads. */
export const MODEL_FILE = fileURLToPath(new URL('./model.json', import.meta.url));
export const ARTICLE_MODEL_FILE = fileURLToPath(new URL('./article-model.json', import.meta.url));

let cached: LearnedModel | null | undefined;
let cachedArticles: LearnedModel<string> | null | undefined;

/** The article model (which article answers a question), or undefined when none has been trained. */
export function loadArticleModel(file: string = ARTICLE_MODEL_FILE): LearnedModel<string> | undefined {
  if (file === ARTICLE_MODEL_FILE && cachedArticles !== undefined) return cachedArticles ?? undefined;
  const model = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LearnedModel<string>) : undefined;
  const valid = model && model.version === 1 ? model : undefined;
  if (file === ARTICLE_MODEL_FILE) cachedArticles = valid ?? null;
  return valid;
}

/** Features for the article model: the words only (entities and cues say nothing about which article). */
export function articleFeatures(tokens: string[]): ReturnType<typeof messageFeatures> {
  return messageFeatures(tokens, {}, { trigramWeight: 0.4, wordClasses: false });
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
