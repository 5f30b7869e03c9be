import type { DiscordButton, DiscordMessage } from './inbound.js';

/**
 * A gateway event is authentic by construction (our bot token opened the TLS connection it came on), so
 * what this file checks is whether a message is one we may answer: a person (no bot, including us; no
 * webhook; no system message) writing new text (edits arrive as MESSAGE_UPDATE and are never handled)
 * in a DM with the bot or in the one help channel. Everything else in the server is none of our business.
 */
export type IgnoreReason = 'bot' | 'own' | 'webhook' | 'system' | 'edit' | 'elsewhere' | 'empty';

/** DEFAULT and REPLY are what people type; every other message type is Discord's own notice. */
const PERSON_MESSAGE_TYPES = new Set([0, 19]);

export interface DiscordPlaceRules {
  /** The bot's own user id, once the gateway is ready. */
  botUserId?: string;
  /** The one guild channel answered in; DMs are always answered. */
  helpChannelId?: string;
}

export function ignoreReasonFor(message: DiscordMessage, rules: DiscordPlaceRules): IgnoreReason | undefined {
  if (rules.botUserId && message.author.id === rules.botUserId) return 'own';
  if (message.author.bot || message.author.system) return 'bot';
  if (message.webhook_id) return 'webhook';
  if (!PERSON_MESSAGE_TYPES.has(message.type)) return 'system';
  if (message.edited_timestamp) return 'edit';
  if (message.guild_id && message.channel_id !== rules.helpChannelId) return 'elsewhere';
  if (!message.content.trim() && !(message.attachments?.length ?? 0)) return 'empty';
  return undefined;
}

export function isAnswerableMessage(message: DiscordMessage, rules: DiscordPlaceRules): boolean {
  return ignoreReasonFor(message, rules) === undefined;
}

export function ignoreReasonForButton(interaction: DiscordButton, rules: DiscordPlaceRules): IgnoreReason | undefined {
  const user = interaction.member?.user ?? interaction.user;
  if (!user || user.bot) return 'bot';
  if (interaction.guild_id && interaction.channel_id !== rules.helpChannelId) return 'elsewhere';
  return undefined;
}
