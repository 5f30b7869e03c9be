import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdeskWithSlack } from '../support/staff-queue-e2e.js';

/** The OpenAPI description of the whole running app, webhooks included (their schemas must convert too). */
let app: Awaited<ReturnType<typeof startLibdeskWithSlack>>;
beforeAll(async () => {
  app = await startLibdeskWithSlack({
    PUBLIC_URL: 'https://libdesk.example.org',
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'test-twilio-auth-token-0123456789',
    TWILIO_FROM_NUMBER: '+15550100000',
    TWILIO_API_URL: 'http://127.0.0.1:9',
  });
});
afterAll(async () => {
  await app?.close();
});

describe('GET /api/openapi.json on the running app', () => {
  it('describes every API route, the channel webhooks too', async () => {
    const response = await fetch(`${app.running.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/inquiries', '/api/v1/tickets', '/webhooks/slack', '/webhooks/twilio/sms', '/healthz']));
  });
});
