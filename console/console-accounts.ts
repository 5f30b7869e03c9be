import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { LibdeskError } from '../core/errors.js';
import { BOOTSTRAP_STAFF_NAME, type StaffAuthenticator, type StaffIdentity } from '../core/staff.js';
import type { ConsoleStore } from './console-store.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';

export interface ConsoleAccountsOptions {
  store: ConsoleStore;
  /** Staff tokens (`libdesk staff add`) also sign in, for members who have no password yet. */
  staff: StaffAuthenticator;
  clock: Clock;
  /** A session unused this long ends (default 8 hours: one working day at the desk). */
  idleMinutes?: number;
  /** A session ends this long after sign-in however busy it is (default 12 hours). */
  maxHours?: number;
}

/** A signed-in console session: the staff identity it acts as. */
export interface ConsoleSession {
  /** SHA-256 of the cookie token: what the database keeps, and what CSRF tokens are bound to. */
  id: string;
  staff: StaffIdentity;
}

export interface ConsoleSignIn {
  /** The cookie's value, shown once; only its hash is stored. */
  token: string;
  session: ConsoleSession;
}

export interface ConsoleAccounts {
  signInWithPassword(name: string, password: string): Promise<ConsoleSignIn | undefined>;
  signInWithToken(token: string): Promise<ConsoleSignIn | undefined>;
  /** The session a cookie belongs to, while it is valid and its member enabled. */
  resume(token: string): Promise<ConsoleSession | undefined>;
  signOut(token: string): Promise<void>;
  /** Sets a member's console password and ends their open sessions. */
  setPassword(name: string, password: string): Promise<void>;
}

const TOUCH_EVERY_MS = 60_000;

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createConsoleAccounts(options: ConsoleAccountsOptions): ConsoleAccounts {
  const { store, clock } = options;
  const idleMs = (options.idleMinutes ?? 8 * 60) * 60_000;
  const maxMs = (options.maxHours ?? 12) * 3_600_000;

  async function open(staff: StaffIdentity): Promise<ConsoleSignIn> {
    const now = clock.now();
    const token = randomBytes(32).toString('base64url');
    const id = sessionIdOf(token);
    await store.createSession({ id, staffId: staff.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMs) });
    // Expired rows are refused anyway; clearing them at sign-in (an indexed delete) keeps the table small.
    await store.deleteExpiredSessions(now);
    return { token, session: { id, staff } };
  }

  return {
    async signInWithPassword(name, password) {
      if (password.length > MAX_PASSWORD_LENGTH) return undefined;
      const member = name.length <= 64 ? await store.findStaffByName(name) : undefined;
      // verifyPassword takes as long for an unknown name or a member without a password.
      const matches = await verifyPassword(password, member?.passwordHash);
      if (!member || !matches || member.disabled) return undefined;
      return open({ id: member.id, name: member.name, role: member.role });
    },

    async signInWithToken(token) {
      if (token.length > 512) return undefined;
      const identity = await options.staff.authenticateStaff(token);
      // STAFF_API_TOKEN is a credential for scripts, not a person: it has no member row to attribute to.
      if (!identity || identity.id === BOOTSTRAP_STAFF_NAME) return undefined;
      return open(identity);
    },

    async resume(token) {
      if (token.length > 128) return undefined;
      const id = sessionIdOf(token);
      const session = await store.findSession(id);
      const now = clock.now();
      if (!session || session.expiresAt <= now || now.getTime() - session.createdAt.getTime() > maxMs) return undefined;
      const member = await store.findStaffById(session.staffId);
      if (!member || member.disabled) return undefined;
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await store.touchSession(id, now, new Date(now.getTime() + idleMs));
      }
      return { id, staff: { id: member.id, name: member.name, role: member.role } };
    },

    async signOut(token) {
      await store.deleteSession(sessionIdOf(token));
    },

    async setPassword(name, password) {
      if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
        throw new LibdeskError('LD_VALIDATION', `A console password is ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`, { details: { fields: ['password'] } });
      }
      const member = await store.findStaffByName(name);
      if (!member || !(await store.setPasswordHash(name, await hashPassword(password)))) {
        throw new LibdeskError('LD_NOT_FOUND', `There is no staff member named ${name}.`);
      }
      await store.deleteSessionsOf(member.id);
    },
  };
}
