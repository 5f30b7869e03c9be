import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { HttpDeps, HttpOptions } from './http-deps.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { DEFAULT_RATE_LIMIT, registerRateLimit } from './plugins/rate-limit.js';
import { chatRoutes } from './routes/chat.js';
import { healthRoutes } from './routes/health.js';
import { inquiryRoutes } from './routes/inquiries.js';
import { reportRoutes } from './routes/report/report-routes.js';
import { ticketRoutes } from './routes/tickets.js';
import { webChatPageRoutes } from './routes/web-chat-pages.js';

export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const DEFAULT_SSE_HEARTBEAT_MS = 25_000;

/**
 * The whole HTTP surface as a Fastify instance that is ready but not listening: `app/main.ts` listens,
 * tests call `inject`. Every service comes in through `deps`; nothing here builds one.
 */
export async function buildHttpApp(deps: HttpDeps, options: HttpOptions): Promise<FastifyInstance> {
  const serverOptions = {
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Fastify's request log lines carry the URL, and chat URLs carry a session id (personal data), so
    // requests are logged below by route pattern instead.
    logController: new LogController({ disableRequestLogging: true }),
  };
  const app = deps.logger ? Fastify({ ...serverOptions, loggerInstance: deps.logger }) : Fastify({ ...serverOptions, logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The JSON API reads JSON only; a text/plain body is refused with 415 rather than half-read.
  app.removeContentTypeParser('text/plain');

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'not-found';
    const line = { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    // Load balancers poll /healthz every few seconds; those lines only matter when debugging.
    if (route === '/healthz') request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    return payload;
  });

  await app.register(errorHandlerPlugin, { libraryName: options.libraryName });
  const rateLimit = await registerRateLimit(app, options.rateLimit ?? DEFAULT_RATE_LIMIT);

  await app.register(healthRoutes, { health: deps.health, version: options.version });
  await app.register(inquiryRoutes, { inquiries: deps.inquiries });
  await app.register(ticketRoutes, { tickets: deps.tickets, ...(options.staffApiToken ? { staffApiToken: options.staffApiToken } : {}) });
  await app.register(chatRoutes, {
    inquiries: deps.inquiries,
    events: deps.events,
    rateLimit,
    heartbeatMs: options.sseHeartbeatMs ?? DEFAULT_SSE_HEARTBEAT_MS,
  });
  await app.register(webChatPageRoutes, { libraryName: options.libraryName, calendar: deps.calendar });
  await app.register(reportRoutes, {
    inquiries: deps.inquiries,
    assets: deps.assets,
    calendar: deps.calendar,
    libraryName: options.libraryName,
    rateLimit,
  });

  await app.ready();
  return app;
}
