import { z } from 'zod';
import type { InquiryInput } from '../../core/inquiry.js';
import { findCredentials } from '../../core/patron-secrets.js';

const snowflake = z.string().regex(/^\d{15,21}$/, 'must be a Discord snowflake');

/**
 * A MESSAGE_CREATE payload as Discord's gateway delivers it (the documented Message object, only the
 * fields we use). Everything else is ignored and never stored.
 */
export const discordMessageSchema = z.object({
  id: snowflake,
  channel_id: snowflake,
  guild_id: snowflake.optional(),
  author: z.object({ id: snowflake, username: z.string().optional(), bot: z.boolean().optional(), system: z.boolean().optional() }),
  content: z.string().max(4000),
  /** 0 DEFAULT, 19 REPLY; joins, pins, boosts and the rest are system messages. */
  type: z.number().int(),
  webhook_id: snowflake.optional(),
  edited_timestamp: z.string().nullable().optional(),
  attachments: z.array(z.object({ id: snowflake })).optional(),
});
export type DiscordMessage = z.infer<typeof discordMessageSchema>;

/** An INTERACTION_CREATE for a button press (type 3 MESSAGE_COMPONENT, component type 2 BUTTON). */
export const discordButtonSchema = z.object({
  id: snowflake,
  token: z.string().min(1).max(500),
  type: z.literal(3),
  channel_id: snowflake,
  guild_id: snowflake.optional(),
  /** In a guild the presser is `member.user`; in a DM, `user`. */
  user: z.object({ id: snowflake, bot: z.boolean().optional() }).optional(),
  member: z.object({ user: z.object({ id: snowflake, bot: z.boolean().optional() }) }).optional(),
  data: z.object({ custom_id: z.string().max(100), component_type: z.literal(2) }),
  message: z.object({
    id: snowflake,
    components: z
      .array(z.object({ components: z.array(z.object({ custom_id: z.string().optional(), label: z.string().optional() }).passthrough()).optional() }).passthrough())
      .optional(),
  }),
});
export type DiscordButton = z.infer<typeof discordButtonSchema>;

/** Quick-reply buttons we put under an answer carry this id prefix and the option's position. */
export const QUICK_REPLY_PREFIX = 'libdesk:qr:';

export type DiscordPlace = 'dm' | 'help';

/**
 * One conversation per patron per place: their DMs with the bot, or their messages in the help channel
 * (where several patrons talk at once, so the channel alone is not a thread).
 */
export function discordThreadKey(place: DiscordPlace, userId: string, channelId: string): string {
  return place === 'dm' ? `dm:${userId}` : `help:${channelId}:${userId}`;
}

export function placeOf(message: { guild_id?: string | undefined }): DiscordPlace {
  return message.guild_id ? 'help' : 'dm';
}

const ATTACHMENT_ONLY_TEXT = '(sent an attachment with no text)';

/**
 * An accepted Discord message as an inquiry: the sender's user id is the address, the snowflake the
 * externalId (a redelivered gateway event is dropped by it), and the channel and message ids are kept
 * so the answer lands in the same DM, or replies to the message in the help channel.
 *
 * The help channel is public. A card number or PIN written there moves the message to the patron's DM
 * conversation, so whatever the answer says about their account is never posted where others read it.
 */
export function toDiscordInquiry(message: DiscordMessage): InquiryInput {
  const text = message.content.replace(/<@!?\d+>/g, '').trim() || ((message.attachments?.length ?? 0) > 0 ? ATTACHMENT_ONLY_TEXT : '');
  if (placeOf(message) === 'help' && findCredentials(text)) {
    return {
      channel: 'discord',
      address: message.author.id,
      threadKey: discordThreadKey('dm', message.author.id, ''),
      text,
      externalId: message.id,
      // No channel id: the sender opens (or finds) the DM channel itself.
      meta: { place: 'dm', movedFrom: 'help' },
    };
  }
  const place = placeOf(message);
  return {
    channel: 'discord',
    address: message.author.id,
    threadKey: discordThreadKey(place, message.author.id, message.channel_id),
    text,
    externalId: message.id,
    meta: { channelId: message.channel_id, messageId: message.id, place, ...(message.guild_id ? { guildId: message.guild_id } : {}) },
  };
}

/**
 * A pressed quick-reply button as an inquiry: its label is the option's words, exactly what a web-chat
 * patron's tap sends. The interaction id is the externalId.
 */
export function toDiscordButtonInquiry(interaction: DiscordButton): InquiryInput | undefined {
  const userId = interaction.member?.user.id ?? interaction.user?.id;
  if (!userId || !interaction.data.custom_id.startsWith(QUICK_REPLY_PREFIX)) return undefined;
  const label = interaction.message.components
    ?.flatMap((row) => row.components ?? [])
    .find((component) => component.custom_id === interaction.data.custom_id)?.label;
  if (!label) return undefined;
  const place = placeOf(interaction);
  return {
    channel: 'discord',
    address: userId,
    threadKey: discordThreadKey(place, userId, interaction.channel_id),
    text: label,
    externalId: `interaction:${interaction.id}`,
    meta: { channelId: interaction.channel_id, place, ...(interaction.guild_id ? { guildId: interaction.guild_id } : {}) },
  };
}
