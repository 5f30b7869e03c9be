import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { loadConfig } from '../../app/config.js';
import { createDeps, type Deps } from '../../app/deps.js';
import { systemClock } from '../../core/clock.js';
import { silentLogger } from '../../core/logger.js';
import { openDatabase, type Database } from '../../db/index.js';
import { createLogger } from '../../logging/logger.js';
import { MailboxConsumer, createMailIntake, createMailboxStateRepository, type MailIntake } from '../../channels/email/index.js';
import { createSenderRateLimit } from '../../channels/email/sender-rate-limit.js';
import { startDovecot, type DovecotServer } from '../support/dovecot.js';
import { createTemporaryDir, createTemporaryPostgresDatabase, redisUrl, skipWithoutPostgres, skipWithoutRedis, uniqueRedisPrefix } from '../support/services.js';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture.js';

/**
 * The e-mail channel against real servers: Debian's Dovecot for IMAP (appended mail, IDLE, UIDs) and an
 * SMTP server on loopback capturing what Libdesk sends. Dovecot missing is a failure, not a skip.
 */

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/email');
const LIBRARY = 'ask@riverside.example';

let dovecot: DovecotServer;
let smtp: SmtpCapture;

beforeAll(async () => {
  dovecot = await startDovecot({ user: LIBRARY });
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp?.stop();
  await dovecot?.stop();
});

