import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { LibdeskError } from '../core/errors.js';
import { parseMailboxAddress, type MailboxAddress } from '../channels/email/addresses.js';
import { packageRoot } from '../core/package-root.js';
import { channelSettingsShape, checkChannelSettings } from './channel-settings.js';
import { checkStaffChannelSettings, staffChannelSettingsShape } from './staff-channel-settings.js';
import { checkIlsSettings, ilsSettingsShape } from './ils-settings.js';

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

/**
 * SQLite takes one writer at a time, so past about four processes more of them only wait for each other;
 * on PostgreSQL an operator who wants more sets the number.
 */
export const AUTO_WEB_PROCESSES_MAX = 4;

function autoWebProcesses(): number {
  return Math.min(os.availableParallelism(), AUTO_WEB_PROCESSES_MAX);
}

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
  // The library's time zone is a library setting (library.yaml's time_zone, editable in the staff
  // console), not an environment variable: one place, seen by every process. The old variable is only
  // read to warn at start when it disagrees, so an upgrade never changes a library's hours silently.
  LIBRARY_TIMEZONE: z.preprocess(emptyAsUndefined, z.string().optional()),
  KNOWLEDGE_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'knowledge')),
  /** How often each process asks the database whether the library settings or an article changed. */
  KNOWLEDGE_SYNC_SECONDS: z.coerce.number({ message: 'must be a number' }).positive('must be more than 0').max(3600).default(2),
  EVENTS_FEED: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PROCESS_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  /** Web processes `libdesk start` runs on this machine (node:cluster); `auto` is one per CPU, at most 4. */
  WEB_PROCESSES: z
    .preprocess(
      (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
      z.union([z.literal('auto'), z.coerce.number({ message: 'must be a positive whole number or auto' }).int().positive()]).default('auto'),
    )
    .transform((value) => (value === 'auto' ? autoWebProcesses() : value)),
  /** A message still unanswered this long after it arrived (its process stopped) is answered by a worker's sweep. */
  INQUIRY_RECOVERY_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(4).max(86_400).default(120),
  SEED_DEMO: booleanFlag(true),
  TICKET_WEBHOOK_URL: optionalUrl(['http', 'https']),
  STAFF_API_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  /** Signs web-chat sessions; unset, one is generated once into DATA_DIR/session-secret. */
  SESSION_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  /** A web chat idle this long is over: the next patron at a shared PC starts fresh. */
  WEB_SESSION_IDLE_MINUTES: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1440).default(30),
  /** Comma-separated origins of the library's own sites that embed the chat widget. */
  WIDGET_ORIGINS: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((origin) => origin.trim()).filter(Boolean) : value ?? []),
    z.array(
      z.string().refine((origin) => URL.canParse(origin) && new URL(origin).origin === origin, 'must be origins like https://www.library.example (scheme, host and port only, no path or trailing slash)'),
    ),
  ),
  /** Requests per client IP per window on each patron route (web chat, report page). */
  RATE_LIMIT_PER_IP: z.coerce.number({ message: 'must be a number' }).int().min(1).default(120),
  /** Requests per web-chat session per window. */
  RATE_LIMIT_PER_SESSION: z.coerce.number({ message: 'must be a number' }).int().min(1).default(30),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(86_400).default(60),
  RETENTION_DAYS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(3650).default(90),
  // SMS (Twilio) and the Discord patron channel: see app/channel-settings.ts.
  ...channelSettingsShape,
  ...staffChannelSettingsShape,
  // The library system: embedded, SIP2 or Koha; see app/ils-settings.ts and docs/ils.md.
  ...ilsSettingsShape,
  // E-mail channel: on when any of IMAP_HOST, IMAP_USER, IMAP_PASSWORD, SMTP_HOST or MAIL_FROM is set; then
  // all of them must be (checkEmailSettings names the missing one).
  IMAP_HOST: z.preprocess(emptyAsUndefined, z.string().optional()),
  IMAP_PORT: z.coerce.number({ message: 'must be a number' }).int().min(1).max(65535).default(993),
  IMAP_USER: z.preprocess(emptyAsUndefined, z.string().optional()),
  IMAP_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
  IMAP_TLS: booleanFlag(true),
  IMAP_MAILBOX: z.string().min(1).default('INBOX'),
  SMTP_HOST: z.preprocess(emptyAsUndefined, z.string().optional()),
  SMTP_PORT: z.coerce.number({ message: 'must be a number' }).int().min(1).max(65535).default(587),
  SMTP_USER: z.preprocess(emptyAsUndefined, z.string().optional()),
  SMTP_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
  SMTP_SECURE: booleanFlag(false),
  MAIL_FROM: z.preprocess(
    emptyAsUndefined,
    z.string().refine((value) => parseMailboxAddress(value) !== undefined, 'must be an address such as "Riverside Library <ask@library.org>"').optional(),
  ),
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
  checkEmailSettings(result.data);
  checkChannelSettings(result.data);
  checkStaffChannelSettings(result.data);
  checkIlsSettings(result.data);
  return { ...result.data, projectRoot: PROJECT_ROOT };
}

