import type { Intent } from '../../core/intents.js';
import type { Features } from './features.js';
import { seededRandom } from '../../core/seeded-random.js';

/**
 * A multinomial logistic regression over the message features (features.ts), trained from labelled
 * patron messages and the articles' own questions. Coverage grows by adding examples and retraining
 * (`npm run train:classifier`), never by editing weights.
 */
export interface LearnedModel<Label extends string = Intent> {
  version: 1;
  /** The labels the model chooses between: intents, or article ids for the article model. */
  intents: Label[];
  /** Per feature, one weight per intent (same order as `intents`). */
  weights: Record<string, number[]>;
  /** What the model was trained on, for `libdesk ask --explain` and the eval report. */
  trainedOn: { examples: number; articleQuestions: number };
}

export interface LearnedPrediction<Label extends string = Intent> {
  intent: Label;
  /** Softmax probability of the winner. */
  probability: number;
  runnerUp?: Label;
  runnerUpProbability: number;
  probabilities: Partial<Record<Label, number>>;
}

export interface TrainingExample<Label extends string = Intent> {
  features: Features;
  intent: Label;
  /** How much the example counts (article questions count less than patron messages). */
  weight?: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /**
   * How many shuffles to train and average (seed, seed + 1, …). One shuffle's weights depend on the
   * order the examples came in; their average is steadier on messages it has not seen, and is still one
   * linear model, so predicting costs the same.
   */
  shuffles?: number;
}

function softmax(scores: Iterable<number>): number[] {
  return Array.from(softmaxInPlace(Float64Array.from(scores)));
}

/**
 * Softmax in place, for predicting: no new arrays on each of the three predictions per message.
 */
function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp(scores[c]! - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = scores[c]! / sum;
  return scores;
}

/**
 * A model's weights packed once per model into one flat array, with each feature's row offset in a map:
 * probing a plain object of tens of thousands of keys, then an array per feature, for every word of every
 * message cost more than the arithmetic.
 */
interface PackedWeights {
  offsets: Map<string, number>;
  values: Float64Array;
}
const packedWeights = new WeakMap<LearnedModel<string>, PackedWeights>();

function packed(model: LearnedModel<string>): PackedWeights {
  let table = packedWeights.get(model);
  if (!table) {
    const classes = model.intents.length;
    const entries = Object.entries(model.weights);
    const values = new Float64Array(entries.length * classes);
    const offsets = new Map<string, number>();
    entries.forEach(([name, weights], row) => {
      offsets.set(name, row * classes);
      values.set(weights, row * classes);
    });
    table = { offsets, values };
    packedWeights.set(model, table);
  }
  return table;
}

export function predict<Label extends string>(model: LearnedModel<Label>, features: Features): LearnedPrediction<Label> {
  const classes = model.intents.length;
  const { offsets, values } = packed(model);
  const scores = new Float64Array(classes);
  for (const [name, value] of features) {
    const offset = offsets.get(name);
    if (offset === undefined) continue;
    for (let c = 0; c < classes; c++) scores[c]! += value * values[offset + c]!;
  }
  const probabilities = softmaxInPlace(scores);
  let best = 0;
  let second = -1;
  for (let c = 1; c < classes; c++) {
    if (probabilities[c]! > probabilities[best]!) {
      second = best;
      best = c;
    } else if (second < 0 || probabilities[c]! > probabilities[second]!) second = c;
  }
  const rounded: Partial<Record<Label, number>> = {};
  for (let c = 0; c < classes; c++) rounded[model.intents[c]!] = Math.round(probabilities[c]! * 1000) / 1000;
  const result: LearnedPrediction<Label> = {
    intent: model.intents[best]!,
    probability: probabilities[best]!,
    runnerUpProbability: second >= 0 ? probabilities[second]! : 0,
    probabilities: rounded,
  };
  if (second >= 0) result.runnerUp = model.intents[second]!;
  return result;
}

/** Adagrad on the cross-entropy loss with L2, averaged over `shuffles` orders; deterministic for a seed. */
export function trainModel<Label extends string>(examples: TrainingExample<Label>[], intents: readonly Label[], options: TrainOptions = {}): LearnedModel<Label> {
  const shuffles = Math.max(1, options.shuffles ?? 1);
  const seed = options.seed ?? 11;
  const sum = new Map<string, Float64Array>();
  for (let k = 0; k < shuffles; k++) {
    for (const [name, w] of trainOnce(examples, intents, { ...options, seed: seed + k })) {
      const total = sum.get(name) ?? new Float64Array(intents.length);
      for (let c = 0; c < w.length; c++) total[c]! += w[c]! / shuffles;
      sum.set(name, total);
    }
  }
  const out: Record<string, number[]> = {};
  for (const [name, w] of sum) {
    const rounded = Array.from(w, (value) => Math.round(value * 1000) / 1000);
    if (rounded.some((value) => Math.abs(value) >= 0.01)) out[name] = rounded;
  }
  return { version: 1, intents: [...intents], weights: out, trainedOn: { examples: 0, articleQuestions: 0 } };
}

function trainOnce<Label extends string>(examples: TrainingExample<Label>[], intents: readonly Label[], options: TrainOptions): Map<string, Float64Array> {
  const epochs = options.epochs ?? 10;
  const rate = options.learningRate ?? 0.2;
  const l2 = options.l2 ?? 3e-3;
  const random = seededRandom(options.seed ?? 11);
  const classes = intents.length;
  const classOf = new Map(intents.map((intent, c) => [intent, c]));
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  const slot = (name: string): [Float64Array, Float64Array] => {
    let w = weights.get(name);
    let g = squares.get(name);
    if (!w || !g) {
      w = new Float64Array(classes);
      g = new Float64Array(classes).fill(1e-6);
      weights.set(name, w);
      squares.set(name, g);
    }
    return [w, g];
  };
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const example = examples[index]!;
      const target = classOf.get(example.intent);
      if (target === undefined) continue;
      const slots = example.features.map(([name, value]) => [slot(name), value] as const);
      const scores = new Array<number>(classes).fill(0);
      for (const [[w], value] of slots) for (let c = 0; c < classes; c++) scores[c]! += value * w[c]!;
      const probabilities = softmax(scores);
      const weight = example.weight ?? 1;
      for (const [[w, g], value] of slots) {
        for (let c = 0; c < classes; c++) {
          const gradient = weight * (probabilities[c]! - (c === target ? 1 : 0)) * value + l2 * w[c]!;
          g[c]! += gradient * gradient;
          w[c]! -= (rate * gradient) / Math.sqrt(g[c]!);
        }
      }
    }
  }
  return weights;
}
