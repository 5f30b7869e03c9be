import type { AssetPort } from '../core/assets.js';
import type { LibraryCalendarWithHelpers } from '../core/calendar.js';
import type { CatalogPort } from '../core/catalog.js';
import type { Clock } from '../core/clock.js';
import type { DialogStore } from '../core/dialog.js';
import type { EventsPort } from '../core/events.js';
import type { Inquiry } from '../core/inquiry.js';
import type { Intent } from '../core/intents.js';
import type { KnowledgePort, Language } from '../core/knowledge.js';
import { silentLogger, type Logger } from '../core/logger.js';
import type { AssistantRouter, RouteContext, RouteResult } from '../core/router.js';
import type { TicketPort } from '../core/tickets.js';
import { createIntentClassifier, type Classification } from './classifier/classify.js';
import { isNo, isReset, isYes } from './dialog/replies.js';
import { loadDialog, saveDialog, type DialogState, type PendingQuestion } from './dialog/state.js';
import { parseAssetMention, resolveAsset } from './entities/asset-mention.js';
import { createBranchFinder } from './entities/branch-mention.js';
import { findCallNumber } from './entities/call-number.js';
import { findCardNumber, redactCardNumbers } from './entities/card-number.js';
import { findIsbns } from './entities/isbn.js';
import { detectLanguage } from './language.js';
import { fileEquipmentTicket, tagPrefixes } from './skills/equipment.js';
import { answerFromArticle, articleTitle, bestArticles, type ArticleCandidate } from './skills/faq.js';
import { hoursSkill } from './skills/hours.js';
import { openStaffTicket } from './skills/handoff.js';
import { runSkill, type SkillExtras } from './skills/registry.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './skills/types.js';
import { TOPIC_LABELS, topicLabel } from './skills/unknown.js';
import { foldText, normalizeText, tokenize } from './text/normalize.js';

export { createIntentClassifier, type Classification, type IntentClassifier } from './classifier/classify.js';
export { detectLanguage } from './language.js';

/** The router's collaborators: ports only, chosen by app/deps.ts. */
export interface RouterDeps {
  knowledge: KnowledgePort;
  calendar: LibraryCalendarWithHelpers;
  events?: EventsPort;
  assets: AssetPort;
  tickets: TicketPort;
  dialogs: DialogStore;
  clock: Clock;
  catalog?: CatalogPort;
  logger?: Logger;
}

export interface RouterOptions {
  /** Below this confidence the router asks which topic was meant instead of answering (default 0.3). */
  askBelow?: number;
}

/** The router, plus a way to see why a text would be routed where it is (for `libdesk ask --explain`). */
export interface Router extends AssistantRouter {
  explain(text: string): Classification;
}

const DEFAULT_ASK_BELOW = 0.3;
/** An explicit "talk to a person" wins over any open question in the dialog. */
const HANDOFF_OVERRIDE = 0.5;
/** Follow-ups are short: "and Sunday?", "what about eastside". */
const FOLLOW_UP_MAX_TOKENS = 6;
const ASSET_PREFIX_TTL_MS = 5 * 60 * 1000;

/** Intents whose message is worth keeping as "what the patron wanted" for a later ticket. */
const SUBSTANTIVE = new Set<Intent>(['hours', 'faq', 'catalog', 'location', 'account', 'renew', 'hold', 'ill', 'equipment', 'events']);

