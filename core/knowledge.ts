export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One Markdown article from knowledge/articles, as a librarian wrote it. */
export interface KbArticle {
  id: string;
  title: string;
  /** Other ways patrons ask this question. */
  questions: string[];
  tags: string[];
  /** Markdown body, without front matter. */
  body: string;
  /** At most 320 characters; what SMS sends. */
  shortAnswer: string;
  language: Language;
  /** For a translation: the id of the article it translates. */
  translationOf?: string;
}

export interface KbMatch {
  article: KbArticle;
  /** 0..1, 1 is a perfect match. */
  score: number;
}

export interface KnowledgePort {
  search(query: string, options?: { language?: Language; limit?: number }): KbMatch[];
  get(id: string, language?: Language): KbArticle | undefined;
  all(): KbArticle[];
}
