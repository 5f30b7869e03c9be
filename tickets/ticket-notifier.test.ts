import { describe, expect, it } from 'vitest';
import type { Logger } from '../core/logger.js';
import { createFakeTickets } from '../test/fakes/fake-tickets.js';
import { createTicketNotifier } from './ticket-notifier.js';

function recordingLogger() {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  const logger: Logger = {
    debug: (obj, msg) => lines.push({ level: 'debug', obj, ...(msg ? { msg } : {}) }),
    info: (obj, msg) => lines.push({ level: 'info', obj, ...(msg ? { msg } : {}) }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, ...(msg ? { msg } : {}) }),
    error: (obj, msg) => lines.push({ level: 'error', obj, ...(msg ? { msg } : {}) }),
    child: () => logger,
  };
  return { logger, lines };
}

async function ticketsWithOne() {
  const tickets = createFakeTickets();
  const ticket = await tickets.open({
    kind: 'equipment',
    subject: 'Copier jams',
    description: 'the copier keeps jamming, call me at 555-201-3344',
    assetTag: 'COPY-01',
    requester: { channel: 'sms', address: '+15552013344', threadKey: '+15552013344' },
  });
  return { tickets, ticket };
}

describe('ticket notifier', () => {
  it('posts a Slack-compatible notice without the patron address or message', async () => {
    const { tickets, ticket } = await ticketsWithOne();
    const posts: Array<{ url: string; body: string }> = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      posts.push({ url, body: String(init.body) });
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    const notify = createTicketNotifier({ tickets, logger: recordingLogger().logger, webhookUrl: 'https://hooks.example.org/x', publicUrl: 'https://desk.example.org/', fetch: fakeFetch });
    await notify({ ticketId: ticket.id });
    expect(posts).toHaveLength(1);
    const notice = JSON.parse(posts[0]!.body) as { text: string; ticket: { number: string; assetTag: string; url: string } };
    expect(notice.text).toBe(`New equipment ticket ${ticket.number} (COPY-01): Copier jams`);
    // A page a person can open (it asks for the staff token), not raw JSON.
    expect(notice.ticket.url).toBe(`https://desk.example.org/staff/tickets/${ticket.number}`);
    expect(posts[0]!.body).not.toContain('3344');
  });

  it('throws on a failed delivery so the job is retried', async () => {
    const { tickets, ticket } = await ticketsWithOne();
    const failing = (async () => new Response(null, { status: 502 })) as unknown as typeof fetch;
    const notify = createTicketNotifier({ tickets, logger: recordingLogger().logger, webhookUrl: 'https://hooks.example.org/x', publicUrl: 'http://x', fetch: failing });
    await expect(notify({ ticketId: ticket.id })).rejects.toThrow(/502/);
  });

  it('writes the notice to the log when no webhook is configured, and skips vanished tickets', async () => {
    const { tickets, ticket } = await ticketsWithOne();
    const { logger, lines } = recordingLogger();
    const notify = createTicketNotifier({ tickets, logger, publicUrl: 'http://x' });
    await notify({ ticketId: ticket.id });
    await notify({ ticketId: 987_654 });
    expect(lines.map((line) => `${line.level}:${line.msg}`)).toEqual([
      `info:New equipment ticket ${ticket.number} (COPY-01): Copier jams`,
      'warn:ticket.opened for a ticket that no longer exists',
    ]);
  });
});
