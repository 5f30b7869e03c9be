import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../console/passwords.js';
import { openDatabase } from '../../db/index.js';
import { createTemporaryDir } from '../support/services.js';

const BIN = path.resolve('bin/libdesk.js');
const temp = createTemporaryDir();
afterAll(() => temp.remove());

/** `libdesk …` as an operator runs it, with `input` piped to stdin. */
function libdesk(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['DATABASE_URL', 'REDIS_URL', 'STAFF_API_TOKEN'].includes(key)));
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...clean, DATA_DIR: temp.dir, LOG_LEVEL: 'warn', LIBDESK_FROM_SOURCE: '1' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

async function passwordHashOf(name: string): Promise<string | null | undefined> {
  const database = await openDatabase({ dataDir: temp.dir });
  try {
    return (await database.prisma.staffMember.findUnique({ where: { name } }))?.passwordHash;
  } finally {
    await database.close();
  }
}

describe('libdesk staff password', () => {
  it('sets a console password from stdin as an scrypt hash, and refuses short ones and unknown names', { timeout: 120_000 }, async () => {
    expect((await libdesk(['staff', 'add', 'ann'])).code).toBe(0);
    const set = await libdesk(['staff', 'password', 'ann'], 'a-long-enough-password\n');
    expect(set.code, set.stderr).toBe(0);
    const stored = await passwordHashOf('ann');
    expect(stored).toMatch(/^scrypt\$/);
    expect(await verifyPassword('a-long-enough-password', stored)).toBe(true);

    const short = await libdesk(['staff', 'password', 'ann'], 'short\n');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain('LD_VALIDATION');
    expect(await passwordHashOf('ann')).toBe(stored);

    const unknown = await libdesk(['staff', 'password', 'nobody'], 'a-long-enough-password\n');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('LD_NOT_FOUND');
  });
});
