import { createHmac, timingSafeEqual } from 'node:crypto';
import { LibdeskError } from '../../core/errors.js';

/** Slack refuses requests older than five minutes; so do we, so a captured request cannot be replayed later. */
export const SLACK_MAX_AGE_SECONDS = 5 * 60;

export interface SlackSignatureInput {
  signingSecret: string;
  /** `X-Slack-Request-Timestamp`, seconds since the epoch. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`, `v0=<hex HMAC-SHA256>`. */
  signature: string | undefined;
  /** The body exactly as received; a re-serialised body would not match. */
  rawBody: string;
  now: Date;
}

/** Computes Slack's v0 signature: HMAC-SHA256 over `v0:<timestamp>:<body>` with the signing secret. */
export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/**
 * Checks that a request came from Slack: a fresh timestamp and a matching signature over the raw body,
 * compared in constant time. Throws `LD_CHANNEL_BAD_SIGNATURE` (401) otherwise.
 */
export function verifySlackSignature({ signingSecret, timestamp, signature, rawBody, now }: SlackSignatureInput): void {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) throw refused('missing or malformed X-Slack-Request-Timestamp');
  const ageSeconds = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (ageSeconds > SLACK_MAX_AGE_SECONDS) throw refused('the request timestamp is more than five minutes away from now');
  if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature)) throw refused('missing or malformed X-Slack-Signature');
  const expected = Buffer.from(signSlackRequest(signingSecret, timestamp, rawBody));
  const presented = Buffer.from(signature);
  if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) throw refused('the signature does not match');
}

function refused(reason: string): LibdeskError {
  return new LibdeskError('LD_CHANNEL_BAD_SIGNATURE', `Slack request refused: ${reason}.`, { details: { platform: 'slack' } });
}
