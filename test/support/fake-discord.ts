import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the parts of Discord's REST API (v10) the patron channel uses: create a DM
 * channel, create a message, answer an interaction. It checks `Authorization: Bot <token>` and answers
 * with the documented shapes and error bodies (`{code, message}`), e.g. 50007 for a user who blocks DMs.
 */
export interface PostedDiscordMessage {
  id: string;
  channelId: string;
  body: Record<string, any>;
}

export async function startFakeDiscord(options: { botToken: string }) {
  const messages: PostedDiscordMessage[] = [];
  const interactionCallbacks: Array<{ id: string; token: string; body: unknown }> = [];
  const blockedUsers = new Set<string>();
  const dmChannels = new Map<string, string>();
  let nextId = 1_700_000_000_000_000_000n;
  const snowflake = () => (nextId++).toString();
  const waiters: Array<() => void> = [];

  function send(response: http.ServerResponse, status: number, body?: unknown): void {
    if (body === undefined) response.writeHead(status).end();
    else response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  const server = http.createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', (): void => {
      const path = (request.url ?? '').replace(/^\/api/, '');
      const body = raw ? (JSON.parse(raw) as Record<string, any>) : {};
      const interaction = /^\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
      if (request.method === 'POST' && interaction) {
        interactionCallbacks.push({ id: interaction[1]!, token: interaction[2]!, body });
        return send(response, 204);
      }
      if (request.headers.authorization !== `Bot ${options.botToken}`) return send(response, 401, { message: '401: Unauthorized', code: 0 });
      if (request.method === 'POST' && path === '/v10/users/@me/channels') {
        const userId = String(body.recipient_id ?? '');
        if (!/^\d+$/.test(userId)) return send(response, 400, { message: 'Invalid Form Body', code: 50035 });
        const channelId = dmChannels.get(userId) ?? snowflake();
        dmChannels.set(userId, channelId);
        return send(response, 200, { id: channelId, type: 1, recipients: [{ id: userId }] });
      }
      const create = /^\/v10\/channels\/(\d+)\/messages$/.exec(path);
      if (request.method === 'POST' && create) {
        const channelId = create[1]!;
        const recipient = [...dmChannels].find(([, channel]) => channel === channelId)?.[0];
        if (recipient && blockedUsers.has(recipient)) return send(response, 403, { message: 'Cannot send messages to this user', code: 50007 });
        if (typeof body.content !== 'string' || body.content.length > 2000) return send(response, 400, { message: 'Invalid Form Body', code: 50035 });
        const message = { id: snowflake(), channelId, body };
        messages.push(message);
        send(response, 200, { id: message.id, channel_id: channelId, content: body.content, type: body.message_reference ? 19 : 0 });
        for (const wake of waiters.splice(0)) wake();
        return;
      }
      send(response, 404, { message: '404: Not Found', code: 0 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** What DISCORD_API_URL is set to. */
    apiUrl: `http://127.0.0.1:${port}/api`,
    messages,
    interactionCallbacks,
    dmChannelOf: (userId: string) => dmChannels.get(userId),
    /** Sends to this user's DM fail with 50007, as when the user blocks the bot. */
    block: (userId: string) => blockedUsers.add(userId),
    async waitForMessages(count: number, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} Discord messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;
