import { describe, expect, it } from 'vitest';
import { build } from '../test-support/build.js';

describe('GET /staff/tickets/:id', () => {
  it('is a page a person can open, holding no ticket data without a staff token', async () => {
    const { app, tickets } = await build();
    const ticket = await tickets.open({ kind: 'handoff', subject: 'Secret subject', description: 'my card is 1234', requester: { channel: 'sms', address: '+15551234567', threadKey: '+15551234567' } });
    const response = await app.inject({ method: 'GET', url: `/staff/tickets/${ticket.number}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain(`<span id="ticket-number">${ticket.number}</span>`);
    expect(response.body).toContain('<script src="/staff/ticket-page.js" defer></script>');
    expect(response.body).not.toMatch(/Secret subject|1234|5551234567/);
    const script = await app.inject({ method: 'GET', url: '/staff/ticket-page.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain("'/api/v1/tickets/'");
    expect(script.body).not.toContain('innerHTML');
  });

  it('refuses what is not a ticket number', async () => {
    const { app } = await build();
    expect((await app.inject({ method: 'GET', url: '/staff/tickets/<script>' })).statusCode).toBe(400);
  });
});
