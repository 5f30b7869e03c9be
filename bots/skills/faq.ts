import type { KbArticle, KnowledgePort, Language } from '../../core/knowledge.js';
import type { Reply } from '../../core/reply.js';
import { plainText } from '../text/plain-text.js';
import { rankArticles, type ArticleCandidate } from './faq-search.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

export { originalId, rankArticles, type ArticleCandidate } from './faq-search.js';

/**
 * When an article's score makes it the answer, an option, or no answer at all. Chosen with the blend
 * weights by cross-validation (`npm run train:classifier -- --faq-sure=… --faq-margin=…`): stricter
 * values turn right answers into menus far faster than they remove wrong answers.
 */
export interface FaqThresholds {
  /** Below this score an answer would be a guess: the router asks to rephrase. */
  min: number;
  /** Below this the best article is a likely answer, not a sure one: the patron picks from the titles. */
  sure: number;
  /** Two articles this close are a coin toss: the patron picks. */
  closeMargin: number;
}
export const FAQ_THRESHOLDS: FaqThresholds = { min: 0.3, sure: 0.35, closeMargin: 0.03 };

/** What the FAQ skill does with ranked candidates: answer from one, offer a few, or say it has no answer. */
export type ArticleChoice = { answer: ArticleCandidate } | { offer: ArticleCandidate[] } | { none: true };

export function chooseArticle(ranked: ArticleCandidate[], thresholds: FaqThresholds = FAQ_THRESHOLDS): ArticleChoice {
  const best = ranked[0];
  if (!best || best.score < thresholds.min) return { none: true };
  const close = ranked.filter((candidate) => candidate.score >= thresholds.min && best.rank - candidate.rank < thresholds.closeMargin);
  if (close.length > 1) return { offer: close.slice(0, MAX_CHOICES) };
  if (best.score < thresholds.sure) return { offer: ranked.filter((candidate) => candidate.score >= thresholds.min).slice(0, MAX_CHOICES) };
  return { answer: best };
}
/** Titles offered when asking: more would not fit on a phone. */
const MAX_CHOICES = 3;
/** An intent confidence at which a FAQ question with only weak article matches still gets them offered. */
const SURE_FAQ_INTENT = 0.8;
/** An article score worth offering as a choice to such a question. */
const LIKELY_SCORE = 0.1;

/** Best articles for a question, best first (see faq-search.ts). */
export function bestArticles(knowledge: KnowledgePort, text: string, language: Language): ArticleCandidate[] {
  return rankArticles(knowledge, text, language);
}

/**
 * The article's short answer first, then a link to the whole article: a chat bubble is no place for a
 * page of Markdown. No Markdown syntax reaches the patron.
 */
function render(article: KbArticle, url: string | undefined, language: Language): Pick<Reply, 'text' | 'smsText'> {
  const short = plainText(article.shortAnswer);
  if (!url) return { text: short };
  const more = say(language, `Read the whole article: ${url}`, `Lea el artículo completo: ${url}`);
  return { text: `${short}\n\n${more}`, smsText: `${short} ${url}` };
}

/** The article in the patron's language when there is one, with the note when there is not. */
function localized(deps: SkillDeps, id: string, found: KbArticle, language: Language): { article: KbArticle; note: string } {
  const inLanguage = deps.knowledge.get(id, language);
  if (inLanguage && inLanguage.language === language) return { article: inLanguage, note: '' };
  const english = deps.knowledge.get(id, 'en') ?? found;
  return { article: english, note: language === 'es' && english.language !== 'es' ? 'Esta respuesta solo está disponible en inglés.\n\n' : '' };
}

/** The answer from one article: the full body on chat and e-mail, the short answer by SMS. */
export function answerFromArticle(turn: Turn, deps: SkillDeps, id: string, found: KbArticle): SkillResult {
  const { article, note } = localized(deps, id, found, turn.language);
  const url = deps.articleUrl?.(article.id);
  const rendered = render(article, url, turn.language);
  const reply: Reply = {
    text: `${note}${rendered.text}`,
    language: article.language,
    cards: [{ title: article.title, lines: [plainText(article.shortAnswer)], ...(url ? { url } : {}) }],
  };
  if (rendered.smsText) reply.smsText = note ? `${note.trim()} ${rendered.smsText}` : rendered.smsText;
  return {
    intent: 'faq',
    outcome: 'answered',
    reply,
    articleId: id,
    state: { ...turn.state, lastIntent: 'faq', lastFact: undefined, pending: undefined, lastArticle: id },
  };
}

/** The title a patron sees for an article: its version in their language when there is one. */
export function articleTitle(deps: SkillDeps, id: string, found: KbArticle, language: Language): string {
  return localized(deps, id, found, language).article.title;
}

/** Several articles could answer: offer their titles (and a person) instead of guessing. */
function askWhichArticle(turn: Turn, deps: SkillDeps, choices: ArticleCandidate[]): SkillResult {
  const { language } = turn;
  const titles = choices.map((choice) => articleTitle(deps, choice.id, choice.match.article, language));
  return {
    intent: 'faq',
    outcome: 'clarified',
    reply: {
      text:
        choices.length === 1
          ? say(language, 'I think this may answer your question. Is it the one?', 'Creo que esto puede responder a su pregunta. ¿Es esto?')
          : say(language, 'I found more than one possible answer. Which one fits your question?', 'Encontré más de una respuesta posible. ¿Cuál corresponde a su pregunta?'),
      quickReplies: [...titles, say(language, 'Talk to a person', 'Hablar con una persona')],
      language,
    },
    state: { ...turn.state, lastIntent: 'faq', lastArticle: undefined, pending: { kind: 'which-article', request: turn.safeText, options: choices.map((choice) => choice.id) } },
  };
}

/**
 * Answers from the best knowledge-base article, in Spanish when the article has a Spanish version, else
 * in English with a note in Spanish. When the best article is only a likely fit, or a second one is as
 * likely, the patron picks from the titles: a wrong answer given with confidence costs more than a tap.
 */
export async function faqSkill(turn: Turn, deps: SkillDeps, candidates?: ArticleCandidate[], intentConfidence = 0): Promise<SkillResult> {
  const { language } = turn;
  const ranked = candidates ?? bestArticles(deps.knowledge, turn.text, language);
  const choice = chooseArticle(ranked);
  // A question the classifier is sure is about the library's services, worded unlike every article
  // ("is there free wi fi"): the likeliest articles are offered rather than "I don't know".
  if ('none' in choice && intentConfidence >= SURE_FAQ_INTENT) {
    const likely = ranked.filter((candidate) => candidate.score >= LIKELY_SCORE).slice(0, MAX_CHOICES);
    if (likely.length > 0) return askWhichArticle(turn, deps, likely);
  }
  // No article comes close: a question the library cannot answer here, reported as such (not as a FAQ).
  if ('none' in choice) {
    return {
      intent: 'unknown',
      outcome: 'unanswered',
      reply: {
        text: say(language, "I'm not sure I have the answer to that. Could you put it another way, or shall I ask a staff member?", 'No estoy seguro de tener la respuesta. ¿Puede decirlo de otra forma, o quiere que pregunte a un miembro del personal?'),
        quickReplies: [say(language, 'Talk to a person', 'Hablar con una persona')],
        language,
      },
      state: { ...turn.state, lastIntent: 'unknown', pending: undefined },
    };
  }
  if ('offer' in choice) return askWhichArticle(turn, deps, choice.offer);
  return answerFromArticle(turn, deps, choice.answer.id, choice.answer.match.article);
}
