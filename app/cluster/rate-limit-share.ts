import type { RateLimitOptions } from '../../http/index.js';

/**
 * The rate-limit counters live in each process's memory, and the cluster hands connections to its web
 * processes in turn, so each process allows its share of every limit: together they allow about what
 * was configured (rounded up, so a limit never drops to zero).
 */
export function shareOfRateLimit(limits: RateLimitOptions, webProcesses: number): RateLimitOptions {
  if (webProcesses <= 1) return limits;
  return {
    ...limits,
    max: Math.ceil(limits.max / webProcesses),
    ...(limits.sessionMax !== undefined ? { sessionMax: Math.ceil(limits.sessionMax / webProcesses) } : {}),
  };
}
