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
  tickets.all[1]!.status = 'claimed';
}

describe('GET /api/v1/tickets', () => {
  it('lists tickets without any requester address', async () => {
    const { app, tickets } = await build();
    await openTwo(tickets);
    const response = await app.inject({ method: 'GET', url: '/api/v1/tickets' });
    expect(response.statusCode).toBe(200);
    expect(response.json().tickets.map((ticket: { number: string }) => ticket.number)).toEqual(['T-12', 'T-13']);
    expect(response.body).not.toMatch(/5551234567|ann@example\.org|requester|description/);
  });

  it('filters by status and kind and honours the limit', async () => {
    const { app, tickets } = await build();
    await openTwo(tickets);
    const claimed = await app.inject({ method: 'GET', url: '/api/v1/tickets?status=claimed' });
    expect(claimed.json().tickets.map((ticket: { id: number }) => ticket.id)).toEqual([13]);
    const equipment = await app.inject({ method: 'GET', url: '/api/v1/tickets?kind=equipment&limit=1' });
    expect(equipment.json().tickets.map((ticket: { id: number }) => ticket.id)).toEqual([12]);
  });

  it.each([['status=lost'], ['kind=pizza'], ['limit=0'], ['limit=lots']])('refuses ?%s with 400', async (query) => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: `/api/v1/tickets?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('LD_VALIDATION');
  });
});

describe('GET /api/v1/tickets/:id', () => {
  it.each([['12'], ['T-12'], ['t12']])('finds ticket %s with its events and no requester', async (id) => {
    const { app, tickets } = await build();
    await openTwo(tickets);
    const response = await app.inject({ method: 'GET', url: `/api/v1/tickets/${id}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: 12, number: 'T-12', description: 'stuck', events: [{ type: 'opened', internal: false }] });
    expect(body).not.toHaveProperty('requester');
    expect(response.body).not.toContain('5551234567');
  });

  it('answers 404 for a ticket that does not exist', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/v1/tickets/T-999' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'LD_NOT_FOUND', message: 'There is no ticket T-999' });
  });

  it('answers 400 for an id that is not a ticket number', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/v1/tickets/printer' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('id must be a ticket number');
  });
});

describe('staff token', () => {
  const token = 's3cret-staff-token';

  it.each([
    ['no header', undefined],
    ['a wrong token', `Bearer not-${token}`],
    ['a token that is a prefix', `Bearer ${token.slice(0, 5)}`],
    ['another scheme', `Basic ${token}`],
  ])('refuses %s with 401 when STAFF_API_TOKEN is set', async (_label, authorization) => {
    const { app } = await build({ options: { staffApiToken: token } });
    const response = await app.inject({ method: 'GET', url: '/api/v1/tickets', headers: authorization ? { authorization } : {} });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json().error.code).toBe('LD_UNAUTHORIZED');
  });

  it('lets the right token through, on the list and on one ticket', async () => {
    const { app, tickets } = await build({ options: { staffApiToken: token } });
    await openTwo(tickets);
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/tickets', headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/tickets/12', headers })).statusCode).toBe(200);
  });

  it('guards only the staff routes', async () => {
    const { app } = await build({ options: { staffApiToken: token } });
    const response = await app.inject({ method: 'POST', url: '/api/v1/inquiries', payload: { channel: 'web', address: 'x', text: 'hi' } });
    expect(response.statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
