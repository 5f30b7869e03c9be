import { describe, expect, it } from 'vitest';
import { runEval } from './eval-harness.js';

/**
 * The routing floors, measured on the held-out messages (never used for tuning): the router must pick
 * the right intent for at least 95% of them, and act on a wrong guess for at most 1%.
 */
describe('router evaluation (held-out set)', () => {
  it('meets the accuracy and confidently-wrong floors', async () => {
    const report = await runEval('heldout');
    expect(report.cases.length).toBeGreaterThanOrEqual(160);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.confidentlyWrongRate).toBeLessThanOrEqual(0.01);
  }, 60_000);

  it('the labelled sets together hold at least 400 messages covering every intent', async () => {
    const [tuning, heldout] = [await runEval('tuning'), await runEval('heldout')];
    expect(tuning.cases.length + heldout.cases.length).toBeGreaterThanOrEqual(400);
    for (const stats of heldout.perIntent) expect(stats.support, stats.intent).toBeGreaterThan(0);
  }, 60_000);
});
