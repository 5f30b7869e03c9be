import type { FastifyReply, FastifyRequest } from 'fastify';

export interface EventStream {
  send(event: string, data: unknown): void;
  close(): void;
  readonly closed: boolean;
}

export interface EventStreamOptions {
  heartbeatMs: number;
  /** Runs once when the stream ends, whoever ended it. */
  onClose: () => void;
}

/**
 * Server-sent events over a hijacked reply. The protocol is a few lines of text, so it is written here
 * rather than pulled in: what matters is the heartbeat comment (proxies drop silent connections) and
 * that closing always runs `onClose`, which unsubscribes from the conversation.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply, options: EventStreamOptions): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    // Headers set by hooks before the hijack (CORS, security headers) would otherwise be lost.
    ...definedHeaders(reply),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers responses unless told not to, which would hold events back.
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 5000\n: connected\n\n');

  let closed = false;
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), options.heartbeatMs);
  heartbeat.unref();

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    options.onClose();
  };
  request.raw.on('close', finish);
  raw.on('close', finish);
  raw.on('error', finish);
  // The client may have gone while we were subscribing; then no 'close' event is coming.
  if (request.raw.destroyed || raw.destroyed) finish();

  return {
    send(event, data) {
      if (closed) return;
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      if (closed) return;
      finish();
      raw.end();
    },
    get closed() {
      return closed;
    },
  };
}

function definedHeaders(reply: FastifyReply): Record<string, number | string | string[]> {
  const headers: Record<string, number | string | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
  return headers;
}
