import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * Service-backed tests run when DATABASE_URL / REDIS_URL are set (CI sets both). Without them the
 * tests are skipped with the reason shown, unless LIBDESK_REQUIRE_SERVICES=1, when a missing service
 * is an error: CI must never pass by skipping.
 */
export const requireServices = process.env.LIBDESK_REQUIRE_SERVICES === '1';
export const postgresUrl = process.env.DATABASE_URL;
export const redisUrl = process.env.REDIS_URL;

if (requireServices && (!postgresUrl || !redisUrl)) {
  throw new Error('LIBDESK_REQUIRE_SERVICES=1 but DATABASE_URL or REDIS_URL is not set');
}

export const skipWithoutPostgres = !postgresUrl;
export const skipWithoutRedis = !redisUrl;

/** A fresh PostgreSQL database for one test file, dropped by the returned `drop()`. */
export async function createTemporaryPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) throw new Error('DATABASE_URL is not set');
  const admin = new URL(postgresUrl);
  const name = `libdesk_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: admin.toString() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A temporary directory (a DATA_DIR for the embedded database), removed by `remove()`. */
export function createTemporaryDir(prefix = 'libdesk-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A Redis key prefix unique to one test, so parallel tests never see each other's keys. */
export function uniqueRedisPrefix(label: string): string {
  return `libdesk-test:${label}:${randomUUID().slice(0, 8)}`;
}
