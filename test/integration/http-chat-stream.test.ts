import { get, type IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ConversationEvents } from '../../core/inquiry-service.js';
import { build } from '../../http/test-support/build.js';
import { createMemoryConversationEvents } from '../../realtime/memory-events.js';

// Server-sent events need a real socket: `inject` waits for a response that never ends.
const session = 'stream-session-0123456789abcdef';

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
async function openStream(baseUrl: string, query = `session=${session}`) {
  const request = get(`${baseUrl}/api/v1/chat/stream?${query}`, { agent: false });
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
    const { app } = await build({ deps: { events } });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl);
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
    await stream.readUntil(': connected');

    await events.publish('web', 'another-session-000000', { type: 'reply', entry: { from: 'staff', text: 'not for you', at: new Date() } });
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
    const { app } = await build({ options: { sseHeartbeatMs: 50 } });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl);
    await stream.readUntil(': heartbeat\n\n');
    stream.abort();
  });

  it('unsubscribes when the browser goes away', async () => {
    const events = countingEvents();
    const { app } = await build({ deps: { events } });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl);
    await stream.readUntil(': connected');
    expect(events.active()).toBe(1);
    stream.abort();
    await until(() => events.active() === 0);
  });

  it('ends open streams when the server closes, instead of hanging', async () => {
    const events = countingEvents();
    const { app } = await build({ deps: { events } });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl);
    await stream.readUntil(': connected');
    await app.close();
    expect(events.active()).toBe(0);
    await expect(stream.readUntil('never')).rejects.toThrow(/stream ended/);
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
