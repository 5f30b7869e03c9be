import { describe, expect, it } from 'vitest';
import { isLibdeskError } from '../../core/errors.js';
import { signSlackRequest, verifySlackSignature } from './verify.js';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Flibdesk&text=list';
const now = new Date('2026-12-01T12:00:00Z');
const ts = String(Math.floor(now.getTime() / 1000));

function refusal(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isLibdeskError(error, 'LD_CHANNEL_BAD_SIGNATURE') ? error.message : `unexpected: ${String(error)}`;
  }
}

describe('verifySlackSignature', () => {
  it("matches Slack's documented example signature", () => {
    // From Slack's "Verifying requests from Slack" guide.
    const documentedBody =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest(secret, '1531420618', documentedBody)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('accepts a fresh request signed with the secret', () => {
    expect(refusal(() => verifySlackSignature({ signingSecret: secret, timestamp: ts, signature: signSlackRequest(secret, ts, body), rawBody: body, now }))).toBeUndefined();
  });

  it('refuses a signature made with another secret', () => {
    const signature = signSlackRequest('not-the-secret', ts, body);
    expect(refusal(() => verifySlackSignature({ signingSecret: secret, timestamp: ts, signature, rawBody: body, now }))).toMatch(/does not match/);
  });

  it('refuses a body changed after signing', () => {
    const signature = signSlackRequest(secret, ts, body);
    expect(refusal(() => verifySlackSignature({ signingSecret: secret, timestamp: ts, signature, rawBody: `${body}&text=resolve`, now }))).toMatch(/does not match/);
  });

  it('refuses a correctly signed request older than five minutes', () => {
    const old = String(Number(ts) - 5 * 60 - 1);
    const signature = signSlackRequest(secret, old, body);
    expect(refusal(() => verifySlackSignature({ signingSecret: secret, timestamp: old, signature, rawBody: body, now }))).toMatch(/five minutes/);
  });

  it('accepts one exactly five minutes old', () => {
    const edge = String(Number(ts) - 5 * 60);
    const signature = signSlackRequest(secret, edge, body);
    expect(refusal(() => verifySlackSignature({ signingSecret: secret, timestamp: edge, signature, rawBody: body, now }))).toBeUndefined();
  });

  it('refuses missing or malformed headers', () => {
    const signature = signSlackRequest(secret, ts, body);
    expect(refusal(() => verifySlackSignature({ signingSecret: secret, timestamp: undefined, signature, rawBody: body, now }))).toMatch(/Timestamp/);
    expect(refusal(() => verifySlackSignature({ signingSecret: secret, timestamp: 'soon', signature, rawBody: body, now }))).toMatch(/Timestamp/);
    expect(refusal(() => verifySlackSignature({ signingSecret: secret, timestamp: ts, signature: undefined, rawBody: body, now }))).toMatch(/Signature/);
    expect(refusal(() => verifySlackSignature({ signingSecret: secret, timestamp: ts, signature: signature.replace('v0=', 'v1='), rawBody: body, now }))).toMatch(/Signature/);
  });
});