/** The e-mail channel's settings, present when the channel is switched on. */
export interface EmailSettings {
  imap: { host: string; port: number; secure: boolean; user: string; password: string; mailbox: string };
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string };
  from: MailboxAddress;
}

type EmailSettingsSource = Pick<
  z.infer<typeof configSchema>,
  'IMAP_HOST' | 'IMAP_PORT' | 'IMAP_USER' | 'IMAP_PASSWORD' | 'IMAP_TLS' | 'IMAP_MAILBOX' | 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'SMTP_SECURE' | 'MAIL_FROM'
>;

const EMAIL_REQUIRED = ['IMAP_HOST', 'IMAP_USER', 'IMAP_PASSWORD', 'SMTP_HOST', 'MAIL_FROM'] as const;

/**
 * All or none: a half-configured mailbox would read mail it cannot answer (or the reverse), so start-up
 * stops and names what is missing. SMTP_USER and SMTP_PASSWORD go together; a relay inside the library's
 * network may need neither.
 */
export function checkEmailSettings(config: EmailSettingsSource): void {
  const set = EMAIL_REQUIRED.filter((name) => config[name] !== undefined);
  const missing: string[] = set.length > 0 ? EMAIL_REQUIRED.filter((name) => config[name] === undefined) : [];
  if ((config.SMTP_USER === undefined) !== (config.SMTP_PASSWORD === undefined)) {
    missing.push(config.SMTP_USER === undefined ? 'SMTP_USER' : 'SMTP_PASSWORD');
  }
  if (missing.length) {
    throw new LibdeskError(
      'LD_CONFIG_INVALID',
      `Invalid configuration: the e-mail channel needs ${missing.join(', ')} (it is on because ${set.join(', ') || 'SMTP_USER/SMTP_PASSWORD'} is set)`,
      { details: { settings: missing } },
    );
  }
}

/** The e-mail settings when the channel is on; undefined when it is off. */
export function emailSettingsOf(config: EmailSettingsSource): EmailSettings | undefined {
  const { IMAP_HOST, IMAP_USER, IMAP_PASSWORD, SMTP_HOST, MAIL_FROM } = config;
  if (!IMAP_HOST || !IMAP_USER || !IMAP_PASSWORD || !SMTP_HOST || !MAIL_FROM) return undefined;
  const from = parseMailboxAddress(MAIL_FROM);
  if (!from) return undefined;
  return {
    imap: { host: IMAP_HOST, port: config.IMAP_PORT, secure: config.IMAP_TLS, user: IMAP_USER, password: IMAP_PASSWORD, mailbox: config.IMAP_MAILBOX },
    smtp: {
      host: SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      ...(config.SMTP_USER && config.SMTP_PASSWORD ? { user: config.SMTP_USER, password: config.SMTP_PASSWORD } : {}),
    },
    from,
  };
}
