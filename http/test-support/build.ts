import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { createMemoryConversationEvents } from '../../realtime/memory-events.js';
import { buildHttpApp } from '../app.js';
import type { HealthReport, HttpDeps, HttpOptions } from '../http-deps.js';
import { createFakeAssetPort, createFakeCalendar, createFakeInquiryService, createFakeTicketPort, type FakeInquiryService, type FakeTicketPort } from './fakes.js';

export interface BuiltApp {
  app: FastifyInstance;
  inquiries: FakeInquiryService;
  tickets: FakeTicketPort;
  deps: HttpDeps;
  setHealth(report: HealthReport | Error): void;
}

export const TEST_OPTIONS: HttpOptions = { libraryName: 'Riverside Public Library', version: '0.1.0-test' };

/** Builds the app on fakes and closes it when the test ends (STYLE rule 23). */
export async function build(overrides: { deps?: Partial<HttpDeps>; options?: Partial<HttpOptions> } = {}): Promise<BuiltApp> {
  const tickets = createFakeTicketPort();
  const inquiries = createFakeInquiryService({ tickets });
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
    ...overrides.deps,
  };
  const app = await buildHttpApp(deps, { ...TEST_OPTIONS, ...overrides.options });
  onTestFinished(() => app.close());
  return {
    app,
    inquiries,
    tickets,
    deps,
    setHealth(report) {
      health = report;
    },
  };
}
