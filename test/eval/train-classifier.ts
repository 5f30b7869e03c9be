/**
 * `npm run train:classifier`: trains the router's intent model (bots/classifier/model.json) from the
 * tuning split (test/fixtures/eval/tuning.jsonl) and the knowledge articles' own questions, reading
 * every message through the router's own reader (same entities, knowledge scores and cues as in
 * production). Prints a 5-fold cross-validation of the tuning split first. The held-out split is never
 * read here.
 *
 *   npm run train:classifier              train, cross-validate, write the model
 *   npm run train:classifier -- --cv-only cross-validate only
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_ASSETS } from '../../assets/index.js';
import { ARTICLE_MODEL_FILE, articleFeatures, MODEL_FILE } from '../../bots/classifier/intent-model.js';
import { messageFeatures } from '../../bots/classifier/features.js';
import { predict, trainModel, type TrainingExample } from '../../bots/classifier/learned.js';
import { createMessageReader } from '../../bots/classifier/read-message.js';
import { detectLanguage } from '../../bots/language.js';
import { tagPrefixes } from '../../bots/skills/equipment.js';
import { messageBody } from '../../bots/text/message-body.js';
import { INTENTS } from '../../core/intents.js';
import { createKnowledgeBase } from '../../knowledge/knowledge-base.js';
import { createLibraryCalendar } from '../../knowledge/library-calendar.js';
import { readEvalSet } from './eval-corpus.js';
import { EVAL_NOW } from './eval-world.js';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
/**
 * Articles whose questions are not FAQ questions in routing terms: opening hours are the hours skill's,
 * contact details and holiday dates the branch-facts and hours answers'.
 */
const NOT_FAQ_ARTICLES = new Set(['hours-and-locations', 'hours-and-locations-es', 'contact-us', 'holiday-closures']);
/** Article questions are tidier than patrons' messages: they count half. */
const ARTICLE_QUESTION_WEIGHT = 0.5;
const FOLDS = 5;

const knowledge = await createKnowledgeBase({ dir: root('knowledge/articles') });
const calendar = await createLibraryCalendar({ file: root('knowledge/library.yaml') });
const reader = createMessageReader({ knowledge, calendar });
const now = new Date(EVAL_NOW);
const assetPrefixes = tagPrefixes(DEMO_ASSETS);

const tokensOf = new Map<string, string[]>();
function example(text: string, intent: TrainingExample['intent'], weight = 1): TrainingExample {
  const body = messageBody(text);
  const reading = reader.read(body, { now, language: detectLanguage(body), assetPrefixes });
  tokensOf.set(text, reading.tokens);
  return { features: messageFeatures(reading.tokens, reading.signals), intent, weight };
}

const tuning = readEvalSet('tuning').map((item) => example(item.text, item.intent));
const articleQuestions = knowledge
  .all()
  .filter((article) => !NOT_FAQ_ARTICLES.has(article.id) && !NOT_FAQ_ARTICLES.has(article.translationOf ?? ''))
  .flatMap((article) => article.questions.map((question) => example(question, 'faq', ARTICLE_QUESTION_WEIGHT)));

// Cross-validation on the tuning split: each fold is predicted by a model trained on the other folds.
let right = 0;
const probabilities: Array<{ p: number; ok: boolean }> = [];
const texts = readEvalSet('tuning');
const misses: string[] = [];
const options = { ...(process.env.EPOCHS ? { epochs: Number(process.env.EPOCHS) } : {}), ...(process.env.RATE ? { learningRate: Number(process.env.RATE) } : {}), ...(process.env.L2 ? { l2: Number(process.env.L2) } : {}) };
for (let fold = 0; fold < FOLDS; fold++) {
  const train = [...tuning.filter((_, i) => i % FOLDS !== fold), ...articleQuestions];
  const test = tuning.filter((_, i) => i % FOLDS === fold);
  const model = trainModel(train, INTENTS, options);
  for (const [k, item] of test.entries()) {
    const prediction = predict(model, item.features);
    const ok = prediction.intent === item.intent;
    if (!ok) misses.push(`${item.intent} → ${prediction.intent} (${prediction.probability.toFixed(2)}): ${JSON.stringify(texts[k * FOLDS + fold]!.text.slice(0, 80))}`);
    if (ok) right++;
    probabilities.push({ p: prediction.probability, ok });
  }
}
console.log(`${FOLDS}-fold cross-validation on the tuning split: ${((right / tuning.length) * 100).toFixed(1)}% (${right}/${tuning.length})`);
for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
  const kept = probabilities.filter((item) => item.p >= threshold);
  const wrong = kept.filter((item) => !item.ok).length;
  console.log(`  confidence ≥ ${threshold.toFixed(2)}: acts on ${((kept.length / probabilities.length) * 100).toFixed(1)}%, wrong among those ${((wrong / Math.max(1, kept.length)) * 100).toFixed(1)}% (${wrong})`);
}

if (process.argv.includes('--misses')) for (const miss of misses.sort()) console.log(`  ${miss}`);

// The article model: which article answers a question, from the tuning messages labelled with one and
// every article's own questions (Spanish versions under their English id).
const originalOf = (id: string): string => knowledge.all().find((article) => article.id === id)?.translationOf ?? id;
const labelled = readEvalSet('tuning').filter((item) => item.article !== undefined);
const articleExamples: TrainingExample<string>[] = [
  ...labelled.map((item) => ({ features: articleFeatures(tokensOf.get(item.text) ?? []), intent: item.article! })),
  ...knowledge.all().flatMap((article) =>
    article.questions.map((question) => {
      example(question, 'faq');
      return { features: articleFeatures(tokensOf.get(question) ?? []), intent: originalOf(article.id), weight: ARTICLE_QUESTION_WEIGHT };
    }),
  ),
];
const articleIds = [...new Set(articleExamples.map((item) => item.intent))].sort();
let articleRight = 0;
const articleTuning = articleExamples.slice(0, labelled.length);
for (let fold = 0; fold < FOLDS; fold++) {
  const model = trainModel([...articleTuning.filter((_, i) => i % FOLDS !== fold), ...articleExamples.slice(labelled.length)], articleIds, options);
  for (const item of articleTuning.filter((_, i) => i % FOLDS === fold)) if (predict(model, item.features).intent === item.intent) articleRight++;
}
console.log(`article model, ${FOLDS}-fold cross-validation: ${((articleRight / Math.max(1, labelled.length)) * 100).toFixed(1)}% (${articleRight}/${labelled.length}) over ${articleIds.length} articles`);
if (!process.argv.includes('--cv-only')) {
  const model = trainModel([...tuning, ...articleQuestions], INTENTS, options);
  model.trainedOn = { examples: tuning.length, articleQuestions: articleQuestions.length };
  writeFileSync(MODEL_FILE, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${MODEL_FILE}: ${Object.keys(model.weights).length} features, ${tuning.length} examples + ${articleQuestions.length} article questions`);
  const articleModel = trainModel(articleExamples, articleIds, options);
  articleModel.trainedOn = { examples: labelled.length, articleQuestions: articleExamples.length - labelled.length };
  writeFileSync(ARTICLE_MODEL_FILE, `${JSON.stringify(articleModel)}\n`);
  console.log(`wrote ${ARTICLE_MODEL_FILE}: ${Object.keys(articleModel.weights).length} features over ${articleIds.length} articles`);
}
knowledge.close();
calendar.close();
