import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CHANNELS } from '../../core/inquiry.js';
import { INTENTS } from '../../core/intents.js';

/**
 * The labelled patron messages. One JSONL line is a message, or `{ "dialogue": [...] }`: messages sent one
 * after another in one conversation (follow-ups like "and eastside?" are only labelled in context).
 *
 * Answer expectations, where they apply:
 * - `article`: the knowledge article (English id) a FAQ answer should come from;
 * - `day`: the local date (YYYY-MM-DD) an hours answer should be about;
 * - `fact` + `branch`: a branch fact (address, phone, parking, directions) the reply must state;
 * - `author` (surname as catalogued) / `title` / `isbn`: the record or author a catalog search's answer should
 *   lead with (scored on `catalog` messages only);
 * - `device`: the asset tag an equipment ticket should name;
 * - `crisis`: the message needs the immediate safety reply and an urgent ticket;
 * - `foreign`: written in a language the library has no articles in.
 */
export const evalCaseSchema = z.object({
  text: z.string().min(1),
  intent: z.enum(INTENTS),
  channel: z.enum(CHANNELS).default('web'),
  language: z.enum(['en', 'es', 'other']).default('en'),
  article: z.string().optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  fact: z.enum(['address', 'phone', 'parking', 'directions']).optional(),
  branch: z.string().optional(),
  author: z.string().optional(),
  title: z.string().optional(),
  isbn: z.string().optional(),
  device: z.string().optional(),
  crisis: z.boolean().optional(),
  foreign: z.boolean().optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

const lineSchema = z.union([z.object({ dialogue: z.array(evalCaseSchema).min(2) }), evalCaseSchema]);
/** A conversation: one message, or a dialogue of several. */
export type EvalConversation = EvalCase[];

export type EvalSplit = 'tuning' | 'held-out';

const fixture = (split: EvalSplit): string => fileURLToPath(new URL(`../fixtures/eval/${split}.jsonl`, import.meta.url));

export function readConversations(split: EvalSplit): EvalConversation[] {
  return readFileSync(fixture(split), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, index) => {
      const parsed = lineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${split}.jsonl line ${index + 1}: ${parsed.error.message}`);
      return 'dialogue' in parsed.data ? parsed.data.dialogue : [parsed.data];
    });
}

/** Every message of a split, dialogues flattened. */
export function readEvalSet(split: EvalSplit): EvalCase[] {
  return readConversations(split).flat();
}

export function heldOutMessages(): string[] {
  return readEvalSet('held-out').map((item) => item.text);
}

/** Lower case, no accents, words separated by single spaces: how a leak is recognised in any file. */
export function foldForLeakCheck(text: string): string {
  return text
    .replace(/\\n/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
