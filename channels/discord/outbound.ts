import { DiscordAPIError, REST } from '@discordjs/rest';
import type { ChannelSender, OutboundMessage, SendResult } from '../../core/delivery.js';
import { LibdeskError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import { QUICK_REPLY_PREFIX, type DiscordButton } from './inbound.js';

/** Discord's documented limits for one message. */
const MAX_CONTENT = 2000;
const MAX_EMBEDS = 10;
const MAX_BUTTONS = 25;
const MAX_LABEL = 80;

/** Discord error 50007: the user does not accept DMs from this bot (blocked it, left every shared server). */
const CANNOT_MESSAGE_USER = 50007;

export interface DiscordMessageBody {
  content: string;
  embeds?: Array<{ title: string; description?: string; url?: string }>;
  components?: Array<{ type: 1; components: Array<{ type: 2; style: 2; label: string; custom_id: string }> }>;
  allowed_mentions: { parse: never[]; replied_user?: boolean };
  message_reference?: { message_id: string; fail_if_not_exists: false };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * One Reply as a Discord message: Markdown as written (Discord renders it), cards as embeds, quick
 * replies as buttons in rows of five. Mentions in the text never ping anyone.
 */
export function renderDiscordMessage(reply: Reply): DiscordMessageBody {
  const buttons = (reply.quickReplies ?? []).slice(0, MAX_BUTTONS).map((option, index) => ({
    type: 2 as const,
    style: 2 as const,
    label: clip(option, MAX_LABEL),
    custom_id: `${QUICK_REPLY_PREFIX}${index}`,
  }));
  const rows = [];
  for (let index = 0; index < buttons.length; index += 5) rows.push({ type: 1 as const, components: buttons.slice(index, index + 5) });
  const embeds = (reply.cards ?? []).slice(0, MAX_EMBEDS).map((card) => ({
    title: clip(card.title, 256),
    ...(card.lines.length ? { description: clip(card.lines.join('\n'), 4096) } : {}),
    ...(card.url ? { url: card.url } : {}),
  }));
  return {
    content: clip(reply.text, MAX_CONTENT),
    ...(embeds.length ? { embeds } : {}),
    ...(rows.length ? { components: rows } : {}),
    allowed_mentions: { parse: [] },
  };
}

export interface DiscordSenderOptions {
  botToken: string;
  /** https://discord.com/api, or a local stand-in in tests (DISCORD_API_URL). */
  apiUrl?: string;
  /** Per request; a hanging API must not hold the delivery worker. */
  timeoutMs?: number;
}

export function createDiscordRest(options: DiscordSenderOptions): REST {
  // Retries are the delivery job's business (with back-off and a record); REST still waits out 429s.
  return new REST({ version: '10', retries: 0, timeout: options.timeoutMs ?? 15_000, ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.botToken);
}

/**
 * Sends Replies to Discord patrons over the REST API. The assistant answers where the question was asked
 * (the DM, or a reply to the message in the help channel); staff replies and notices always go to the
 * patron's DMs, because they may carry things the whole help channel should not read.
 */
export function createDiscordSender(rest: Pick<REST, 'post'>): ChannelSender {
  async function dmChannelOf(userId: string): Promise<string> {
    const channel = (await rest.post('/users/@me/channels', { body: { recipient_id: userId } })) as { id?: string };
    if (!channel.id) throw new LibdeskError('LD_CHANNEL_SEND_FAILED', 'Discord opened a DM channel without an id');
    return channel.id;
  }

  return {
    channel: 'discord',
    async send(message: OutboundMessage): Promise<SendResult> {
      const userId = message.target.address;
      if (!userId) return { status: 'skipped' };
      const meta = message.threadMeta ?? {};
      const inHelpChannel = meta.place === 'help' && message.kind === 'assistant' && meta.channelId;
      const body = renderDiscordMessage(message.reply);
      try {
        let channelId: string;
        if (inHelpChannel) {
          channelId = meta.channelId!;
          if (meta.messageId) {
            body.message_reference = { message_id: meta.messageId, fail_if_not_exists: false };
            body.allowed_mentions = { parse: [], replied_user: true };
          }
        } else {
          channelId = meta.place === 'dm' && meta.channelId ? meta.channelId : await dmChannelOf(userId);
        }
        const sent = (await rest.post(`/channels/${channelId}/messages`, { body })) as { id?: string };
        if (!sent.id) throw new LibdeskError('LD_CHANNEL_SEND_FAILED', 'Discord took the message but returned no id');
        return { externalId: sent.id, status: 'sent' };
      } catch (error) {
        throw translateDiscordError(error);
      }
    },
  };
}

/** A known refusal becomes a domain error; anything else is thrown as retryable (STYLE rule 13). */
function translateDiscordError(error: unknown): unknown {
  if (error instanceof LibdeskError) return error;
  if (error instanceof DiscordAPIError) {
    if (error.code === CANNOT_MESSAGE_USER) {
      return new LibdeskError('LD_CHANNEL_REJECTED', 'Discord refused: the user does not accept messages from this bot', {
        cause: error,
        details: { status: error.status, discordCode: error.code, permanent: true },
      });
    }
    return new LibdeskError('LD_CHANNEL_SEND_FAILED', `Discord answered ${error.status} (error ${error.code})`, {
      cause: error,
      details: { status: error.status, discordCode: error.code },
    });
  }
  const status = (error as { status?: unknown } | undefined)?.status;
  return new LibdeskError('LD_CHANNEL_SEND_FAILED', `Discord could not be reached${typeof status === 'number' ? ` (HTTP ${status})` : ''}`, { cause: error });
}

/**
 * Acknowledges a button press within Discord's three seconds (DEFERRED_UPDATE_MESSAGE): the button's
 * message stays as it was and the answer follows as a new message. Uses the interaction's own token.
 */
export async function acknowledgeButton(rest: Pick<REST, 'post'>, interaction: Pick<DiscordButton, 'id' | 'token'>): Promise<void> {
  await rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, { body: { type: 6 }, auth: false });
}
