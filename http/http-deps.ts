import type { FastifyBaseLogger } from 'fastify';
import type { AssetPort } from '../core/assets.js';
import type { LibraryCalendar } from '../core/calendar.js';
import type { ConversationEvents, InquiryService } from '../core/inquiry-service.js';
import type { KnowledgePort } from '../core/knowledge.js';
import type { IntegrationAuthenticator, StaffAuthenticator } from '../core/staff.js';
import type { WebSessionService } from '../channels/web-chat/index.js';
import type { TicketConversationReader, TicketPort } from '../core/tickets.js';
import type { TwilioWebhookOptions } from './routes/webhooks/twilio.js';
import type { SlackWebhookOptions } from './routes/webhooks/slack.js';
import type { DiscordInteractionsOptions } from './routes/webhooks/discord-interactions.js';
import type { ConsoleDeps } from '../console/index.js';

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
  tickets: TicketPort;
  /** The patron conversation behind a ticket, for the staff detail view. */
  ticketConversations?: TicketConversationReader;
  assets: Pick<AssetPort, 'findByTag'>;
  /** Branch names for the pages (the report page says which branch a device is in). */
  calendar: Pick<LibraryCalendar, 'branches'>;
  health: () => Promise<HealthReport>;
  /** The knowledge articles, for the public `/help` pages FAQ answers link to; absent: no `/help` routes. */
  articles?: Pick<KnowledgePort, 'get' | 'all'>;
  /** Staff bearer tokens (and STAFF_API_TOKEN) → the staff identity a request acts as. */
  staff: StaffAuthenticator;
  /** Integration API keys for `POST /api/v1/inquiries`. */
  integrations: IntegrationAuthenticator;
  /** Server-issued, signed, expiring web-chat sessions. */
  webSessions: WebSessionService;
  /** The Twilio SMS webhooks, when SMS is configured (TWILIO_* settings). */
  sms?: TwilioWebhookOptions;
  /** The Slack app's events, interactivity and slash-command URL, when Slack is configured (SLACK_* settings). */
  slackWebhook?: SlackWebhookOptions;
  /** The Discord staff bot's interactions endpoint, when it is configured (DISCORD_STAFF_* settings). */
  discordInteractions?: DiscordInteractionsOptions;
  /** The staff console under `/staff` (sessions, live queue, canned replies); absent: no console routes. */
  console?: ConsoleDeps;
  /** A pino logger; without one the app logs nothing. */
  logger?: FastifyBaseLogger;
}

export interface RateLimitOptions {
  /** Requests allowed per client IP per window, on each patron route (web chat, report page). */
  max: number;
  /** Requests allowed per web-chat session per window (default 30). */
  sessionMax?: number;
  timeWindowMs: number;
}

export interface HttpOptions {
  /** Shown on the pages: "Riverside Public Library". */
  libraryName: string;
  /** Reported by `/healthz`. */
  version: string;
  /**
   * Other sites allowed to embed the chat widget (WIDGET_ORIGINS), e.g. `https://www.library.example`:
   * the web-chat API answers them with CORS headers; any other foreign origin gets a 403.
   */
  widgetOrigins?: string[];
  /** Fastify's `trustProxy`: set it behind a load balancer so rate limits see the patron's IP. */
  trustProxy?: boolean | string | string[];
  /** Largest request body in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** Per-IP and per-session limits on patron routes (default 120 and 30 a minute); `false` turns them off. */
  rateLimit?: RateLimitOptions | false;
  /** How often an open chat stream gets a comment line so proxies keep it open (default 25 s). */
  sseHeartbeatMs?: number;
}
