import { describe, expect, it } from 'vitest';
import { FAKE_SATURDAY_HOURS } from '../test-support/fakes.js';
import { build } from '../test-support/build.js';

const session = 'f3a9c2d4e5b6a7c8d9e0f1a2b3c4d5e6';

describe('POST /api/v1/chat/messages', () => {
  it('sends the message on the web channel with the session as address and thread', async () => {
    const { app, inquiries } = await build();
    const response = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session, text: 'are you open on Saturday?', clientMessageId: 'msg-0001' } });
    expect(response.statusCode).toBe(201);
    expect(inquiries.received).toEqual([
      { channel: 'web', address: session, threadKey: session, text: 'are you open on Saturday?', externalId: `web:${session}:msg-0001` },
    ]);
    expect(response.json().reply).toMatchObject({ text: FAKE_SATURDAY_HOURS, quickReplies: ['Hours for Eastside', 'Thanks!'] });
  });

  it('answers a retried send once, with the stored answer', async () => {
    const { app } = await build();
    const payload = { session, text: 'something odd', clientMessageId: 'msg-0002' };
    const first = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload });
    const retry = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().inquiryId).toBe(first.json().inquiryId);
  });

  it.each([
    ['a session that is too short', { session: 'abc', text: 'hi' }, 'session'],
    ['a session with odd characters', { session: `${session}<script>`, text: 'hi' }, 'session'],
    ['empty text', { session, text: '' }, 'text'],
    ['text over 8000 characters', { session, text: 'b'.repeat(10_000) }, 'text'],
  ])('refuses %s with 400 naming the field', async (_label, payload, field) => {
    const { app, inquiries } = await build();
    const response = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].field).toBe(field);
    expect(inquiries.received).toHaveLength(0);
  });

  it('limits sends per IP', async () => {
    const { app } = await build({ options: { rateLimit: { max: 2, timeWindowMs: 60_000 } } });
    const send = (ip: string) => app.inject({ method: 'POST', url: '/api/v1/chat/messages', remoteAddress: ip, payload: { session, text: 'hello' } });
    expect((await send('192.0.2.1')).statusCode).toBe(201);
    expect((await send('192.0.2.1')).statusCode).toBe(201);
    const limited = await send('192.0.2.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('LD_RATE_LIMITED');
    expect((await send('192.0.2.2')).statusCode).toBe(201);
  });
});

describe('GET /api/v1/chat/history', () => {
  it('restores the conversation of this session only', async () => {
    const { app } = await build();
    await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session, text: 'are you open on Saturday?' } });
    await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session: 'other-session-0000000', text: 'hello' } });
    const response = await app.inject({ method: 'GET', url: `/api/v1/chat/history?session=${session}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      entries: [
        { from: 'patron', text: 'are you open on Saturday?', at: '2026-03-07T15:00:00.000Z' },
        { from: 'assistant', text: FAKE_SATURDAY_HOURS, quickReplies: ['Hours for Eastside', 'Thanks!'], at: '2026-03-07T15:00:00.000Z' },
      ],
    });
  });

  it('refuses a missing session with 400', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/v1/chat/history' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].field).toBe('session');
  });
});
