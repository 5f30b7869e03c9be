import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HealthReport } from '../http-deps.js';

export interface HealthRoutesOptions {
  health: () => Promise<HealthReport>;
  version: string;
}

const dependencyState = z.enum(['ok', 'down']);
const healthSchema = z.object({
  status: z.enum(['ok', 'down']),
  database: dependencyState,
  queue: dependencyState,
  version: z.string(),
});

/** For load balancers and uptime checks: 200 when the process and its dependencies answer, else 503. */
export const healthRoutes: FastifyPluginAsyncZod<HealthRoutesOptions> = async (app, options) => {
  app.get('/healthz', { schema: { response: { 200: healthSchema, 503: healthSchema } } }, async (request, reply) => {
    let report: HealthReport;
    try {
      report = await options.health();
    } catch (error) {
      request.log.warn({ err: error }, 'health check failed');
      report = { database: 'down', queue: 'down' };
    }
    const ok = report.database === 'ok' && report.queue === 'ok';
    reply.header('cache-control', 'no-store');
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'down', ...report, version: options.version });
  });
};
