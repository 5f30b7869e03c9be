import { describe, expect, it } from 'vitest';
import { build } from '../test-support/build.js';

describe('GET /staff/tickets/:id', () => {
  it('sends the browser to the ticket in the staff console, with no ticket data on the way', async () => {
    const { app, tickets } = await build();
    const ticket = await tickets.open({ kind: 'handoff', subject: 'Secret subject', description: 'my card is 1234', requester: { channel: 'sms', address: '+15551234567', threadKey: '+15551234567' } });
    const response = await app.inject({ method: 'GET', url: `/staff/tickets/${ticket.number}` });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/staff/queue/${ticket.number}`);
    expect(response.body).not.toMatch(/Secret subject|1234|5551234567/);
  });

  it('refuses what is not a ticket number', async () => {
    const { app } = await build();
    expect((await app.inject({ method: 'GET', url: '/staff/tickets/<script>' })).statusCode).toBe(400);
  });
});
