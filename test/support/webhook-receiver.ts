import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that records JSON POSTs, standing in for a staff webhook endpoint. */
export async function startWebhookReceiver(options: { failFirst?: number } = {}) {
  const received: unknown[] = [];
  let failuresLeft = options.failFirst ?? 0;
  const waiters: Array<() => void> = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        response.writeHead(503).end();
        return;
      }
      received.push(JSON.parse(body));
      response.writeHead(204).end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** Resolves once `count` notices have arrived, or rejects after `timeoutMs`. */
    async waitFor(count: number, timeoutMs = 15_000): Promise<unknown[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook calls, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
