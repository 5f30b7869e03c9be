import { describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for the embedded setup', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.LIBRARY_TIMEZONE).toBe('America/New_York');
    expect(config.SEED_DEMO).toBe(true);
  });

  it('reads PostgreSQL and Redis URLs and treats empty values as unset', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/libdesk', REDIS_URL: '', SEED_DEMO: 'no' });
    expect(config.DATABASE_URL).toBe('postgresql://u@db:5432/libdesk');
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SEED_DEMO).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/libdesk' }, 'DATABASE_URL'],
    [{ LIBRARY_TIMEZONE: 'Mars/Olympus_Mons' }, 'LIBRARY_TIMEZONE'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
  ])('names the bad setting in %o', (env, name) => {
    try {
      loadConfig(env);
      expect.unreachable('loadConfig accepted a bad value');
    } catch (error) {
      expect(isLibdeskError(error, 'LD_CONFIG_INVALID')).toBe(true);
      expect((error as Error).message).toContain(name);
    }
  });
});
