import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSessionSecret, SESSION_SECRET_FILE } from './session-secret.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadSessionSecret', () => {
  it('uses SESSION_SECRET when set and writes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'libdesk-secret-'));
    dirs.push(dir);
    expect(loadSessionSecret('x'.repeat(40), dir)).toBe('x'.repeat(40));
    expect(() => statSync(path.join(dir, SESSION_SECRET_FILE))).toThrow();
  });

  it('generates one secret once into DATA_DIR (mode 0600) and reads it back on the next start', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'libdesk-secret-'));
    dirs.push(dir);
    const first = loadSessionSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, SESSION_SECRET_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSessionSecret(undefined, dir)).toBe(first);
  });

  it('stops start-up with a clear message when it can neither use SESSION_SECRET nor write DATA_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'libdesk-secret-'));
    dirs.push(dir);
    const notADirectory = path.join(dir, 'a-file');
    writeFileSync(notADirectory, 'x');
    expect(() => loadSessionSecret(undefined, path.join(notADirectory, 'data'))).toThrow(/SESSION_SECRET is not set/);
  });
});
