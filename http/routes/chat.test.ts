import { describe, expect, it } from 'vitest';
import { patronInquiryResponseSchema } from '../schemas/inquiry.js';
import { FAKE_SATURDAY_HOURS } from '../test-support/fakes.js';
import { toInquiryResponse } from './inquiries.js';
import { build, TEST_IDLE_MINUTES } from '../test-support/build.js';

const idOf = (token: string) => token.split('.')[0]!;
const MINUTE = 60_000;

describe('POST /api/v1/chat/sessions', () => {
  it('issues a signed session token and says how long it lives without activity', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/api/v1/chat/sessions' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body.session).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(body.idleSeconds).toBe(TEST_IDLE_MINUTES * 60);
    const other = await app.inject({ method: 'POST', url: '/api/v1/chat/sessions' });
    expect(other.json().session).not.toBe(body.session);
  });
});

describe('POST /api/v1/chat/messages', () => {
  it('sends the message on the web channel with the session id as address and thread', async () => {
    const { app, inquiries, newChatSession } = await build();
    const session = await newChatSession();
    const response = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session, text: 'are you open on Saturday?', clientMessageId: 'msg-0001' } });
    expect(response.statusCode).toBe(201);
    const id = idOf(session);
    expect(inquiries.received).toEqual([{ channel: 'web', address: id, threadKey: id, text: 'are you open on Saturday?', externalId: `web:${id}:msg-0001` }]);
    expect(response.json().reply).toMatchObject({ text: FAKE_SATURDAY_HOURS, quickReplies: ['Hours for Eastside', 'Thanks!'] });
  });

  it('answers a retried send once, with the stored answer', async () => {
    const { app, newChatSession } = await build();
    const payload = { session: await newChatSession(), text: 'something odd', clientMessageId: 'msg-0002' };
    const first = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload });
    const retry = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().inquiryId).toBe(first.json().inquiryId);
  });

  it('shows the patron only the public ticket number, never the sequential id', async () => {
    const { tickets } = await build();
    const ticket = await tickets.open({ kind: 'handoff', subject: 'x', description: 'x', requester: { channel: 'web', address: 's', threadKey: 's' } });
    const result = { inquiryId: 'i', conversationId: 'c', intent: 'handoff' as const, confidence: 1, outcome: 'ticket' as const, reply: { text: 'ok' }, ticket, duplicate: false };
    const shown = patronInquiryResponseSchema.parse(toInquiryResponse(result));
    expect(shown.ticket).toEqual({ number: ticket.number, kind: 'handoff', status: 'open' });
    expect(JSON.stringify(shown)).not.toContain(`"id":${ticket.id}`);
  });

  it.each([
    ['a session that is too short', { session: 'abc', text: 'hi' }, 'session'],
    ['a session the widget made up (no signature)', { session: 'f3a9c2d4e5b6a7c8d9e0f1a2b3c4d5e6', text: 'hi' }, 'session'],
    ['a session with odd characters', { session: 'f3a9c2d4e5b6a7c8d9e0f1<script>', text: 'hi' }, 'session'],
    ['empty text', { text: '' }, 'text'],
    ['text over 8000 characters', { text: 'b'.repeat(10_000) }, 'text'],
    ['a NUL byte', { text: 'PC-07\u0000 is broken' }, 'text'],
    ['a lone surrogate', { text: 'thanks \ud83d' }, 'text'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_label, payload, field) => {
    const { app, inquiries, newChatSession } = await build();
    const session = await newChatSession();
    const response = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session, ...payload } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('LD_VALIDATION');
    expect(response.json().error.details.issues[0].field).toBe(field);
    expect(inquiries.received).toHaveLength(0);
  });

  it('refuses a well-formed token whose signature is not ours with 401, storing nothing', async () => {
    const { app, inquiries, newChatSession } = await build();
    const session = await newChatSession();
    const forged = `${idOf(session)}.${'A'.repeat(43)}`;
    const response = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session: forged, text: 'hi' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('LD_SESSION_EXPIRED');
    expect(inquiries.received).toHaveLength(0);
  });

  it('limits sends per IP', async () => {
    const { app, newChatSession } = await build({ options: { rateLimit: { max: 2, sessionMax: 100, timeWindowMs: 60_000 } } });
    const [a, b] = [await newChatSession(), await newChatSession()];
    const send = (ip: string, session: string) => app.inject({ method: 'POST', url: '/api/v1/chat/messages', remoteAddress: ip, payload: { session, text: 'hello' } });
    expect((await send('192.0.2.1', a)).statusCode).toBe(201);
    expect((await send('192.0.2.1', b)).statusCode).toBe(201);
    const limited = await send('192.0.2.1', a);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('LD_RATE_LIMITED');
    expect((await send('192.0.2.2', a)).statusCode).toBe(201);
  });

  it('limits sends per session, whatever the IP', async () => {
    const { app, inquiries, newChatSession } = await build({ options: { rateLimit: { max: 100, sessionMax: 2, timeWindowMs: 60_000 } } });
    const [a, b] = [await newChatSession(), await newChatSession()];
    const send = (ip: string, session: string) => app.inject({ method: 'POST', url: '/api/v1/chat/messages', remoteAddress: ip, payload: { session, text: 'hello' } });
    expect((await send('192.0.2.1', a)).statusCode).toBe(201);
    expect((await send('192.0.2.2', a)).statusCode).toBe(201);
    const limited = await send('192.0.2.3', a);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.json().error.code).toBe('LD_RATE_LIMITED');
    expect((await send('192.0.2.3', b)).statusCode).toBe(201);
    expect(inquiries.received).toHaveLength(3);
  });
});

