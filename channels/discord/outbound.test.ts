import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../core/delivery.js';
import { isLibdeskError } from '../../core/errors.js';
import { startFakeDiscord, type FakeDiscord } from '../../test/support/fake-discord.js';
import { acknowledgeButton, createDiscordRest, createDiscordSender, renderDiscordMessage } from './outbound.js';

const botToken = 'fake-bot-token';
const patron = '1200000000000000001';

function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    id: 'reply-1',
    kind: 'assistant',
    target: { channel: 'discord', address: patron, threadKey: `dm:${patron}` },
    reply: { text: 'We are **open** 9 to 5.' },
    internal: false,
    origin: 'assistant',
    ...overrides,
  };
}

describe('Discord patron outbound (against a local Discord REST stand-in)', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ botToken });
  });
  afterAll(() => fake.close());

  it('renders quick replies as buttons in rows of five and cards as embeds, pinging nobody', () => {
    const body = renderDiscordMessage({
      text: 'Pick one @everyone',
      quickReplies: ['a', 'b', 'c', 'd', 'e', 'f'],
      cards: [{ title: 'The Hobbit', lines: ['Tolkien', 'On shelf at Main'], url: 'https://lib.example.org/b/1' }],
    });
    expect(body.components).toHaveLength(2);
    expect(body.components![0]!.components).toHaveLength(5);
    expect(body.components![1]!.components[0]).toEqual({ type: 2, style: 2, label: 'f', custom_id: 'libdesk:qr:5' });
    expect(body.embeds).toEqual([{ title: 'The Hobbit', description: 'Tolkien\nOn shelf at Main', url: 'https://lib.example.org/b/1' }]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(renderDiscordMessage({ text: 'x'.repeat(2500) }).content).toHaveLength(2000);
  });

  it('answers a DM in the DM channel it came from, with the bot token', async () => {
    const sender = createDiscordSender(createDiscordRest({ botToken, apiUrl: fake.apiUrl }));
    const result = await sender.send(message({ threadMeta: { place: 'dm', channelId: '1100000000000000004' } }));
    expect(result).toMatchObject({ status: 'sent' });
    expect(fake.messages.at(-1)).toMatchObject({ id: result.externalId, channelId: '1100000000000000004', body: { content: 'We are **open** 9 to 5.' } });
  });

  it('replies to the patron\'s message in the help channel, but sends staff replies to their DMs', async () => {
    const sender = createDiscordSender(createDiscordRest({ botToken, apiUrl: fake.apiUrl }));
    const threadMeta = { place: 'help', channelId: '1100000000000000002', messageId: '1400000000000000002' };
    await sender.send(message({ threadMeta }));
    expect(fake.messages.at(-1)).toMatchObject({
      channelId: '1100000000000000002',
      body: { message_reference: { message_id: '1400000000000000002' }, allowed_mentions: { parse: [], replied_user: true } },
    });
    await sender.send(message({ kind: 'staff_reply', origin: 'slack', threadMeta, reply: { text: 'Your card is renewed.' } }));
    const dm = fake.dmChannelOf(patron);
    expect(dm).toBeDefined();
    expect(fake.messages.at(-1)).toMatchObject({ channelId: dm, body: { content: 'Your card is renewed.' } });
    expect(fake.messages.at(-1)!.body.message_reference).toBeUndefined();
  });

  it('reports a user who blocks the bot as LD_CHANNEL_REJECTED, and a bad token as retryable', async () => {
    fake.block('1200000000000000099');
    const sender = createDiscordSender(createDiscordRest({ botToken, apiUrl: fake.apiUrl }));
    const blocked = await sender
      .send(message({ target: { channel: 'discord', address: '1200000000000000099', threadKey: 'dm:1200000000000000099' } }))
      .catch((error: unknown) => error);
    expect(isLibdeskError(blocked, 'LD_CHANNEL_REJECTED')).toBe(true);
    const wrongToken = createDiscordSender(createDiscordRest({ botToken: 'wrong', apiUrl: fake.apiUrl }));
    const failed = await wrongToken.send(message()).catch((error: unknown) => error);
    expect(isLibdeskError(failed, 'LD_CHANNEL_SEND_FAILED')).toBe(true);
  });

  it('acknowledges a button press with a deferred update, on the interaction token', async () => {
    await acknowledgeButton(createDiscordRest({ botToken, apiUrl: fake.apiUrl }), { id: '1600000000000000001', token: 'tok' });
    expect(fake.interactionCallbacks.at(-1)).toEqual({ id: '1600000000000000001', token: 'tok', body: { type: 6 } });
  });
});
