import matter from 'gray-matter';
import { z } from 'zod';
import { LANGUAGES, type KbArticle } from '../core/knowledge.js';
import { LibdeskError } from '../core/errors.js';

export const SHORT_ANSWER_MAX = 320;

/** Front matter as librarians write it (snake_case keys), checked field by field. */
// YAML reads `[tax forms, 1040]` as a string and a number; a librarian means two words.
const listItem = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, 'must not be empty'));

export const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by dashes, like "library-card"'),
  title: z.string().trim().min(1, 'must not be empty'),
  questions: z.array(listItem).default([]),
  tags: z.array(listItem).default([]),
  short_answer: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(SHORT_ANSWER_MAX, `must be at most ${SHORT_ANSWER_MAX} characters (it is sent as one SMS answer)`),
  language: z.enum(LANGUAGES),
  translation_of: z.string().min(1).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface ArticleProblem {
  field: string;
  message: string;
}

export type ArticleParse = { ok: true; article: KbArticle; data: Record<string, unknown> } | { ok: false; problems: ArticleProblem[]; data: Record<string, unknown> };

/** Reads one Markdown file's text into an article, or lists every problem with its field. */
export function readArticle(text: string): ArticleParse {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object skips gray-matter's cache, which would hand back stale data for equal text.
    parsed = matter(text, {});
  } catch (error) {
    return { ok: false, problems: [{ field: 'front matter', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }], data: {} };
  }
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  if (Object.keys(data).length === 0) {
    return { ok: false, problems: [{ field: 'front matter', message: 'missing (start the file with a --- block)' }], data };
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      data,
      problems: result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'front matter', message: issue.message })),
    };
  }
  const front = result.data;
  const body = parsed.content.trim();
  if (body.length === 0) return { ok: false, data, problems: [{ field: 'body', message: 'is empty' }] };
  return {
    ok: true,
    data,
    article: {
      id: front.id,
      title: front.title,
      questions: front.questions,
      tags: front.tags,
      body,
      shortAnswer: front.short_answer,
      language: front.language,
      ...(front.translation_of !== undefined && { translationOf: front.translation_of }),
    },
  };
}

/** Like readArticle, but throws LD_KNOWLEDGE_INVALID naming the file and the first bad field. */
export function parseArticle(text: string, file: string): KbArticle {
  const result = readArticle(text);
  if (result.ok) return result.article;
  const first = result.problems[0]!;
  throw new LibdeskError('LD_KNOWLEDGE_INVALID', `${file}: ${first.field}: ${first.message}`, {
    details: { file, field: first.field },
  });
}
