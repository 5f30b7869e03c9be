import { z } from 'zod';
import { LibdeskError } from '../core/errors.js';
import { ILS_DRIVERS } from '../core/ils.js';

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
const flag = (fallback: boolean) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : fallback ? 'true' : 'false'),
    z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }).transform((value) => ['true', '1', 'yes'].includes(value)),
  );
const port = z.coerce.number({ message: 'must be a number' }).int().min(1).max(65535);

/** "main=MAIN,eastside=EAST": the ILS's library codes for the branch ids in library.yaml. */
const branchCodes = z
  .string()
  .regex(/^\s*[\w-]+\s*=\s*[^,=\s]+\s*(,\s*[\w-]+\s*=\s*[^,=\s]+\s*)*$/, 'must look like main=MAIN,eastside=EAST')
  .transform((text) => Object.fromEntries(text.split(',').map((pair) => pair.split('=').map((part) => part.trim()) as [string, string])));

/** The library system (ILS) settings; merged into app/config.ts's schema. See docs/ils.md. */
export const ilsSettingsShape = {
  ILS_DRIVER: z.preprocess(emptyAsUndefined, z.enum(ILS_DRIVERS, { message: 'must be embedded, sip2 or koha' }).default('embedded')),
  /** Days a contact verified with card and PIN stays trusted on its channel. */
  ILS_CONTACT_TRUST_DAYS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(365).default(30),
  /** Renewals and holds are refused above this balance (cents); the embedded ILS and Koha adapter use it. */
  ILS_FINE_LIMIT_CENTS: z.coerce.number({ message: 'must be a number' }).int().min(0).default(1000),
  ILS_BRANCH_CODES: optional(branchCodes),
  SIP2_HOST: optional(z.string()),
  SIP2_PORT: port.default(6001),
  SIP2_TLS: flag(false),
  SIP2_USER: optional(z.string()),
  SIP2_PASSWORD: optional(z.string()),
  SIP2_LOCATION: optional(z.string()),
  SIP2_INSTITUTION: z.preprocess(emptyAsUndefined, z.string().min(1).default('')),
  SIP2_DELIMITER: z.preprocess(emptyAsUndefined, z.string().length(1, 'must be one character').default('|')),
  SIP2_ENCODING: z.preprocess(emptyAsUndefined, z.enum(['utf8', 'latin1'], { message: 'must be utf8 or latin1' }).default('utf8')),
  SIP2_TERMINATOR: z.preprocess(emptyAsUndefined, z.enum(['cr', 'crlf'], { message: 'must be cr or crlf' }).default('cr')),
  SIP2_ERROR_DETECTION: flag(true),
  SIP2_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(100).max(120_000).default(5000),
  SIP2_MAX_CONNECTIONS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(32).default(2),
  /** Seals card numbers into patron ids (SIP2 has no other patron id); keep it secret and stable. */
  SIP2_PATRON_KEY: optional(z.string().min(32, 'must be at least 32 characters')),
  KOHA_URL: optional(z.url({ message: 'must be a URL' }).refine((url) => /^https?:/.test(url), 'must start with http: or https:')),
  KOHA_CLIENT_ID: optional(z.string()),
  KOHA_CLIENT_SECRET: optional(z.string()),
  KOHA_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(100).max(120_000).default(8000),
};

type IlsSettingsSource = z.infer<z.ZodObject<typeof ilsSettingsShape>>;

const REQUIRED: Record<string, Array<keyof IlsSettingsSource>> = {
  embedded: [],
  sip2: ['SIP2_HOST', 'SIP2_PATRON_KEY'],
  koha: ['KOHA_URL', 'KOHA_CLIENT_ID', 'KOHA_CLIENT_SECRET'],
};

/** The chosen driver's own settings must all be there: start-up stops and names the missing one. */
export function checkIlsSettings(config: IlsSettingsSource): void {
  const missing = (REQUIRED[config.ILS_DRIVER] ?? []).filter((name) => config[name] === undefined || config[name] === '');
  if (missing.length) {
    throw new LibdeskError('LD_CONFIG_INVALID', `Invalid configuration: ILS_DRIVER=${config.ILS_DRIVER} needs ${missing.join(', ')}`, { details: { settings: missing } });
  }
}
