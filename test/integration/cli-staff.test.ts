import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/index.js';
import { hashToken } from '../../staff/tokens.js';
import { createTemporaryDir } from '../support/services.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/libdesk.js');
const temp = createTemporaryDir();
afterAll(() => temp.remove());

/** The staff commands as an operator runs them: separate processes on one embedded database. */
function libdesk(args: string[]) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['DATABASE_URL', 'REDIS_URL', 'STAFF_API_TOKEN'].includes(key)));
  return run(process.execPath, [BIN, ...args], {
    env: { ...clean, DATA_DIR: temp.dir, LOG_LEVEL: 'warn', LIBDESK_FROM_SOURCE: '1' },
    timeout: 60_000,
  });
}

const tokenIn = (text: string, prefix: 'lds' | 'ldk') => new RegExp(`${prefix}_[A-Za-z0-9_-]{43}`).exec(text)?.[0];

async function storedHashes(): Promise<{ staff: string[]; keys: string[] }> {
  const database = await openDatabase({ dataDir: temp.dir });
  try {
    return {
      staff: (await database.prisma.staffMember.findMany()).map((row) => row.tokenHash),
      keys: (await database.prisma.apiKey.findMany()).map((row) => row.keyHash),
    };
  } finally {
    await database.close();
  }
}

describe('libdesk staff and apikey', () => {
  it('adds, rotates, lists and disables staff, printing each token once and storing only its hash', { timeout: 120_000 }, async () => {
    const added = await libdesk(['staff', 'add', 'ann', '--role', 'admin']);
    const first = tokenIn(added.stdout, 'lds');
    expect(first).toBeDefined();
    expect((await storedHashes()).staff).toEqual([hashToken(first!)]);

    const rotated = tokenIn((await libdesk(['staff', 'rotate', 'ann'])).stdout, 'lds');
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(first);
    expect((await storedHashes()).staff).toEqual([hashToken(rotated!)]);

    await libdesk(['staff', 'disable', 'ann']);
    const list = (await libdesk(['staff', 'list'])).stdout;
    expect(list).toMatch(/ann\s+admin\s+disabled \d{4}-\d{2}-\d{2}/);
    expect(list).not.toContain(rotated!);
  });

  it('makes integration keys and disables them', { timeout: 60_000 }, async () => {
    const key = tokenIn((await libdesk(['apikey', 'add', 'catalog-kiosk'])).stdout, 'ldk');
    expect(key).toBeDefined();
    expect((await storedHashes()).keys).toContain(hashToken(key!));
    await libdesk(['apikey', 'disable', 'catalog-kiosk']);
    expect((await libdesk(['apikey', 'list'])).stdout).toMatch(/catalog-kiosk\s+disabled/);
  });
});
