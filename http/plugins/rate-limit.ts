import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '../http-deps.js';

/** The route `config` fragment that turns the per-IP limit on for one route (empty when limits are off). */
export type RouteRateLimit = { rateLimit?: { max: number; timeWindow: number } };

/**
 * Checks the per-session budget of one request; throws a 429 when it is spent. `sessionOf` names the
 * session the request speaks for (undefined: nothing to count, e.g. a malformed request about to get a 400).
 */
export type SessionRateCheck = (request: FastifyRequest, reply: FastifyReply, session: string | undefined) => Promise<void>;

export interface PatronRateLimits {
  /** Spread into the `config` of every patron route: counts per client IP, per route. */
  perIp: RouteRateLimit;
  /** Called by the web-chat routes once they know the session. */
  perSession: SessionRateCheck;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 120, sessionMax: 30, timeWindowMs: 60_000 };

// The session a request counts against, for the session limiter's key generator.
const SESSION_KEY = Symbol('libdesk.rateLimitSession');
type SessionKeyed = FastifyRequest & { [SESSION_KEY]?: string };

const noLimit: PatronRateLimits = { perIp: {}, perSession: async () => {} };

/** Carries a 429 to the error handler, which renders it like every other error. */
class RateLimitedError extends Error {
  readonly statusCode = 429;
  constructor(retryAfterSeconds: number) {
    super(`Too many messages in this chat; try again in ${retryAfterSeconds} seconds.`);
    this.name = 'RateLimitedError';
  }
}

/**
 * Registers @fastify/rate-limit without a global limit: only the routes that spread `perIp` into their
 * `config` (patron routes) are limited per client IP, and the web-chat routes also call `perSession`.
 * The IP budget is generous because a library's public PCs share one address; the session budget is what
 * stops one chat from flooding, whichever addresses it comes from. The counters are per process; behind a
 * load balancer each process counts on its own, which still stops a runaway client. The web processes of
 * one machine's cluster are given their share of each limit instead (`app/cluster/rate-limit-share.ts`).
 */
export async function registerRateLimit(app: FastifyInstance, options: RateLimitOptions | false): Promise<PatronRateLimits> {
  if (options === false) return noLimit;
  await app.register(rateLimit, { global: false });
  const sessionMax = options.sessionMax ?? DEFAULT_RATE_LIMIT.sessionMax!;
  const check = app.createRateLimit({
    max: sessionMax,
    timeWindow: options.timeWindowMs,
    keyGenerator: (request) => (request as SessionKeyed)[SESSION_KEY] ?? 'none',
  });
  return {
    perIp: { rateLimit: { max: options.max, timeWindow: options.timeWindowMs } },
    async perSession(request, reply, session) {
      if (session === undefined) return;
      (request as SessionKeyed)[SESSION_KEY] = `session:${session}`;
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', String(result.ttlInSeconds));
        throw new RateLimitedError(result.ttlInSeconds);
      }
    },
  };
}
