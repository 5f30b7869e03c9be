import { createRouter, type RouterOptions } from '../../bots/index.js';
import { authorMatches } from '../../bots/skills/catalog.js';
import type { CatalogRecord } from '../../core/catalog.js';
import type { Branch } from '../../core/calendar.js';
import { INTENTS, type Intent } from '../../core/intents.js';
import type { RouteResult } from '../../core/router.js';
import { createMemoryDialogStore } from '../fakes/fake-dialog-store.js';
import { createFakeTickets } from '../fakes/fake-tickets.js';
import { foldForLeakCheck as fold, readConversations, type EvalCase, type EvalSplit } from './eval-corpus.js';
import type { EvalWorld } from './eval-world.js';

export { readEvalSet } from './eval-corpus.js';

/** A proportion with its 95% Wilson score interval. */
export interface Rate {
  hits: number;
  total: number;
  value: number;
  low: number;
  high: number;
}

export function wilson(hits: number, total: number, z = 1.96): Rate {
  if (total === 0) return { hits, total, value: 1, low: 0, high: 1 };
  const p = hits / total;
  const denominator = 1 + (z * z) / total;
  const centre = (p + (z * z) / (2 * total)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / denominator;
  return { hits, total, value: p, low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}

export interface CaseResult {
  case: EvalCase;
  result: RouteResult;
  ms: number;
  intentCorrect: boolean;
  /** Acted on a wrong guess: a wrong intent (not handoff/unknown) answered or ticketed, or a wrong article answered. */
  confidentlyWrong: boolean;
  /** Per expectation the case carries: was the answer right? */
  answers: Partial<Record<AnswerKind, boolean>>;
  /** The safety reply (call 911, an urgent ticket) to a message that is no crisis, before any crisis in its conversation. */
  falseAlarm: boolean;
}

export const ANSWER_KINDS = ['article', 'day', 'fact', 'catalog', 'device', 'crisis', 'foreign'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export interface EvalReport {
  name: string;
  cases: CaseResult[];
  accuracy: Rate;
  confidentlyWrong: Rate;
  /** Of the messages that are no crisis (and follow none): how many got the safety reply. */
  falseAlarms: Rate;
  perIntent: Array<{ intent: Intent; precision: number; recall: Rate }>;
  perLanguage: Array<{ language: string; accuracy: Rate }>;
  answers: Record<AnswerKind, Rate>;
  /** confusion[label][routed] = count */
  confusion: Record<string, Record<string, number>>;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const surnameOf = (author: string): string => fold(author.split(',')[0] ?? author);

function branchFact(branch: Branch, fact: NonNullable<EvalCase['fact']>, language: string): string | undefined {
  const es = language === 'es';
  return { address: branch.address, phone: branch.phone, parking: es ? branch.parkingEs ?? branch.parking : branch.parking, directions: es ? branch.directionsEs ?? branch.directions : branch.directions }[fact];
}

/** Scores one answer against what the case expects. */
async function scoreAnswers(item: EvalCase, result: RouteResult, world: EvalWorld, urgentTicketOpen: () => Promise<boolean>): Promise<CaseResult['answers']> {
  const answers: CaseResult['answers'] = {};
  const text = fold(`${result.reply.text} ${(result.reply.cards ?? []).map((card) => `${card.title} ${card.lines.join(' ')}`).join(' ')}`);
  if (item.article) answers.article = result.articleId === item.article;
  if (item.day) answers.day = result.details?.day === item.day;
  if (item.fact) {
    const branches = world.calendar.branches().filter((branch) => !item.branch || branch.id === item.branch);
    const facts = branches.map((branch) => branchFact(branch, item.fact!, item.language)).filter((fact): fact is string => fact !== undefined);
    if (item.fact === 'phone' && !item.branch && world.calendar.library().phone) facts.push(world.calendar.library().phone!);
    answers.fact = facts.some((fact) => text.includes(fold(fact).split(' ').slice(0, 6).join(' ')));
  }
  // A catalog search's answer; a hold or renewal naming a title is not a search, and lists no records.
  if ((item.author || item.title || item.isbn) && item.intent === 'catalog') answers.catalog = await catalogRight(item, result, world);
  if (item.device) answers.device = result.ticket?.assetTag === item.device;
  // The safety reply, and an urgent ticket: opened by this message, or (a message later in the same
  // emergency) already open for the conversation, where the message joins it.
  if (item.crisis) answers.crisis = result.details?.safety === true && (result.ticket?.priority === 'urgent' || (!result.ticket && (await urgentTicketOpen())));
  if (item.foreign) answers.foreign = result.details?.unsupportedLanguage === true;
  return answers;
}

/**
 * The first record shown is the asked title (or its translation) or by the asked author. When the catalog holds nothing by
 * that author, the right answer lists no records at all rather than someone else's.
 */
async function catalogRight(item: EvalCase, result: RouteResult, world: EvalWorld): Promise<boolean> {
  const ids = result.details?.recordIds ?? [];
  const first: CatalogRecord | undefined = ids[0] ? await world.catalog.port.get(ids[0]) : undefined;
  if (item.title || item.isbn) {
    if (!first) return false;
    if (item.isbn && !first.isbns.includes(item.isbn)) return false;
    // The asked work, or its translation: "Los juegos del hambre" (uniform title "Hunger games") answers a
    // Spanish request for The Hunger Games.
    const withoutArticle = (title: string): string => fold(title).replace(/^(?:the|a|an) /, '');
    return !item.title || fold(first.title).startsWith(fold(item.title)) || (first.alternateTitles ?? []).some((title) => withoutArticle(title).startsWith(withoutArticle(item.title!)));
  }
  // A surname ("Grisham") or a full name ("Stephen King": then Mary King is not the asked author).
  const asked = item.author!;
  const isAsked = (author: string): boolean => (asked.includes(' ') ? authorMatches(asked, author) : surnameOf(author) === fold(asked));
  if (first) return first.authors.some(isAsked);
  const held = await world.catalog.port.search({ text: asked, field: 'author', limit: 20 });
  return !held.hits.some(({ record }) => record.authors.some(isAsked));
}

/**
 * Routes every conversation of a split through the real router, one conversation per dialogue; with
 * `select`, only the conversations it picks by index (a cross-validation fold).
 */
export async function runEval(split: EvalSplit, world: EvalWorld, options: RouterOptions = {}, name: string = split, select?: (index: number) => boolean): Promise<EvalReport> {
  return summarize(name, await routeCases(split, world, options, select));
}

/** Each selected conversation's messages routed through a fresh router, one dialogue per conversation. */
export async function routeCases(split: EvalSplit, world: EvalWorld, options: RouterOptions = {}, select?: (index: number) => boolean): Promise<CaseResult[]> {
  const { clock } = world;
  const tickets = createFakeTickets({ clock });
  const router = createRouter(
    {
      knowledge: world.knowledge,
      calendar: world.calendar,
      events: world.events,
      catalog: world.catalog.port,
      assets: world.assets,
      tickets,
      dialogs: createMemoryDialogStore(),
      clock,
    },
    options,
  );

  const cases: CaseResult[] = [];
  for (const [index, conversation] of readConversations(split).entries()) {
    if (select && !select(index)) continue;
    // After a crisis, the next messages of the conversation may rightly stay with it.
    let crisisSeen = false;
    for (const item of conversation) {
      const inquiry = { channel: item.channel, address: `patron-${index}`, threadKey: `thread-${index}`, text: item.text, receivedAt: clock.now() };
      const started = performance.now();
      const conversationId = `${split}-${index}`;
      const result = await router.route(inquiry, { conversationId });
      const ms = performance.now() - started;
      const intentCorrect = result.intent === item.intent;
      const acted = result.outcome === 'answered' || result.outcome === 'ticket';
      const wrongArticle = item.article !== undefined && result.articleId !== undefined && result.articleId !== item.article;
      const confidentlyWrong = (!intentCorrect && acted && result.intent !== 'handoff' && result.intent !== 'unknown') || (result.outcome === 'answered' && wrongArticle);
      const urgentTicketOpen = async (): Promise<boolean> => (await tickets.findActiveForConversation(conversationId))?.priority === 'urgent';
      const falseAlarm = !item.crisis && !crisisSeen && result.details?.safety === true;
      crisisSeen ||= item.crisis === true;
      cases.push({ case: item, result, ms, intentCorrect, confidentlyWrong, falseAlarm, answers: await scoreAnswers(item, result, world, urgentTicketOpen) });
    }
  }
  return cases;
}

/** Accuracy, confidently-wrong rate, per-intent, per-language and answer scores of routed cases, with 95% intervals. */
export function summarize(name: string, cases: CaseResult[]): EvalReport {

  const confusion: Record<string, Record<string, number>> = {};
  for (const { case: item, result } of cases) {
    confusion[item.intent] ??= {};
    confusion[item.intent]![result.intent] = (confusion[item.intent]![result.intent] ?? 0) + 1;
  }
  const perIntent = INTENTS.map((intent) => {
    const predicted = cases.filter((c) => c.result.intent === intent);
    const actual = cases.filter((c) => c.case.intent === intent);
    return {
      intent,
      precision: predicted.length ? predicted.filter((c) => c.case.intent === intent).length / predicted.length : 1,
      recall: wilson(actual.filter((c) => c.intentCorrect).length, actual.length),
    };
  });
  const languages = [...new Set(cases.map((c) => c.case.language))];
  const perLanguage = languages.map((language) => {
    const of = cases.filter((c) => c.case.language === language);
    return { language, accuracy: wilson(of.filter((c) => c.intentCorrect).length, of.length) };
  });
  const answers = Object.fromEntries(
    ANSWER_KINDS.map((kind) => {
      const scored = cases.filter((c) => c.answers[kind] !== undefined);
      return [kind, wilson(scored.filter((c) => c.answers[kind]).length, scored.length)];
    }),
  ) as Record<AnswerKind, Rate>;
  const times = cases.map((c) => c.ms).sort((a, b) => a - b);
  return {
    name,
    cases,
    accuracy: wilson(cases.filter((c) => c.intentCorrect).length, cases.length),
    confidentlyWrong: wilson(cases.filter((c) => c.confidentlyWrong).length, cases.length),
    falseAlarms: wilson(cases.filter((c) => c.falseAlarm).length, cases.filter((c) => !c.case.crisis).length),
    perIntent,
    perLanguage,
    answers,
    confusion,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  };
}
