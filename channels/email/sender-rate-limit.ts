import type { Clock } from '../../core/clock.js';

export interface SenderRateLimitOptions {
  /** Mails one sender may have answered within `windowMs`. */
  max: number;
  windowMs: number;
  clock: Clock;
}

export interface SenderRateLimit {
  /** Records a mail from `sender` and says whether it is within the cap. */
  take(sender: string): boolean;
}

/**
 * A cap on answers per sender: the last guard against a mail loop that the header checks miss (a
 * responder that sets none of them). One consumer reads a mailbox at a time, so the count lives in its
 * memory; after a restart it starts again, which only ever errs towards answering.
 */
export function createSenderRateLimit(options: SenderRateLimitOptions): SenderRateLimit {
  const seen = new Map<string, number[]>();
  return {
    take(sender) {
      const now = options.clock.now().getTime();
      const since = now - options.windowMs;
      const recent = (seen.get(sender) ?? []).filter((at) => at > since);
      const allowed = recent.length < options.max;
      if (allowed) recent.push(now);
      seen.set(sender, recent);
      // Forget senders that went quiet, so the map cannot grow without bound.
      if (seen.size > 10_000) {
        for (const [key, times] of seen) if (!times.some((at) => at > since)) seen.delete(key);
      }
      return allowed;
    },
  };
}