export function createRouter(deps: RouterDeps, options: RouterOptions = {}): Router {
  const classifier = createIntentClassifier();
  const logger = deps.logger ?? silentLogger;
  const askBelow = options.askBelow ?? DEFAULT_ASK_BELOW;
  const branchFinder = createBranchFinder(deps.calendar);
  const skillDeps: SkillDeps = {
    knowledge: deps.knowledge,
    calendar: deps.calendar,
    assets: deps.assets,
    tickets: deps.tickets,
    logger,
    ...(deps.events ? { events: deps.events } : {}),
    ...(deps.catalog ? { catalog: deps.catalog } : {}),
  };
  let prefixes: { values: string[]; until: number } | undefined;

  /** Tag prefixes in use ("PC", "PRN"), cached a few minutes: devices change rarely, messages often. */
  async function assetPrefixes(now: Date): Promise<string[]> {
    if (!prefixes || prefixes.until < now.getTime()) {
      prefixes = { values: tagPrefixes(await deps.assets.list()), until: now.getTime() + ASSET_PREFIX_TTL_MS };
    }
    return prefixes.values;
  }

  function localDay(text: string, now: Date): string | undefined {
    const normal = normalizeText(text);
    const day = deps.calendar.resolveDay(normal, now);
    // "Are you open right now?" asks about this moment, not about today's hours.
    if (day === deps.calendar.localDate(now) && /\b(now|currently|ahora|tonight|still)\b/.test(normal) && !/\btoday\b|\bhoy\b/.test(normal)) return undefined;
    return day;
  }

  function classify(text: string, prefixesInUse: string[], best: ArticleCandidate | undefined): Classification {
    return classifier.classify(text, {
      isbn: findIsbns(text).length > 0,
      callNumber: findCallNumber(text) !== undefined,
      assetTag: parseAssetMention(text, prefixesInUse).tag !== undefined,
      cardNumber: findCardNumber(text) !== undefined,
      ...(best ? { knowledgeScore: best.score } : {}),
    });
  }

  /** The answer to the question the assistant asked last time, or undefined when the patron moved on. */
  async function answerPending(pending: PendingQuestion, turn: Turn, classification: Classification): Promise<SkillResult | undefined> {
    const { language } = turn;
    const cleared: DialogState = { ...turn.state, pending: undefined };
    const declined = (text: string): SkillResult => ({
      intent: turn.state.lastIntent ?? 'smalltalk',
      outcome: 'answered',
      reply: { text, language },
      state: cleared,
    });
    switch (pending.kind) {
      case 'confirm-handoff':
        if (isYes(turn.text)) return openStaffTicket(turn, skillDeps, pending.intent, pending.request);
        if (isNo(turn.text)) return declined(say(language, "OK, I won't. Anything else I can help with?", 'De acuerdo, no lo haré. ¿Le ayudo en algo más?'));
        return undefined;
      case 'hours-branch': {
        if (!turn.branch) return undefined;
        return hoursSkill(turn, skillDeps, { question: pending.question, ...(pending.date ? { date: pending.date } : {}) });
      }
      case 'which-asset': {
        const assets = await deps.assets.list();
        const chosen = assets.find((asset) => pending.candidates.includes(asset.tag) && foldText(turn.text).includes(foldText(asset.tag)));
        const byNumber = /^\s*(\d)\s*$/.exec(turn.text);
        const picked = chosen ?? (byNumber ? assets.find((asset) => asset.tag === pending.candidates[Number(byNumber[1]) - 1]) : undefined);
        if (picked) return fileEquipmentTicket(turn, skillDeps, pending.request, picked);
        if (/\b(not sure|dont know|do not know|no se|no lo se|unsure)\b/.test(normalizeText(turn.text))) {
          return fileEquipmentTicket(turn, skillDeps, pending.request);
        }
        // A description instead of a button ("the one by the window", "PC-07").
        const mention = parseAssetMention(turn.text, tagPrefixes(assets));
        const resolution = resolveAsset(mention, assets.filter((asset) => mention.tag || pending.candidates.includes(asset.tag)), turn.text);
        if (resolution.asset) return fileEquipmentTicket(turn, skillDeps, pending.request, resolution.asset);
        if (resolution.unknownTag) return runSkill('equipment', { ...turn, text: `${pending.request} ${turn.text}`, safeText: `${pending.request} ${turn.safeText}` }, skillDeps);
        return undefined;
      }
      case 'unknown-asset':
        if (isYes(turn.text)) return fileEquipmentTicket(turn, skillDeps, pending.request, undefined, pending.tag);
        if (isNo(turn.text)) return declined(say(language, "OK, I haven't filed anything. The tag is on a sticker on the device; tell me if you find it.", 'De acuerdo, no he enviado nada. La etiqueta está en una pegatina del equipo; dígamela si la encuentra.'));
        if (classification.intent === 'equipment') return runSkill('equipment', { ...turn, text: `${pending.request} ${turn.text}`, safeText: `${pending.request} ${turn.safeText}` }, skillDeps);
        return undefined;
      case 'which-article': {
        const chosen = chosenArticle(pending.options, turn.text, language);
        if (!chosen) return undefined;
        return answerFromArticle({ ...turn, text: pending.request || turn.text }, skillDeps, chosen.id, chosen.article);
      }
      case 'which-intent': {
        const folded = foldText(turn.text).trim();
        const chosen = pending.options.find((intent) => {
          const labels = TOPIC_LABELS[intent] ?? [intent, intent];
          return labels.some((label) => foldText(label) === folded);
        });
        if (!chosen) return undefined;
        const request = pending.request || turn.text;
        const redo = { ...turn, text: request, safeText: redactCardNumbers(request), day: localDay(request, turn.now) };
        return runSkill(chosen, redo, skillDeps, { previousHours: undefined });
      }
    }
  }

  /** The article a patron picked from offered titles: by its title, or by its number in the list. */
  function chosenArticle(options: string[], text: string, language: Language) {
    const folded = foldText(text).trim();
    const offered = options.flatMap((id) => {
      const article = deps.knowledge.get(id, language) ?? deps.knowledge.get(id);
      return article ? [{ id, article }] : [];
    });
    const byNumber = /^\s*(\d)\s*$/.exec(text);
    if (byNumber) return offered[Number(byNumber[1]) - 1];
    return offered.find(({ id, article }) => foldText(articleTitle(skillDeps, id, article, language)) === folded || foldText(article.title) === folded);
  }

  /** Low confidence: ask which of the likely topics was meant, with a person always on offer. */
  function askWhichTopic(turn: Turn, classification: Classification): SkillResult {
    const { language } = turn;
    const options: Intent[] = [classification.intent];
    if (classification.runnerUp) options.push(classification.runnerUp);
    if (!options.includes('handoff')) options.push('handoff');
    return {
      intent: classification.intent,
      outcome: 'clarified',
      reply: {
        text: say(language, 'Just to be sure I help with the right thing — is this about:', 'Para ayudarle bien, ¿se trata de:'),
        quickReplies: options.map((intent) => topicLabel(intent, language)),
        language,
      },
      state: { ...turn.state, pending: { kind: 'which-intent', request: turn.safeText, options } },
    };
  }

  async function decide(turn: Turn, classification: Classification, articles: ArticleCandidate[]): Promise<SkillResult> {
    const { state } = turn;
    const extras: SkillExtras = { articles };

    // "talk to a person" works at any point of any dialog; a second ask counts as yes.
    if (classification.intent === 'handoff' && classification.confidence >= HANDOFF_OVERRIDE) {
      if (state.pending?.kind === 'confirm-handoff') return openStaffTicket(turn, skillDeps, state.pending.intent, state.pending.request);
      return runSkill('handoff', turn, skillDeps);
    }
    if (state.pending) {
      const answered = await answerPending(state.pending, turn, classification);
      if (answered) return answered;
      turn = { ...turn, state: { ...state, pending: undefined } };
    }
    // "and Sunday?" / "what about eastside?" after an hours answer keeps the rest of the question.
    const tokens = tokenize(turn.text);
    const otherTopic = classification.intent !== 'unknown' && classification.intent !== 'hours' && classification.confidence >= 0.5;
    if (state.lastIntent === 'hours' && state.hours && (turn.day || turn.branch) && tokens.length <= FOLLOW_UP_MAX_TOKENS && !otherTopic) {
      return hoursSkill(turn, skillDeps, state.hours);
    }
    if (classification.intent === 'unknown') {
      const result = await runSkill('unknown', turn, skillDeps);
      return { ...result, state: { ...result.state, pending: { kind: 'which-intent', request: '', options: ['hours', 'events', 'equipment', 'faq', 'handoff'] } } };
    }
    if (classification.confidence < askBelow) return askWhichTopic(turn, classification);
    return runSkill(classification.intent, turn, skillDeps, extras);
  }

  return {
    explain(text) {
      return classify(text, prefixes?.values ?? [], bestArticles(deps.knowledge, text, detectLanguage(text))[0]);
    },

    async route(inquiry: Inquiry, context: RouteContext): Promise<RouteResult> {
      const now = deps.clock.now();
      const { conversationId } = context;
      const text = inquiry.text;
      const language = detectLanguage(text);

      if (isReset(text)) {
        await deps.dialogs.clear(conversationId);
        return {
          intent: 'smalltalk',
          confidence: 1,
          outcome: 'answered',
          reply: { text: say(language, "OK, let's start over. What can I help you with?", 'De acuerdo, empecemos de nuevo. ¿En qué le puedo ayudar?'), language },
        };
      }

      const state = await loadDialog(deps.dialogs, conversationId, now);
      // The knowledge base is searched once per message; the FAQ skill reuses these candidates.
      const articles = bestArticles(deps.knowledge, text, language);
      const classification = classify(text, await assetPrefixes(now), articles[0]);
      const branch = branchFinder.find(text);
      const day = localDay(text, now);
      const turn: Turn = {
        inquiry,
        conversationId,
        text,
        safeText: redactCardNumbers(text),
        language,
        now,
        state: { ...state, language },
        ...(branch ? { branch } : {}),
        ...(day ? { day } : {}),
      };

      const result = await decide(turn, classification, articles);
      const nextState: DialogState = { ...result.state, language };
      if (SUBSTANTIVE.has(classification.intent) && result.intent === classification.intent) nextState.lastRequest = turn.safeText;
      await saveDialog(deps.dialogs, conversationId, nextState, now);

      // Never the text: it may hold a card number, a phone number or an e-mail address.
      logger.info(
        { conversationId, intent: result.intent, confidence: classification.confidence, outcome: result.outcome, language, ticket: result.ticket?.number },
        'routed inquiry',
      );
      const routed: RouteResult = {
        intent: result.intent,
        confidence: result.intent === classification.intent ? classification.confidence : 1,
        outcome: result.outcome,
        reply: result.reply,
      };
      if (result.ticket) routed.ticket = result.ticket;
      if (result.articleId) routed.articleId = result.articleId;
      return routed;
    },
  };
}
