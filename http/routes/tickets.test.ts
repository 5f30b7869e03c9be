import { describe, expect, it } from 'vitest';
import type { FakeTicketPort } from '../test-support/fakes.js';
import { build } from '../test-support/build.js';

async function openTwo(tickets: FakeTicketPort) {
  await tickets.open({
    kind: 'equipment',
    subject: 'PC-07 frozen',
    description: 'stuck',
    assetTag: 'PC-07',
    requester: { channel: 'sms', address: '+15551234567', threadKey: '+15551234567' },
  });
  await tickets.open({
    kind: 'handoff',
    subject: 'Question about fines',
    description: 'why?',
    requester: { channel: 'email', address: 'ann@example.org', threadKey: 'm-1' },
  });
  await tickets.claim(13, 'ann');
}

describe('GET /api/v1/tickets', () => {
  it('lists tickets without any requester address', async () => {
    const { app, tickets, staffHeaders: headers } = await build();
    await openTwo(tickets);
    const response = await app.inject({ method: 'GET', url: '/api/v1/tickets', headers });
    expect(response.statusCode).toBe(200);
    // Newest first, as every TicketPort lists.
    expect(response.json().tickets.map((ticket: { number: string }) => ticket.number)).toEqual(['T-13', 'T-12']);
    expect(response.body).not.toMatch(/5551234567|ann@example\.org|requester|description/);
  });

  it('filters by status and kind and honours the limit', async () => {
    const { app, tickets, staffHeaders: headers } = await build();
    await openTwo(tickets);
    const claimed = await app.inject({ method: 'GET', url: '/api/v1/tickets?status=claimed', headers });
    expect(claimed.json().tickets.map((ticket: { id: number }) => ticket.id)).toEqual([13]);
    const equipment = await app.inject({ method: 'GET', url: '/api/v1/tickets?kind=equipment&limit=1', headers });
    expect(equipment.json().tickets.map((ticket: { id: number }) => ticket.id)).toEqual([12]);
  });

  it.each([['status=lost'], ['kind=pizza'], ['limit=0'], ['limit=lots']])('refuses ?%s with 400', async (query) => {
    const { app, staffHeaders: headers } = await build();
    const response = await app.inject({ method: 'GET', url: `/api/v1/tickets?${query}`, headers });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('LD_VALIDATION');
  });
});

describe('GET /api/v1/tickets/:id', () => {
  it.each([['12'], ['T-12'], ['t12']])('finds ticket %s with its events and no requester', async (id) => {
    const { app, tickets, staffHeaders: headers } = await build();
    await openTwo(tickets);
    const response = await app.inject({ method: 'GET', url: `/api/v1/tickets/${id}`, headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: 12, number: 'T-12', description: 'stuck', events: [{ type: 'opened', internal: false }] });
    expect(body).not.toHaveProperty('requester');
    expect(response.body).not.toContain('5551234567');
  });

  it('answers 404 for a ticket that does not exist', async () => {
    const { app, staffHeaders: headers } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/v1/tickets/T-999', headers });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'LD_NOT_FOUND', message: 'There is no ticket T-999' });
  });

  it('answers 400 for an id that is not a ticket number', async () => {
    const { app, staffHeaders: headers } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/v1/tickets/printer', headers });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('id must be a ticket number');
  });
});

describe('closed by default', () => {
  it.each([
    ['no header', undefined],
    ['a wrong token', 'Bearer lds_not-a-real-token'],
    ['a token that is a prefix', 'Bearer lds_test-staff'],
    ['another scheme', 'Basic lds_test-staff-token-0123456789abcdefghijklmnopq'],
    ['an integration API key', 'Bearer ldk_test-api-key-0123456789abcdefghijklmnopqrstu'],
  ])('refuses %s with 401 on the list and on one ticket', async (_label, authorization) => {
    const { app, tickets } = await build();
    await openTwo(tickets);
    for (const url of ['/api/v1/tickets', '/api/v1/tickets/12']) {
      const response = await app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.json().error.code).toBe('LD_UNAUTHORIZED');
      expect(response.body).not.toMatch(/5551234567|ann@example\.org|stuck/);
    }
  });

  it('does not let anyone walk the sequential ids: every id answers 401, existing or not', async () => {
    const { app, tickets, newChatSession } = await build();
    await openTwo(tickets);
    const chatSession = await newChatSession();
    for (const id of ['1', '2', '3', '11', '12', '13', '14', 'T-12']) {
      const anonymous = await app.inject({ method: 'GET', url: `/api/v1/tickets/${id}` });
      // A patron's chat session is no staff credential either.
      const patron = await app.inject({ method: 'GET', url: `/api/v1/tickets/${id}`, headers: { authorization: `Bearer ${chatSession}` } });
      expect([anonymous.statusCode, patron.statusCode]).toEqual([401, 401]);
    }
  });

  it('refuses a staff token once it is disabled', async () => {
    const { app, credentials, staffHeaders } = await build();
    expect((await app.inject({ method: 'GET', url: '/api/v1/tickets', headers: staffHeaders })).statusCode).toBe(200);
    credentials.disable(credentials.staffToken);
    expect((await app.inject({ method: 'GET', url: '/api/v1/tickets', headers: staffHeaders })).statusCode).toBe(401);
  });

  it('answers staff with no-store and no framing', async () => {
    const { app, tickets, staffHeaders } = await build();
    await openTwo(tickets);
    const response = await app.inject({ method: 'GET', url: '/api/v1/tickets/12', headers: staffHeaders });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('guards only the staff routes', async () => {
    const { app } = await build();
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/report/PC-07' })).statusCode).toBe(200);
  });
});
