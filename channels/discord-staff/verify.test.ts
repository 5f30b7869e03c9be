import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isLibdeskError } from '../../core/errors.js';
import { discordPublicKey, verifyDiscordSignature } from './verify.js';

const keys = generateKeyPairSync('ed25519');
const hex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
const now = new Date('2026-12-01T15:00:00Z');
const timestamp = String(Math.floor(now.getTime() / 1000));
const body = '{"type":1,"id":"1500000000000000000","application_id":"1100000000000000001"}';
const signed = (text: string, at = timestamp) => sign(null, Buffer.from(at + text), keys.privateKey).toString('hex');

function refusal(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isLibdeskError(error, 'LD_CHANNEL_BAD_SIGNATURE') ? error.message : `unexpected: ${String(error)}`;
  }
}

describe('verifyDiscordSignature', () => {
  const publicKey = discordPublicKey(hex);

  it('accepts an Ed25519 signature over timestamp + body made with the application key', () => {
    expect(refusal(() => verifyDiscordSignature({ publicKey, signature: signed(body), timestamp, rawBody: body, now }))).toBeUndefined();
  });

  it('refuses another key, a changed body, a changed timestamp, a missing header and an old request', () => {
    const other = generateKeyPairSync('ed25519');
    const forged = sign(null, Buffer.from(timestamp + body), other.privateKey).toString('hex');
    expect(refusal(() => verifyDiscordSignature({ publicKey, signature: forged, timestamp, rawBody: body, now }))).toMatch(/does not match/);
    expect(refusal(() => verifyDiscordSignature({ publicKey, signature: signed(body), timestamp, rawBody: `${body} `, now }))).toMatch(/does not match/);
    expect(refusal(() => verifyDiscordSignature({ publicKey, signature: signed(body), timestamp: String(Number(timestamp) + 1), rawBody: body, now }))).toMatch(/does not match/);
    expect(refusal(() => verifyDiscordSignature({ publicKey, signature: undefined, timestamp, rawBody: body, now }))).toMatch(/X-Signature-Ed25519/);
    const old = String(Number(timestamp) - 301);
    expect(refusal(() => verifyDiscordSignature({ publicKey, signature: signed(body, old), timestamp: old, rawBody: body, now }))).toMatch(/five minutes/);
  });

  it('refuses a public key that is not 32 bytes of hex at start', () => {
    expect(() => discordPublicKey('abc')).toThrow(/DISCORD_STAFF_PUBLIC_KEY/);
  });
});
