import { get, type IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ConversationEvents } from '../../core/inquiry-service.js';
import { build } from '../../http/test-support/build.js';
import { createMemoryConversationEvents } from '../../realtime/memory-events.js';

// Server-sent events need a real socket: `inject` waits for a response that never ends.
const idOf = (token: string) => token.split('.')[0]!;

function countingEvents(): ConversationEvents & { active(): number } {
  const inner = createMemoryConversationEvents();
  let active = 0;
  return {
    publish: inner.publish,
    close: inner.close,
    async subscribe(channel, threadKey, listener) {
      const unsubscribe = await inner.subscribe(channel, threadKey, listener);
      active += 1;
      return async () => {
        active -= 1;
        await unsubscribe();
      };
    },
    active: () => active,
  };
}

/**
 * node:http rather than fetch: one connection per stream, gone when the test says so (fetch's pool keeps
 * a spare socket open for seconds, which holds up the server's close).
 */
async function openStream(baseUrl: string, query: string, headers: Record<string, string> = {}) {
  const request = get(`${baseUrl}/api/v1/chat/stream?${query}`, { agent: false, headers });
  const response = await new Promise<IncomingMessage>((resolve, reject) => request.on('response', resolve).on('error', reject));
  response.setEncoding('utf8');
  let buffer = '';
  let ended = false;
  let wake: (() => void) | undefined;
  response.on('data', (chunk: string) => {
    buffer += chunk;
    wake?.();
  });
  response.on('close', () => {
    ended = true;
    wake?.();
  });
  return {
    response,
    abort: () => request.destroy(),
    /** Reads until the text seen so far contains `marker`; the test timeout catches a stream that never says it. */
    async readUntil(marker: string | RegExp): Promise<string> {
      while (typeof marker === 'string' ? !buffer.includes(marker) : !marker.test(buffer)) {
        if (ended) throw new Error(`stream ended before ${JSON.stringify(marker)}; got ${JSON.stringify(buffer)}`);
        await new Promise<void>((resolve) => (wake = resolve));
      }
      return buffer;
    },
    body: () => buffer,
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('GET /api/v1/chat/stream', () => {
  it('delivers a staff answer published for this session as an SSE event', async () => {
    const events = countingEvents();
    const { app, newChatSession } = await build({ deps: { events } });
    const token = await newChatSession();
    const session = idOf(token);
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl, `session=${token}`);
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
    await stream.readUntil(': connected');

    await events.publish('web', 'another-session-0000000', { type: 'reply', entry: { from: 'staff', text: 'not for you', at: new Date() } });
    await events.publish('web', session, {
      type: 'reply',
      entry: { from: 'staff', text: 'PC-07 works again', quickReplies: ['Thanks'], at: new Date('2026-03-07T16:00:00Z') },
    });
    const text = await stream.readUntil(/event: reply\ndata: .+\n\n/);
    expect(text).not.toContain('not for you');
    const data = /event: reply\ndata: (.+)\n\n/.exec(text)![1]!;
    expect(JSON.parse(data)).toEqual({ from: 'staff', text: 'PC-07 works again', quickReplies: ['Thanks'], at: '2026-03-07T16:00:00.000Z' });
    stream.abort();
  });

  it('sends heartbeat comments so proxies keep the stream open', async () => {
    const { app, newChatSession } = await build({ options: { sseHeartbeatMs: 50 } });
    const token = await newChatSession();
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl, `session=${token}`);
    await stream.readUntil(': heartbeat\n\n');
    stream.abort();
  });

  it('unsubscribes when the browser goes away', async () => {
    const events = countingEvents();
    const { app, newChatSession } = await build({ deps: { events } });
    const token = await newChatSession();
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl, `session=${token}`);
    await stream.readUntil(': connected');
    expect(events.active()).toBe(1);
    stream.abort();
    await until(() => events.active() === 0);
  });

  it('ends open streams when the server closes, instead of hanging', async () => {
    const events = countingEvents();
    const { app, newChatSession } = await build({ deps: { events } });
    const token = await newChatSession();
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl, `session=${token}`);
    await stream.readUntil(': connected');
    await app.close();
    expect(events.active()).toBe(0);
    await expect(stream.readUntil('never')).rejects.toThrow(/stream ended/);
  });

  it('keeps the CORS and security headers on the stream for a listed site', async () => {
    const site = 'https://www.riverside-library.example';
    const { app, newChatSession } = await build({ options: { widgetOrigins: [site] } });
    const token = await newChatSession();
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl, `session=${token}`, { origin: site });
    await stream.readUntil(': connected');
    expect(stream.response.headers['access-control-allow-origin']).toBe(site);
    expect(stream.response.headers['x-content-type-options']).toBe('nosniff');
    stream.abort();
  });

  it('refuses a stream without a valid session', async () => {
    const { app } = await build();
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl, 'session=short');
    expect(stream.response.statusCode).toBe(400);
    await stream.readUntil('}}');
    expect(JSON.parse(stream.body()).error.details.issues[0].field).toBe('session');
  });
});
