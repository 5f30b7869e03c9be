import { z } from 'zod';
import { LibdeskError } from '../core/errors.js';

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
const httpUrl = z.url({ message: 'must be a URL' }).refine((url) => /^https?:/.test(url), 'must start with http: or https:');
const snowflake = (what: string) => z.string().regex(/^\d{15,21}$/, `must be a ${what} id (Developer Mode → right-click → Copy ID)`);

/** The staff-queue settings (Slack app, Discord staff bot); merged into app/config.ts's schema. */
export const staffChannelSettingsShape = {
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-[A-Za-z0-9-]{10,}$/, 'must be the Bot User OAuth Token (xoxb-…) from the Slack app page')),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[A-Za-z0-9]{16,}$/, 'must be the Signing Secret from the Slack app’s Basic Information page')),
  SLACK_QUEUE_CHANNEL: optional(z.string().regex(/^[CG][A-Z0-9]{6,}$/, 'must be a channel id such as C0123ABCD (channel details → bottom of the About tab)')),
  /** A user group (S0123ABCD), or `here` / `channel`, mentioned when a ticket is escalated. */
  SLACK_ONCALL_GROUP: optional(z.string().regex(/^(S[A-Z0-9]{6,}|here|channel)$/, 'must be a user group id (S0123ABCD), here or channel')),
  /** Slack's Web API; changed only to point at a local stand-in in tests. */
  SLACK_API_URL: z.preprocess(emptyAsUndefined, httpUrl.default('https://slack.com/api/')),
  DISCORD_STAFF_APPLICATION_ID: optional(snowflake('application')),
  DISCORD_STAFF_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64-character Public Key from the Discord application page')),
  DISCORD_STAFF_BOT_TOKEN: optional(z.string().min(20, 'must be the bot token from the Discord Developer Portal')),
  DISCORD_STAFF_CHANNEL_ID: optional(snowflake('channel')),
  DISCORD_STAFF_ONCALL_ROLE_ID: optional(snowflake('role')),
};

type Source = z.infer<z.ZodObject<typeof staffChannelSettingsShape>> & { DISCORD_API_URL?: string };

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  queueChannel: string;
  oncallGroup?: string;
  apiUrl: string;
}

export interface DiscordStaffSettings {
  applicationId: string;
  publicKey: string;
  botToken: string;
  channelId: string;
  oncallRoleId?: string;
  apiUrl: string;
}

const SLACK_REQUIRED = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_QUEUE_CHANNEL'] as const;
const DISCORD_REQUIRED = ['DISCORD_STAFF_APPLICATION_ID', 'DISCORD_STAFF_PUBLIC_KEY', 'DISCORD_STAFF_BOT_TOKEN', 'DISCORD_STAFF_CHANNEL_ID'] as const;

function allOrNone<K extends string>(config: Partial<Record<K, unknown>>, required: readonly K[], optionalOnes: readonly K[], what: string): void {
  const set = [...required, ...optionalOnes].filter((name) => config[name] !== undefined);
  if (set.length === 0) return;
  const missing = required.filter((name) => config[name] === undefined);
  if (missing.length === 0) return;
  throw new LibdeskError('LD_CONFIG_INVALID', `Invalid configuration: the ${what} needs ${missing.join(', ')} (it is on because ${set.join(', ')} is set)`, {
    details: { settings: missing },
  });
}

/**
 * All or none, checked at start: a half-configured Slack app would post tickets nobody can act on (or
 * accept events it cannot verify), so start-up stops and names what is missing. The same for Discord.
 */
export function checkStaffChannelSettings(config: Source): void {
  allOrNone(config, SLACK_REQUIRED, ['SLACK_ONCALL_GROUP'], 'Slack app');
  allOrNone(config, DISCORD_REQUIRED, ['DISCORD_STAFF_ONCALL_ROLE_ID'], 'Discord staff bot');
}

export function slackSettingsOf(config: Source): SlackSettings | undefined {
  const { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_QUEUE_CHANNEL } = config;
  if (!SLACK_BOT_TOKEN || !SLACK_SIGNING_SECRET || !SLACK_QUEUE_CHANNEL) return undefined;
  const apiUrl = config.SLACK_API_URL.endsWith('/') ? config.SLACK_API_URL : `${config.SLACK_API_URL}/`;
  return { botToken: SLACK_BOT_TOKEN, signingSecret: SLACK_SIGNING_SECRET, queueChannel: SLACK_QUEUE_CHANNEL, apiUrl, ...(config.SLACK_ONCALL_GROUP ? { oncallGroup: config.SLACK_ONCALL_GROUP } : {}) };
}

export function discordStaffSettingsOf(config: Source): DiscordStaffSettings | undefined {
  const { DISCORD_STAFF_APPLICATION_ID, DISCORD_STAFF_PUBLIC_KEY, DISCORD_STAFF_BOT_TOKEN, DISCORD_STAFF_CHANNEL_ID } = config;
  if (!DISCORD_STAFF_APPLICATION_ID || !DISCORD_STAFF_PUBLIC_KEY || !DISCORD_STAFF_BOT_TOKEN || !DISCORD_STAFF_CHANNEL_ID) return undefined;
  return {
    applicationId: DISCORD_STAFF_APPLICATION_ID,
    publicKey: DISCORD_STAFF_PUBLIC_KEY,
    botToken: DISCORD_STAFF_BOT_TOKEN,
    channelId: DISCORD_STAFF_CHANNEL_ID,
    apiUrl: config.DISCORD_API_URL ?? 'https://discord.com/api',
    ...(config.DISCORD_STAFF_ONCALL_ROLE_ID ? { oncallRoleId: config.DISCORD_STAFF_ONCALL_ROLE_ID } : {}),
  };
}
