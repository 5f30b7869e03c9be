import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_ASSETS } from '../../assets/index.js';
import { parseArticle } from '../../knowledge/article.js';
import { readEvalSet, type EvalSplit } from './eval-corpus.js';

const articlesDir = fileURLToPath(new URL('../../knowledge/articles/', import.meta.url));
const articles = readdirSync(articlesDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => parseArticle(readFileSync(join(articlesDir, name), 'utf8'), name));
/** The router reports the original's id for an answer from any language version, so labels name originals. */
const originalIds = new Set(articles.filter((article) => article.translationOf === undefined).map((article) => article.id));
const deviceTags = new Set(DEMO_ASSETS.map((asset) => asset.tag));
const BRANCHES = new Set(['main', 'eastside']);

/**
 * A label naming something the library does not have can never be scored right, and would quietly
 * lower every number the evaluation prints. Both splits are checked; no message text is read here.
 */
describe.each<EvalSplit>(['tuning', 'held-out'])('%s labels', (split) => {
  const cases = readEvalSet(split);

  it('name original articles (not translations), demo devices and known branches', () => {
    const wrong = cases.flatMap((item) => [
      ...(item.article !== undefined && !originalIds.has(item.article) ? [`article ${item.article}`] : []),
      ...(item.device !== undefined && !deviceTags.has(item.device) ? [`device ${item.device}`] : []),
      ...(item.branch !== undefined && !BRANCHES.has(item.branch) ? [`branch ${item.branch}`] : []),
    ]);
    expect(wrong).toEqual([]);
  });

  it('follow the answer conventions: a foreign message expects the other-language reply, a branch fact no article', () => {
    const wrong = cases.flatMap((item) => [
      // The other-language reply is the answer: the intent is `unknown` (or a crisis's `handoff`), nothing else is expected.
      ...(item.foreign && item.intent !== (item.crisis ? 'handoff' : 'unknown') ? [`foreign message labelled ${item.intent}`] : []),
      ...(item.foreign && (item.article ?? item.day ?? item.fact ?? item.title ?? item.author ?? item.isbn ?? item.device) !== undefined ? ['foreign message with an answer label'] : []),
      // Address, phone, parking and directions are stated from library.yaml, not from an article.
      ...(item.fact !== undefined && item.article !== undefined ? [`fact ${item.fact} with article ${item.article}`] : []),
    ]);
    expect(wrong).toEqual([]);
  });
});
