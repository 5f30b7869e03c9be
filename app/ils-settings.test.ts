import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('ILS settings', () => {
  it('default to the embedded ILS', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ ILS_DRIVER: 'embedded', ILS_CONTACT_TRUST_DAYS: 30, ILS_FINE_LIMIT_CENTS: 1000, SIP2_ERROR_DETECTION: true, SIP2_TERMINATOR: 'cr' });
  });

  it('stop start-up naming what a chosen driver is missing', () => {
    expect(() => loadConfig({ ILS_DRIVER: 'sip2' })).toThrow(/ILS_DRIVER=sip2 needs SIP2_HOST, SIP2_PATRON_KEY/);
    expect(() => loadConfig({ ILS_DRIVER: 'koha', KOHA_URL: 'https://koha.example' })).toThrow(/needs KOHA_CLIENT_ID, KOHA_CLIENT_SECRET/);
    expect(() => loadConfig({ ILS_DRIVER: 'sierra' })).toThrow(/ILS_DRIVER must be embedded, sip2 or koha/);
    expect(() => loadConfig({ ILS_DRIVER: 'sip2', SIP2_HOST: 'sip.example', SIP2_PATRON_KEY: 'short' })).toThrow(/SIP2_PATRON_KEY must be at least 32 characters/);
  });

  it('read SIP2 and branch-code settings', () => {
    const config = loadConfig({
      ILS_DRIVER: 'sip2',
      SIP2_HOST: 'sip.example',
      SIP2_PATRON_KEY: 'k'.repeat(40),
      SIP2_ENCODING: 'latin1',
      SIP2_TERMINATOR: 'crlf',
      ILS_BRANCH_CODES: 'main=MAIN, eastside=EAST',
    });
    expect(config).toMatchObject({ SIP2_PORT: 6001, SIP2_ENCODING: 'latin1', SIP2_TERMINATOR: 'crlf', ILS_BRANCH_CODES: { main: 'MAIN', eastside: 'EAST' } });
    expect(() => loadConfig({ ILS_BRANCH_CODES: 'main' })).toThrow(/ILS_BRANCH_CODES must look like main=MAIN,eastside=EAST/);
  });
});
