import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createRouter } from '../../bots/index.js';
import { fixedClock } from '../../core/clock.js';
import { CHANNELS } from '../../core/inquiry.js';
import { INTENTS, type Intent } from '../../core/intents.js';
import type { RouteResult } from '../../core/router.js';
import { parseArticle } from '../../knowledge/article.js';
import { createEventsCalendar } from '../../knowledge/events-calendar.js';
import { createKnowledgeBase } from '../../knowledge/knowledge-base.js';
import { createLibraryCalendar } from '../../knowledge/library-calendar.js';
import { createFakeAssets } from '../fakes/fake-assets.js';
import { createMemoryDialogStore } from '../fakes/fake-dialog-store.js';
import { createFakeTickets } from '../fakes/fake-tickets.js';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export const evalCaseSchema = z.object({
  text: z.string().min(1),
  intent: z.enum(INTENTS),
  article: z.string().optional(),
  channel: z.enum(CHANNELS),
  language: z.enum(['en', 'es']).optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export function readEvalSet(name: 'tuning' | 'heldout'): EvalCase[] {
  const text = readFileSync(root(`test/fixtures/eval/${name}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, index) => {
      const parsed = evalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${name}.jsonl line ${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export interface CaseResult {
  case: EvalCase;
  result: RouteResult;
  ms: number;
  intentCorrect: boolean;
  /** A skill acted on a wrong guess (answered, or filed an equipment ticket) instead of asking or handing off. */
  confidentlyWrong: boolean;
}

export interface IntentStats {
  intent: Intent;
  precision: number;
  recall: number;
  support: number;
}

export interface EvalReport {
  name: string;
  cases: CaseResult[];
  accuracy: number;
  perIntent: IntentStats[];
  /** confusion[label][predicted] = count */
  confusion: Record<string, Record<string, number>>;
  faqAnswerAccuracy: number;
  faqAnswered: number;
  confidentlyWrongRate: number;
  p50: number;
  p99: number;
}

/**
 * The articles that pass `kb check`, copied to a temp folder: one article being edited must not stop the
 * evaluation of the router. Skipped files are reported.
 */
function validArticlesDir(): { dir: string; remove: () => void } {
  const source = root('knowledge/articles');
  const dir = mkdtempSync(join(tmpdir(), 'libdesk-eval-kb-'));
  for (const name of readdirSync(source).filter((file) => file.endsWith('.md'))) {
    const text = readFileSync(join(source, name), 'utf8');
    try {
      parseArticle(text, name);
      writeFileSync(join(dir, name), text);
    } catch (error) {
      console.warn(`eval: skipping ${name}: ${(error as Error).message}`);
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A Tuesday afternoon in December: both branches open, events ahead. */
export const EVAL_NOW = '2026-12-01T15:00:00-05:00';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Routes every case through the real router (real knowledge base, hours and events) in its own conversation. */
export async function runEval(name: 'tuning' | 'heldout'): Promise<EvalReport> {
  const clock = fixedClock(EVAL_NOW);
  const articles = validArticlesDir();
  const knowledge = await createKnowledgeBase({ dir: articles.dir });
  articles.remove();
  const calendar = await createLibraryCalendar({ file: root('knowledge/library.yaml') });
  const events = await createEventsCalendar({ source: root('knowledge/events.ics'), now: clock.now, findBranch: calendar.findBranch });
  const router = createRouter({
    knowledge,
    calendar,
    events,
    assets: createFakeAssets(),
    tickets: createFakeTickets(),
    dialogs: createMemoryDialogStore(),
    clock,
  });

  const cases: CaseResult[] = [];
  let index = 0;
  for (const item of readEvalSet(name)) {
    const inquiry = { channel: item.channel, address: `patron-${index}`, threadKey: `thread-${index}`, text: item.text, receivedAt: clock.now() };
    const started = performance.now();
    const result = await router.route(inquiry, { conversationId: `${name}-${index++}` });
    const ms = performance.now() - started;
    const intentCorrect = result.intent === item.intent;
    const acted = result.outcome === 'answered' || (result.outcome === 'ticket' && result.ticket?.kind === 'equipment');
    const wrongArticle = item.article !== undefined && result.articleId !== undefined && result.articleId !== item.article;
    cases.push({ case: item, result, ms, intentCorrect, confidentlyWrong: (!intentCorrect && acted) || (result.outcome === 'answered' && wrongArticle) });
  }
  knowledge.close();
  calendar.close();

  const confusion: Record<string, Record<string, number>> = {};
  for (const { case: item, result } of cases) {
    confusion[item.intent] ??= {};
    confusion[item.intent]![result.intent] = (confusion[item.intent]![result.intent] ?? 0) + 1;
  }
  const perIntent = INTENTS.map((intent) => {
    const predicted = cases.filter((c) => c.result.intent === intent);
    const actual = cases.filter((c) => c.case.intent === intent);
    const hits = predicted.filter((c) => c.case.intent === intent).length;
    return {
      intent,
      precision: predicted.length ? hits / predicted.length : 1,
      recall: actual.length ? hits / actual.length : 1,
      support: actual.length,
    };
  });
  const faqCases = cases.filter((c) => c.case.article !== undefined);
  const faqRight = faqCases.filter((c) => c.result.articleId === c.case.article).length;
  const times = cases.map((c) => c.ms).sort((a, b) => a - b);
  return {
    name,
    cases,
    accuracy: cases.filter((c) => c.intentCorrect).length / cases.length,
    perIntent,
    confusion,
    faqAnswerAccuracy: faqCases.length ? faqRight / faqCases.length : 1,
    faqAnswered: faqCases.filter((c) => c.result.articleId !== undefined).length,
    confidentlyWrongRate: cases.filter((c) => c.confidentlyWrong).length / cases.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  };
}
