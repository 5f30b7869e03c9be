import type { Clock } from '../../core/clock.js';
import { LibdeskError } from '../../core/errors.js';
import type { WebSessionStore } from '../../core/web-sessions.js';
import { newSessionId, signSessionId, verifySessionToken } from './verify.js';

export interface WebSessionServiceOptions {
  store: WebSessionStore;
  /** SESSION_SECRET, or the one generated into DATA_DIR/session-secret. */
  secret: string;
  /** WEB_SESSION_IDLE_MINUTES: a session idle longer than this is over (shared public PCs). */
  idleMinutes: number;
  clock: Clock;
}

export interface IssuedWebSession {
  /** What the widget keeps and sends back. */
  token: string;
  /** The patron's address and thread key on the `web` channel. */
  sessionId: string;
  idleSeconds: number;
}

export interface WebSessionService {
  readonly idleSeconds: number;
  start(): Promise<IssuedWebSession>;
  /** The session id of a live token, recording activity; throws LD_SESSION_EXPIRED otherwise. */
  resume(token: string): Promise<string>;
  /** Like `resume` without recording activity (listening on the stream is not activity). */
  check(token: string): Promise<string>;
  /** Ends the session for good: its history and stream are refused from now on. */
  end(token: string): Promise<void>;
}

// Activity is written at most this often, so a busy chat costs one write per half minute, not per message.
const TOUCH_EVERY_MS = 30_000;

export function createWebSessionService(options: WebSessionServiceOptions): WebSessionService {
  const { store, secret, clock } = options;
  const idleMs = options.idleMinutes * 60_000;

  async function live(token: string, touch: boolean): Promise<string> {
    const id = verifySessionToken(secret, token);
    const record = id ? await store.find(id) : undefined;
    const now = clock.now();
    if (!id || !record || record.endedAt || now.getTime() - record.lastSeenAt.getTime() > idleMs) {
      throw new LibdeskError('LD_SESSION_EXPIRED', 'This chat has ended. A new chat has to be started.');
    }
    if (touch && now.getTime() - record.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await store.touch(id, now);
    return id;
  }

  return {
    idleSeconds: idleMs / 1000,
    async start() {
      const sessionId = newSessionId();
      await store.create({ id: sessionId, createdAt: clock.now() });
      return { token: signSessionId(secret, sessionId), sessionId, idleSeconds: idleMs / 1000 };
    },
    resume: (token) => live(token, true),
    check: (token) => live(token, false),
    async end(token) {
      const id = verifySessionToken(secret, token);
      // Ending a session that is already over (or was never issued) is not an error: the goal is met.
      if (id) await store.end(id, clock.now());
    },
  };
}
