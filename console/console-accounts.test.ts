import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../core/clock.js';
import { createStaffRepository, createStaffService, type StaffService } from '../staff/index.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createConsoleAccounts, type ConsoleAccounts } from './console-accounts.js';
import { createConsoleRepository } from './console.repository.js';

/** Console sessions on a real SQLite database, with a clock the test moves. */
let database: TemporaryDatabase;
let staff: StaffService;
let accounts: ConsoleAccounts;
let now = new Date('2026-12-01T14:00:00Z').getTime();
const clock: Clock = { now: () => new Date(now) };
const BOOTSTRAP = 'bootstrap-token-0123456789abcdef';

beforeAll(async () => {
  database = await openTemporarySqlite();
  staff = createStaffService({ repository: createStaffRepository(database.db.prisma), clock, cacheMs: 0, bootstrapToken: BOOTSTRAP });
  accounts = createConsoleAccounts({ store: createConsoleRepository(database.db.prisma), staff, clock, idleMinutes: 60, maxHours: 3 });
  await staff.addStaff('ann');
  await accounts.setPassword('ann', 'ann-password-123');
});
afterAll(async () => {
  await database?.close();
});

describe('console accounts', () => {
  it('keeps a session while used, ends it after the idle time and after the longest session, and stores only a hash', async () => {
    const signIn = (await accounts.signInWithPassword('ann', 'ann-password-123'))!;
    expect(signIn.session.staff).toMatchObject({ name: 'ann', role: 'staff' });
    const rows = await database.db.prisma.staffSession.findMany();
    expect(rows.map((row) => row.id)).toContain(signIn.session.id);
    expect(JSON.stringify(rows)).not.toContain(signIn.token);

    now += 50 * 60_000;
    expect(await accounts.resume(signIn.token)).toBeDefined(); // used: the idle time starts again
    now += 50 * 60_000;
    expect(await accounts.resume(signIn.token)).toBeDefined();
    now += 61 * 60_000;
    expect(await accounts.resume(signIn.token)).toBeUndefined(); // idle too long

    const busy = (await accounts.signInWithPassword('ann', 'ann-password-123'))!;
    for (let step = 0; step < 6; step += 1) {
      now += 30 * 60_000;
      expect(await accounts.resume(busy.token)).toBeDefined();
    }
    now += 30 * 60_000;
    expect(await accounts.resume(busy.token)).toBeUndefined(); // 3.5 h after sign-in, however busy
  });

  it('ends every session of a member whose password changes or who is disabled; refuses the bootstrap token', async () => {
    const first = (await accounts.signInWithPassword('ann', 'ann-password-123'))!;
    await accounts.setPassword('ann', 'a-new-password-456');
    expect(await accounts.resume(first.token)).toBeUndefined();
    expect(await accounts.signInWithPassword('ann', 'ann-password-123')).toBeUndefined();
    const second = (await accounts.signInWithPassword('ann', 'a-new-password-456'))!;
    await staff.disableStaff('ann');
    expect(await accounts.resume(second.token)).toBeUndefined();
    expect(await accounts.signInWithPassword('ann', 'a-new-password-456')).toBeUndefined();
    expect(await accounts.signInWithToken(BOOTSTRAP)).toBeUndefined();
    await expect(accounts.setPassword('nobody', 'long-enough-password')).rejects.toMatchObject({ code: 'LD_NOT_FOUND' });
    await expect(accounts.setPassword('ann', 'short')).rejects.toMatchObject({ code: 'LD_VALIDATION' });
  });
});
