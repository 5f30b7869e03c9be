import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { LibdeskError } from '../../core/errors.js';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A captured interaction cannot be replayed after this long (Discord itself never resends one). */
export const DISCORD_MAX_AGE_SECONDS = 5 * 60;

/** The application's public key as the Developer Portal shows it: 64 hex characters. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new LibdeskError('LD_CONFIG_INVALID', 'DISCORD_STAFF_PUBLIC_KEY must be the 64 hex characters of the application public key', {
      details: { settings: ['DISCORD_STAFF_PUBLIC_KEY'] },
    });
  }
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export interface DiscordSignatureInput {
  publicKey: KeyObject;
  /** `X-Signature-Ed25519`, 128 hex characters. */
  signature: string | undefined;
  /** `X-Signature-Timestamp`, seconds since the epoch. */
  timestamp: string | undefined;
  rawBody: string;
  now: Date;
}

/**
 * Checks an interaction the way Discord requires: an Ed25519 signature over `timestamp + body` made with
 * the application's key. Throws `LD_CHANNEL_BAD_SIGNATURE` (401) otherwise; Discord itself probes the
 * endpoint with bad signatures and expects the 401.
 */
export function verifyDiscordSignature({ publicKey, signature, timestamp, rawBody, now }: DiscordSignatureInput): void {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) throw refused('missing or malformed X-Signature-Timestamp');
  if (!signature || !/^[0-9a-f]{128}$/i.test(signature)) throw refused('missing or malformed X-Signature-Ed25519');
  const valid = verify(null, Buffer.from(timestamp + rawBody, 'utf8'), publicKey, Buffer.from(signature, 'hex'));
  if (!valid) throw refused('the signature does not match');
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > DISCORD_MAX_AGE_SECONDS) {
    throw refused('the request timestamp is more than five minutes away from now');
  }
}

function refused(reason: string): LibdeskError {
  return new LibdeskError('LD_CHANNEL_BAD_SIGNATURE', `Discord interaction refused: ${reason}.`, { details: { platform: 'discord-staff' } });
}
