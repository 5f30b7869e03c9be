import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { silentLogger } from '../../core/logger.js';
import { createDiscordReceiver, type DiscordReceiver } from '../../channels/discord/index.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { createTemporaryDir } from '../support/services.js';

/**
 * The Discord patron channel end to end, short of the gateway socket (which needs Discord itself): the
 * recorded MESSAGE_CREATE payloads go through the same receiver the gateway adapter calls, into the
 * running app, and the answers leave through Discord's REST API to a local stand-in.
 */
const fixture = (name: string): Record<string, any> => JSON.parse(readFileSync(new URL(`../fixtures/discord/${name}.json`, import.meta.url), 'utf8'));
const botToken = 'e2e-discord-bot-token-0123456789';
const helpChannelId = '1100000000000000002';

describe('Discord patron channel end to end (embedded)', () => {
  let running: RunningLibdesk;
  let discord: FakeDiscord;
  let receiver: DiscordReceiver;
  let temp: ReturnType<typeof createTemporaryDir>;

  beforeAll(async () => {
    discord = await startFakeDiscord({ botToken });
    temp = createTemporaryDir();
    running = await startLibdesk({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATA_DIR: temp.dir,
        DISCORD_BOT_TOKEN: botToken,
        DISCORD_HELP_CHANNEL_ID: helpChannelId,
        DISCORD_API_URL: discord.apiUrl,
      },
    });
    receiver = createDiscordReceiver({
      inquiries: running.deps.inquiries,
      rules: () => ({ botUserId: '1300000000000000001', helpChannelId }),
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await running?.close();
    await discord?.close();
    temp?.remove();
  });

  it('answers a DM in the DM channel, once even when the gateway repeats the event', async () => {
    const message = fixture('dm-message');
    const outcomes = await Promise.all([receiver.onMessage(message), receiver.onMessage(message)]);
    expect(outcomes.filter((outcome) => outcome.handled && !outcome.duplicate)).toHaveLength(1);
    await discord.waitForMessages(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const answers = discord.messages.filter((posted) => posted.channelId === message.channel_id);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body.content).toMatch(/saturday/i);
    expect(await running.deps.database.prisma.inquiry.count({ where: { channel: 'discord', externalId: message.id } })).toBe(1);
  });

  it('replies to the patron\'s own message in the help channel', async () => {
    const before = discord.messages.length;
    await receiver.onMessage(fixture('help-channel-message'));
    await discord.waitForMessages(before + 1);
    expect(discord.messages.at(-1)).toMatchObject({
      channelId: helpChannelId,
      body: { message_reference: { message_id: '1400000000000000002' }, allowed_mentions: { parse: [], replied_user: true } },
    });
  });

  it('stores nothing for our own echo, other bots, edits and other channels', async () => {
    const before = await running.deps.database.prisma.inquiry.count({ where: { channel: 'discord' } });
    for (const name of ['own-echo', 'other-bot', 'webhook-message', 'edited-message', 'other-channel', 'system-join']) {
      expect((await receiver.onMessage(fixture(name))).handled).toBe(false);
    }
    expect(await running.deps.database.prisma.inquiry.count({ where: { channel: 'discord' } })).toBe(before);
  });
});
