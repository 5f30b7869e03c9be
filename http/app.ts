import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { HttpDeps, HttpOptions } from './http-deps.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { DEFAULT_RATE_LIMIT, registerRateLimit } from './plugins/rate-limit.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerOpenApi } from './plugins/openapi.js';
import { CHAT_API_PREFIX, chatRoutes } from './routes/chat.js';
import { healthRoutes } from './routes/health.js';
import { inquiryRoutes } from './routes/inquiries.js';
import { reportRoutes } from './routes/report/report-routes.js';
import { ticketRoutes } from './routes/tickets.js';
import { staffTicketPageRoutes } from './routes/staff-ticket-page.js';
import { webChatPageRoutes } from './routes/web-chat-pages.js';
import { helpPageRoutes } from './routes/help-pages.js';
import { twilioWebhookRoutes } from './routes/webhooks/twilio.js';
import { slackWebhookRoutes } from './routes/webhooks/slack.js';
import { discordInteractionRoutes } from './routes/webhooks/discord-interactions.js';
import { consoleRoutes } from '../console/index.js';

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
  // nosniff, referrer policy, CSP with frame-ancestors 'none', X-Frame-Options (helmet).
  registerSecurityHeaders(app);

  await app.register(errorHandlerPlugin, { libraryName: options.libraryName });
  const rateLimits = await registerRateLimit(app, options.rateLimit ?? DEFAULT_RATE_LIMIT);
  // GET /api/openapi.json, from the routes' zod schemas; before the routes, which it learns as they come.
  await registerOpenApi(app, { title: `Libdesk API (${options.libraryName})`, version: options.version });

  await app.register(healthRoutes, { health: deps.health, version: options.version });
  // Closed by default: integrations need an API key, staff routes a staff token (each in its own scope).
  await app.register(inquiryRoutes, { inquiries: deps.inquiries, integrations: deps.integrations });
  await app.register(ticketRoutes, { tickets: deps.tickets, staff: deps.staff, ...(deps.ticketConversations ? { conversations: deps.ticketConversations } : {}) });
  await app.register(staffTicketPageRoutes);
  await app.register(chatRoutes, {
    prefix: CHAT_API_PREFIX,
    inquiries: deps.inquiries,
    events: deps.events,
    sessions: deps.webSessions,
    rateLimits,
    heartbeatMs: options.sseHeartbeatMs ?? DEFAULT_SSE_HEARTBEAT_MS,
    widgetOrigins: options.widgetOrigins ?? [],
  });
  await app.register(webChatPageRoutes, { libraryName: options.libraryName, calendar: deps.calendar, rateLimit: rateLimits.perIp });
  if (deps.articles) await app.register(helpPageRoutes, { libraryName: options.libraryName, articles: deps.articles, rateLimit: rateLimits.perIp });
  // SMS is switched on by its settings; without them the webhook paths do not exist (404).
  if (deps.sms) await app.register(twilioWebhookRoutes, deps.sms);
  if (deps.slackWebhook) await app.register(slackWebhookRoutes, deps.slackWebhook);
  if (deps.discordInteractions) await app.register(discordInteractionRoutes, deps.discordInteractions);
  await app.register(reportRoutes, {
    inquiries: deps.inquiries,
    assets: deps.assets,
    calendar: deps.calendar,
    libraryName: options.libraryName,
    rateLimit: rateLimits.perIp,
  });
  // The staff console (pages under /staff/queue, /staff/sign-in…): its own scope, cookies and CSRF.
  if (deps.console) {
    await app.register(consoleRoutes, {
      ...deps.console,
      libraryName: options.libraryName,
      tickets: deps.tickets,
      ...(deps.ticketConversations ? { conversations: deps.ticketConversations } : {}),
      assets: deps.assets,
      branches: () => deps.calendar.branches(),
      rateLimit: rateLimits.perIp,
      heartbeatMs: options.sseHeartbeatMs ?? DEFAULT_SSE_HEARTBEAT_MS,
    });
  }

  await app.ready();
  return app;
}
