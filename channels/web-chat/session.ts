import { z } from 'zod';

/**
 * A web-chat session id is made by the widget (random, kept in localStorage) and is the patron's
 * address and thread key on the `web` channel. The pattern keeps it URL- and log-safe.
 */
export const sessionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, 'session must be 16 to 128 letters, digits, "-" or "_"');

export function isValidSessionId(value: unknown): value is string {
  return sessionIdSchema.safeParse(value).success;
}
