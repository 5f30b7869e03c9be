import type { KbArticle, KbMatch, KnowledgePort, Language } from '../../core/knowledge.js';

/** One answer the knowledge base could give, whichever language version the search found. */
export interface ArticleCandidate {
  /** The English original's id: what tickets, logs and the eval call the article. */
  id: string;
  match: KbMatch;
  /** The match score, 0..1: how sure an answer from this article would be. */
  score: number;
  /** What candidates are ordered by: the score, less SPANISH_PREFERENCE for an English article answering a Spanish question. */
  rank: number;
}

/** How many articles a question is compared against: enough to see a close second. */
const CANDIDATES = 3;
/**
 * A Spanish question is answered from a Spanish article unless an English-only article fits clearly
 * better ("perdí mi tarjeta" has no Spanish article, but its English one lists the phrasing).
 */
export const SPANISH_PREFERENCE = 0.15;

/** The English original of an article, whichever language version the search returned. */
export function originalId(article: KbArticle): string {
  return article.translationOf ?? article.id;
}

/**
 * The best articles for a question, best first, one per original article. Spanish questions search the
 * Spanish articles first, then the English ones; an English article only wins when it clearly beats
 * every Spanish one. The knowledge base is searched at most twice, once per language.
 */
export function rankArticles(knowledge: KnowledgePort, text: string, language: Language): ArticleCandidate[] {
  const byId = new Map<string, ArticleCandidate>();
  const offer = (match: KbMatch, rank: number): void => {
    const id = originalId(match.article);
    const known = byId.get(id);
    if (!known || rank > known.rank) byId.set(id, { id, match, score: match.score, rank });
  };
  if (language === 'es') {
    for (const match of knowledge.search(text, { language: 'es', limit: CANDIDATES })) offer(match, match.score);
    for (const match of knowledge.search(text, { language: 'en', limit: CANDIDATES })) offer(match, match.score - SPANISH_PREFERENCE);
  } else {
    for (const match of knowledge.search(text, { language: 'en', limit: CANDIDATES })) offer(match, match.score);
  }
  return [...byId.values()].sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id)).slice(0, CANDIDATES);
}

/**
 * How the article model's probability and the knowledge-base score are weighed into one answer score.
 * Chosen by cross-validation (`npm run train:classifier -- --blend=…`): on messages the model has not
 * seen its probabilities are flatter than on its training data, and the search score carries more.
 */
export interface BlendWeights {
  model: number;
  search: number;
}
// 5-fold cross-validation on 1,658 labelled FAQ questions (6,634 tuning messages), FAQ thresholds as
// shipped: 0.4/0.6 → 92.4% right article, 42 wrong; 0.5/0.5 → 93.2%, 30 wrong; 0.6/0.4 → 93.1%, 35 wrong.
export const BLEND_WEIGHTS: BlendWeights = { model: 0.5, search: 0.5 };

/**
 * The knowledge base's candidates re-ranked with the article model (trained on patrons' questions
 * labelled with the article that answers them, and the articles' own questions): the model knows that
 * "can I leave my child at the library" is the children's article even when the words match the code
 * of conduct better. Either source alone can put an article on the list.
 */
export function blendCandidates(
  knowledge: KnowledgePort,
  searched: ArticleCandidate[],
  predicted: Partial<Record<string, number>>,
  language: Language,
  weights: BlendWeights = BLEND_WEIGHTS,
): ArticleCandidate[] {
  const ids = new Set(searched.map((candidate) => candidate.id));
  const likely = Object.entries(predicted)
    .filter((entry): entry is [string, number] => (entry[1] ?? 0) >= 0.1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES);
  for (const [id] of likely) ids.add(id);
  const out: ArticleCandidate[] = [];
  for (const id of ids) {
    const found = searched.find((candidate) => candidate.id === id);
    const article = found?.match.article ?? knowledge.get(id, language) ?? knowledge.get(id);
    if (!article) continue;
    const searchScore = found?.score ?? 0;
    const score = Math.round((weights.model * (predicted[id] ?? 0) + weights.search * searchScore) * 1000) / 1000;
    const rank = found ? score - (found.score - found.rank) * weights.search : score;
    out.push({ id, match: { article, score: searchScore }, score, rank });
  }
  return out.sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id)).slice(0, CANDIDATES);
}
