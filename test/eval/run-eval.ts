import { INTENTS } from '../../core/intents.js';
import { runEval, type EvalReport } from './eval-harness.js';

/** `npm run eval`: intent accuracy, per-intent precision/recall, confusion, FAQ answers, latency. */
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

function print(report: EvalReport, verbose: boolean): void {
  const { cases } = report;
  console.log(`\n== ${report.name} (${cases.length} messages)`);
  console.log(`intent accuracy         ${pct(report.accuracy)}`);
  console.log(`FAQ right article       ${pct(report.faqAnswerAccuracy)} of ${cases.filter((c) => c.case.article).length} (answered ${report.faqAnswered})`);
  console.log(`confidently wrong       ${pct(report.confidentlyWrongRate)} (${cases.filter((c) => c.confidentlyWrong).length})`);
  console.log(`routing latency         p50 ${report.p50.toFixed(2)} ms, p99 ${report.p99.toFixed(2)} ms`);
  console.log('\nintent       precision  recall  support');
  for (const stats of report.perIntent) {
    console.log(`${stats.intent.padEnd(12)} ${pct(stats.precision).padStart(9)} ${pct(stats.recall).padStart(7)} ${String(stats.support).padStart(8)}`);
  }
  const short = (intent: string): string => intent.slice(0, 5);
  console.log(`\nconfusion (rows: label, columns: routed)\n${''.padEnd(10)}${INTENTS.map((i) => short(i).padStart(6)).join('')}`);
  for (const label of INTENTS) {
    const row = report.confusion[label] ?? {};
    console.log(`${label.padEnd(10)}${INTENTS.map((i) => String(row[i] ?? '.').padStart(6)).join('')}`);
  }
  if (verbose) {
    console.log('\nmisses:');
    for (const c of cases.filter((x) => !x.intentCorrect || x.confidentlyWrong || (x.case.article && x.result.articleId !== x.case.article))) {
      console.log(`  ${c.case.intent} → ${c.result.intent} (${c.result.outcome}, ${c.result.confidence.toFixed(2)}${c.case.article ? `, article ${c.case.article} → ${c.result.articleId ?? '-'}` : ''})${c.confidentlyWrong ? ' CONFIDENTLY WRONG' : ''}: ${c.case.text.slice(0, 90)}`);
    }
  }
}

const verbose = process.argv.includes('--misses');
// The held-out set is measured, never looked at case by case: its misses print only with --misses-heldout.
print(await runEval('tuning'), verbose);
print(await runEval('heldout'), process.argv.includes('--misses-heldout'));
