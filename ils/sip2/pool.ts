import { isLibdeskError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { NotSent, type Sip2Connection } from './connection.js';

export interface Sip2PoolOptions {
  /** Opens a connection and logs in (93), ready for requests. */
  connect(): Promise<Sip2Connection>;
  /** Most connections open at once; extra requests wait their turn. */
  max: number;
  logger: Logger;
}

/**
 * A few logged-in SIP2 sessions shared by every request. A session the server dropped is replaced (and
 * logged in again) on next use. When the server refuses a further connection while one is open, the pool
 * stops growing and queues on the connections it has: some servers serve one connection at a time.
 */
export class Sip2Pool {
  readonly #options: Sip2PoolOptions;
  #max: number;
  readonly #all = new Set<Sip2Connection>();
  #idle: Sip2Connection[] = [];
  #waiters: Array<(connection: Sip2Connection | Error) => void> = [];
  #opening = 0;
  #closed = false;

  constructor(options: Sip2PoolOptions) {
    this.#options = options;
    this.#max = Math.max(1, options.max);
  }

  get size(): number {
    return this.#all.size;
  }

  get limit(): number {
    return this.#max;
  }

  async #acquire(): Promise<Sip2Connection> {
    for (;;) {
      const idle = this.#idle.pop();
      if (!idle) break;
      if (idle.alive) return idle;
      this.#all.delete(idle);
    }
    if (this.#all.size + this.#opening < this.#max) {
      this.#opening += 1;
      try {
        const connection = await this.#options.connect();
        this.#all.add(connection);
        return connection;
      } catch (error) {
        const others = this.#all.size + this.#opening - 1;
        if (others === 0) {
          // Nothing open and nothing opening: everyone waiting would wait forever.
          for (const waiter of this.#waiters.splice(0)) waiter(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
        // The server took one session but not another: stay at what it allows and queue.
        this.#max = Math.max(1, others);
        this.#options.logger.warn({ connections: this.#max }, 'SIP2 server refused another connection; queueing on the open ones');
      } finally {
        this.#opening -= 1;
      }
    }
    return new Promise((resolve, reject) => {
      this.#waiters.push((connection) => (connection instanceof Error ? reject(connection) : resolve(connection)));
    });
  }

  #release(connection: Sip2Connection): void {
    if (!connection.alive) this.#all.delete(connection);
    const waiter = this.#waiters.shift();
    if (!waiter) {
      if (connection.alive) this.#idle.push(connection);
      return;
    }
    if (connection.alive) {
      waiter(connection);
      return;
    }
    // The connection died: open a fresh one (logged in again) for the one waiting.
    this.#acquire().then(waiter, waiter);
  }

  /**
   * Runs `work` on a connection. A request that never left (the session had been dropped) is retried on
   * a new session; one that was sent is retried only when `idempotent` (patron and item look-ups).
   */
  async use<T>(work: (connection: Sip2Connection) => Promise<T>, options: { idempotent: boolean }): Promise<T> {
    if (this.#closed) throw new NotSent('LD_ILS_UNAVAILABLE', 'The SIP2 client is closed');
    for (let attempt = 0; ; attempt += 1) {
      const connection = await this.#acquire();
      try {
        return await work(connection);
      } catch (error) {
        const retry = attempt === 0 && (error instanceof NotSent || (options.idempotent && isLibdeskError(error, 'LD_ILS_UNAVAILABLE')));
        if (!retry) throw error;
        this.#options.logger.info({}, 'SIP2 session dropped; retrying on a new session');
      } finally {
        this.#release(connection);
      }
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) waiter(new NotSent('LD_ILS_UNAVAILABLE', 'The SIP2 client is closed'));
    await Promise.all([...this.#all].map((connection) => connection.close()));
    this.#all.clear();
    this.#idle = [];
  }
}
