import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Staff console passwords, hashed with scrypt from node:crypto (memory-hard, no native add-on to build).
 * Stored as `scrypt$N$r$p$<salt hex>$<hash hex>` so the cost can be raised later without breaking the
 * passwords already set: each hash says how it was made.
 */
const N = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 128 * n * r * 2 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('hex')}$${key.toString('hex')}`;
}

/** A hash of a password nobody has, so checking an unknown name costs as long as checking a known one. */
let decoy: Promise<string> | undefined;

/** True when `password` matches `stored`; a missing or unreadable hash never matches (and takes as long). */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') {
    decoy ??= hashPassword(randomBytes(16).toString('hex'));
    const [, n, r, p, salt] = (await decoy).split('$');
    await derive(password, Buffer.from(salt!, 'hex'), Number(n), Number(r), Number(p));
    return false;
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'hex');
  const actual = await derive(password, Buffer.from(salt, 'hex'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
