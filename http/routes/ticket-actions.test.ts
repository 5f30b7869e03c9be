import { describe, expect, it } from 'vitest';
import type { TicketConversationReader } from '../../core/tickets.js';
import { build } from '../test-support/build.js';

const requester = { channel: 'sms' as const, address: '+15551234567', threadKey: '+15551234567' };

describe('staff ticket actions', () => {
  it('claims, replies, notes, waits, resolves, reopens and closes, attributing each change to the staff token', async () => {
    const { app, tickets, staffHeaders: headers } = await build();
    const ticket = await tickets.open({ kind: 'handoff', subject: 'Fines question', description: 'why a fine?', requester, conversationId: 'conv-1' });
    const post = (path: string, payload?: object) => app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.number}${path}`, headers, ...(payload ? { payload } : {}) });

    const claimed = await post('/claim');
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ status: 'claimed', assignee: 'ann' });

    const replied = await post('/replies', { body: 'The fine is for a late DVD.' });
    expect(replied.statusCode).toBe(200);
    expect(replied.json()).toMatchObject({ delivery: 'queued', ticket: { status: 'claimed' } });
    expect(tickets.delivered.at(-1)).toMatchObject({ conversationId: 'conv-1', kind: 'staff_reply', origin: 'api', author: 'ann', reply: { text: 'The fine is for a late DVD.' } });

    expect((await post('/notes', { body: 'Waived once before' })).json()).toMatchObject({ status: 'claimed' });
    expect((await post('/wait')).json()).toMatchObject({ status: 'waiting' });
    const resolved = await post('/resolve', { body: 'Fine waived.' });
    expect(resolved.json()).toMatchObject({ delivery: 'queued', ticket: { status: 'resolved' } });
    expect(tickets.delivered.at(-1)).toMatchObject({ kind: 'resolution', reply: { text: 'Fine waived.' } });
    expect((await post('/reopen', { reason: 'Patron called back' })).json()).toMatchObject({ status: 'claimed' });
    await post('/resolve');
    expect((await post('/close')).json()).toMatchObject({ status: 'closed' });

    const events = await app.inject({ method: 'GET', url: `/api/v1/tickets/${ticket.id}/events`, headers });
    const trail = events.json().events as Array<{ type: string; actor: string; internal: boolean }>;
    expect(trail.filter((event) => event.type !== 'opened').every((event) => event.actor === 'ann')).toBe(true);
    expect(trail.map((event) => event.type)).toEqual(['opened', 'claimed', 'reply', 'note', 'waiting', 'resolved', 'reopened', 'resolved', 'closed']);
    expect(trail.find((event) => event.type === 'note')?.internal).toBe(true);
  });

  it('answers an illegal transition with 409 LD_TICKET_TRANSITION and changes nothing', async () => {
    const { app, tickets, staffHeaders: headers } = await build();
    const ticket = await tickets.open({ kind: 'handoff', subject: 'x', description: 'y', requester });
    const response = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/close`, headers });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'LD_TICKET_TRANSITION', details: { status: 'open', action: 'close' } });
    expect((await tickets.get(ticket.id))?.status).toBe('open');
    const missing = await app.inject({ method: 'POST', url: '/api/v1/tickets/T-999/claim', headers });
    expect(missing.statusCode).toBe(404);
  });

  it.each([
    ['/replies', { body: '   ' }],
    ['/replies', {}],
    ['/notes', { body: '' }],
    ['/reopen', {}],
    ['/priority', { priority: 'whenever' }],
    ['/assign', { assignee: '' }],
  ])('refuses POST %s with %j as 400', async (path, payload) => {
    const { app, tickets, staffHeaders: headers } = await build();
    const ticket = await tickets.open({ kind: 'handoff', subject: 'x', description: 'y', requester });
    const response = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}${path}`, headers, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('LD_VALIDATION');
    expect((await tickets.events(ticket.id)).map((event) => event.type)).toEqual(['opened']);
  });

  it('refuses every action without a staff token', async () => {
    const { app, tickets } = await build();
    const ticket = await tickets.open({ kind: 'handoff', subject: 'x', description: 'y', requester });
    for (const path of ['/claim', '/replies', '/notes', '/resolve', '/close', '/wait']) {
      const response = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}${path}`, payload: { body: 'x' } });
      expect(response.statusCode).toBe(401);
    }
    expect((await tickets.events(ticket.id)).map((event) => event.type)).toEqual(['opened']);
  });

  it('sets priority and assigns to someone else', async () => {
    const { app, tickets, staffHeaders: headers } = await build();
    const ticket = await tickets.open({ kind: 'equipment', subject: 'PC-07', description: 'frozen', assetTag: 'PC-07', requester });
    const urgent = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/priority`, headers, payload: { priority: 'urgent' } });
    expect(urgent.json()).toMatchObject({ priority: 'urgent' });
    expect(new Date(urgent.json().firstResponseDueAt).getTime()).toBeLessThan(ticket.firstResponseDueAt!.getTime());
    const assigned = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/assign`, headers, payload: { assignee: 'maria' } });
    expect(assigned.json()).toMatchObject({ status: 'claimed', assignee: 'maria' });
  });
});

