import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer credentials: 32 random bytes behind a short prefix that says what the token is (`lds_` a staff
 * token, `ldk_` an integration key), so a leaked one is recognisable in a log or a secret scanner.
 */
export const STAFF_TOKEN_PREFIX = 'lds';
export const API_KEY_PREFIX = 'ldk';

export function generateToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps instead of the token: a lookup by hash needs no timing-safe compare. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