function patronMail(options: { from: string; messageId: string; subject: string; body: string; references?: string[] }): string {
  const lines = [
    `From: Patron <${options.from}>`,
    `To: Riverside Library <${LIBRARY}>`,
    `Subject: ${options.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${options.messageId}`,
    ...(options.references?.length ? [`In-Reply-To: ${options.references.at(-1)}`, `References: ${options.references.join(' ')}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    options.body,
    '',
  ];
  return lines.join('\r\n');
}

async function imap(): Promise<ImapFlow> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  await client.connect();
  return client;
}

async function createMailbox(name: string): Promise<void> {
  const client = await imap();
  await client.mailboxCreate(name);
  await client.logout();
}

async function append(mailbox: string, mails: Array<string | Buffer>): Promise<number[]> {
  const client = await imap();
  const appendedAt: number[] = [];
  for (const mail of mails) {
    await client.append(mailbox, mail);
    appendedAt.push(performance.now());
  }
  await client.logout();
  return appendedAt;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function emailEnv(dataDir: string, mailbox: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PROCESS_ROLE: 'worker',
    SEED_DEMO: 'false',
    IMAP_HOST: dovecot.host,
    IMAP_PORT: String(dovecot.port),
    IMAP_USER: dovecot.user,
    IMAP_PASSWORD: dovecot.password,
    IMAP_TLS: 'false',
    IMAP_MAILBOX: mailbox,
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    MAIL_FROM: `Riverside Library <${LIBRARY}>`,
  };
}

const repliesTo = (messageId: string) => smtp.mails.filter((mail) => mail.parsed.inReplyTo === messageId);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Appends mails 100 ms apart and prints the p50/p99 time from APPEND to the answer reaching SMTP. */
async function measureLatency(mailbox: string, label: string, count: number): Promise<void> {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const ids = Array.from({ length: count }, (_, i) => `<latency-${slug}-${i}@example.org>`);
  const client = await imap();
  const arrived = new Map<string, number>();
  for (const [i, id] of ids.entries()) {
    await client.append(mailbox, patronMail({ from: `latency${i}@example.org`, messageId: id, subject: 'Hours', body: 'When do you open tomorrow?' }));
    arrived.set(id, performance.now());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await client.logout();
  await until(() => ids.every((id) => repliesTo(id).length === 1), 60_000, 'all latency answers');
  const latencies = ids.map((id) => (repliesTo(id)[0]?.receivedAt ?? NaN) - (arrived.get(id) ?? NaN));
  console.log(`e-mail arrival → answer sent (${label}), ${count} mails 100 ms apart: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`);
  expect(latencies.every((ms) => ms > 0)).toBe(true);
}

describe('e-mail to the demo mailbox, end to end', { timeout: 120_000 }, () => {
  let running: RunningLibdesk;
  let temp: ReturnType<typeof createTemporaryDir>;

  beforeAll(async () => {
    temp = createTemporaryDir();
    running = await startLibdesk({ env: emailEnv(temp.dir, 'INBOX') });
  });
  afterAll(async () => {
    await running?.close();
    temp?.remove();
  });

  it('answers a patron mail from the library mailbox, threaded under it', async () => {
    await append('INBOX', [patronMail({ from: 'anna.patron@example.org', messageId: '<e2e-1@example.org>', subject: 'Saturday hours', body: 'Hi, are you open on Saturday?\r\n\r\nThanks,\r\nAnna' })]);
    await until(() => repliesTo('<e2e-1@example.org>').length === 1, 30_000, 'the answer');
    const [answer] = repliesTo('<e2e-1@example.org>');
    expect(answer?.envelopeTo).toEqual(['anna.patron@example.org']);
    expect(answer?.envelopeFrom).toBe(LIBRARY);
    expect(answer?.parsed.from?.value[0]).toEqual({ name: 'Riverside Library', address: LIBRARY });
    expect(answer?.parsed.subject).toBe('Re: Saturday hours');
    expect(answer?.parsed.references).toBe('<e2e-1@example.org>');
    expect(answer?.parsed.messageId).toMatch(/^<libdesk\.[0-9a-f-]+@riverside\.example>$/);
    expect(answer?.parsed.headers.get('x-libdesk')).toBe('assistant');
    expect(answer?.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(answer?.parsed.text).toMatch(/saturday/i);
    expect(answer?.parsed.html).toContain('<p>');

    const stored = await running.deps.database.prisma.inquiry.findMany({ where: { channel: 'email', externalId: '<e2e-1@example.org>' } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.text).toBe('Hi, are you open on Saturday?\n\nThanks,\nAnna');
  });

  it('keeps a patron reply in the same conversation and thread, without the quoted history', async () => {
    const first = repliesTo('<e2e-1@example.org>')[0];
    const ourId = first?.parsed.messageId as string;
    await append('INBOX', [
      patronMail({
        from: 'anna.patron@example.org',
        messageId: '<e2e-2@example.org>',
        subject: 'Re: Saturday hours',
        body: 'And on Sunday?\r\n\r\nOn Mon, Riverside Library wrote:\r\n> We are open on Saturday.\r\n> Are you open on Saturday?',
        references: ['<e2e-1@example.org>', ourId],
      }),
    ]);
    await until(() => repliesTo('<e2e-2@example.org>').length === 1, 30_000, 'the second answer');
    const [second] = repliesTo('<e2e-2@example.org>');
    expect(second?.parsed.subject).toBe('Re: Saturday hours');
    expect(second?.parsed.references).toEqual(['<e2e-1@example.org>', ourId, '<e2e-2@example.org>']);

    const inquiries = await running.deps.database.prisma.inquiry.findMany({ where: { channel: 'email', externalId: { in: ['<e2e-1@example.org>', '<e2e-2@example.org>'] } } });
    expect(new Set(inquiries.map((row) => row.conversationId)).size).toBe(1);
    expect(inquiries.find((row) => row.externalId === '<e2e-2@example.org>')?.text).toBe('And on Sunday?');
  });

  it('answers none of the auto-replies, bounces, list mail or our own mail', async () => {
    const ignored = [
      'auto-submitted-vacation.eml',
      'x-autoreply.eml',
      'precedence-bulk.eml',
      'precedence-junk.eml',
      'precedence-list.eml',
      'mailing-list.eml',
      'null-return-path-bounce.eml',
      'delivery-status-report.eml',
      'own-address.eml',
      'own-header.eml',
    ];
    const before = smtp.mails.length;
    const inquiriesBefore = await running.deps.database.prisma.inquiry.count({ where: { channel: 'email' } });
    // A patron mail after them: once it is answered, every earlier UID has been read.
    await append('INBOX', [
      ...ignored.map((name) => readFileSync(path.join(FIXTURES, name))),
      patronMail({ from: 'sentinel@example.org', messageId: '<e2e-sentinel@example.org>', subject: 'Wifi', body: 'What is the wifi password?' }),
    ]);
    await until(() => repliesTo('<e2e-sentinel@example.org>').length === 1, 30_000, 'the sentinel answer');
    expect(smtp.mails.length - before).toBe(1);
    expect(await running.deps.database.prisma.inquiry.count({ where: { channel: 'email' } })).toBe(inquiriesBefore + 1);
    const stats = running.deps.email?.consumer.stats;
    expect(stats?.ignored).toEqual({
      auto_submitted: 1,
      auto_reply_header: 1,
      precedence: 3,
      mailing_list: 1,
      null_return_path: 1,
      delivery_report: 1,
      own_address: 1,
      own_message: 1,
    });
  });

  it('measures the time from arrival in the mailbox to the answer leaving by SMTP', async () => {
    await measureLatency('INBOX', 'embedded', 40);
  });
});

describe.skipIf(skipWithoutPostgres || skipWithoutRedis)('e-mail end to end at scale (PostgreSQL + BullMQ)', { timeout: 120_000 }, () => {
  it('answers a patron mail threaded under it', async () => {
    await createMailbox('Scaled');
    const temp = createTemporaryDir();
    const database = await createTemporaryPostgresDatabase();
    const running = await startLibdesk({
      env: { ...emailEnv(temp.dir, 'Scaled'), DATABASE_URL: database.url, REDIS_URL: redisUrl as string, REDIS_PREFIX: uniqueRedisPrefix('email') },
    });
    try {
      await append('Scaled', [patronMail({ from: 'scaled@example.org', messageId: '<scaled-1@example.org>', subject: 'Hours', body: 'Are you open on Sunday?' })]);
      await until(() => repliesTo('<scaled-1@example.org>').length === 1, 60_000, 'the answer');
      expect(repliesTo('<scaled-1@example.org>')[0]?.parsed.subject).toBe('Re: Hours');
      const cursor = await running.deps.database.prisma.mailboxCursor.findFirst({ where: { mailbox: { endsWith: '/Scaled' } } });
      expect(cursor?.lastUid).toBe(1n);
      await measureLatency('Scaled', 'PostgreSQL + BullMQ', 20);
    } finally {
      await running.close();
      await database.drop();
      temp.remove();
    }
  });
});

describe('a restart in the middle of a mailbox with 500 messages', { timeout: 300_000 }, () => {
  it('answers every message exactly once', async () => {
    const mailbox = 'Restart';
    await createMailbox(mailbox);
    const temp = createTemporaryDir();
    const ids = Array.from({ length: 500 }, (_, i) => `<bulk-${i}@example.org>`);
    await append(
      mailbox,
      ids.map((id, i) => patronMail({ from: `patron${i}@example.org`, messageId: id, subject: `Question ${i}`, body: 'Are you open on Saturday?' })),
    );
    const sentBefore = smtp.mails.length;
    try {
      let running = await startLibdesk({ env: emailEnv(temp.dir, mailbox) });
      const count = () => running.deps.database.prisma.inquiry.count({ where: { channel: 'email', externalId: { startsWith: '<bulk-' } } });
      await until(async () => (await count()) >= 200, 120_000, '200 of 500 stored');
      await running.close();
      const storedAtStop = await (async () => {
        const again = await openDatabase({ dataDir: temp.dir });
        try {
          return await again.prisma.inquiry.count({ where: { channel: 'email', externalId: { startsWith: '<bulk-' } } });
        } finally {
          await again.close();
        }
      })();
      expect(storedAtStop).toBeGreaterThanOrEqual(200);
      expect(storedAtStop).toBeLessThan(500);

      running = await startLibdesk({ env: emailEnv(temp.dir, mailbox) });
      const restartedAt = performance.now();
      const answeredAtRestart = ids.filter((id) => repliesTo(id).length > 0).length;
      try {
        await until(() => ids.every((id) => repliesTo(id).length >= 1), 180_000, 'answers to all 500');
        const seconds = (performance.now() - restartedAt) / 1000;
        console.log(`after the restart: ${500 - answeredAtRestart} answers sent in ${seconds.toFixed(1)} s = ${((500 - answeredAtRestart) / seconds).toFixed(0)} mails/s end to end (embedded)`);
        // Anything sent twice would arrive right behind the first copies.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        for (const id of ids) expect(repliesTo(id), id).toHaveLength(1);
        expect(smtp.mails.length - sentBefore).toBe(500);
        expect(await count()).toBe(500);
        expect(running.deps.email?.consumer.stats.duplicates).toBe(0);
      } finally {
        await running.close();
      }
    } finally {
      temp.remove();
    }
  });
});

describe('the IMAP consumer', { timeout: 120_000 }, () => {
  let temp: ReturnType<typeof createTemporaryDir>;
  let deps: Deps;
  const databases: Database[] = [];

  beforeAll(async () => {
    temp = createTemporaryDir();
    deps = await createDeps(loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' }), createLogger({ level: 'silent' }), { loadCatalogIndex: false });
  });
  afterAll(async () => {
    for (const database of databases) await database.close();
    await deps?.close();
    temp?.remove();
  });

  /** Another process's view of the same database: its own connection. */
  async function otherProcessState() {
    const database = await openDatabase({ dataDir: temp.dir });
    databases.push(database);
    return createMailboxStateRepository(database.prisma);
  }

  function intake(): MailIntake {
    return createMailIntake({
      accept: (input) => deps.inquiries.accept(input),
      ownAddresses: [LIBRARY],
      rateLimit: createSenderRateLimit({ max: 1_000, windowMs: 60_000, clock: systemClock }),
      logger: silentLogger,
    });
  }

  async function consumer(mailbox: string, holder: string, overrides: { intake?: MailIntake; state?: Awaited<ReturnType<typeof otherProcessState>> } = {}) {
    return new MailboxConsumer({
      imap: { host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user, password: dovecot.password, mailbox },
      state: overrides.state ?? (await otherProcessState()),
      intake: overrides.intake ?? intake(),
      clock: systemClock,
      logger: silentLogger,
      holder,
      leaseMs: 1_500,
      backoff: { initialMs: 50, maxMs: 500 },
      pollMs: 5_000,
    });
  }

  const mails = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => patronMail({ from: `${prefix}${i}@example.org`, messageId: `<${prefix}-${i}@example.org>`, subject: 'Hours', body: 'When do you open?' }));
  const storedWith = (prefix: string) => deps.database.prisma.inquiry.count({ where: { channel: 'email', externalId: { startsWith: `<${prefix}-` } } });

  it('lets one of two consumers take the mailbox, and the other take over when the first dies', async () => {
    await createMailbox('Lease');
    const a = await consumer('Lease', 'process-a');
    const b = await consumer('Lease', 'process-b');
    a.start();
    await until(() => a.status === 'consuming', 10_000, 'a to consume');
    b.start();
    await until(() => b.status === 'standby', 10_000, 'b to stand by');
    await append('Lease', mails('lease-a', 30));
    await until(() => a.stats.accepted === 30, 30_000, 'a to store 30');
    expect(b.status).toBe('standby');
    expect(b.stats.accepted).toBe(0);

    // Process A dies: its lease is not released and runs out.
    await a.stop({ releaseLease: false });
    await append('Lease', mails('lease-b', 10));
    await until(() => b.stats.accepted === 10, 30_000, 'b to take over and store 10');
    expect(b.status).toBe('consuming');
    expect(a.stats.duplicates + b.stats.duplicates).toBe(0);
    expect(await storedWith('lease-a')).toBe(30);
    expect(await storedWith('lease-b')).toBe(10);
    await b.stop();
  });

  it('loses and repeats nothing when it dies between storing a mail and moving the cursor', async () => {
    await createMailbox('Crash');
    const real = intake();
    let handled = 0;
    let crashed = false;
    const crashing: MailIntake = async (source) => {
      const outcome = await real(source);
      handled += 1;
      if (handled === 10 && !crashed) {
        crashed = true;
        throw new Error('process killed after storing the mail');
      }
      return outcome;
    };
    const state = await otherProcessState();
    const c = await consumer('Crash', 'process-c', { intake: crashing, state });
    c.start();
    // The cursor is placed on the empty mailbox first, so the mail below is read through it.
    await until(async () => (await state.readCursor(c.mailboxKey)) !== undefined, 10_000, 'the cursor');
    await append('Crash', mails('crash', 20));
    await until(() => c.stats.accepted + c.stats.duplicates === 20, 30_000, 'all 20 read');
    await c.stop();
    expect(crashed).toBe(true);
    expect(c.stats.reconnects).toBeGreaterThanOrEqual(1);
    expect(c.stats.accepted).toBe(19);
    expect(c.stats.duplicates).toBe(1);
    expect(await storedWith('crash')).toBe(20);
  });

  it('reconnects with back-off when the IMAP server goes away, and reads what arrived meanwhile', async () => {
    await createMailbox('Reconnect');
    const c = await consumer('Reconnect', 'process-r');
    c.start();
    await until(() => c.status === 'consuming', 10_000, 'consuming');
    await append('Reconnect', mails('reconnect-a', 3));
    await until(() => c.stats.accepted === 3, 30_000, 'the first 3');
    await dovecot.restart();
    await append('Reconnect', mails('reconnect-b', 3));
    await until(() => c.stats.accepted === 6, 30_000, 'the 3 that arrived across the restart');
    await c.stop();
    expect(c.stats.reconnects).toBeGreaterThanOrEqual(1);
    expect(c.stats.duplicates).toBe(0);
    expect(await storedWith('reconnect')).toBe(6);
  });

  it('rescans by Message-ID when UIDVALIDITY changes, storing nothing twice', async () => {
    await createMailbox('Validity');
    await append('Validity', mails('validity', 15));
    const state = await otherProcessState();
    const first = await consumer('Validity', 'process-d', { state });
    first.start();
    await until(() => first.stats.accepted === 15, 30_000, '15 stored');
    await first.stop();
    const cursor = await state.readCursor(first.mailboxKey);
    expect(cursor?.lastUid).toBe(15n);

    // The server renumbered the mailbox: the stored cursor belongs to a UIDVALIDITY that no longer exists.
    await state.resetCursor(first.mailboxKey, 424242n, 999n, new Date(Date.now() - 60 * 60_000));
    const second = await consumer('Validity', 'process-d', { state });
    second.start();
    await until(() => second.stats.duplicates === 15, 30_000, 'the rescan');
    await append('Validity', mails('validity-new', 1));
    await until(() => second.stats.accepted === 1, 30_000, 'the new mail');
    await second.stop();
    const rescanned = await state.readCursor(first.mailboxKey);
    expect(rescanned?.uidValidity).toBe(cursor?.uidValidity);
    expect(rescanned?.lastUid).toBe(16n);
    expect(await storedWith('validity')).toBe(16);
  });

  it('measures messages per second through the e-mail inbound path', async () => {
    await createMailbox('Throughput');
    const count = 500;
    await append('Throughput', mails('rate', count));
    const c = await consumer('Throughput', 'process-e');
    const started = performance.now();
    c.start();
    await until(() => c.stats.accepted === count, 120_000, `${count} stored`);
    const seconds = (performance.now() - started) / 1000;
    await c.stop();
    console.log(`e-mail inbound (IMAP fetch, MIME parse, checks, store, enqueue): ${count} mails in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} messages/s`);
    expect(await storedWith('rate')).toBe(count);
  });
});
