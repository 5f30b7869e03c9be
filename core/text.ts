import { z } from 'zod';

// A high surrogate not followed by a low one, or a low one not preceded by a high one. Linear time.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text that can be stored on every database we support. PostgreSQL refuses the NUL character in text
 * columns and a lone UTF-16 surrogate cannot be encoded as UTF-8 at all, so both are refused at the edge
 * with a 400, before anything is written (an error half-way through would leave a row behind).
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

export const STORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

/** The one refinement every input schema uses on its text fields: `storableText(z.string().max(40))`. */
export function storableText<T extends z.ZodType<string | undefined>>(schema: T, message = STORABLE_TEXT_MESSAGE): T {
  return schema.refine((text) => text === undefined || isStorableText(text), { error: message }) as unknown as T;
}

/** True when any string inside `value` (object keys included, any depth) is not storable. */
export function containsUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsUnstorableText(item, depth + 1));
  return Object.entries(value).some(([key, item]) => !isStorableText(key) || containsUnstorableText(item, depth + 1));
}
