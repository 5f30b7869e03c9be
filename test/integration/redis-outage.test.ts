import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { formatTicketNumber } from '../../core/tickets.js';
import { createTemporaryDir, uniqueRedisPrefix } from '../support/services.js';
import { hasRedisServerBinary, startRedisServer } from '../support/redis-server.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

const OUTAGE_MS = 30_000;
const BEFORE = 30;
const DURING = 90;
const AFTER = 30;
/** Every third patron asks for something only staff can do (an interlibrary loan): a ticket, and a staff notification job. */
const isTicketMessage = (i: number) => i % 3 === 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sent {
  i: number;
  status: number;
}

/**
 * Build item 4: Redis (and with it BullMQ) stopping for 30 s under load never fails a patron's message.
 * The app runs on the embedded database with a Redis of this test's own; mid-load that Redis is killed
 * (it keeps nothing: `--save ''`) and started again 30 s later.
 */
describe.skipIf(!hasRedisServerBinary())('Redis outage under load (embedded SQLite + BullMQ on a Redis of our own)', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  let running: RunningLibdesk;
  let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let temp: ReturnType<typeof createTemporaryDir>;
  let key: string;

  beforeAll(async () => {
    redis = await startRedisServer();
    webhook = await startWebhookReceiver();
    temp = createTemporaryDir();
    running = await startLibdesk({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATA_DIR: temp.dir,
        REDIS_URL: redis.url,
        REDIS_PREFIX: uniqueRedisPrefix('outage'),
        TICKET_WEBHOOK_URL: webhook.url,
        RATE_LIMIT_PER_IP: '100000',
        RATE_LIMIT_PER_SESSION: '100000',
        // Short, so the sweep's work shows within the test: answered within 8 s, sweeping every 2 s.
        INQUIRY_RECOVERY_SECONDS: '8',
      },
      announce: () => {},
    });
    ({ key } = await running.deps.staff.addApiKey('outage-test'));
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    await webhook?.close();
    await redis?.stop();
    temp?.remove();
  });

  async function send(i: number): Promise<Sent> {
    const text = isTicketMessage(i) ? 'can you get me a book through interlibrary loan' : 'are you open on saturday?';
    try {
      const response = await fetch(`${running.url}/api/v1/inquiries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ channel: 'web', address: `outage-patron-${i}`, text, externalId: `outage-${i}` }),
      });
      await response.arrayBuffer();
      return { i, status: response.status };
    } catch {
      return { i, status: 0 };
    }
  }

  /** Sends `count` messages, two at a time, spread over `spreadMs`. */
  async function load(from: number, count: number, spreadMs: number): Promise<Sent[]> {
    const results: Sent[] = [];
    const gap = spreadMs / count;
    let next = from;
    const worker = async () => {
      while (next < from + count) {
        const i = next++;
        const started = Date.now();
        results.push(await send(i));
        await sleep(Math.max(0, 2 * gap - (Date.now() - started)));
      }
    };
    await Promise.all([worker(), worker()]);
    return results;
  }

  it(
    'answers every message, loses none and notifies staff of every ticket exactly once',
    async () => {
      const prisma = running.deps.database.prisma;
      const before = await load(0, BEFORE, 6_000);

      await redis.stop();
      const outageStarted = Date.now();
      // A message stored by a process that died before answering it: the sweep must answer it, no restart.
      const conversation = await prisma.conversation.create({ data: { channel: 'web', threadKey: `stranded-${randomUUID()}`, address: 'stranded-patron' } });
      const stranded = await prisma.inquiry.create({
        data: { conversationId: conversation.id, channel: 'web', text: 'are you open tomorrow?', receivedAt: new Date(Date.now() - 60_000) },
      });
      const during = await load(BEFORE, DURING, OUTAGE_MS - 2_000);
      const outboxDuringOutage = await prisma.outboxEntry.count();
      await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStarted)));
      await redis.start();
      const after = await load(BEFORE + DURING, AFTER, 6_000);

      const sent = [...before, ...during, ...after];
      const ticketRows = await prisma.ticket.findMany({ select: { id: true } });
      const tickets = ticketRows.map((ticket) => formatTicketNumber(ticket.id));
      // Every notification arrives once the relay has handed the outbox over (and re-handed what the
      // emptied Redis lost); then nothing is left to run, so nothing can arrive twice later.
      await webhook.waitFor(tickets.length, 90_000);
      const drainDeadline = Date.now() + 90_000;
      const dueRows = () => prisma.outboxEntry.count({ where: { runAt: { lte: new Date() } } });
      while ((await dueRows()) > 0 && Date.now() < drainDeadline) await sleep(250);
      const notificationStates = () => Promise.all(ticketRows.map((ticket) => running.deps.jobs.stateOf('ticket.opened', `ticket-opened-${ticket.id}`)));
      // Finished: completed, or completed before the kill and so forgotten by the emptied Redis.
      const finished = (state: string | undefined) => state === 'completed' || state === undefined;
      let states = await notificationStates();
      while (!states.every(finished) && Date.now() < drainDeadline) {
        await sleep(250);
        states = await notificationStates();
      }

      const failed = sent.filter((result) => result.status !== 201);
      const answered = await prisma.inquiry.count({ where: { status: 'answered', externalId: { startsWith: 'outage-' } } });
      const replies = await prisma.reply.count({ where: { inquiry: { externalId: { startsWith: 'outage-' } } } });
      const notices = webhook.received as Array<{ ticket: { number: string } }>;
      const perTicket = new Map<string, number>();
      for (const notice of notices) perTicket.set(notice.ticket.number, (perTicket.get(notice.ticket.number) ?? 0) + 1);
      const strandedRow = await prisma.inquiry.findUniqueOrThrow({ where: { id: stranded.id }, include: { replies: true } });

      console.log(
        `Redis outage test: ${sent.length} messages (${during.length} during a ${OUTAGE_MS / 1000} s outage), ` +
          `${sent.length - failed.length} answered 201, ${failed.length} failed, ${sent.length - answered} lost; ` +
          `${tickets.length} tickets, ${notices.length} notifications, ${[...perTicket.values()].filter((n) => n === 1).length} delivered exactly once; ` +
          `${outboxDuringOutage} jobs waited in the outbox during the outage; stranded message answered by the sweep: ${strandedRow.status}`,
      );

      expect(failed).toEqual([]);
      expect(answered).toBe(sent.length);
      expect(replies).toBe(sent.length);
      // One ticket per interlibrary loan request (each from its own patron), and only those.
      expect(tickets.length).toBe(sent.filter((result) => isTicketMessage(result.i)).length);
      expect(outboxDuringOutage).toBeGreaterThan(0);
      // What remains are timers not yet due (SLA checks hours away), which BullMQ holds as delayed jobs.
      expect(await dueRows()).toBe(0);
      expect(states.filter((state) => !finished(state))).toEqual([]);
      expect(notices.length).toBe(tickets.length);
      expect([...perTicket.keys()].sort()).toEqual([...tickets].sort());
      expect([...perTicket.values()].every((count) => count === 1)).toBe(true);
      expect(strandedRow.status).toBe('answered');
      // Its answer is stored once, and that row was handed to delivery (nobody waits on an HTTP response for it).
      expect(strandedRow.replies).toHaveLength(1);
      expect(strandedRow.replies[0]!.deliveryStatus).not.toBeNull();
    },
    240_000,
  );
});
