import type { StaffRole } from '../core/staff.js';

/** A staff member as the console signs them in: never the token hash. */
export interface ConsoleStaffRecord {
  id: string;
  name: string;
  role: StaffRole;
  passwordHash: string | null;
  disabled: boolean;
}

export interface StaffSessionRecord {
  /** SHA-256 hex of the cookie's token. */
  id: string;
  staffId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/**
 * What the console keeps in the database: server-side sessions (so every web process sees a sign-out at
 * once), staff passwords, and the READ scale staff record on a ticket.
 */
export interface ConsoleStore {
  findStaffByName(name: string): Promise<ConsoleStaffRecord | undefined>;
  findStaffById(id: string): Promise<ConsoleStaffRecord | undefined>;
  /** Names of enabled staff members, for the assign list. */
  listStaffNames(): Promise<string[]>;
  /** Every member, for the admin's staff page. */
  listMembers(): Promise<Array<{ name: string; role: StaffRole; hasPassword: boolean; disabled: boolean }>>;
  /** False when nobody has that name. */
  setPasswordHash(name: string, passwordHash: string): Promise<boolean>;
  createSession(session: StaffSessionRecord): Promise<void>;
  findSession(id: string): Promise<StaffSessionRecord | undefined>;
  touchSession(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Every session of one member (after a password change). */
  deleteSessionsOf(staffId: string): Promise<number>;
  deleteExpiredSessions(now: Date): Promise<number>;
  /** Records the READ scale (1–6) on a ticket; false when the ticket does not exist. */
  setReadScale(ticketId: number, scale: number): Promise<boolean>;
  readScaleOf(ticketId: number): Promise<number | undefined>;
}
