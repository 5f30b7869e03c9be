import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../core/clock.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { ensureFirstStaffCredential, FIRST_TOKEN_FILE } from './first-token.js';
import { createStaffRepository } from './staff.repository.js';
import { createStaffService } from './staff-service.js';
import { hashToken } from './tokens.js';

let temp: TemporaryDatabase;
let now = new Date('2026-03-07T15:00:00Z').getTime();
const clock: Clock = { now: () => new Date(now) };

beforeAll(async () => {
  temp = await openTemporarySqlite();
});
afterAll(async () => {
  await temp?.close();
});

const service = (options: { bootstrapToken?: string; cacheMs?: number } = {}) =>
  createStaffService({ repository: createStaffRepository(temp.db.prisma), clock, cacheMs: 0, ...options });

describe('staff service (SQLite)', () => {
  it('makes the first admin on a fresh install exactly once, printing and storing its token', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'libdesk-staff-'));
    try {
      const printed: string[] = [];
      const token = await ensureFirstStaffCredential(service(), dataDir, (text) => printed.push(text));
      expect(token).toMatch(/^lds_[A-Za-z0-9_-]{43}$/);
      expect(printed.join('\n')).toContain(token!);
      const file = path.join(dataDir, FIRST_TOKEN_FILE);
      expect(readFileSync(file, 'utf8').trim()).toBe(token);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(await service().authenticateStaff(token!)).toMatchObject({ name: 'admin', role: 'admin' });

      // A second start (or a second process) makes no new admin and prints nothing.
      const again = mkdtempSync(path.join(tmpdir(), 'libdesk-staff-'));
      expect(await ensureFirstStaffCredential(service(), again, (text) => printed.push(text))).toBeUndefined();
      expect(printed).toHaveLength(1);
      expect(existsSync(path.join(again, FIRST_TOKEN_FILE))).toBe(false);
      rmSync(again, { recursive: true, force: true });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stores only the hash of a token, never the token', async () => {
    const { token, member } = await service().addStaff('bea');
    const row = await temp.db.prisma.staffMember.findUniqueOrThrow({ where: { id: member.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('attributes a token to its member, and refuses unknown, disabled and rotated-out tokens', async () => {
    const staff = service();
    const { token } = await staff.addStaff('cai', 'admin');
    expect(await staff.authenticateStaff(token)).toMatchObject({ name: 'cai', role: 'admin' });
    expect(await staff.authenticateStaff(`${token}x`)).toBeUndefined();

    const rotated = await staff.rotateStaff('cai');
    expect(await staff.authenticateStaff(token)).toBeUndefined();
    expect(await staff.authenticateStaff(rotated.token)).toMatchObject({ name: 'cai' });

    await staff.disableStaff('cai');
    expect(await staff.authenticateStaff(rotated.token)).toBeUndefined();
    expect((await staff.listStaff()).find((member) => member.name === 'cai')?.disabledAt).toBeInstanceOf(Date);
  });

  it('keeps staff tokens and integration keys apart', async () => {
    const staff = service();
    const { token } = await staff.addStaff('dee');
    const { key } = await staff.addApiKey('kiosk');
    expect(key).toMatch(/^ldk_/);
    expect(await staff.authenticateIntegration(token)).toBeUndefined();
    expect(await staff.authenticateStaff(key)).toBeUndefined();
    expect(await staff.authenticateIntegration(key)).toMatchObject({ name: 'kiosk' });
    await staff.disableApiKey('kiosk');
    expect(await staff.authenticateIntegration(key)).toBeUndefined();
  });

  it('accepts STAFF_API_TOKEN as the admin "bootstrap"', async () => {
    const staff = service({ bootstrapToken: 'a-bootstrap-token-of-some-length' });
    expect(await staff.authenticateStaff('a-bootstrap-token-of-some-length')).toEqual({ id: 'bootstrap', name: 'bootstrap', role: 'admin' });
    expect(await staff.authenticateStaff('a-bootstrap-token-of-some-lengt')).toBeUndefined();
  });

  it.each([['bootstrap'], ['has space'], [''], ['x'.repeat(65)], ['nul\u0000name']])('refuses the name %j', async (name) => {
    await expect(service().addStaff(name)).rejects.toMatchObject({ code: 'LD_VALIDATION' });
  });

  it('refuses a second member of the same name with LD_CONFLICT, and unknown names with LD_NOT_FOUND', async () => {
    await service().addStaff('eve');
    await expect(service().addStaff('eve')).rejects.toMatchObject({ code: 'LD_CONFLICT' });
    await expect(service().rotateStaff('nobody')).rejects.toMatchObject({ code: 'LD_NOT_FOUND' });
    await expect(service().disableApiKey('nobody')).rejects.toMatchObject({ code: 'LD_NOT_FOUND' });
  });

  it('remembers a lookup for the cache time, then asks the database again', async () => {
    const staff = service({ cacheMs: 10_000 });
    const other = service();
    const { token } = await other.addStaff('fay');
    expect(await staff.authenticateStaff(token)).toMatchObject({ name: 'fay' });
    await other.disableStaff('fay'); // another process, e.g. the CLI
    expect(await staff.authenticateStaff(token)).toMatchObject({ name: 'fay' });
    now += 10_001;
    expect(await staff.authenticateStaff(token)).toBeUndefined();
  });
});
