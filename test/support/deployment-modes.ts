import { createTemporaryDir, createTemporaryPostgresDatabase, redisUrl, skipWithoutPostgres, skipWithoutRedis, uniqueRedisPrefix } from './services.js';

/** One way Libdesk is deployed, as environment settings for `startLibdesk`, thrown away after the test. */
export interface DeploymentMode {
  name: string;
  skip: boolean;
  env(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

/**
 * The two deployments every end-to-end test runs in: embedded (SQLite, in-process jobs) and scaled
 * (PostgreSQL, BullMQ on Redis, Redis fan-out). Both get a temporary DATA_DIR, which also holds the first
 * staff token and the session secret.
 */
export function deploymentModes(redisPrefix: string): DeploymentMode[] {
  return [
    {
      name: 'embedded (SQLite + in-process jobs)',
      skip: false,
      async env() {
        const temp = createTemporaryDir();
        return { env: { DATA_DIR: temp.dir }, cleanup: async () => temp.remove() };
      },
    },
    {
      name: 'scaled (PostgreSQL + BullMQ on Redis)',
      skip: skipWithoutPostgres || skipWithoutRedis,
      async env() {
        const database = await createTemporaryPostgresDatabase();
        const temp = createTemporaryDir();
        return {
          env: { DATABASE_URL: database.url, REDIS_URL: redisUrl!, REDIS_PREFIX: uniqueRedisPrefix(redisPrefix), DATA_DIR: temp.dir },
          cleanup: async () => {
            await database.drop();
            temp.remove();
          },
        };
      },
    },
  ];
}
