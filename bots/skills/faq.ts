import type { KbArticle, KnowledgePort, Language } from '../../core/knowledge.js';
import type { Reply } from '../../core/reply.js';
import { plainText } from '../text/plain-text.js';
import { rankArticles, type ArticleCandidate } from './faq-search.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

export { originalId, rankArticles, type ArticleCandidate } from './faq-search.js';

/** Below this knowledge-base score an answer would be a guess: the router asks to rephrase. */
export const FAQ_MIN_SCORE = 0.3;
/** Below this the best article is a likely answer, not a sure one: the patron picks from the titles. */
export const FAQ_SURE_SCORE = 0.5;
/** Two articles this close are a coin toss: the patron picks. */
export const FAQ_CLOSE_MARGIN = 0.06;
/** Titles offered when asking: more would not fit on a phone. */
const MAX_CHOICES = 3;

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
    state: { ...turn.state, lastIntent: 'faq', pending: undefined },
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
      text: say(language, 'I found more than one possible answer. Which one fits your question?', 'Encontré más de una respuesta posible. ¿Cuál corresponde a su pregunta?'),
      quickReplies: [...titles, say(language, 'Talk to a person', 'Hablar con una persona')],
      language,
    },
    state: { ...turn.state, lastIntent: 'faq', pending: { kind: 'which-article', request: turn.safeText, options: choices.map((choice) => choice.id) } },
  };
}

/**
 * Answers from the best knowledge-base article, in Spanish when the article has a Spanish version, else
 * in English with a note in Spanish. When the best article is only a likely fit, or a second one is as
 * likely, the patron picks from the titles: a wrong answer given with confidence costs more than a tap.
 */
export async function faqSkill(turn: Turn, deps: SkillDeps, candidates?: ArticleCandidate[]): Promise<SkillResult> {
  const { language } = turn;
  const ranked = candidates ?? bestArticles(deps.knowledge, turn.text, language);
  const best = ranked[0];
  // No article comes close: a question the library cannot answer here, reported as such (not as a FAQ).
  if (!best || best.score < FAQ_MIN_SCORE) {
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
  const close = ranked.filter((candidate) => candidate.score >= FAQ_MIN_SCORE && best.rank - candidate.rank < FAQ_CLOSE_MARGIN);
  if (close.length > 1) return askWhichArticle(turn, deps, close.slice(0, MAX_CHOICES));
  if (best.score < FAQ_SURE_SCORE) {
    return askWhichArticle(turn, deps, ranked.filter((candidate) => candidate.score >= FAQ_MIN_SCORE).slice(0, MAX_CHOICES));
  }
  return answerFromArticle(turn, deps, best.id, best.match.article);
}
