import { z } from 'zod';
import { LibdeskError } from '../core/errors.js';

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
const httpUrl = z.url({ message: 'must be a URL' }).refine((url) => /^https?:/.test(url), 'must start with http: or https:');

/** The SMS (Twilio) and Discord patron-channel settings; merged into app/config.ts's schema. */
export const channelSettingsShape = {
  TWILIO_ACCOUNT_SID: optional(z.string().regex(/^AC[0-9a-f]{32}$/, 'must be the account SID from the Twilio Console (AC followed by 32 hex digits)')),
  TWILIO_AUTH_TOKEN: optional(z.string().min(16, 'must be the auth token from the Twilio Console')),
  TWILIO_FROM_NUMBER: optional(z.string().regex(/^(\+[1-9]\d{6,14}|\d{5,6})$/, 'must be a phone number in E.164 form (+15551234567) or a short code')),
  TWILIO_MESSAGING_SERVICE_SID: optional(z.string().regex(/^MG[0-9a-f]{32}$/, 'must be a Messaging Service SID (MG followed by 32 hex digits)')),
  /** Twilio's REST API; changed only to point at a local stand-in in tests. */
  TWILIO_API_URL: z.preprocess(emptyAsUndefined, httpUrl.default('https://api.twilio.com')),
  /** The public base URL Twilio calls, when it differs from PUBLIC_URL (a separate hostname for webhooks). */
  TWILIO_WEBHOOK_URL: optional(httpUrl),
  SMS_MAX_SEGMENTS: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be 1 to 10').max(10, 'must be 1 to 10').default(3),
  SMS_ANSWERS_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int().min(1).max(60).default(5),
  SMS_KEYWORD_REPLIES: z.preprocess(emptyAsUndefined, z.enum(['libdesk', 'twilio'], { message: 'must be libdesk or twilio' }).default('libdesk')),
  DISCORD_BOT_TOKEN: optional(z.string().min(20, 'must be the bot token from the Discord Developer Portal')),
  DISCORD_HELP_CHANNEL_ID: optional(z.string().regex(/^\d{15,21}$/, 'must be a channel id (right-click the channel → Copy Channel ID)')),
  /** Discord's REST API; changed only to point at a local stand-in in tests. */
  DISCORD_API_URL: z.preprocess(emptyAsUndefined, httpUrl.default('https://discord.com/api')),
};

type ChannelSettingsSource = z.infer<z.ZodObject<typeof channelSettingsShape>> & { PUBLIC_URL?: string | undefined };

export interface SmsSettings {
  accountSid: string;
  authToken: string;
  fromNumber?: string;
  messagingServiceSid?: string;
  apiUrl: string;
  /** What Twilio calls and signs: TWILIO_WEBHOOK_URL, else PUBLIC_URL. */
  publicBaseUrl: string;
  maxSegments: number;
  answersPerMinute: number;
  keywordReplies: 'libdesk' | 'twilio';
}

export interface DiscordSettings {
  botToken: string;
  helpChannelId?: string;
  apiUrl: string;
}

function refuse(missing: string[], channel: string, because: string[]): never {
  throw new LibdeskError('LD_CONFIG_INVALID', `Invalid configuration: the ${channel} channel needs ${missing.join(', ')} (it is on because ${because.join(', ')} is set)`, {
    details: { settings: missing },
  });
}

/**
 * All or none, checked at start: SMS is on when any Twilio credential or sender is set, and then needs
 * the account SID, the auth token, a sender (a number or a Messaging Service) and a public URL for
 * Twilio to call. Discord is on with its bot token; a help channel without a token is a mistake.
 */
export function checkChannelSettings(config: ChannelSettingsSource): void {
  const twilio = (['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER', 'TWILIO_MESSAGING_SERVICE_SID'] as const).filter((name) => config[name] !== undefined);
  if (twilio.length > 0) {
    const missing: string[] = (['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'] as const).filter((name) => config[name] === undefined);
    if (!config.TWILIO_FROM_NUMBER && !config.TWILIO_MESSAGING_SERVICE_SID) missing.push('TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID');
    if (!config.TWILIO_WEBHOOK_URL && !config.PUBLIC_URL) missing.push('PUBLIC_URL (or TWILIO_WEBHOOK_URL)');
    if (missing.length) refuse(missing, 'SMS', twilio);
  }
  if (config.DISCORD_HELP_CHANNEL_ID && !config.DISCORD_BOT_TOKEN) refuse(['DISCORD_BOT_TOKEN'], 'Discord', ['DISCORD_HELP_CHANNEL_ID']);
}

/** The SMS settings when the channel is on; undefined when it is off. */
export function smsSettingsOf(config: ChannelSettingsSource): SmsSettings | undefined {
  const { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN } = config;
  const publicBaseUrl = config.TWILIO_WEBHOOK_URL ?? config.PUBLIC_URL;
  if (!TWILIO_ACCOUNT_SID || !TWILIO_AUTH_TOKEN || !publicBaseUrl || (!config.TWILIO_FROM_NUMBER && !config.TWILIO_MESSAGING_SERVICE_SID)) return undefined;
  return {
    accountSid: TWILIO_ACCOUNT_SID,
    authToken: TWILIO_AUTH_TOKEN,
    ...(config.TWILIO_FROM_NUMBER ? { fromNumber: config.TWILIO_FROM_NUMBER } : {}),
    ...(config.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID } : {}),
    apiUrl: config.TWILIO_API_URL,
    // Someone who pasted the full webhook address gets what they meant.
    publicBaseUrl: publicBaseUrl.replace(/\/webhooks\/twilio\/sms\/?$/, '').replace(/\/+$/, ''),
    maxSegments: config.SMS_MAX_SEGMENTS,
    answersPerMinute: config.SMS_ANSWERS_PER_MINUTE,
    keywordReplies: config.SMS_KEYWORD_REPLIES,
  };
}

/** The Discord patron-channel settings when it is on; undefined when it is off. */
export function discordSettingsOf(config: ChannelSettingsSource): DiscordSettings | undefined {
  if (!config.DISCORD_BOT_TOKEN) return undefined;
  return {
    botToken: config.DISCORD_BOT_TOKEN,
    ...(config.DISCORD_HELP_CHANNEL_ID ? { helpChannelId: config.DISCORD_HELP_CHANNEL_ID } : {}),
    apiUrl: config.DISCORD_API_URL,
  };
}