describe('GET /api/v1/chat/history', () => {
  it('restores the conversation of this session only', async () => {
    const { app, newChatSession } = await build();
    const [session, other] = [await newChatSession(), await newChatSession()];
    await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session, text: 'are you open on Saturday?' } });
    await app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session: other, text: 'hello' } });
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

describe('shared public PCs: a chat ends, and the next patron starts fresh', () => {
  async function chatted() {
    const built = await build();
    const session = await built.newChatSession();
    const sent = await built.app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session, text: 'my card is 21234000123456, are you open?' } });
    expect(sent.statusCode).toBe(201);
    return { ...built, session };
  }
  const history = (built: Awaited<ReturnType<typeof chatted>>, session: string) =>
    built.app.inject({ method: 'GET', url: `/api/v1/chat/history?session=${session}` });

  it('after the idle time the old session gets no history, and a new session starts empty', async () => {
    const built = await chatted();
    built.advanceClock((TEST_IDLE_MINUTES + 1) * MINUTE);
    const old = await history(built, built.session);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('LD_SESSION_EXPIRED');
    expect(old.body).not.toContain('21234000123456');
    const send = await built.app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session: built.session, text: 'yes' } });
    expect(send.statusCode).toBe(401);

    const fresh = await built.newChatSession();
    const restored = await history(built, fresh);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toEqual({ entries: [] });
  });

  it('activity keeps a session alive past the idle time counted from its start', async () => {
    const built = await chatted();
    built.advanceClock((TEST_IDLE_MINUTES - 5) * MINUTE);
    expect((await built.app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session: built.session, text: 'and sunday?' } })).statusCode).toBe(201);
    built.advanceClock((TEST_IDLE_MINUTES - 5) * MINUTE);
    expect((await history(built, built.session)).statusCode).toBe(200);
  });

  it('"End chat" ends the session on the server: no history, no sends, no stream', async () => {
    const built = await chatted();
    const ended = await built.app.inject({ method: 'POST', url: '/api/v1/chat/sessions/end', payload: { session: built.session } });
    expect(ended.statusCode).toBe(204);
    expect((await history(built, built.session)).statusCode).toBe(401);
    expect((await built.app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { session: built.session, text: 'hi' } })).statusCode).toBe(401);
    expect((await built.app.inject({ method: 'GET', url: `/api/v1/chat/stream?session=${built.session}` })).statusCode).toBe(401);
    // Ending twice is fine: the chat is over either way.
    expect((await built.app.inject({ method: 'POST', url: '/api/v1/chat/sessions/end', payload: { session: built.session } })).statusCode).toBe(204);
  });
});

describe('CORS: the widget on the library’s own site', () => {
  const site = 'https://www.riverside-library.example';
  const options = { widgetOrigins: [site] };

  it('answers a preflight from a listed site, and sends it the answer', async () => {
    const { app, newChatSession } = await build({ options });
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/chat/messages',
      headers: { origin: site, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(site);
    const session = await newChatSession();
    const response = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', headers: { origin: site }, payload: { session, text: 'hello' } });
    expect(response.statusCode).toBe(201);
    expect(response.headers['access-control-allow-origin']).toBe(site);
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('refuses a site that is not listed, storing nothing', async () => {
    const { app, inquiries, newChatSession } = await build({ options });
    const session = await newChatSession();
    const evil = 'https://evil.example';
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/v1/chat/messages', headers: { origin: evil, 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    for (const request of [
      { method: 'POST' as const, url: '/api/v1/chat/messages', payload: { session, text: 'hello' } },
      { method: 'POST' as const, url: '/api/v1/chat/sessions' },
      { method: 'GET' as const, url: `/api/v1/chat/history?session=${session}` },
    ]) {
      const response = await app.inject({ ...request, headers: { origin: evil } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('LD_FORBIDDEN');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(inquiries.received).toHaveLength(0);
  });

  it('lets the server’s own pages through without listing them', async () => {
    const { app, newChatSession } = await build();
    const session = await newChatSession();
    const response = await app.inject({ method: 'POST', url: '/api/v1/chat/messages', headers: { origin: 'http://libdesk.example:3000', host: 'libdesk.example:3000' }, payload: { session, text: 'hi' } });
    expect(response.statusCode).toBe(201);
  });

  it('keeps CORS off every other route', async () => {
    const { app, staffHeaders } = await build({ options });
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/v1/tickets', headers: { origin: site, 'access-control-request-method': 'GET' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const tickets = await app.inject({ method: 'GET', url: '/api/v1/tickets', headers: { ...staffHeaders, origin: site } });
    expect(tickets.headers['access-control-allow-origin']).toBeUndefined();
  });
});
