import { INTENTS } from '../../core/intents.js';
import { ANSWER_KINDS, type EvalReport, type Rate } from './eval-harness.js';

/** How `npm run eval` and the cross-validation in `npm run train:classifier` print a report. */
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const rate = (r: Rate): string => `${pct(r.value).padStart(6)} [${pct(r.low)}–${pct(r.high)}] (${r.hits}/${r.total})`;

const ANSWER_LABELS: Record<(typeof ANSWER_KINDS)[number], string> = {
  article: 'right FAQ article',
  day: 'hours for the asked day',
  fact: 'branch fact stated',
  catalog: 'asked record/author first',
  device: 'right device ticketed',
  crisis: 'crisis: safety reply + urgent',
  foreign: 'other language reply',
};

export function printReport(report: EvalReport, verbose: boolean): void {
  const { cases } = report;
  console.log(`\n== ${report.name} (${cases.length} messages)`);
  console.log(`intent accuracy                ${rate(report.accuracy)}`);
  console.log(`confidently wrong              ${rate(report.confidentlyWrong)}`);
  for (const kind of ANSWER_KINDS) console.log(`${ANSWER_LABELS[kind].padEnd(31)}${rate(report.answers[kind])}`);
  console.log(`safety reply to no crisis      ${rate(report.falseAlarms)}`);
  console.log(`routing latency            p50 ${report.p50.toFixed(2)} ms, p99 ${report.p99.toFixed(2)} ms`);
  console.log('per language');
  for (const { language, accuracy } of report.perLanguage) console.log(`  ${language.padEnd(25)}${rate(accuracy)}`);
  console.log('\nintent       precision  recall [95% interval] (n)');
  for (const stats of report.perIntent) console.log(`${stats.intent.padEnd(12)} ${pct(stats.precision).padStart(9)}  ${rate(stats.recall)}`);
  const short = (intent: string): string => intent.slice(0, 5);
  console.log(`\nconfusion (rows: label, columns: routed)\n${''.padEnd(10)}${INTENTS.map((i) => short(i).padStart(6)).join('')}`);
  for (const label of INTENTS) {
    const row = report.confusion[label] ?? {};
    console.log(`${label.padEnd(10)}${INTENTS.map((i) => String(row[i] ?? '.').padStart(6)).join('')}`);
  }
  if (verbose) {
    console.log('\nmisses:');
    for (const c of cases.filter((x) => !x.intentCorrect || x.confidentlyWrong || x.falseAlarm || Object.values(x.answers).includes(false))) {
      const wrong = Object.entries(c.answers).filter(([, ok]) => !ok).map(([kind]) => kind);
      console.log(
        `  ${c.case.intent} → ${c.result.intent} (${c.result.outcome}, ${c.result.confidence.toFixed(2)}${wrong.length ? `, wrong ${wrong.join('+')}` : ''}${c.case.article ? `, article ${c.case.article} → ${c.result.articleId ?? '-'}` : ''}${c.case.day ? `, day ${c.case.day} → ${c.result.details?.day ?? '-'}` : ''})${c.confidentlyWrong ? ' CONFIDENTLY WRONG' : ''}${c.falseAlarm ? ' FALSE ALARM' : ''}: ${JSON.stringify(c.case.text.slice(0, 100))}`,
      );
    }
  }
}

