import cors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chatMessageSchema, sessionTokenSchema, toWebChatEntry, toWebChatInquiry, webChatEntrySchema, type WebSessionService } from '../../channels/web-chat/index.js';
import { LibdeskError } from '../../core/errors.js';
import type { ConversationEvents, InquiryService } from '../../core/inquiry-service.js';
import { type EventStream, openEventStream } from '../event-stream.js';
import type { PatronRateLimits } from '../plugins/rate-limit.js';
import { patronInquiryResponseSchema } from '../schemas/inquiry.js';
import { toInquiryResponse } from './inquiries.js';

export interface ChatRoutesOptions {
  inquiries: InquiryService;
  events: ConversationEvents;
  sessions: WebSessionService;
  rateLimits: PatronRateLimits;
  heartbeatMs: number;
  /** Sites allowed to embed the widget (WIDGET_ORIGINS); the server's own origin always is. */
  widgetOrigins: string[];
}

/** Registered with this prefix, so CORS (and its preflight route) covers the web-chat API and nothing else. */
export const CHAT_API_PREFIX = '/api/v1/chat';

const sessionBodySchema = z.object({ session: sessionTokenSchema });
const sessionQuerySchema = z.object({ session: sessionTokenSchema });
const historySchema = z.object({ entries: z.array(webChatEntrySchema) });
const newSessionSchema = z.object({ session: z.string(), idleSeconds: z.number().int() });
const HISTORY_LIMIT = 100;

/**
 * The web chat widget's API: start a session, send a message, restore the conversation, hear staff
 * answers live, end the chat. Anonymous callers reach only this (and the report page): each call
 * carries a session token the server signed, which stops working after WEB_SESSION_IDLE_MINUTES idle or
 * when the patron ends the chat, so the next patron at a shared PC starts with an empty chat.
 */
export const chatRoutes: FastifyPluginAsyncZod<ChatRoutesOptions> = async (app, options) => {
  const { sessions, rateLimits } = options;
  const allowed = new Set(options.widgetOrigins);

  // The widget on the library's own site calls across origins; only the listed sites get CORS headers.
  await app.register(cors, { origin: [...allowed], methods: ['GET', 'POST'], allowedHeaders: ['content-type'], maxAge: 600 });
  // CORS only stops a browser from reading answers; a foreign page could still send. So a browser request
  // from an origin that is neither this server nor listed is refused before anything is done.
  app.addHook('onRequest', async (request, reply) => {
    // The widget's script and API may be used from the listed sites (helmet's default is same-origin).
    reply.header('cross-origin-resource-policy', 'cross-origin');
    reply.header('cache-control', 'no-store');
    if (!isAllowedOrigin(request, allowed)) {
      throw new LibdeskError('LD_FORBIDDEN', 'This site may not use the library chat. Add it to WIDGET_ORIGINS.');
    }
  });

  const perIp = { ...rateLimits.perIp };

  app.post('/sessions', { config: perIp, schema: { response: { 201: newSessionSchema } } }, async (_request, reply) => {
    const issued = await sessions.start();
    return reply.code(201).send({ session: issued.token, idleSeconds: issued.idleSeconds });
  });

  app.post('/sessions/end', { config: perIp, schema: { body: sessionBodySchema } }, async (request, reply) => {
    await sessions.end(request.body.session);
    return reply.code(204).send();
  });

  app.post(
    '/messages',
    { config: perIp, schema: { body: chatMessageSchema, response: { 200: patronInquiryResponseSchema, 201: patronInquiryResponseSchema } } },
    async (request, reply) => {
      const sessionId = await sessions.resume(request.body.session);
      await rateLimits.perSession(request, reply, sessionId);
      const result = await options.inquiries.handle(toWebChatInquiry(sessionId, request.body));
      return reply.code(result.duplicate ? 200 : 201).send(toInquiryResponse(result));
    },
  );

  app.get('/history', { config: perIp, schema: { querystring: sessionQuerySchema, response: { 200: historySchema } } }, async (request, reply) => {
    // An ended or idle session gets a 401, never the previous patron's conversation.
    const sessionId = await sessions.check(request.query.session);
    await rateLimits.perSession(request, reply, sessionId);
    const entries = await options.inquiries.history('web', sessionId, { limit: HISTORY_LIMIT });
    return { entries: entries.map(toWebChatEntry) };
  });

  // Open streams are ended when the server closes; otherwise a listening server would wait on them forever.
  const open = new Set<EventStream>();
  app.addHook('preClose', async () => {
    for (const stream of open) stream.close();
  });

  app.get('/stream', { config: perIp, schema: { querystring: sessionQuerySchema } }, async (request, reply) => {
    const sessionId = await sessions.check(request.query.session);
    await rateLimits.perSession(request, reply, sessionId);
    let stream: EventStream | undefined;
    // Subscribe before answering, so an event published once the client sees ": connected" is delivered.
    const unsubscribe = await options.events.subscribe('web', sessionId, (event) => {
      stream?.send(event.type, toWebChatEntry(event.entry));
    });
    stream = openEventStream(request, reply, {
      heartbeatMs: options.heartbeatMs,
      onClose: () => {
        open.delete(stream!);
        unsubscribe().catch((error: unknown) => request.log.warn({ err: error }, 'unsubscribe from conversation failed'));
      },
    });
    if (!stream.closed) open.add(stream);
  });
};

/** No Origin (same-origin GET, a non-browser client), this server's own origin, or a listed site. */
function isAllowedOrigin(request: FastifyRequest, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}
