import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LibdeskError } from '../core/errors.js';

export const SESSION_SECRET_FILE = 'session-secret';

/**
 * The key web-chat sessions are signed with: SESSION_SECRET when set, else one generated once into
 * DATA_DIR/session-secret (mode 0600) and read back on every start. Several web processes must share
 * one: set SESSION_SECRET, or share DATA_DIR.
 */
export function loadSessionSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.resolve(dataDir, SESSION_SECRET_FILE);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch {
    // Missing (a first start) or unreadable: making a new one below says clearly when that fails too.
  }
  const secret = randomBytes(32).toString('base64url');
  try {
    mkdirSync(dataDir, { recursive: true });
    // `wx`: when two processes start together, the second one reads the first one's secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw new LibdeskError('LD_CONFIG_INVALID', `SESSION_SECRET is not set and ${file} cannot be written: set SESSION_SECRET (32+ characters) or make DATA_DIR writable`, {
      cause: error,
      details: { settings: ['SESSION_SECRET', 'DATA_DIR'] },
    });
  }
}
