import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { AUTO_WEB_PROCESSES_MAX, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for the embedded setup', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.KNOWLEDGE_SYNC_SECONDS).toBe(2);
    // The time zone is a library setting (library.yaml, the staff console); the old variable only warns.
    expect(config.LIBRARY_TIMEZONE).toBeUndefined();
    expect(config.SEED_DEMO).toBe(true);
  });

  it('reads PostgreSQL and Redis URLs and treats empty values as unset', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/libdesk', REDIS_URL: '', SEED_DEMO: 'no' });
    expect(config.DATABASE_URL).toBe('postgresql://u@db:5432/libdesk');
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SEED_DEMO).toBe(false);
  });

  it('reads the security settings, with closed defaults', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({ WIDGET_ORIGINS: [], WEB_SESSION_IDLE_MINUTES: 30, RATE_LIMIT_PER_IP: 120, RATE_LIMIT_PER_SESSION: 30, RATE_LIMIT_WINDOW_SECONDS: 60 });
    expect(defaults.SESSION_SECRET).toBeUndefined();
    const set = loadConfig({ WIDGET_ORIGINS: ' https://www.library.example, http://localhost:8080 ,', WEB_SESSION_IDLE_MINUTES: '10' });
    expect(set.WIDGET_ORIGINS).toEqual(['https://www.library.example', 'http://localhost:8080']);
    expect(set.WEB_SESSION_IDLE_MINUTES).toBe(10);
  });

  it('runs one web process per CPU by default, at most four, or the number given', () => {
    expect(loadConfig({}).WEB_PROCESSES).toBe(Math.min(os.availableParallelism(), AUTO_WEB_PROCESSES_MAX));
    expect(loadConfig({ WEB_PROCESSES: 'AUTO' }).WEB_PROCESSES).toBe(Math.min(os.availableParallelism(), AUTO_WEB_PROCESSES_MAX));
    expect(loadConfig({ WEB_PROCESSES: '' }).WEB_PROCESSES).toBe(Math.min(os.availableParallelism(), AUTO_WEB_PROCESSES_MAX));
    expect(loadConfig({ WEB_PROCESSES: '1' }).WEB_PROCESSES).toBe(1);
    expect(loadConfig({ WEB_PROCESSES: '8' }).WEB_PROCESSES).toBe(8);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/libdesk' }, 'DATABASE_URL'],
    [{ KNOWLEDGE_SYNC_SECONDS: '0' }, 'KNOWLEDGE_SYNC_SECONDS'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ WIDGET_ORIGINS: 'https://www.library.example/' }, 'WIDGET_ORIGINS'],
    [{ WIDGET_ORIGINS: 'www.library.example' }, 'WIDGET_ORIGINS'],
    [{ SESSION_SECRET: 'too-short' }, 'SESSION_SECRET'],
    [{ WEB_SESSION_IDLE_MINUTES: '0' }, 'WEB_SESSION_IDLE_MINUTES'],
    [{ RATE_LIMIT_PER_IP: 'lots' }, 'RATE_LIMIT_PER_IP'],
    [{ WEB_PROCESSES: '0' }, 'WEB_PROCESSES'],
    [{ WEB_PROCESSES: 'many' }, 'WEB_PROCESSES'],
    [{ WEB_PROCESSES: '1.5' }, 'WEB_PROCESSES'],
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
