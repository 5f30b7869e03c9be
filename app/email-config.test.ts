import { describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { emailSettingsOf, loadConfig } from './config.js';

const FULL = {
  IMAP_HOST: 'imap.riverside.example',
  IMAP_USER: 'ask@riverside.example',
  IMAP_PASSWORD: 'secret',
  SMTP_HOST: 'smtp.riverside.example',
  MAIL_FROM: 'Riverside Library <ask@riverside.example>',
};

function problemOf(env: Record<string, string>): { message: string; settings: unknown } | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    if (!isLibdeskError(error, 'LD_CONFIG_INVALID')) throw error;
    return { message: error.message, settings: error.details?.settings };
  }
}

describe('e-mail settings', () => {
  it('leave the channel off when none is set', () => {
    expect(emailSettingsOf(loadConfig({}))).toBeUndefined();
  });

  it('switch the channel on with defaults for ports, TLS and mailbox', () => {
    expect(emailSettingsOf(loadConfig(FULL))).toEqual({
      imap: { host: 'imap.riverside.example', port: 993, secure: true, user: 'ask@riverside.example', password: 'secret', mailbox: 'INBOX' },
      smtp: { host: 'smtp.riverside.example', port: 587, secure: false },
      from: { name: 'Riverside Library', address: 'ask@riverside.example' },
    });
  });

  it.each(Object.keys(FULL))('name %s when it is the one missing', (name) => {
    const env: Record<string, string> = { ...FULL };
    delete env[name];
    const problem = problemOf(env);
    expect(problem?.settings).toEqual([name]);
    expect(problem?.message).toContain(name);
  });

  it('want SMTP_USER and SMTP_PASSWORD together', () => {
    expect(problemOf({ ...FULL, SMTP_USER: 'ask' })?.settings).toEqual(['SMTP_PASSWORD']);
    expect(emailSettingsOf(loadConfig({ ...FULL, SMTP_USER: 'ask', SMTP_PASSWORD: 'pw', SMTP_PORT: '465', SMTP_SECURE: 'true' }))?.smtp).toEqual({
      host: 'smtp.riverside.example',
      port: 465,
      secure: true,
      user: 'ask',
      password: 'pw',
    });
  });

  it('refuse a MAIL_FROM that holds no address', () => {
    expect(problemOf({ ...FULL, MAIL_FROM: 'Riverside Library' })?.settings).toEqual(['MAIL_FROM']);
  });
});
