import path from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { LibdeskError } from '../core/errors.js';
import { packageRoot } from '../core/package-root.js';

const PROJECT_ROOT = packageRoot(import.meta.url);

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalUrl = (protocols: string[]) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .url({ message: 'must be a URL' })
      .refine((url) => protocols.some((protocol) => url.startsWith(`${protocol}:`)), `must start with ${protocols.join(': or ')}:`)
      .optional(),
  );
const booleanFlag = (fallback: boolean) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : fallback ? 'true' : 'false'),
    z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }).transform((flag) => ['true', '1', 'yes'].includes(flag)),
  );

/** Every setting Libdesk reads. `.env.example` lists the same names; the README explains them. */
export const configSchema = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: optionalUrl(['http', 'https']),
  /** Behind a load balancer: trust its X-Forwarded-For so per-patron rate limits see the patron's IP. */
  TRUST_PROXY: booleanFlag(false),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  REDIS_URL: optionalUrl(['redis', 'rediss']),
  /** Lets several installations (or test runs) share one Redis without seeing each other's keys. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 letters, digits, or _ . : -').default('libdesk'),
  LIBRARY_TIMEZONE: z
    .string()
    .default('America/New_York')
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as America/New_York'),
  KNOWLEDGE_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'knowledge')),
  EVENTS_FEED: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PROCESS_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  SEED_DEMO: booleanFlag(true),
  TICKET_WEBHOOK_URL: optionalUrl(['http', 'https']),
  STAFF_API_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  RETENTION_DAYS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(3650).default(90),
});

export type Config = z.infer<typeof configSchema> & { projectRoot: string };

/** Reads and checks the environment once, at boot; a bad value stops start-up with the setting's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`);
    throw new LibdeskError('LD_CONFIG_INVALID', `Invalid configuration: ${problems.join('; ')}`, {
      details: { settings: result.error.issues.map((issue) => issue.path.join('.')) },
    });
  }
  return { ...result.data, projectRoot: PROJECT_ROOT };
}
