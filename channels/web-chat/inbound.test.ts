import { describe, expect, it } from 'vitest';
import { chatMessageSchema, toWebChatInquiry } from './inbound.js';
import { toWebChatEntry } from './outbound.js';
import { newSessionId, signSessionId } from './verify.js';

const secret = 'test-secret-0123456789-0123456789';
const sessionId = newSessionId();
const token = signSessionId(secret, sessionId);

describe('web chat inbound', () => {
  it('makes the session id the address and the thread, and scopes the message id to the session', () => {
    const message = chatMessageSchema.parse({ session: token, text: ' hi ', clientMessageId: 'abc12345' });
    expect(toWebChatInquiry(sessionId, message)).toEqual({
      channel: 'web',
      address: sessionId,
      threadKey: sessionId,
      text: 'hi',
      externalId: `web:${sessionId}:abc12345`,
    });
  });

  it('leaves externalId out when the widget sent no message id', () => {
    expect(toWebChatInquiry(sessionId, chatMessageSchema.parse({ session: token, text: 'hi' }))).not.toHaveProperty('externalId');
  });

  it.each([['short'], ['0123456789abcdef0123456789abcdef'], ['has spaces in it 0123456789'], [`${sessionId}.short`], ['../../etc/passwd0123456']])(
    'refuses the session %s',
    (bad) => {
      expect(chatMessageSchema.safeParse({ session: bad, text: 'hi' }).success).toBe(false);
    },
  );

  it.each([
    ['a NUL byte', 'hello\u0000world'],
    ['a lone high surrogate', 'hello \ud83d'],
    ['a lone low surrogate', '\ude00 hello'],
  ])('refuses text with %s', (_label, text) => {
    const result = chatMessageSchema.safeParse({ session: token, text });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['text']);
  });

  it('keeps text with a real emoji (a surrogate pair)', () => {
    expect(chatMessageSchema.parse({ session: token, text: 'thanks 😀' }).text).toBe('thanks 😀');
  });
});

describe('web chat outbound', () => {
  it('keeps only what the widget draws, with an ISO time', () => {
    const entry = { from: 'staff' as const, text: 'Fixed', quickReplies: [], at: new Date('2026-01-01T10:00:00Z'), address: '+15550100' };
    expect(toWebChatEntry(entry)).toEqual({ from: 'staff', text: 'Fixed', at: '2026-01-01T10:00:00.000Z' });
  });
});
