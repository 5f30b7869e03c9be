import type { FastifyBaseLogger } from 'fastify';
import type { AssetPort } from '../core/assets.js';
import type { LibraryCalendar } from '../core/calendar.js';
import type { ConversationEvents, InquiryService } from '../core/inquiry-service.js';
import type { TicketPort } from '../core/tickets.js';

export type DependencyState = 'ok' | 'down';

/** What `GET /healthz` reports; a dependency that is down makes the answer a 503. */
export interface HealthReport {
  database: DependencyState;
  queue: DependencyState;
}

/** The services the HTTP layer serves. The composition root builds them; `buildHttpApp` never does. */
export interface HttpDeps {
  inquiries: InquiryService;
  events: ConversationEvents;
  tickets: Pick<TicketPort, 'get' | 'list'>;
  assets: Pick<AssetPort, 'findByTag'>;
  /** Branch names for the pages (the report page says which branch a device is in). */
  calendar: Pick<LibraryCalendar, 'branches'>;
  health: () => Promise<HealthReport>;
  /** A pino logger; without one the app logs nothing. */
  logger?: FastifyBaseLogger;
}

export interface RateLimitOptions {
  /** Requests allowed per client IP per window on the chat and report POST routes. */
  max: number;
  timeWindowMs: number;
}

export interface HttpOptions {
  /** Shown on the pages: "Riverside Public Library". */
  libraryName: string;
  /** Reported by `/healthz`. */
  version: string;
  /** When set, the staff routes (`/api/v1/tickets…`) require `Authorization: Bearer <token>`. */
  staffApiToken?: string;
  /** Fastify's `trustProxy`: set it behind a load balancer so rate limits see the patron's IP. */
  trustProxy?: boolean | string | string[];
  /** Largest request body in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** Per-IP limits for patron POSTs (default 20 a minute); `false` turns them off. */
  rateLimit?: RateLimitOptions | false;
  /** How often an open chat stream gets a comment line so proxies keep it open (default 25 s). */
  sseHeartbeatMs?: number;
}
