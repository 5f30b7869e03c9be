import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ImapFlow } from 'imapflow';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { IntakeOutcome, MailIntake } from './mail-intake.js';
import type { MailboxStateStore } from './mailbox-state.repository.js';

export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 993); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
}

export interface MailboxConsumerOptions {
  imap: ImapSettings;
  state: MailboxStateStore;
  intake: MailIntake;
  clock: Clock;
  logger: Logger;
  /** Who this consumer is in the lease table; unique per process by default. */
  holder?: string;
  /** How long a lease lasts unless renewed (renewed every third of it). Default 30 s. */
  leaseMs?: number;
  /** Reconnect back-off: doubles from `initialMs` to `maxMs`, with jitter. Defaults 1 s and 60 s. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** A look at the mailbox even when IDLE reported nothing, in case a notification was lost. Default 60 s. */
  pollMs?: number;
  /** Messages fetched per round trip. Default 25. */
  batchSize?: number;
  /** Called after each message is handled (stored or passed over), with its UID. */
  onOutcome?: (outcome: IntakeOutcome, uid: number) => void;
}

export type ConsumerStatus = 'stopped' | 'standby' | 'connecting' | 'consuming' | 'backing_off';

export interface ConsumerStats {
  accepted: number;
  duplicates: number;
  ignored: Partial<Record<string, number>>;
  reconnects: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads one IMAP mailbox and hands every new mail to the intake, exactly once across restarts and
 * across processes:
 *
 * - **One reader per mailbox.** A lease row in the database names the holder; it is renewed while the
 *   connection lives and taken over by a standby process once it expires (its holder died).
 * - **Nothing lost, nothing repeated.** After a mail is stored the cursor (UIDVALIDITY, last UID) moves
 *   past it. A crash between the two re-reads that mail, and the inquiry log drops it by Message-ID.
 *   When the server changes UIDVALIDITY, UIDs mean nothing any more: the mailbox is rescanned from
 *   shortly before the cursor's last move, again deduplicated by Message-ID.
 * - **First start** reads from the oldest unread mail on, not the mailbox's whole history.
 * - **IDLE** wakes the reader when mail arrives; a lost connection is retried with exponential back-off.
 */
export class MailboxConsumer {
  readonly mailboxKey: string;
  readonly holder: string;
  readonly stats: ConsumerStats = { accepted: 0, duplicates: 0, ignored: {}, reconnects: 0 };
  readonly #options: MailboxConsumerOptions;
  readonly #leaseMs: number;
  #status: ConsumerStatus = 'stopped';
  #stopping = false;
  #releaseOnStop = true;
  #loop: Promise<void> | undefined;
  #client: ImapFlow | undefined;
  #wakers = new Set<() => void>();
  #pending = false;

  constructor(options: MailboxConsumerOptions) {
    this.#options = options;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const { user, host, port, mailbox } = options.imap;
    this.mailboxKey = `${user}@${host}:${port}/${mailbox}`;
  }

  get status(): ConsumerStatus {
    return this.#status;
  }