describe('GET /api/v1/tickets with filters and paging', () => {
  it('filters by several statuses, assignee (me, none, a name), branch and overdue, and pages with a cursor', async () => {
    const { app, tickets, staffHeaders: headers } = await build();
    const ids: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const ticket = await tickets.open({ kind: 'handoff', subject: `q${index}`, description: 'd', branchId: index < 2 ? 'eastside' : 'main', requester });
      ids.push(ticket.id);
    }
    await tickets.claim(ids[0]!, 'ann');
    await tickets.claim(ids[1]!, 'maria');
    await tickets.resolve(ids[2]!, { actor: 'ann' });
    const get = async (query: string) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/tickets?${query}`, headers });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { tickets: Array<{ id: number }>; nextCursor?: string };
    };
    expect((await get('assignee=me')).tickets.map((t) => t.id)).toEqual([ids[0]]);
    expect((await get('assignee=maria')).tickets.map((t) => t.id)).toEqual([ids[1]]);
    expect((await get('assignee=none&status=open')).tickets.map((t) => t.id)).toEqual([ids[4], ids[3]]);
    expect((await get('status=open,claimed')).tickets.map((t) => t.id)).toEqual([ids[4], ids[3], ids[1], ids[0]]);
    expect((await get('branch=eastside')).tickets.map((t) => t.id)).toEqual([ids[1], ids[0]]);
    expect((await get('overdue=true')).tickets).toEqual([]);

    const first = await get('limit=2');
    expect(first.tickets.map((t) => t.id)).toEqual([ids[4], ids[3]]);
    const second = await get(`limit=2&cursor=${first.nextCursor}`);
    expect(second.tickets.map((t) => t.id)).toEqual([ids[2], ids[1]]);
    const third = await get(`limit=2&cursor=${second.nextCursor}`);
    expect(third.tickets.map((t) => t.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeUndefined();

    for (const query of ['cursor=garbage', 'status=open,lost', 'overdue=maybe']) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/tickets?${query}`, headers });
      expect(response.statusCode, query).toBe(400);
    }
  });
});

describe('GET /api/v1/tickets/:id with the conversation', () => {
  it('shows the patron conversation without any address', async () => {
    const reader: TicketConversationReader = {
      async messages(conversationId) {
        return conversationId === 'conv-9'
          ? [
              { from: 'patron', text: 'is PC-07 fixed?', at: new Date('2026-03-07T15:00:00Z') },
              { from: 'staff', text: 'Yes, this morning.', at: new Date('2026-03-07T16:00:00Z') },
            ]
          : [];
      },
    };
    const { app, tickets, staffHeaders: headers } = await build({ deps: { ticketConversations: reader } });
    const ticket = await tickets.open({ kind: 'handoff', subject: 'PC-07', description: 'is PC-07 fixed?', requester, conversationId: 'conv-9' });
    const response = await app.inject({ method: 'GET', url: `/api/v1/tickets/${ticket.id}`, headers });
    expect(response.statusCode).toBe(200);
    expect(response.json().conversation).toEqual([
      { from: 'patron', text: 'is PC-07 fixed?', at: '2026-03-07T15:00:00.000Z' },
      { from: 'staff', text: 'Yes, this morning.', at: '2026-03-07T16:00:00.000Z' },
    ]);
    expect(response.body).not.toContain('5551234567');
    expect(response.body).not.toContain('conv-9');
  });
});
