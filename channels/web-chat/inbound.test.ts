import { describe, expect, it } from 'vitest';
import { chatMessageSchema, toWebChatInquiry } from './inbound.js';
import { toWebChatEntry } from './outbound.js';

const session = '0123456789abcdef0123456789abcdef';

describe('web chat inbound', () => {
  it('makes the session the address and the thread, and scopes the message id to the session', () => {
    const message = chatMessageSchema.parse({ session, text: ' hi ', clientMessageId: 'abc12345' });
    expect(toWebChatInquiry(message)).toEqual({ channel: 'web', address: session, threadKey: session, text: 'hi', externalId: `web:${session}:abc12345` });
  });

  it('leaves externalId out when the widget sent no message id', () => {
    expect(toWebChatInquiry(chatMessageSchema.parse({ session, text: 'hi' }))).not.toHaveProperty('externalId');
  });

  it.each([['short'], ['has spaces in it 0123456789'], ['../../etc/passwd0123456']])('refuses the session %s', (bad) => {
    expect(chatMessageSchema.safeParse({ session: bad, text: 'hi' }).success).toBe(false);
  });
});

describe('web chat outbound', () => {
  it('keeps only what the widget draws, with an ISO time', () => {
    const entry = { from: 'staff' as const, text: 'Fixed', quickReplies: [], at: new Date('2026-01-01T10:00:00Z'), address: '+15550100' };
    expect(toWebChatEntry(entry)).toEqual({ from: 'staff', text: 'Fixed', at: '2026-01-01T10:00:00.000Z' });
  });
});
