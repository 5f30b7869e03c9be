import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Some ILSs name a patron only by card number (SIP2). The id such an adapter hands out is the card sealed
 * with AES-256-GCM under a key from the settings: opaque to everything outside the adapter, unforgeable
 * (so only `verifyPatron` can mint one), and safe to keep on a linked contact.
 */
export interface IdSealer {
  seal(secret: string): string;
  /** The sealed value, or undefined when the id was not sealed with this key. */
  unseal(id: string): string | undefined;
}

const PREFIX = 'p1.';

export function createIdSealer(key: string): IdSealer {
  const secretKey = createHash('sha256').update(`libdesk-patron-id:${key}`).digest();
  return {
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secretKey, iv);
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    unseal(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const raw = Buffer.from(id.slice(PREFIX.length), 'base64url');
      if (raw.length < 29) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', secretKey, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
