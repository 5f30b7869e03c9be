import net from 'node:net';
import tls from 'node:tls';
import { LibdeskError } from '../../core/errors.js';
import { buildMessage, MessageSplitter, parseMessage, withErrorDetection, type Sip2Format, type Sip2Message } from './protocol.js';

export interface Sip2ConnectionOptions {
  host: string;
  port: number;
  /** TLS on the socket (SIP2 over stunnel-style TLS); `true` uses the system CAs. */
  tls?: boolean | tls.ConnectionOptions;
  format: Sip2Format;
  /** Send AY/AZ and check them on replies. */
  errorDetection: boolean;
  /** What ends a message we send: CR by the specification, CRLF for servers that want it. */
  terminator: '\r' | '\r\n';
  /** A reply must arrive within this time, or the connection is dropped. */
  timeoutMs: number;
  /** Resend requests (97) for one reply before giving up. */
  maxResends: number;
}

/** A request that failed before any byte of it left: safe to try again on another connection. */
export class NotSent extends LibdeskError {}

/**
 * One SIP2 session over TCP (or TLS). SIP2 is strictly one request, one reply, so requests queue here.
 * A bad checksum, a cut-off or garbled reply gets a "97 resend"; a "96" from the server makes us resend.
 */
export class Sip2Connection {
  readonly #options: Sip2ConnectionOptions;
  #socket: net.Socket | undefined;
  readonly #splitter = new MessageSplitter();
  #inbox: Buffer[] = [];
  #waiter: ((message: Buffer | Error) => void) | undefined;
  #closed = false;
  #sequence = 0;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(options: Sip2ConnectionOptions) {
    this.#options = options;
  }

  get alive(): boolean {
    return !this.#closed && this.#socket !== undefined && !this.#socket.destroyed;
  }

  open(): Promise<void> {
    const { host, port, timeoutMs } = this.#options;
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => {
        socket.destroy();
        reject(new LibdeskError('LD_ILS_UNAVAILABLE', `Could not connect to the SIP2 server at ${host}:${port}`, { cause: error }));
      };
      const tlsOptions = this.#options.tls;
      const socket = tlsOptions
        ? tls.connect({ host, port, ...(typeof tlsOptions === 'object' ? tlsOptions : {}) }, () => ready())
        : net.connect({ host, port }, () => ready());
      const timer = setTimeout(() => onError(new Error('connect timed out')), timeoutMs);
      const ready = () => {
        clearTimeout(timer);
        socket.off('error', onError);
        socket.setNoDelay(true);
        socket.on('error', () => this.#markClosed());
        resolve();
      };
      socket.once('error', (error) => {
        clearTimeout(timer);
        onError(error);
      });
      socket.on('data', (chunk: Buffer) => {
        for (const message of this.#splitter.push(chunk)) this.#deliver(message);
      });
      socket.on('close', () => this.#markClosed());
      this.#socket = socket;
    });
  }

  #deliver(message: Buffer): void {
    const waiter = this.#waiter;
    if (waiter) {
      this.#waiter = undefined;
      waiter(message);
    } else {
      this.#inbox.push(message);
    }
  }

  #markClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.(new LibdeskError('LD_ILS_UNAVAILABLE', 'The SIP2 server closed the connection'));
  }

  #next(deadline: number): Promise<Buffer> {
    const queued = this.#inbox.shift();
    if (queued) return Promise.resolve(queued);
    if (this.#closed) return Promise.reject(new LibdeskError('LD_ILS_UNAVAILABLE', 'The SIP2 server closed the connection'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        reject(new LibdeskError('LD_ILS_TIMEOUT', `The SIP2 server did not answer within ${this.#options.timeoutMs} ms`));
      }, Math.max(0, deadline - Date.now()));
      this.#waiter = (message) => {
        clearTimeout(timer);
        if (message instanceof Error) reject(message);
        else resolve(message);
      };
    });
  }

  #write(text: string): void {
    this.#socket!.write(Buffer.from(text + this.#options.terminator, this.#options.format.encoding));
  }

  /** Sends one request and returns its reply (the request code + 1). Requests on one connection queue. */
  request(code: string, fixed: string, fields: Array<[string, string | undefined]>): Promise<Sip2Message> {
    const run = this.#tail.then(() => this.#exchange(code, fixed, fields));
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async #exchange(code: string, fixed: string, fields: Array<[string, string | undefined]>): Promise<Sip2Message> {
    if (!this.alive) throw new NotSent('LD_ILS_UNAVAILABLE', 'The SIP2 connection is closed');
    const { errorDetection, format, maxResends, timeoutMs } = this.#options;
    const sequence = this.#sequence;
    this.#sequence = (this.#sequence + 1) % 10;
    const text = buildMessage(code, fixed, fields, { format, errorDetection, sequence });
    // Every request's reply is its code + 1, except SC status (99), answered by ACS status (98).
    const expected = code === '99' ? '98' : String(Number(code) + 1).padStart(2, '0');
    // Anything unread belongs to an earlier exchange that timed out.
    this.#inbox = [];
    this.#splitter.clear();
    this.#write(text);
    const deadline = Date.now() + timeoutMs;
    let resends = 0;
    try {
      for (;;) {
        const raw = await this.#next(deadline);
        const parsed = parseMessage(raw, format);
        if (parsed.ok && parsed.message.code === expected) {
          // A reply carrying another sequence number answers an earlier, abandoned request.
          if (errorDetection && parsed.message.sequence !== undefined && parsed.message.sequence !== sequence) continue;
          return parsed.message;
        }
        if (resends >= maxResends) {
          throw new LibdeskError('LD_ILS_PROTOCOL', `Unreadable SIP2 reply to ${code} after ${resends} resends (${parsed.ok ? `code ${parsed.message.code}` : parsed.reason})`);
        }
        resends += 1;
        if (parsed.ok && parsed.message.code === '96') {
          // The server could not read our message: send it again as it was.
          this.#write(text);
        } else {
          this.#write(errorDetection ? withErrorDetection('97', undefined, format.encoding) : '97');
        }
      }
    } catch (error) {
      // After a time-out or an unreadable exchange the session's state is unknown: never reuse it.
      this.destroy();
      throw error;
    }
  }

  destroy(): void {
    this.#markClosed();
    this.#socket?.destroy();
  }

  async close(): Promise<void> {
    if (!this.#socket || this.#socket.destroyed) return;
    const socket = this.#socket;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 500).unref();
    });
    this.#markClosed();
  }
}
