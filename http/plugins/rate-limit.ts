import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { RateLimitOptions } from '../http-deps.js';

/** The route `config` fragment that turns the limit on for one route (empty when limits are off). */
export type RouteRateLimit = { rateLimit?: { max: number; timeWindow: number } };

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 20, timeWindowMs: 60_000 };

/**
 * Registers @fastify/rate-limit without a global limit: only the routes that spread the returned
 * fragment into their `config` (patron POSTs) are limited, per client IP. The store is per process;
 * behind a load balancer each process counts on its own, which still stops a runaway client.
 */
export async function registerRateLimit(app: FastifyInstance, options: RateLimitOptions | false): Promise<RouteRateLimit> {
  if (options === false) return {};
  await app.register(rateLimit, { global: false });
  return { rateLimit: { max: options.max, timeWindow: options.timeWindowMs } };
}
