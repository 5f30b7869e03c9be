/**
 * `npm run train:classifier`: trains the router's intent model (bots/classifier/model.json) and article
 * model (article-model.json) from the tuning split (test/fixtures/eval/tuning.jsonl) and the knowledge
 * articles' own questions. Cross-validates first, by conversation, in five folds: each fold is predicted
 * by models trained on the other four, so the numbers are not flattered by the model having seen the
 * message. The held-out split is never read here.
 *
 *   npm run train:classifier                     cross-validate the models and the whole router, then write the models
 *   npm run train:classifier -- --cv-only        cross-validate only
 *   npm run train:classifier -- --no-router      skip the (slower) cross-validation of the whole router
 *   npm run train:classifier -- --no-cv          write the models without cross-validating (a quick retrain while working)
 *   npm run train:classifier -- --misses         list the models' cross-validated misses
 *   npm run train:classifier -- --router-misses  list the router's cross-validated misses
 *   npm run train:classifier -- --ask-below=0.3,0.4,0.5   cross-validate the router at each threshold
 *   npm run train:classifier -- --score-first=1672        score only the first conversations (an earlier
 *                                                         corpus, for comparison); the rest still train every fold
 */
import { writeFileSync } from 'node:fs';
import { ARTICLE_MODEL_FILE, CRISIS_MODEL_FILE, CRISIS_SECOND_TIER, CRISIS_THRESHOLD, crisisProbability, MODEL_FILE } from '../../bots/classifier/intent-model.js';
import { detectSafety } from '../../bots/classifier/safety.js';
import { predict, type TrainOptions } from '../../bots/classifier/learned.js';
import type { RouterOptions } from '../../bots/index.js';
import { chooseArticle, FAQ_THRESHOLDS, type FaqThresholds } from '../../bots/skills/faq.js';
import { BLEND_WEIGHTS, blendCandidates, type BlendWeights } from '../../bots/skills/faq-search.js';
import type { KnowledgePort } from '../../core/knowledge.js';
import { ARTICLE_TRAINING, INTENT_TRAINING, readTrainingData, selectedMessages, trainArticleModel, trainCrisisModel, trainIntentModel, type TrainingData, type TunedMessage } from './classifier-training.js';
import { routeCases, summarize, wilson, type CaseResult, type Rate } from './eval-harness.js';
import { createEvalWorld } from './eval-world.js';
import { printReport } from './print-report.js';

