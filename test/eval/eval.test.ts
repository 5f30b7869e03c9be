import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTENTS } from '../../core/intents.js';
import { runEval, type EvalReport } from './eval-harness.js';
import { readEvalSet } from './eval-corpus.js';
import { createEvalWorld, type EvalWorld } from './eval-world.js';

/**
 * Regression floors on the tuning split, measured with the real articles, hours, events and a SQLite
 * catalog. The models are trained on this split, so these numbers flatter the router: they catch a change
 * that breaks what it already handles, nothing more. How good it is on messages it has not seen is
 * measured only by `npm run eval` on the frozen held-out split, which no test reads for a score, so that no
 * floor or threshold is ever set from it.
 */
const FLOORS = {
  accuracy: 0.98,
  confidentlyWrong: 0.01,
  article: 0.96,
  day: 0.95,
  catalog: 0.9,
  crisis: 1,
  /** The safety reply (call 911, an urgent ticket) to a message that is no crisis. */
  falseAlarms: 0.005,
};

describe('the labelled corpus', () => {
  const tuning = readEvalSet('tuning');
  const heldOut = readEvalSet('held-out');

  it('holds at least 1,500 messages, 400 of them held out, every intent in both splits', () => {
    expect(tuning.length + heldOut.length).toBeGreaterThanOrEqual(1500);
    expect(heldOut.length).toBeGreaterThanOrEqual(400);
    for (const intent of INTENTS) {
      expect(tuning.some((item) => item.intent === intent), intent).toBe(true);
      expect(heldOut.some((item) => item.intent === intent), intent).toBe(true);
    }
  });

  // The brief asks each new split for some 15% Spanish; the corpus as a whole stays between a tenth and a fifth.
  it('is a tenth to a fifth Spanish, with crisis messages and other languages in both splits', () => {
    const all = [...tuning, ...heldOut];
    const spanish = all.filter((item) => item.language === 'es').length / all.length;
    expect(spanish).toBeGreaterThan(0.08);
    expect(spanish).toBeLessThan(0.2);
    for (const split of [tuning, heldOut]) {
      expect(split.filter((item) => item.crisis).length).toBeGreaterThanOrEqual(10);
      expect(split.filter((item) => item.foreign).length).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('router evaluation on the tuning split (regression floors)', () => {
  let world: EvalWorld;
  let report: EvalReport;

  beforeAll(async () => {
    world = await createEvalWorld();
    report = await runEval('tuning', world);
  }, 300_000);

  afterAll(async () => {
    await world?.close();
  });

  it('meets the intent and confidently-wrong floors', () => {
    expect(report.accuracy.value).toBeGreaterThanOrEqual(FLOORS.accuracy);
    expect(report.confidentlyWrong.value).toBeLessThanOrEqual(FLOORS.confidentlyWrong);
  });

  it('meets the answer floors, and every crisis message gets the safety reply', () => {
    expect(report.answers.article.value).toBeGreaterThanOrEqual(FLOORS.article);
    expect(report.answers.day.value).toBeGreaterThanOrEqual(FLOORS.day);
    expect(report.answers.catalog.value).toBeGreaterThanOrEqual(FLOORS.catalog);
    expect(report.answers.crisis.value).toBe(FLOORS.crisis);
  });

  it('gives the safety reply to few messages that are no crisis', () => {
    expect(report.falseAlarms.value).toBeLessThanOrEqual(FLOORS.falseAlarms);
  });
});
