import { access, readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { eld } from 'eld/small';
import type { KbArticle } from '../core/knowledge.js';
import { isLibdeskError } from '../core/errors.js';
import { readArticle, SHORT_ANSWER_MAX } from './article.js';
import { ARTICLE_PLACEHOLDERS, unknownPlaceholders } from './article-placeholders.js';
import { readLibraryFile } from './library-config.js';
import { normalizeText } from './text-terms.js';

export type KbFindingCode =
  | 'unreadable'
  | 'missing-field'
  | 'invalid-field'
  | 'short-answer-too-long'
  | 'empty-body'
  | 'duplicate-id'
  | 'duplicate-question'
  | 'broken-link'
  | 'translation-target-missing'
  | 'translation-target-not-original'
  | 'language-mismatch'
  | 'unknown-placeholder'
  | 'invalid-library-file';

export interface KbFinding {
  /** File name relative to the checked folder (or the path given, for library.yaml). */
  file: string;
  severity: 'error' | 'warning';
  code: KbFindingCode;
  message: string;
}

interface Loaded {
  file: string;
  article: KbArticle;
}

// Markdown inline links: [text](target "optional title")
const LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[#*_>`|-]/g, ' ');
}

/** Whether the text reads as another language than the one declared; undefined when unsure. */
function detectedLanguage(text: string): string | undefined {
  const result = eld.detect(text.slice(0, 2000));
  return result.isReliable() ? result.language : undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks every article in a folder and reports what a librarian should fix. Errors stop an article from
 * loading or send patrons somewhere wrong; warnings are likely mistakes worth a look.
 */
export async function checkKnowledge(dir: string): Promise<KbFinding[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return [{ file: dir, severity: 'error', code: 'unreadable', message: 'the folder cannot be read' }];
  }
  const articles = await Promise.all(names.map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })));
  return checkArticles(articles, { linkTargetExists: (path) => exists(resolve(dir, path)) });
}

/** One article's text and the file name it is known by. */
export interface ArticleText {
  file: string;
  text: string;
}

export interface ArticleCheckOptions {
  /** Whether a relative link's target (relative to the articles folder) leads somewhere. */
  linkTargetExists(path: string): Promise<boolean>;
  /** The short answer as patrons will get it (placeholders filled), to check its length after filling. */
  servedShortAnswer?: (shortAnswer: string, language: KbArticle['language']) => string;
}

/**
 * The checks behind `libdesk kb check` and the staff console's article editor alike, over a whole set
 * of articles (duplicates and translations are about the set, not one file).
 */
export async function checkArticles(articles: ArticleText[], options: ArticleCheckOptions): Promise<KbFinding[]> {
  const findings: KbFinding[] = [];
  const add = (file: string, severity: KbFinding['severity'], code: KbFindingCode, message: string) =>
    findings.push({ file, severity, code, message });

  const loaded: Loaded[] = [];
  for (const { file, text } of articles) {
    const result = readArticle(text);
    if (!result.ok) {
      for (const problem of result.problems) {
        const field = problem.field;
        if (field === 'body') add(file, 'error', 'empty-body', 'the article has no text below the front matter');
        else if (field === 'short_answer' && typeof result.data.short_answer === 'string' && result.data.short_answer.trim().length > SHORT_ANSWER_MAX) {
          add(file, 'error', 'short-answer-too-long', `short_answer is ${result.data.short_answer.trim().length} characters; the limit is ${SHORT_ANSWER_MAX}`);
        } else if (field === 'front matter' ? !problem.message.startsWith('not valid YAML') : !field.includes('.') && result.data[field] === undefined) {
          add(file, 'error', 'missing-field', field === 'front matter' ? `front matter is ${problem.message}` : `${field} is missing`);
        } else {
          add(file, 'error', 'invalid-field', `${field}: ${problem.message}`);
        }
      }
      continue;
    }
    loaded.push({ file, article: result.article });
  }

  const filesById = new Map<string, string[]>();
  for (const { file, article } of loaded) filesById.set(article.id, [...(filesById.get(article.id) ?? []), file]);
  for (const [id, files] of filesById) {
    if (files.length < 2) continue;
    for (const file of files) add(file, 'error', 'duplicate-id', `id "${id}" is used by ${files.filter((other) => other !== file).join(', ')}`);
  }

  // The same question in two articles makes the answer a coin toss.
  const questionOwners = new Map<string, Loaded[]>();
  for (const entry of loaded) {
    for (const question of new Set(entry.article.questions.map((text) => `${entry.article.language}:${normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`))) {
      questionOwners.set(question, [...(questionOwners.get(question) ?? []), entry]);
    }
  }
  for (const [question, owners] of questionOwners) {
    if (owners.length < 2) continue;
    const shown = question.slice(3);
    for (const owner of owners) {
      const others = owners.filter((other) => other !== owner).map((other) => other.file);
      add(owner.file, 'warning', 'duplicate-question', `the question "${shown}" is also in ${others.join(', ')}`);
    }
  }

  for (const { file, article } of loaded) {
    for (const match of article.body.matchAll(LINK)) {
      const target = match[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('/')) continue;
      const path = decodeURIComponent(target.split('#')[0]!.split('?')[0]!);
      if (!(await options.linkTargetExists(join(dirname(file), path)))) add(file, 'error', 'broken-link', `the link to "${target}" leads to no file`);
    }

    for (const name of unknownPlaceholders(`${article.shortAnswer}\n${article.body}`)) {
      add(file, 'error', 'unknown-placeholder', `{{${name}}} is not a placeholder Libdesk fills; use one of ${ARTICLE_PLACEHOLDERS.map((known) => `{{${known}}}`).join(', ')}`);
    }
    const served = options.servedShortAnswer?.(article.shortAnswer, article.language);
    if (served !== undefined && served.length > SHORT_ANSWER_MAX) {
      add(file, 'error', 'short-answer-too-long', `short_answer is ${served.length} characters once its placeholders are filled; the limit is ${SHORT_ANSWER_MAX}`);
    }

    if (article.translationOf !== undefined) {
      const original = loaded.find((other) => other.article.id === article.translationOf);
      if (!original) add(file, 'error', 'translation-target-missing', `translation_of "${article.translationOf}" names no article`);
      else if (original.article.translationOf !== undefined || original.article.language === article.language) {
        add(file, 'warning', 'translation-target-not-original', `translation_of should name the original article in another language, not "${article.translationOf}"`);
      }
    }

    const detected = detectedLanguage(`${article.title}. ${article.shortAnswer} ${plainText(article.body)}`);
    if (detected !== undefined && (detected === 'en' || detected === 'es') && detected !== article.language) {
      add(file, 'warning', 'language-mismatch', `language is "${article.language}" but the text reads as "${detected}"`);
    }
  }

  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.code.localeCompare(b.code));
}

/** Checks library.yaml (hours and closures); one finding naming the field when it does not load. */
export async function checkLibraryFile(file: string): Promise<KbFinding[]> {
  try {
    await readLibraryFile(file);
    return [];
  } catch (error) {
    const message = isLibdeskError(error) ? error.message : String(error);
    return [{ file, severity: 'error', code: 'invalid-library-file', message }];
  }
}
