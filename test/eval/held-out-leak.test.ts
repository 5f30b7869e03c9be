import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldForLeakCheck, heldOutMessages } from './eval-corpus.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const HELD_OUT_FILE = 'test/fixtures/eval/held-out.jsonl';
/** Shorter messages ("hi", "thanks") are bound to recur anywhere; four words or more are a leak. */
const MIN_WORDS = 4;

/** Every text file under the folders the classifier, the articles and the tests are made of. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    const stats = statSync(join(root, path));
    if (stats.isDirectory()) out.push(...filesUnder(path));
    else if (/\.(ts|md|ya?ml|json|jsonl|ics|txt)$/.test(name)) out.push(path);
  }
  return out;
}

/**
 * What a file says. In a JSONL corpus only the messages count: a catalog title named as the expected
 * answer of a tuning message is not a copy of a held-out message that asks for that title.
 */
function messageText(path: string): string {
  const text = readFileSync(join(root, path), 'utf8');
  if (!path.endsWith('.jsonl')) return text;
  return [...text.matchAll(/"text":("(?:[^"\\]|\\.)*")/g)].map((match) => JSON.parse(match[1]!) as string).join(' | ');
}

/**
 * The held-out split stays a measurement only if nothing is built from it: no article question, no
 * classifier example or cue, no unit test may contain one of its messages.
 */
describe('held-out split', () => {
  const messages = heldOutMessages()
    .map((text) => foldForLeakCheck(text))
    .filter((folded) => folded.split(' ').length >= MIN_WORDS);
  const files = ['knowledge', 'bots', 'test', 'bench']
    .flatMap((dir) => filesUnder(dir))
    .filter((path) => relative(root, join(root, path)) !== HELD_OUT_FILE);

  it('holds at least 400 messages', () => {
    expect(heldOutMessages().length).toBeGreaterThanOrEqual(400);
  });

  it('appears in no article, classifier data, test or other fixture', () => {
    const leaks: string[] = [];
    for (const path of files) {
      const folded = ` ${foldForLeakCheck(messageText(path))} `;
      for (const message of messages) if (folded.includes(` ${message} `)) leaks.push(`${path}: "${message}"`);
    }
    expect(leaks).toEqual([]);
    // The trained models are some 20 MB of JSON, read whole: seconds, not the unit default.
  }, 60_000);
});
