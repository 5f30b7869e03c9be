import { runEval } from './eval-harness.js';
import { printReport } from './print-report.js';
import { createEvalWorld } from './eval-world.js';

/**
 * `npm run eval`: intent accuracy with 95% Wilson intervals, per intent and per language, the
 * confidently-wrong rate, answer scores (right article, day, branch fact, catalog record, device, crisis
 * reply, unsupported-language reply) and latency; for the router as shipped and for the lexicon-only
 * classifier it replaced, on the tuning split and on the frozen held-out split.
 *
 *   npm run eval                     both splits, both classifiers
 *   npm run eval -- --misses         also list the tuning split's misses
 * The held-out split is measured, never studied case by case: its misses print only with --misses-held-out.
 */
const args = new Set(process.argv.slice(2));
const world = await createEvalWorld();
try {
  const only = args.has('--tuning-only');
  printReport(await runEval('tuning', world, {}, 'tuning split, router as shipped'), args.has('--misses'));
  if (!only) {
    printReport(await runEval('held-out', world, { classifier: 'lexicon' }, 'held-out split, lexicon-only classifier (before)'), false);
    printReport(await runEval('held-out', world, {}, 'held-out split, router as shipped'), args.has('--misses-held-out'));
  }
} finally {
  await world.close();
}
