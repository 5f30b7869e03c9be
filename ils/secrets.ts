import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Patron secrets at rest. Card numbers are looked up, so they are stored as a plain SHA-256 of the
 * digits (never the number itself); PINs are only compared, so they get scrypt with a random salt.
 */

/** Digits only: "2 1234 00012 3456" and "21234000123456" are the same card. */
export function normalizeCardNumber(card: string): string {
  return card.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

export function hashCardNumber(card: string): string {
  return createHash('sha256').update(`libdesk-card:${normalizeCardNumber(card)}`).digest('hex');
}

export function cardLast4(card: string): string {
  return normalizeCardNumber(card).slice(-4);
}

const SCRYPT_KEYLEN = 32;

function scryptAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, SCRYPT_KEYLEN, { N: 16384, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(pin, salt);
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, keyHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !keyHex) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = await scryptAsync(pin, Buffer.from(saltHex, 'hex'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
