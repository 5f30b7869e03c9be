import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * A web-chat session token is `<id>.<signature>`: a random id the server made, and an HMAC-SHA256 of it
 * under SESSION_SECRET. The id alone is the patron's address on the `web` channel; the signature proves
 * this server issued it, so a made-up or guessed id is refused before any lookup.
 */
export const sessionTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/, 'session is not a chat session this server issued');

export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

function signature(secret: string, id: string): Buffer {
  return createHmac('sha256', secret).update(`libdesk-web-session:${id}`).digest();
}

export function signSessionId(secret: string, id: string): string {
  return `${id}.${signature(secret, id).toString('base64url')}`;
}

/** The session id inside a token whose signature holds, else undefined (timing-safe compare). */
export function verifySessionToken(secret: string, token: string): string | undefined {
  if (!sessionTokenSchema.safeParse(token).success) return undefined;
  const [id, presented] = token.split('.') as [string, string];
  const expected = signature(secret, id);
  const given = Buffer.from(presented, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}
