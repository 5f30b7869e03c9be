import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLibdesk } from '../../app/main.js';
import { parseTicketNumber } from '../../core/tickets.js';
import type { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { buttonPress, threadMessageEvent } from '../support/slack-harness.js';
import { createTemporaryPostgresDatabase, redisUrl, skipWithoutPostgres, skipWithoutRedis, uniqueRedisPrefix } from '../support/services.js';
import { E2E_QUEUE, E2E_STAFF_SLACK_ID, openChatStream, percentile, postSignedToSlackWebhook, startLibdeskWithSlack } from '../support/staff-queue-e2e.js';

/**
 * The whole service (real HTTP; SQLite with in-process jobs, and PostgreSQL with BullMQ when they are up) with the Slack app on the fake Slack Web API: a
 * patron's question becomes a ticket in the queue channel, staff answer in its thread with signed events,
 * and the answer reaches the patron's open web chat. Prints the delivery latency from the signed Slack
 * event to the patron's event stream (p50/p99); no timing is asserted.
 */
interface Engine {
  label: string;
  skip: boolean;
  env(): Promise<Record<string, string>>;
  cleanup?: () => Promise<void>;
}

let dropPostgres: (() => Promise<void>) | undefined;
const ENGINES: Engine[] = [
  { label: 'SQLite + in-process jobs', skip: false, env: async () => ({}) },
  {
    label: 'PostgreSQL + BullMQ (Redis)',
    skip: skipWithoutPostgres || skipWithoutRedis,
    async env() {
      const database = await createTemporaryPostgresDatabase();
      dropPostgres = database.drop;
      return { DATABASE_URL: database.url, REDIS_URL: redisUrl as string, REDIS_PREFIX: uniqueRedisPrefix('staff-slack') };
    },
    cleanup: async () => dropPostgres?.(),
  },
];

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`${engine.label}${engine.skip ? ' (skipped: DATABASE_URL or REDIS_URL not set)' : ''}`, () => {
    let app: Awaited<ReturnType<typeof startLibdeskWithSlack>>;
    let running: RunningLibdesk;
    let fake: FakeSlackApi;
    let session: string;
    let ticket: { id: number; number: string };
    let rootTs: string;

    beforeAll(async () => {
      app = await startLibdeskWithSlack(await engine.env());
      running = app.running;
      fake = app.fake;
    });

    afterAll(async () => {
      await app?.close();
      await engine.cleanup?.();
    });

    async function chat(text: string) {
      const response = await fetch(`${running.url}/api/v1/chat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session, text }),
      });
      return (await response.json()) as { reply: { text: string }; ticket?: { number: string } };
    }

    describe('staff queue in Slack, end to end through the running service', () => {
      it('posts the patron’s new ticket to the queue channel as Block Kit', async () => {
        const started = await fetch(`${running.url}/api/v1/chat/sessions`, { method: 'POST' });
        session = ((await started.json()) as { session: string }).session;
        const answer = await chat('PC-07 is frozen');
        expect(answer.ticket?.number).toMatch(/^T-\d+$/);
        const number = answer.ticket?.number as string;
        ticket = { id: parseTicketNumber(number) as number, number };
        const root = await fake.until(() => fake.messages.find((m) => m.channel === E2E_QUEUE && !m.thread_ts && m.text.includes(ticket.number)), 20_000);
        rootTs = root.ts;
        expect(JSON.stringify(root.blocks)).toContain('ticket_claim');
        expect(JSON.stringify(root.blocks)).not.toContain(session);
        // The channel and ts are kept on the ticket once the post returns.
        const prisma = running.deps.database.prisma;
        let thread = await prisma.ticketThread.findUnique({ where: { ticketId_platform: { ticketId: ticket.id, platform: 'slack' } } });
        for (let tries = 0; tries < 100 && !thread?.messageTs; tries += 1) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          thread = await prisma.ticketThread.findUnique({ where: { ticketId_platform: { ticketId: ticket.id, platform: 'slack' } } });
        }
        expect(thread).toMatchObject({ channelId: E2E_QUEUE, messageTs: rootTs, threadId: rootTs });
      });

      it('a staff reply in the thread reaches the patron’s open chat; delivery latency printed', async () => {
        const stream = await openChatStream(running.url as string, session);
        expect(stream.statusCode).toBe(200);
        const samples: number[] = [];
        const rounds = 40;
        for (let i = 0; i < rounds; i += 1) {
          const text = `Staff answer number ${i}: we are on it.`;
          const body = threadMessageEvent({ eventId: `EvLAT${i}`, user: E2E_STAFF_SLACK_ID, text, threadTs: rootTs, ts: `1764700${String(i).padStart(3, '0')}.000100` });
          const started = performance.now();
          const response = await postSignedToSlackWebhook(running.url as string, body, 'application/json');
          expect(response.status).toBe(200);
          await stream.waitFor(text);
          samples.push(performance.now() - started);
        }
        stream.close();
        const sorted = [...samples].sort((a, b) => a - b);
        console.log(
          `Slack thread reply → patron web chat (SSE), ${rounds} replies, ${engine.label}: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
        );
        // Every reply is in the patron's history too (after a reload), attributed to staff.
        const history = (await (await fetch(`${running.url}/api/v1/chat/history?session=${encodeURIComponent(session)}`)).json()) as { entries: Array<{ from: string; text: string }> };
        expect(history.entries.filter((entry) => entry.from === 'staff')).toHaveLength(rounds);
        const detail = await running.deps.tickets.get(ticket.id);
        expect(detail?.assignee).toBe('maria');
        expect(detail?.events.filter((event) => event.type === 'reply' && event.origin === 'slack')).toHaveLength(rounds);
      });

      it('a retried Slack delivery of a reply is not sent to the patron twice', async () => {
        const body = threadMessageEvent({ eventId: 'EvLAT0', user: E2E_STAFF_SLACK_ID, text: 'Staff answer number 0: we are on it.', threadTs: rootTs, ts: '1764700000.000100' });
        const response = await postSignedToSlackWebhook(running.url as string, body, 'application/json');
        expect(await response.json()).toEqual({ ok: true, ignored: 'retry' });
        const detail = await running.deps.tickets.get(ticket.id);
        expect(detail?.events.filter((event) => event.type === 'reply' && event.body === 'Staff answer number 0: we are on it.')).toHaveLength(1);
      });

      it('a second report of the same device lands in the ticket’s thread', async () => {
        await chat('PC-07 is still frozen, nothing works');
        await fake.until(() => fake.threadOf(E2E_QUEUE, rootTs).some((m) => m.text === '*Patron:* PC-07 is still frozen, nothing works'), 20_000);
      });

      it('Resolve (signed interaction) resolves the ticket, the patron is told, and the message updates in place', async () => {
        const stream = await openChatStream(running.url as string, session);
        const press = buttonPress({ user: E2E_STAFF_SLACK_ID, actionId: 'ticket_resolve', ticketId: ticket.id, messageTs: rootTs, actionTs: '1764700999.000001' });
        const response = await postSignedToSlackWebhook(running.url as string, press, 'application/x-www-form-urlencoded');
        expect(response.status).toBe(200);
        await fake.until(() => fake.messages.find((m) => m.ts === rootTs)?.text.includes('Resolved'), 20_000);
        const detail = await running.deps.tickets.get(ticket.id);
        expect(detail?.status).toBe('resolved');
        // The patron is told, live, in the standard notice of their language.
        await stream.waitFor(`Your request ${ticket.number} has been resolved.`);
        stream.close();
      });

      it('refuses an unsigned post to the webhook', async () => {
        const response = await fetch(`${running.url}/webhooks/slack`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"url_verification","challenge":"x"}' });
        expect(response.status).toBe(401);
      });
    });
  });
}
