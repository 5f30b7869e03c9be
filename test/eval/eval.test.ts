import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTENTS } from '../../core/intents.js';
import { runEval, type EvalReport } from './eval-harness.js';
import { readEvalSet } from './eval-corpus.js';
import { createEvalWorld, type EvalWorld } from './eval-world.js';

/**
 * The floors the router holds on the frozen held-out split (never used for tuning), measured with the
 * real articles, hours, events and a SQLite catalog. They are set at what the router reaches, not at the
 * targets: see the numbers and their intervals in `npm run eval`. The targets (intent ≥ 95%,
 * confidently wrong ≤ 1%, right article ≥ 90%, asked record first ≥ 95%) are not all met yet.
 */
const FLOORS = {
  accuracy: 0.94,
  confidentlyWrong: 0.015,
  article: 0.83,
  day: 0.98,
  catalog: 0.88,
  crisis: 1,
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

  it('is about a tenth Spanish, with crisis messages and other languages in both splits', () => {
    const all = [...tuning, ...heldOut];
    const spanish = all.filter((item) => item.language === 'es').length / all.length;
    expect(spanish).toBeGreaterThan(0.08);
    expect(spanish).toBeLessThan(0.15);
    for (const split of [tuning, heldOut]) {
      expect(split.filter((item) => item.crisis).length).toBeGreaterThanOrEqual(10);
      expect(split.filter((item) => item.foreign).length).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('router evaluation on the held-out split', () => {
  let world: EvalWorld;
  let report: EvalReport;

  beforeAll(async () => {
    world = await createEvalWorld();
    report = await runEval('held-out', world);
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
});