  /** Starts reading in the background; returns at once. */
  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#run().finally(() => {
      this.#status = 'stopped';
      this.#loop = undefined;
    });
  }

  /**
   * Stops after the mail in hand is stored and the cursor moved. `releaseLease: false` leaves the lease
   * to expire, as a process that died would.
   */
  async stop(options: { releaseLease?: boolean } = {}): Promise<void> {
    this.#stopping = true;
    this.#releaseOnStop = options.releaseLease ?? true;
    // A connection still being made could take its full time-out; nothing is in hand yet, so drop it.
    if (this.#status === 'connecting') this.#client?.close();
    this.#wake();
    await this.#loop;
  }

  async #run(): Promise<void> {
    const { state, clock, logger } = this.#options;
    let failures = 0;
    while (!this.#stopping) {
      let held = false;
      try {
        held = await state.acquireLease(this.mailboxKey, this.holder, clock.now(), this.#leaseMs);
      } catch (error) {
        logger.warn({ err: error }, 'mailbox lease could not be checked');
      }
      if (!held) {
        this.#status = 'standby';
        await this.#pause(this.#leaseMs / 3);
        continue;
      }

      const session = { healthy: false, lost: false };
      try {
        await this.#session(session);
      } catch (error) {
        if (!this.#stopping && !session.lost) logger.warn({ err: error, mailbox: this.#options.imap.mailbox }, 'IMAP session ended');
      }
      if (this.#stopping) break;
      if (session.lost) {
        logger.warn({ mailbox: this.#options.imap.mailbox }, 'mailbox lease lost to another process; standing by');
        this.#status = 'standby';
        continue;
      }
      failures = session.healthy ? 1 : failures + 1;
      const delayMs = backoffDelay(failures, this.#options.backoff);
      this.#status = 'backing_off';
      this.stats.reconnects += 1;
      logger.info({ delayMs, failures }, 'IMAP reconnecting after back-off');
      await this.#pause(delayMs);
    }
    if (this.#releaseOnStop) {
      await state.releaseLease(this.mailboxKey, this.holder).catch((error: unknown) => logger.warn({ err: error }, 'mailbox lease not released'));
    }
  }

  /** One connection: open the mailbox, read what is new, wait for IDLE news, until it ends. */
  async #session(session: { healthy: boolean; lost: boolean }): Promise<void> {
    const { imap, state, clock, logger } = this.#options;
    this.#status = 'connecting';
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: imap.secure,
      auth: { user: imap.user, pass: imap.password },
      logger: false,
      // Servers drop IDLE after ~30 min; re-issuing it every few minutes keeps the connection known-good.
      maxIdleTime: 4 * 60_000,
      // IDLE soon after a drain, so a new mail is announced at once (the default waits 15 s).
      autoIdleDelay: 500,
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
    });
    let closed = false;
    client.on('error', (error: Error) => logger.warn({ err: error }, 'IMAP connection error'));
    client.on('close', () => {
      closed = true;
      this.#wake();
    });
    client.on('exists', () => {
      this.#pending = true;
      this.#wake();
    });
    this.#client = client;

    let lastRenewed = clock.now().getTime();
    const renew = async () => {
      try {
        const ok = await state.renewLease(this.mailboxKey, this.holder, clock.now(), this.#leaseMs);
        if (ok) lastRenewed = clock.now().getTime();
        else session.lost = true;
      } catch (error) {
        logger.warn({ err: error }, 'mailbox lease renewal failed');
        // Unable to renew for a whole lease: another process may already have taken over.
        if (clock.now().getTime() - lastRenewed >= this.#leaseMs) session.lost = true;
      }
      if (session.lost) client.close();
    };
    const renewal = setInterval(() => void renew(), Math.max(50, Math.floor(this.#leaseMs / 3)));
    renewal.unref();

    const done = () => this.#stopping || session.lost || closed;
    try {
      await client.connect();
      await client.mailboxOpen(imap.mailbox);
      this.#status = 'consuming';
      logger.info({ mailbox: imap.mailbox }, 'reading mailbox');
      while (!done()) {
        this.#pending = false;
        await this.#drain(client, done);
        session.healthy = true;
        if (done()) break;
        if (!this.#pending) await this.#pause(this.#options.pollMs ?? 60_000);
      }
    } finally {
      clearInterval(renewal);
      this.#client = undefined;
      if (!closed) {
        if (this.#stopping || session.lost) client.close();
        else await client.logout().catch(() => client.close());
      }
    }
  }

  /** Reads everything past the cursor (or, on first start and after a UIDVALIDITY change, rescans). */
  async #drain(client: ImapFlow, done: () => boolean): Promise<void> {
    const { state, clock, logger } = this.#options;
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error('mailbox is not open');
    const uidValidity = mailbox.uidValidity;
    const cursor = await state.readCursor(this.mailboxKey);

    if (!cursor || cursor.uidValidity !== uidValidity) {
      // Place the cursor just before the first mail to read, then read through it like any other time,
      // so progress is kept message by message even in a long first scan.
      // The newest UID first: a mail arriving after this is found by the search or read after the cursor.
      const newest = mailbox.exists > 0 ? await client.fetchOne('*', { uid: true }) : false;
      const query = cursor ? { since: new Date(cursor.updatedAt.getTime() - DAY_MS) } : { seen: false };
      const found = (await client.search(query, { uid: true })) || [];
      const startAfter = found.length ? found.reduce((low, uid) => Math.min(low, uid), Number.MAX_SAFE_INTEGER) - 1 : newest ? newest.uid : 0;
      logger.info(
        { mailbox: this.#options.imap.mailbox, reason: cursor ? 'uidvalidity_changed' : 'first_start', toRead: found.length },
        'placing the mailbox cursor',
      );
      await state.resetCursor(this.mailboxKey, uidValidity, BigInt(startAfter), clock.now());
    }

    for (;;) {
      if (done()) return;
      const current = await state.readCursor(this.mailboxKey);
      if (!current || current.uidValidity !== uidValidity) return;
      // "n:*" always matches the newest message even when its UID is below n, hence the filter.
      const found = (await client.search({ uid: `${current.lastUid + 1n}:*` }, { uid: true })) || [];
      const uids = found.filter((uid) => BigInt(uid) > current.lastUid).sort((a, b) => a - b);
      if (!uids.length) return;
      await this.#process(client, uids, uidValidity, done);
    }
  }

  /** Fetches in batches, hands each mail to the intake and moves the cursor past it once it is stored. */
  async #process(client: ImapFlow, uids: number[], uidValidity: bigint, done: () => boolean): Promise<void> {
    const { state, clock, intake } = this.#options;
    const batchSize = this.#options.batchSize ?? 25;
    for (let start = 0; start < uids.length; start += batchSize) {
      if (done()) return;
      const batch = uids.slice(start, start + batchSize);
      const messages = await client.fetchAll(batch.join(','), { uid: true, source: true }, { uid: true });
      messages.sort((a, b) => a.uid - b.uid);
      for (const message of messages) {
        if (done()) return;
        if (message.source) {
          const outcome = await intake(message.source);
          this.#count(outcome);
          this.#options.onOutcome?.(outcome, message.uid);
        }
        await state.advanceCursor(this.mailboxKey, uidValidity, BigInt(message.uid), clock.now());
      }
    }
  }

  #count(outcome: IntakeOutcome): void {
    if (outcome.kind === 'accepted') {
      if (outcome.duplicate) this.stats.duplicates += 1;
      else this.stats.accepted += 1;
    } else {
      this.stats.ignored[outcome.reason] = (this.stats.ignored[outcome.reason] ?? 0) + 1;
    }
  }

  /** Waits `ms`, or less when mail arrives, the connection closes or the consumer stops. */
  #pause(ms: number): Promise<void> {
    if (this.#stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const waker = () => {
        clearTimeout(timer);
        this.#wakers.delete(waker);
        resolve();
      };
      const timer = setTimeout(waker, ms);
      this.#wakers.add(waker);
    });
  }

  #wake(): void {
    for (const waker of [...this.#wakers]) waker();
  }
}

/** Exponential back-off with jitter: 1 s, 2 s, 4 s … up to the cap, each between half and all of it. */
export function backoffDelay(failures: number, options: { initialMs?: number; maxMs?: number } = {}, random: () => number = Math.random): number {
  const initial = options.initialMs ?? 1_000;
  const max = options.maxMs ?? 60_000;
  const full = Math.min(max, initial * 2 ** Math.max(0, failures - 1));
  return Math.round(full * (0.5 + random() / 2));
}