const FOLDS = 5;
/** The thresholds the model-only cross-validation reports the confidently-wrong rate at. */
const THRESHOLDS = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7];
/** Intents that never act on a guess: a hand-off and "I did not understand" are not confident mistakes. */
const NOT_ACTING = new Set(['handoff', 'unknown']);

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const listArg = (name: string): number[] | undefined =>
  args
    .find((arg) => arg.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(',')
    .map(Number);

/**
 * EPOCHS, RATE, L2 and SHUFFLES in the environment override the intent model's shipped settings, and
 * ARTICLE_EPOCHS, ARTICLE_RATE, ARTICLE_L2 and ARTICLE_SHUFFLES the article model's, for trying candidates.
 */
function withOverrides(options: TrainOptions, prefix: string): TrainOptions {
  const env = (name: string): number | undefined => (process.env[`${prefix}${name}`] ? Number(process.env[`${prefix}${name}`]) : undefined);
  const overrides: TrainOptions = {};
  if (env('EPOCHS') !== undefined) overrides.epochs = env('EPOCHS')!;
  if (env('RATE') !== undefined) overrides.learningRate = env('RATE')!;
  if (env('L2') !== undefined) overrides.l2 = env('L2')!;
  if (env('SHUFFLES') !== undefined) overrides.shuffles = env('SHUFFLES')!;
  return { ...options, ...overrides };
}
const intentOptions = withOverrides(INTENT_TRAINING, '');
const articleOptions = withOverrides(ARTICLE_TRAINING, 'ARTICLE_');

/** The blend and FAQ thresholds the cross-validation compares: the shipped ones, and candidates given with --blend and --faq. */
function blendWeights(): BlendWeights[] {
  const modelWeights = listArg('blend');
  return modelWeights ? modelWeights.map((model) => ({ model, search: Math.round((1 - model) * 100) / 100 })) : [BLEND_WEIGHTS];
}
function faqThresholds(): FaqThresholds[] {
  const sure = listArg('faq-sure') ?? [FAQ_THRESHOLDS.sure];
  const min = listArg('faq-min') ?? [FAQ_THRESHOLDS.min];
  const margin = listArg('faq-margin') ?? [FAQ_THRESHOLDS.closeMargin];
  return sure.flatMap((s) => min.flatMap((m) => margin.map((closeMargin) => ({ min: m, sure: s, closeMargin }))));
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const rate = (r: Rate): string => `${pct(r.value)} [${pct(r.low)}–${pct(r.high)}] (${r.hits}/${r.total})`;
/** Conversations scored: all, or the first n (so that numbers stay comparable when examples are added). */
const scored = listArg('score-first')?.[0] ?? Infinity;
const inFold = (fold: number) => (index: number) => index % FOLDS === fold && index < scored;
const outOfFold = (fold: number) => (index: number) => index % FOLDS !== fold || index >= scored;

/** The models alone: intent accuracy, confidently wrong per threshold, right article. Seconds. */
function crossValidateModels(data: TrainingData, knowledge: KnowledgePort): void {
  const outcomes: Array<{ p: number; ok: boolean; acts: boolean; line: string }> = [];
  let articleRight = 0;
  let articleTotal = 0;
  const blends: Array<{ message: TunedMessage; predicted: Partial<Record<string, number>> }> = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainIntentModel(data, outOfFold(fold), intentOptions);
    const articleModel = trainArticleModel(data, outOfFold(fold), articleOptions);
    for (const message of selectedMessages(data, inFold(fold))) {
      const prediction = predict(model, message.intentExample.features);
      const ok = prediction.intent === message.case.intent;
      const line = `${message.case.intent} → ${prediction.intent} (${prediction.probability.toFixed(2)}): ${JSON.stringify(message.case.text.slice(0, 80))}`;
      outcomes.push({ p: prediction.probability, ok, acts: !NOT_ACTING.has(prediction.intent), line });
      if (message.articleExample) {
        articleTotal++;
        const predicted = predict(articleModel, message.articleExample.features);
        if (predicted.intent === message.articleExample.intent) articleRight++;
        blends.push({ message, predicted: predicted.probabilities });
      }
    }
  }
  const right = outcomes.filter((item) => item.ok).length;
  console.log(`intent model, ${FOLDS}-fold cross-validation: ${rate(wilson(right, outcomes.length))}`);
  for (const threshold of THRESHOLDS) {
    const kept = outcomes.filter((item) => item.p >= threshold);
    const wrong = kept.filter((item) => !item.ok && item.acts).length;
    console.log(`  acting at confidence ≥ ${threshold.toFixed(2)}: acts on ${pct(kept.length / outcomes.length)}, confidently wrong ${rate(wilson(wrong, outcomes.length))}`);
  }
  console.log(`article model, ${FOLDS}-fold cross-validation: ${rate(wilson(articleRight, articleTotal))} over ${data.articleIds.length} articles`);
  for (const weights of blendWeights()) {
    for (const thresholds of faqThresholds()) {
      let answeredRight = 0;
      let answeredWrong = 0;
      let offered = 0;
      for (const { message, predicted } of blends) {
        const choice = chooseArticle(blendCandidates(knowledge, message.searched, predicted, message.language, weights), thresholds);
        if ('answer' in choice) {
          if (choice.answer.id === message.case.article) answeredRight++;
          else answeredWrong++;
        } else if ('offer' in choice) offered++;
      }
      const total = blends.length;
      console.log(
        `  FAQ answers, blend ${weights.model}/${weights.search}, min ${thresholds.min} sure ${thresholds.sure} margin ${thresholds.closeMargin}: right article ${rate(wilson(answeredRight, total))}, wrong article ${pct(answeredWrong / total)} (${answeredWrong}), offered ${offered}`,
      );
    }
  }
  if (flag('misses')) for (const { line } of outcomes.filter((item) => !item.ok).sort((a, b) => a.line.localeCompare(b.line))) console.log(`  ${line}`);
}

/** The thresholds the crisis model is cross-validated at. */
const CRISIS_THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * The crisis model beside the patterns: of the crisis messages, how many the patterns alone catch and
 * how many patterns or model catch; of the others, how many the model alone would wrongly treat as an
 * emergency (the patterns' own false alarms are counted too). Each fold predicted by a model trained
 * without it.
 */
function crossValidateCrisis(data: TrainingData): void {
  const outcomes: Array<{ crisis: boolean; pattern: boolean; p: number; handoff: number; text: string }> = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainCrisisModel(data, outOfFold(fold));
    const intents = trainIntentModel(data, outOfFold(fold), intentOptions);
    for (const message of selectedMessages(data, inFold(fold))) {
      outcomes.push({
        crisis: message.case.crisis === true,
        pattern: detectSafety(message.case.text) !== undefined,
        p: crisisProbability(model, message.crisisExample.features),
        handoff: predict(intents, message.intentExample.features).probabilities.handoff ?? 0,
        text: message.case.text,
      });
    }
  }
  const crises = outcomes.filter((item) => item.crisis);
  const others = outcomes.filter((item) => !item.crisis);
  console.log(`crisis, ${FOLDS}-fold cross-validation: ${crises.length} crisis messages, ${others.length} others`);
  console.log(`  patterns alone: crisis caught ${rate(wilson(crises.filter((item) => item.pattern).length, crises.length))}, false alarms ${others.filter((item) => item.pattern).length}`);
  if (flag('misses')) {
    for (const item of others.filter((other) => !other.pattern && other.p >= CRISIS_THRESHOLD)) console.log(`  false alarm (${item.p.toFixed(2)}): ${JSON.stringify(item.text.slice(0, 100))}`);
    for (const item of crises.filter((crisis) => !crisis.pattern && crisis.p < CRISIS_THRESHOLD)) console.log(`  missed crisis (${item.p.toFixed(2)}): ${JSON.stringify(item.text.slice(0, 140))}`);
  }
  for (const threshold of CRISIS_THRESHOLDS) {
    const caught = crises.filter((item) => item.pattern || item.p >= threshold).length;
    // The patterns were written from these very messages; the model alone says what it adds on new wording.
    const modelAlone = crises.filter((item) => item.p >= threshold).length;
    const falseAlarms = others.filter((item) => !item.pattern && item.p >= threshold).length;
    const shipped = threshold === CRISIS_THRESHOLD ? ' (shipped)' : '';
    console.log(`  model ≥ ${threshold.toFixed(2)}${shipped}: model alone catches ${rate(wilson(modelAlone, crises.length))}, with the patterns ${rate(wilson(caught, crises.length))}, model's false alarms ${falseAlarms} (${pct(falseAlarms / others.length)})`);
  }
  // A second tier: a lower crisis probability counts when the intent model also leans to a person (handoff).
  for (const low of [0.1, 0.15, 0.2, 0.3, 0.4, 0.5]) {
    for (const handoff of [0.2, 0.3, 0.5]) {
      const flagged = (item: (typeof outcomes)[number]) => item.p >= CRISIS_THRESHOLD || (item.p >= low && item.handoff >= handoff);
      const caught = crises.filter((item) => item.pattern || flagged(item)).length;
      const falseAlarms = others.filter((item) => !item.pattern && flagged(item)).length;
      const marker = low === CRISIS_SECOND_TIER.probability && handoff === CRISIS_SECOND_TIER.handoff ? ' (shipped)' : '';
      console.log(`  model ≥ ${CRISIS_THRESHOLD}, or ≥ ${low} with handoff ≥ ${handoff}${marker}: with the patterns ${rate(wilson(caught, crises.length))}, false alarms ${falseAlarms} (${pct(falseAlarms / others.length)})`);
    }
  }
}

/**
 * The whole router, with models trained without the fold it routes: every target's proxy (intent,
 * confidently wrong, right article, day, catalog record, device, crisis, other-language reply), at each
 * threshold asked for; each fold's models are trained once and shared by the thresholds.
 */
async function crossValidateRouter(data: TrainingData, world: Awaited<ReturnType<typeof createEvalWorld>>, thresholds: (number | undefined)[]): Promise<void> {
  const cases: CaseResult[][] = thresholds.map(() => []);
  for (let fold = 0; fold < FOLDS; fold++) {
    const models: RouterOptions = {
      model: trainIntentModel(data, outOfFold(fold), intentOptions),
      articleModel: trainArticleModel(data, outOfFold(fold), articleOptions),
      crisisModel: trainCrisisModel(data, outOfFold(fold)),
    };
    for (const [index, askBelow] of thresholds.entries()) cases[index]!.push(...(await routeCases('tuning', world, askBelow === undefined ? models : { ...models, askBelow }, inFold(fold))));
  }
  for (const [index, askBelow] of thresholds.entries()) {
    const label = askBelow === undefined ? 'shipped threshold' : `askBelow ${askBelow}`;
    printReport(summarize(`router, ${FOLDS}-fold cross-validation on the tuning split (${label})`, cases[index]!), flag('router-misses'));
  }
}

const world = await createEvalWorld();
try {
  const data = readTrainingData(world.knowledge, world.calendar);
  if (!flag('no-cv')) {
    crossValidateModels(data, world.knowledge);
    crossValidateCrisis(data);
  }
  if (!flag('no-router') && !flag('no-cv')) await crossValidateRouter(data, world, listArg('ask-below') ?? [undefined]);
  if (!flag('cv-only')) {
    const model = trainIntentModel(data, undefined, intentOptions);
    writeFileSync(MODEL_FILE, `${JSON.stringify(model)}\n`);
    console.log(`wrote ${MODEL_FILE}: ${Object.keys(model.weights).length} features, ${model.trainedOn.examples} examples + ${model.trainedOn.articleQuestions} article questions`);
    const articleModel = trainArticleModel(data, undefined, articleOptions);
    writeFileSync(ARTICLE_MODEL_FILE, `${JSON.stringify(articleModel)}\n`);
    console.log(`wrote ${ARTICLE_MODEL_FILE}: ${Object.keys(articleModel.weights).length} features over ${data.articleIds.length} articles`);
    const crisisModel = trainCrisisModel(data);
    writeFileSync(CRISIS_MODEL_FILE, `${JSON.stringify(crisisModel)}\n`);
    console.log(`wrote ${CRISIS_MODEL_FILE}: ${Object.keys(crisisModel.weights).length} features, ${crisisModel.trainedOn.examples} examples`);
  }
} finally {
  await world.close();
}
