import type { KbArticle, KbMatch, KnowledgePort } from '../../core/knowledge.js';
import type { Reply } from '../../core/reply.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

/** Below this knowledge-base score an answer would be a guess: the router asks instead. */
export const FAQ_MIN_SCORE = 0.3;

/** The English original of an article, whichever language version the search returned. */
function originalId(article: KbArticle): string {
  return article.translationOf ?? article.id;
}

/** Best article for a question, searched in the patron's language and in English. */
export function bestArticle(knowledge: KnowledgePort, text: string): KbMatch | undefined {
  return knowledge.search(text, { limit: 1 })[0];
}

function render(article: KbArticle, channel: Turn['inquiry']['channel']): Pick<Reply, 'text' | 'smsText'> {
  if (channel === 'sms') return { text: article.shortAnswer };
  const body = article.body.trim();
  return body.length > 0 ? { text: body, smsText: article.shortAnswer } : { text: article.shortAnswer };
}

/**
 * Answers from the best knowledge-base article: the full body on chat and e-mail, the short answer by
 * SMS; in Spanish when the article has a Spanish version, else in English with a note in Spanish.
 */
export async function faqSkill(turn: Turn, deps: SkillDeps, match?: KbMatch): Promise<SkillResult> {
  const { language } = turn;
  const best = match ?? bestArticle(deps.knowledge, turn.text);
  if (!best || best.score < FAQ_MIN_SCORE) {
    return {
      intent: 'faq',
      outcome: 'clarified',
      reply: {
        text: say(language, "I'm not sure I have the answer to that. Could you put it another way, or shall I ask a staff member?", 'No estoy seguro de tener la respuesta. ¿Puede decirlo de otra forma, o quiere que pregunte a un miembro del personal?'),
        quickReplies: [say(language, 'Talk to a person', 'Hablar con una persona')],
        language,
      },
      state: { ...turn.state, lastIntent: 'faq', pending: undefined },
    };
  }
  const id = originalId(best.article);
  let article = deps.knowledge.get(id, language) ?? best.article;
  let note = '';
  if (language === 'es' && article.language !== 'es') {
    article = deps.knowledge.get(id, 'en') ?? article;
    note = 'Esta respuesta solo está disponible en inglés.\n\n';
  }
  if (language === 'en' && article.language !== 'en') article = deps.knowledge.get(id, 'en') ?? article;
  const rendered = render(article, turn.inquiry.channel);
  const reply: Reply = {
    text: `${note}${rendered.text}`,
    language: article.language,
    cards: [{ title: article.title, lines: [article.shortAnswer] }],
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
