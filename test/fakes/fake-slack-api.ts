import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Slack Web API (https://api.slack.com/web), speaking the methods the staff app
 * calls with Slack's documented request and response shapes: form-encoded or JSON bodies, the bot token
 * as a Bearer header, `{ ok: false, error }` answers. Block Kit payloads are checked against Slack's
 * documented limits, so a message Slack would refuse (`invalid_blocks`) is refused here too.
 * It also receives `response_url` posts at `/respond/<id>`.
 */
export interface FakeSlackMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  user: string;
  bot_id: string;
  /** How many times chat.update replaced it. */
  updates: number;
}

export interface FakeSlackCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

export interface FakeSlackOptions {
  token: string;
  botUserId?: string;
  botId?: string;
  /** Methods that answer `{ok:false, error}` for their next N calls, e.g. to test retries. */
  failNext?: Record<string, { count: number; error: string }>;
}

export async function startFakeSlackApi(options: FakeSlackOptions) {
  const botUserId = options.botUserId ?? 'U0LIBDESKBOT';
  const botId = options.botId ?? 'B0LIBDESKBOT';
  const calls: FakeSlackCall[] = [];
  const messages: FakeSlackMessage[] = [];
  const ephemerals: Array<{ channel: string; user: string; text: string; thread_ts?: string }> = [];
  const homeViews = new Map<string, { type: string; blocks: unknown[] }>();
  const openedViews: Array<{ trigger_id: string; view: Record<string, unknown> }> = [];
  const responses: Array<{ id: string; body: Record<string, unknown> }> = [];
  const failNext = { ...(options.failNext ?? {}) };
  const waiters: Array<() => void> = [];
  let tsCounter = 0;
  // Slack's ts is "seconds.microseconds" and unique per channel; a counter keeps them ordered.
  const nextTs = () => `1764600000.${String(++tsCounter).padStart(6, '0')}`;

  const methods: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
    'auth.test': () => ({ ok: true, url: 'https://libdesk-test.slack.com/', team: 'Libdesk Test', user: 'libdesk', team_id: 'T0LIBDESK', user_id: botUserId, bot_id: botId }),
    'chat.postMessage': (args) => {
      const channel = requireString(args, 'channel');
      const text = typeof args.text === 'string' ? args.text : '';
      const blocks = parseJsonField(args.blocks) as unknown[] | undefined;
      if (!text && !blocks) return { ok: false, error: 'no_text' };
      if (blocks) {
        const problem = blockKitProblem(blocks, 50);
        if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
      }
      if (typeof args.thread_ts === 'string' && !messages.some((m) => m.channel === channel && m.ts === args.thread_ts)) {
        return { ok: false, error: 'thread_not_found' };
      }
      const message: FakeSlackMessage = {
        channel,
        ts: nextTs(),
        text,
        user: botUserId,
        bot_id: botId,
        updates: 0,
        ...(blocks ? { blocks } : {}),
        ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
      };
      messages.push(message);
      return { ok: true, channel, ts: message.ts, message: { type: 'message', text, user: botUserId, bot_id: botId, ts: message.ts } };
    },
    'chat.update': (args) => {
      const channel = requireString(args, 'channel');
      const message = messages.find((m) => m.channel === channel && m.ts === args.ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      const blocks = parseJsonField(args.blocks) as unknown[] | undefined;
      if (blocks) {
        const problem = blockKitProblem(blocks, 50);
        if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        message.blocks = blocks;
      }
      if (typeof args.text === 'string') message.text = args.text;
      message.updates += 1;
      return { ok: true, channel, ts: message.ts, text: message.text };
    },
    'chat.postEphemeral': (args) => {
      const entry = { channel: requireString(args, 'channel'), user: requireString(args, 'user'), text: String(args.text ?? '') };
      ephemerals.push(typeof args.thread_ts === 'string' ? { ...entry, thread_ts: args.thread_ts } : entry);
      return { ok: true, message_ts: nextTs() };
    },
    'views.publish': (args) => {
      const view = parseJsonField(args.view) as { type?: string; blocks?: unknown[] } | undefined;
      if (!view || view.type !== 'home' || !Array.isArray(view.blocks)) return { ok: false, error: 'invalid_arguments' };
      const problem = blockKitProblem(view.blocks, 100);
      if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
      homeViews.set(requireString(args, 'user_id'), { type: view.type, blocks: view.blocks });
      return { ok: true, view: { id: `V${homeViews.size}`, type: 'home' } };
    },
    'views.open': (args) => {
      const view = parseJsonField(args.view) as { type?: string; title?: { text?: string }; blocks?: unknown[] } | undefined;
      if (!view || view.type !== 'modal' || !Array.isArray(view.blocks)) return { ok: false, error: 'invalid_arguments' };
      if (!view.title?.text || view.title.text.length > 24) return { ok: false, error: 'invalid_arguments', errors: ['title must be 1-24 characters'] };
      const problem = blockKitProblem(view.blocks, 100);
      if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
      openedViews.push({ trigger_id: requireString(args, 'trigger_id'), view: view as Record<string, unknown> });
      return { ok: true, view: { id: `VM${openedViews.length}` } };
    },
    'conversations.replies': (args) => {
      const channel = requireString(args, 'channel');
      const ts = requireString(args, 'ts');
      const thread = messages.filter((m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts));
      if (thread.length === 0) return { ok: false, error: 'thread_not_found' };
      return { ok: true, messages: thread.map(({ updates: _updates, ...m }) => ({ type: 'message', ...m })), has_more: false };
    },
  };

  const server = http.createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(body));
        for (const wake of waiters.splice(0)) wake();
      };
      const args = parseBody(raw, request.headers['content-type']);
      if (url.pathname.startsWith('/respond/')) {
        responses.push({ id: url.pathname.slice('/respond/'.length), body: args });
        send(200, { ok: true });
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '').replace(/^\//, '');
      const handler = methods[method];
      if (!handler) return send(404, { ok: false, error: 'unknown_method' });
      const presented = /^Bearer\s+(.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
      if (!presented) return send(200, { ok: false, error: 'not_authed' });
      if (presented !== options.token) return send(200, { ok: false, error: 'invalid_auth' });
      calls.push({ method, args, at: performance.now() });
      const failure = failNext[method];
      if (failure && failure.count > 0) {
        failure.count -= 1;
        return send(200, { ok: false, error: failure.error });
      }
      try {
        send(200, handler(args));
      } catch (error) {
        send(200, { ok: false, error: error instanceof MissingArgument ? 'invalid_arguments' : 'internal_error' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    /** Give this to Bolt as `clientOptions.slackApiUrl`. */
    apiUrl: `${base}/api/`,
    /** A `response_url` Slack would put in a slash-command or interaction payload. */
    responseUrl: (id: string) => `${base}/respond/${id}`,
    botUserId,
    botId,
    calls,
    messages,
    ephemerals,
    homeViews,
    openedViews,
    responses,
    failNext,
    callsTo: (method: string) => calls.filter((call) => call.method === method),
    threadOf: (channel: string, ts: string) => messages.filter((m) => m.channel === channel && m.thread_ts === ts),
    /** Resolves when `check` holds, checked after every request; rejects after `timeoutMs`. */
    async until<T>(check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > deadline) throw new Error('fake Slack: condition not met in time');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeSlackApi = Awaited<ReturnType<typeof startFakeSlackApi>>;

class MissingArgument extends Error {}

function requireString(args: Record<string, unknown>, name: string): string {
  const value = args[name];
  if (typeof value !== 'string' || value === '') throw new MissingArgument(name);
  return value;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if ((contentType ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

/** The web client form-encodes objects as JSON strings; JSON bodies carry them as objects. */
function parseJsonField(value: unknown): unknown[] | Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return JSON.parse(value) as unknown[] | Record<string, unknown>;
  return value as unknown[] | Record<string, unknown>;
}

type Json = Record<string, unknown>;

function textProblem(text: unknown, where: string, max: number, kinds: string[] = ['plain_text', 'mrkdwn']): string | undefined {
  const object = text as Json | undefined;
  if (!object || typeof object !== 'object' || !kinds.includes(String(object.type))) return `${where} must be a text object of type ${kinds.join(' or ')}`;
  if (typeof object.text !== 'string' || object.text.length === 0) return `${where}.text must not be empty`;
  if (object.text.length > max) return `${where}.text must be at most ${max} characters`;
  return undefined;
}

/** Slack's documented Block Kit limits for the block types the app uses. */
export function blockKitProblem(blocks: unknown, maxBlocks: number): string | undefined {
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length === 0 || blocks.length > maxBlocks) return `there must be 1-${maxBlocks} blocks`;
  const blockIds = new Set<string>();
  for (const [index, raw] of blocks.entries()) {
    const block = raw as Json;
    const where = `blocks[${index}]`;
    if (typeof block.block_id === 'string') {
      if (block.block_id.length > 255) return `${where}.block_id is longer than 255`;
      if (blockIds.has(block.block_id)) return `${where}.block_id is repeated`;
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'header': {
        const problem = textProblem(block.text, `${where}.text`, 150, ['plain_text']);
        if (problem) return problem;
        break;
      }
      case 'section': {
        if (block.text === undefined && block.fields === undefined) return `${where} needs text or fields`;
        if (block.text !== undefined) {
          const problem = textProblem(block.text, `${where}.text`, 3000);
          if (problem) return problem;
        }
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields) || block.fields.length > 10) return `${where}.fields must be at most 10`;
          for (const [i, field] of block.fields.entries()) {
            const problem = textProblem(field, `${where}.fields[${i}]`, 2000);
            if (problem) return problem;
          }
        }
        break;
      }
      case 'context': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) return `${where}.elements must be 1-10`;
        for (const [i, element] of block.elements.entries()) {
          const problem = textProblem(element, `${where}.elements[${i}]`, 3000);
          if (problem) return problem;
        }
        break;
      }
      case 'actions': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25) return `${where}.elements must be 1-25`;
        const actionIds = new Set<string>();
        for (const [i, element] of (block.elements as Json[]).entries()) {
          if (element.type !== 'button') return `${where}.elements[${i}] is not a button`;
          const problem = textProblem(element.text, `${where}.elements[${i}].text`, 75, ['plain_text']);
          if (problem) return problem;
          if (typeof element.action_id !== 'string' || element.action_id.length > 255) return `${where}.elements[${i}].action_id is invalid`;
          if (actionIds.has(element.action_id)) return `${where}.elements[${i}].action_id is repeated`;
          actionIds.add(element.action_id);
          if (element.value !== undefined && (typeof element.value !== 'string' || element.value.length > 2000)) return `${where}.elements[${i}].value is invalid`;
          if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') return `${where}.elements[${i}].style is invalid`;
        }
        break;
      }
      case 'divider':
        break;
      case 'input': {
        const problem = textProblem(block.label, `${where}.label`, 2000, ['plain_text']);
        if (problem) return problem;
        if (!block.element || typeof block.element !== 'object') return `${where}.element is required`;
        break;
      }
      default:
        return `${where}.type ${String(block.type)} is not supported here`;
    }
  }
  return undefined;
}
