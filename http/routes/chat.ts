import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chatMessageSchema, sessionIdSchema, toWebChatEntry, toWebChatInquiry, webChatEntrySchema } from '../../channels/web-chat/index.js';
import type { ConversationEvents, InquiryService } from '../../core/inquiry-service.js';
import { type EventStream, openEventStream } from '../event-stream.js';
import type { RouteRateLimit } from '../plugins/rate-limit.js';
import { inquiryResponseSchema } from '../schemas/inquiry.js';
import { toInquiryResponse } from './inquiries.js';

export interface ChatRoutesOptions {
  inquiries: InquiryService;
  events: ConversationEvents;
  rateLimit: RouteRateLimit;
  heartbeatMs: number;
}

const sessionQuerySchema = z.object({ session: sessionIdSchema });
const historySchema = z.object({ entries: z.array(webChatEntrySchema) });
const HISTORY_LIMIT = 100;

/** The web chat widget's API: send a message, restore the conversation, and hear staff answers live. */
export const chatRoutes: FastifyPluginAsyncZod<ChatRoutesOptions> = async (app, options) => {
  app.post(
    '/api/v1/chat/messages',
    {
      config: { ...options.rateLimit },
      schema: { body: chatMessageSchema, response: { 200: inquiryResponseSchema, 201: inquiryResponseSchema } },
    },
    async (request, reply) => {
      const result = await options.inquiries.handle(toWebChatInquiry(request.body));
      return reply.code(result.duplicate ? 200 : 201).send(toInquiryResponse(result));
    },
  );

  app.get('/api/v1/chat/history', { schema: { querystring: sessionQuerySchema, response: { 200: historySchema } } }, async (request, reply) => {
    const entries = await options.inquiries.history('web', request.query.session, { limit: HISTORY_LIMIT });
    reply.header('cache-control', 'no-store');
    return { entries: entries.map(toWebChatEntry) };
  });

  // Open streams are ended when the server closes; otherwise a listening server would wait on them forever.
  const open = new Set<EventStream>();
  app.addHook('preClose', async () => {
    for (const stream of open) stream.close();
  });

  app.get('/api/v1/chat/stream', { schema: { querystring: sessionQuerySchema } }, async (request, reply) => {
    const { session } = request.query;
    let stream: EventStream | undefined;
    // Subscribe before answering, so an event published once the client sees ": connected" is delivered.
    const unsubscribe = await options.events.subscribe('web', session, (event) => {
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
