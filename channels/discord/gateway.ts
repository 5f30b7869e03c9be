import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { REST } from '@discordjs/rest';
import type { Logger } from '../../core/logger.js';
import { acknowledgeButton } from './outbound.js';
import { discordButtonSchema } from './inbound.js';
import type { DiscordReceiver } from './receiver.js';

export interface DiscordGatewayOptions {
  botToken: string;
  receiver: DiscordReceiver;
  /** For acknowledging button presses. */
  rest: Pick<REST, 'post'>;
  logger: Logger;
  /** Base of Discord's REST API for discord.js's own calls (DISCORD_API_URL). */
  apiUrl?: string;
}

/**
 * The thin adapter between discord.js and the receiver: it keeps the gateway connection (discord.js
 * reconnects and resumes by itself) and hands the raw MESSAGE_CREATE and button INTERACTION_CREATE
 * payloads — the documented API shapes, not discord.js's classes — to the receiver. Edits arrive as
 * MESSAGE_UPDATE and are not listened to. Several processes may each hold a connection: the message
 * snowflake makes the second copy a duplicate.
 */
export function createDiscordGateway(options: DiscordGatewayOptions) {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent],
    // DM channels are not cached before their first message; without this partial DMs are never emitted.
    partials: [Partials.Channel],
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  let botUserId: string | undefined;
  client.once('clientReady', (ready) => {
    botUserId = ready.user.id;
    options.logger.info({ bot: ready.user.tag }, 'discord gateway ready');
  });
  client.on('error', (error) => options.logger.warn({ err: error }, 'discord gateway error'));

  client.on('raw', (packet: { t?: string; d?: unknown }) => {
    if (packet.t === 'MESSAGE_CREATE') {
      options.receiver.onMessage(packet.d).catch((error: unknown) => options.logger.error({ err: error }, 'discord message could not be stored'));
    } else if (packet.t === 'INTERACTION_CREATE') {
      const button = discordButtonSchema.safeParse(packet.d);
      if (!button.success || !button.data.data.custom_id.startsWith('libdesk:qr:')) return;
      acknowledgeButton(options.rest, button.data)
        .catch((error: unknown) => options.logger.warn({ err: error }, 'discord button not acknowledged'))
        .then(() => options.receiver.onButton(packet.d))
        .catch((error: unknown) => options.logger.error({ err: error }, 'discord button press could not be stored'));
    }
  });

  return {
    /** The discord.js client; tests emit recorded `raw` packets on it without connecting. */
    client,
    botUserId: () => botUserId,
    async start(): Promise<void> {
      await client.login(options.botToken);
    },
    async close(): Promise<void> {
      await client.destroy();
    },
  };
}
