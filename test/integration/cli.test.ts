import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTemporaryDir } from '../support/services.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/libdesk.js');
const temp = createTemporaryDir();
afterAll(() => temp.remove());

/** The CLI as an operator runs it: a separate process, configured only by the environment. */
// The sources under test, not whatever dist/ was last built from them (CI also runs the built CLI).
function libdesk(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['DATABASE_URL', 'REDIS_URL'].includes(key)));
  return run(process.execPath, [BIN, ...args], {
    env: { ...clean, DATA_DIR: temp.dir, LOG_LEVEL: 'warn', LIBDESK_FROM_SOURCE: '1', ...env },
    timeout: 60_000,
    ...(cwd ? { cwd } : {}),
  });
}

describe('libdesk CLI', () => {
  it('prints its version and help without opening the database', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const empty = createTemporaryDir();
    try {
      expect((await libdesk(['--version'], { DATA_DIR: empty.dir })).stdout.trim()).toBe(pkg.version);
      expect((await libdesk(['--help'], { DATA_DIR: empty.dir })).stdout).toMatch(/Usage: libdesk/);
      // Nothing was created: help and version load neither the database nor the service.
      expect(readdirSync(empty.dir)).toEqual([]);
    } finally {
      empty.remove();
    }
  });

  it('reads settings from .env in the working directory and from --env-file', async () => {
    const dir = createTemporaryDir();
    try {
      writeFileSync(path.join(dir.dir, '.env'), 'RETENTION_DAYS=never\n');
      const fromDotEnv = await libdesk(['migrate'], {}, dir.dir).then(() => '', (error: { stderr: string }) => error.stderr);
      expect(fromDotEnv).toMatch(/RETENTION_DAYS/);
      writeFileSync(path.join(dir.dir, 'other.env'), 'PROCESS_ROLE=sometimes\n');
      const fromFlag = await libdesk(['--env-file', path.join(dir.dir, 'other.env'), 'migrate']).then(() => '', (error: { stderr: string }) => error.stderr);
      expect(fromFlag).toMatch(/PROCESS_ROLE/);
    } finally {
      dir.remove();
    }
  });

  it('migrates an empty data folder, then reports it up to date', { timeout: 60_000 }, async () => {
    expect((await libdesk(['migrate'])).stdout).toMatch(/applied: \d+_init/);
    expect((await libdesk(['migrate'])).stdout).toMatch(/up to date/);
  });

  it('asks the assistant and prints the answer as JSON, with a ticket for a broken device', async () => {
    const { stdout } = await libdesk(['ask', 'PC-07 is frozen']);
    const answer = JSON.parse(stdout) as { intent: string; reply: { text: string }; ticket: { number: string; assetTag: string } };
    expect(answer.intent).toBe('equipment');
    expect(answer.ticket.assetTag).toBe('PC-07');
    expect(answer.reply.text).toContain(answer.ticket.number);
  }, 60_000);

  it('reports the questions asked so far, as JSON and as CSV, without their words', async () => {
    const report = JSON.parse((await libdesk(['report'])).stdout) as { inquiries: { total: number; byChannel: Record<string, number> } };
    expect(report.inquiries.byChannel.cli).toBeGreaterThanOrEqual(1);
    const csv = (await libdesk(['report', '--by', 'month', '--csv', 'inquiries'])).stdout;
    expect(csv.split('\n')[0]).toMatch(/^period,total,channel:cli/);
    expect(csv).not.toMatch(/frozen/);
    const bad = await libdesk(['report', '--from', '12/01/2026']).then(() => '', (error: { stderr: string }) => error.stderr);
    expect(bad).toMatch(/--from must be a day as YYYY-MM-DD/);
  }, 60_000);

  it('seeds the demo devices on request', async () => {
    expect((await libdesk(['seed'])).stdout).toMatch(/seeded 27 devices/);
  }, 60_000);

  it('imports MARC files into the catalog and prints a summary', { timeout: 60_000 }, async () => {
    const marc = path.resolve(import.meta.dirname, '../fixtures/marc');
    const { stdout } = await libdesk(['import-marc', path.join(marc, 'batch.xml'), path.join(marc, 'utf8.xml')]);
    expect(stdout).toMatch(/Read 3 records from 2 file/);
    expect(stdout).toMatch(/imported: 3\b/);
    const again = await libdesk(['import-marc', path.join(marc, 'batch.xml')]);
    expect(again.stdout).toMatch(/imported: 0\s+updated: +2\b/);
  });

  it('stops with the name of a bad setting and a non-zero exit', { timeout: 60_000 }, async () => {
    await expect(libdesk(['migrate'], { KNOWLEDGE_SYNC_SECONDS: 'soon' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('KNOWLEDGE_SYNC_SECONDS'),
    });
  });

  it('checks the knowledge folder and fails on a broken one', async () => {
    expect((await libdesk(['kb', 'check'])).stdout).toMatch(/0 error\(s\)/);
    await expect(libdesk(['kb', 'check', path.resolve('knowledge/test-fixtures/broken')])).rejects.toMatchObject({ code: 1 });
  }, 60_000);
});
