import { describe, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.js';
import { createMemoryWebSessionStore } from './memory-session-store.js';
import { createWebSessionService } from './session.js';
import { signSessionId, verifySessionToken } from './verify.js';

const secret = 'a-session-secret-0123456789abcdef';

function setup(idleMinutes = 30) {
  let now = new Date('2026-03-07T15:00:00Z').getTime();
  const clock: Clock = { now: () => new Date(now) };
  const store = createMemoryWebSessionStore();
  const sessions = createWebSessionService({ store, secret, idleMinutes, clock });
  return { sessions, store, advance: (minutes: number) => (now += minutes * 60_000) };
}

describe('web-chat session tokens', () => {
  it('verifies a token it signed and refuses one signed with another secret or altered', () => {
    const token = signSessionId(secret, 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(verifySessionToken(secret, token)).toBe('AAAAAAAAAAAAAAAAAAAAAA');
    expect(verifySessionToken('another-secret-0123456789abcdefgh', token)).toBeUndefined();
    expect(verifySessionToken(secret, token.replace(/^A/, 'B'))).toBeUndefined();
    expect(verifySessionToken(secret, 'not a token')).toBeUndefined();
  });
});

describe('web-chat sessions', () => {
  it('starts a session the store knows, and resumes it', async () => {
    const { sessions, store } = setup();
    const issued = await sessions.start();
    expect(store.records.has(issued.sessionId)).toBe(true);
    expect(await sessions.resume(issued.token)).toBe(issued.sessionId);
    expect(issued.idleSeconds).toBe(1800);
  });

  it('ends after the idle time without activity; activity moves the deadline', async () => {
    const { sessions, advance } = setup(30);
    const a = await sessions.start();
    const b = await sessions.start();
    advance(20);
    await sessions.resume(a.token);
    advance(20);
    expect(await sessions.check(a.token)).toBe(a.sessionId);
    await expect(sessions.check(b.token)).rejects.toMatchObject({ code: 'LD_SESSION_EXPIRED' });
  });

  it('does not count listening (check) as activity', async () => {
    const { sessions, advance } = setup(30);
    const issued = await sessions.start();
    advance(20);
    await sessions.check(issued.token);
    advance(11);
    await expect(sessions.resume(issued.token)).rejects.toMatchObject({ code: 'LD_SESSION_EXPIRED' });
  });

  it('ends for good when ended, and ending again is harmless', async () => {
    const { sessions } = setup();
    const issued = await sessions.start();
    await sessions.end(issued.token);
    await expect(sessions.resume(issued.token)).rejects.toMatchObject({ code: 'LD_SESSION_EXPIRED' });
    await sessions.end(issued.token);
    await sessions.end('garbage');
  });

  it('refuses a signed id the store never issued', async () => {
    const { sessions } = setup();
    await expect(sessions.resume(signSessionId(secret, 'BBBBBBBBBBBBBBBBBBBBBB'))).rejects.toMatchObject({ code: 'LD_SESSION_EXPIRED' });
  });
});
