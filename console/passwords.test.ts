import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('console passwords', () => {
  it('stores a salted scrypt hash that verifies the password and nothing else', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{128}$/);
    expect(stored).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    // Two hashes of one password differ (random salt), and both verify.
    const again = await hashPassword('correct horse battery');
    expect(again).not.toBe(stored);
    expect(await verifyPassword('correct horse battery', again)).toBe(true);
  });

  it('never matches a missing or unreadable hash', async () => {
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
    expect(await verifyPassword('', undefined)).toBe(false);
  });
});
