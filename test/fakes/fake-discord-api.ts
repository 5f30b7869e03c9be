import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Discord's REST API v10 (https://discord.com/developers/docs/reference), for the
 * routes the staff bot calls: channel messages, threads from a message, editing a message, and the
 * interaction webhook (`/webhooks/{application}/{token}/messages/@original`). Bot routes need
 * `Authorization: Bot <token>`; errors are Discord's `{ message, code }`. Message payloads are checked
 * against Discord's documented limits (content 2000, embeds, fields, components).
 */
export interface FakeDiscordMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  allowed_mentions?: unknown;
  edits: number;
}

export async function startFakeDiscordApi(options: { botToken: string; applicationId: string }) {
  const messages: FakeDiscordMessage[] = [];
  const threads: Array<{ id: string; parent_id: string; name: string }> = [];
  const interactionAnswers: Array<{ token: string; body: Record<string, unknown>; at: number }> = [];
  const calls: Array<{ method: string; path: string; at: number }> = [];
  const registeredCommands: Array<{ guildId: string | undefined; commands: unknown[] }> = [];
  /** How many interaction answers to refuse as if their token had expired (Discord's 10015). */
  const expiredAnswers = { count: 0 };
  const waiters: Array<() => void> = [];
  let snowflake = 1_300_000_000_000_000_000n;
  const nextId = () => String(++snowflake);

  const server = http.createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const send = (status: number, body?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(body === undefined ? '' : JSON.stringify(body));
        for (const wake of waiters.splice(0)) wake();
      };
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://fake').pathname).replace(/^\/api/, '');
      const method = request.method ?? 'GET';
      calls.push({ method, path, at: performance.now() });
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};

      const hook = /^\/v10\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(path);
      if (hook) {
        if (hook[1] !== options.applicationId || expiredAnswers.count > 0) {
          if (expiredAnswers.count > 0) expiredAnswers.count -= 1;
          return send(404, { message: 'Unknown Webhook', code: 10015 });
        }
        const problem = messageProblem(body, true);
        if (problem) return send(400, { message: 'Invalid Form Body', code: 50035, errors: problem });
        interactionAnswers.push({ token: hook[2] as string, body, at: performance.now() });
        return send(200, { id: nextId(), ...body });
      }

      if (request.headers.authorization !== `Bot ${options.botToken}`) return send(401, { message: '401: Unauthorized', code: 0 });

      const commands = /^\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
      if (commands && method === 'PUT') {
        if (commands[1] !== options.applicationId) return send(403, { message: 'Missing Access', code: 50001 });
        if (!Array.isArray(body)) return send(400, { message: 'Invalid Form Body', code: 50035 });
        registeredCommands.push({ guildId: commands[2], commands: body as unknown[] });
        return send(200, body);
      }
      const post = /^\/v10\/channels\/(\d+)\/messages$/.exec(path);
      if (post && method === 'POST') {
        const problem = messageProblem(body, false);
        if (problem) return send(400, { message: 'Invalid Form Body', code: 50035, errors: problem });
        const message: FakeDiscordMessage = {
          id: nextId(),
          channel_id: post[1] as string,
          content: String(body.content ?? ''),
          embeds: (body.embeds as unknown[]) ?? [],
          components: (body.components as unknown[]) ?? [],
          allowed_mentions: body.allowed_mentions,
          edits: 0,
        };
        messages.push(message);
        return send(200, { ...message, author: { id: '999', username: 'Libdesk', bot: true }, type: 0 });
      }
      const thread = /^\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
      if (thread && method === 'POST') {
        if (!messages.some((m) => m.id === thread[2] && m.channel_id === thread[1])) return send(404, { message: 'Unknown Message', code: 10008 });
        const name = String(body.name ?? '');
        if (name.length < 1 || name.length > 100) return send(400, { message: 'Invalid Form Body', code: 50035 });
        // A thread started from a message has the message's id.
        const created = { id: thread[2] as string, parent_id: thread[1] as string, name, type: 11 };
        threads.push(created);
        return send(201, created);
      }
      const edit = /^\/v10\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
      if (edit && method === 'PATCH') {
        const message = messages.find((m) => m.id === edit[2] && m.channel_id === edit[1]);
        if (!message) return send(404, { message: 'Unknown Message', code: 10008 });
        const problem = messageProblem(body, true);
        if (problem) return send(400, { message: 'Invalid Form Body', code: 50035, errors: problem });
        if (body.content !== undefined) message.content = String(body.content);
        if (body.embeds !== undefined) message.embeds = body.embeds as unknown[];
        if (body.components !== undefined) message.components = body.components as unknown[];
        message.edits += 1;
        return send(200, message);
      }
      send(404, { message: '404: Not Found', code: 0 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** Give this to the bot as DISCORD_API_URL (the REST client appends /v10). */
    apiUrl: `http://127.0.0.1:${port}/api`,
    messages,
    threads,
    interactionAnswers,
    registeredCommands,
    expiredAnswers,
    calls,
    inChannel: (channelId: string) => messages.filter((m) => m.channel_id === channelId),
    async until<T>(check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > deadline) throw new Error('fake Discord: condition not met in time');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeDiscordApi = Awaited<ReturnType<typeof startFakeDiscordApi>>;

type Json = Record<string, unknown>;

/** Discord's documented message limits for what the bot sends. */
function messageProblem(body: Json, partial: boolean): string | undefined {
  const content = body.content;
  const embeds = body.embeds as Json[] | undefined;
  if (!partial && !content && !(embeds && embeds.length)) return 'a message needs content or embeds';
  if (content !== undefined && (typeof content !== 'string' || content.length > 2000)) return 'content must be at most 2000 characters';
  if (embeds !== undefined) {
    if (!Array.isArray(embeds) || embeds.length > 10) return 'at most 10 embeds';
    for (const embed of embeds) {
      if (typeof embed.title === 'string' && embed.title.length > 256) return 'embed title over 256';
      if (typeof embed.description === 'string' && embed.description.length > 4096) return 'embed description over 4096';
      const fields = (embed.fields as Json[] | undefined) ?? [];
      if (fields.length > 25) return 'more than 25 fields';
      for (const field of fields) {
        if (typeof field.name !== 'string' || !field.name || field.name.length > 256) return 'field name must be 1-256';
        if (typeof field.value !== 'string' || !field.value || field.value.length > 1024) return 'field value must be 1-1024';
      }
    }
  }
  const rows = body.components as Json[] | undefined;
  if (rows !== undefined) {
    if (!Array.isArray(rows) || rows.length > 5) return 'at most 5 action rows';
    const ids = new Set<string>();
    for (const row of rows) {
      const items = row.components as Json[] | undefined;
      if (row.type !== 1 || !Array.isArray(items) || items.length < 1 || items.length > 5) return 'an action row holds 1-5 components';
      for (const item of items) {
        if (item.type !== 2) return 'only buttons are expected';
        if (typeof item.label !== 'string' || item.label.length > 80) return 'button label over 80';
        if (typeof item.custom_id !== 'string' || item.custom_id.length > 100 || ids.has(item.custom_id)) return 'custom_id missing, over 100 or repeated';
        ids.add(item.custom_id);
      }
    }
  }
  return undefined;
}
