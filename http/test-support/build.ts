import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { createMemoryWebSessionStore, createWebSessionService } from '../../channels/web-chat/index.js';
import type { Clock } from '../../core/clock.js';
import { createMemoryConversationEvents } from '../../realtime/memory-events.js';
import { buildHttpApp } from '../app.js';
import type { HealthReport, HttpDeps, HttpOptions } from '../http-deps.js';
import { createFakeCredentials, type FakeCredentials } from './fake-credentials.js';
import { createFakeAssetPort, createFakeCalendar, createFakeInquiryService, createFakeTicketPort, type FakeInquiryService, type FakeTicketPort } from './fakes.js';

export interface BuiltApp {
  app: FastifyInstance;
  inquiries: FakeInquiryService;
  tickets: FakeTicketPort;
  credentials: FakeCredentials;
  deps: HttpDeps;
  /** `Authorization` headers of a valid staff token and a valid integration key. */
  staffHeaders: { authorization: string };
  apiKeyHeaders: { authorization: string };
  /** Starts a web-chat session as the widget does and returns its token. */
  newChatSession(): Promise<string>;
  /** Moves the clock the web-chat sessions see (idle expiry). */
  advanceClock(ms: number): void;
  setHealth(report: HealthReport | Error): void;
}

export const TEST_OPTIONS: HttpOptions = { libraryName: 'Riverside Public Library', version: '0.1.0-test' };
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef';
export const TEST_IDLE_MINUTES = 30;

/** Builds the app on fakes and closes it when the test ends (STYLE rule 23). */
export async function build(overrides: { deps?: Partial<HttpDeps>; options?: Partial<HttpOptions> } = {}): Promise<BuiltApp> {
  const tickets = createFakeTicketPort();
  const inquiries = createFakeInquiryService({ tickets });
  const credentials = createFakeCredentials();
  let now = new Date('2026-03-07T15:00:00Z').getTime();
  const clock: Clock = { now: () => new Date(now) };
  let health: HealthReport | Error = { database: 'ok', queue: 'ok' };
  const deps: HttpDeps = {
    inquiries,
    events: createMemoryConversationEvents(),
    tickets,
    assets: createFakeAssetPort(),
    calendar: createFakeCalendar(),
    health: async () => {
      if (health instanceof Error) throw health;
      return health;
    },
    staff: credentials,
    integrations: credentials,
    webSessions: createWebSessionService({ store: createMemoryWebSessionStore(), secret: TEST_SESSION_SECRET, idleMinutes: TEST_IDLE_MINUTES, clock }),
    ...overrides.deps,
  };
  const app = await buildHttpApp(deps, { ...TEST_OPTIONS, ...overrides.options });
  onTestFinished(() => app.close());
  return {
    app,
    inquiries,
    tickets,
    credentials,
    deps,
    staffHeaders: { authorization: `Bearer ${credentials.staffToken}` },
    apiKeyHeaders: { authorization: `Bearer ${credentials.apiKey}` },
    async newChatSession() {
      const response = await app.inject({ method: 'POST', url: '/api/v1/chat/sessions' });
      if (response.statusCode !== 201) throw new Error(`starting a chat session answered ${response.statusCode}: ${response.body}`);
      return (response.json() as { session: string }).session;
    },
    advanceClock(ms) {
      now += ms;
    },
    setHealth(report) {
      health = report;
    },
  };
}
