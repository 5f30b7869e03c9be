import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InquiryInput } from '../../core/inquiry.js';
import type { AcceptedInquiry } from '../../core/inquiry-service.js';
import { silentLogger } from '../../core/logger.js';
import { discordMessageSchema, toDiscordInquiry } from './inbound.js';
import { createDiscordReceiver } from './receiver.js';
import { ignoreReasonFor } from './verify.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../test/fixtures/discord/${name}.json`, import.meta.url), 'utf8'));
const rules = { botUserId: '1300000000000000001', helpChannelId: '1100000000000000002' };

/** accept() as the inquiry service promises it: stored once per (channel, externalId). */
function recordingInquiries() {
  const stored = new Map<string, InquiryInput>();
  return {
    stored,
    async accept(input: InquiryInput): Promise<AcceptedInquiry> {
      const key = input.externalId!;
      const duplicate = stored.has(key);
      if (!duplicate) stored.set(key, input);
      return { inquiryId: `inq-${key}`, conversationId: `conv-${input.threadKey}`, duplicate };
    },
  };
}

describe('Discord patron inbound', () => {
  it('turns a DM into an inquiry threaded per user, keeping the snowflake and DM channel', () => {
    const message = discordMessageSchema.parse(fixture('dm-message'));
    expect(ignoreReasonFor(message, rules)).toBeUndefined();
    expect(toDiscordInquiry(message)).toEqual({
      channel: 'discord',
      address: '1200000000000000001',
      threadKey: 'dm:1200000000000000001',
      text: 'are you open on saturday?',
      externalId: '1400000000000000001',
      meta: { channelId: '1100000000000000004', messageId: '1400000000000000001', place: 'dm' },
    });
  });

  it('answers in the help channel, one thread per patron there, without the bot mention', () => {
    const message = discordMessageSchema.parse(fixture('help-channel-message'));
    expect(ignoreReasonFor(message, rules)).toBeUndefined();
    expect(toDiscordInquiry(message)).toMatchObject({
      text: 'do you have The Hobbit?',
      threadKey: 'help:1100000000000000002:1200000000000000001',
      meta: { place: 'help', guildId: '1100000000000000001', messageId: '1400000000000000002' },
    });
    expect(ignoreReasonFor(discordMessageSchema.parse(fixture('help-channel-reply-type')), rules)).toBeUndefined();
  });

  it('moves a help-channel message holding a card number and PIN to the patron\'s DMs', () => {
    const message = discordMessageSchema.parse({ ...(fixture('help-channel-message') as object), content: 'my card is 21234000000017 pin 1234, what do I owe?' });
    expect(toDiscordInquiry(message)).toMatchObject({ threadKey: 'dm:1200000000000000001', meta: { place: 'dm', movedFrom: 'help' } });
    expect(toDiscordInquiry(message).meta).not.toHaveProperty('channelId');
  });

  it.each([
    ['own-echo', 'own'],
    ['other-bot', 'bot'],
    ['webhook-message', 'bot'],
    ['edited-message', 'edit'],
    ['other-channel', 'elsewhere'],
    ['system-join', 'system'],
  ])('ignores %s (%s)', async (name, reason) => {
    const inquiries = recordingInquiries();
    const receiver = createDiscordReceiver({ inquiries, rules: () => rules, logger: silentLogger });
    expect(await receiver.onMessage(fixture(name))).toEqual({ handled: false, reason });
    expect(inquiries.stored.size).toBe(0);
  });

  it('ignores the help channel entirely when none is configured, but still answers DMs', async () => {
    const receiver = createDiscordReceiver({ inquiries: recordingInquiries(), rules: () => ({ botUserId: rules.botUserId }), logger: silentLogger });
    expect(await receiver.onMessage(fixture('help-channel-message'))).toEqual({ handled: false, reason: 'elsewhere' });
    expect(await receiver.onMessage(fixture('dm-message'))).toMatchObject({ handled: true });
  });

  it('accepts a message once when the gateway delivers it twice (dedupe by snowflake)', async () => {
    const inquiries = recordingInquiries();
    const receiver = createDiscordReceiver({ inquiries, rules: () => rules, logger: silentLogger });
    const [first, second] = await Promise.all([receiver.onMessage(fixture('dm-message')), receiver.onMessage(fixture('dm-message'))]);
    expect([first, second].map((outcome) => outcome.handled && outcome.duplicate).sort()).toEqual([false, true]);
    expect(inquiries.stored.size).toBe(1);
  });

  it('refuses a payload that is not a Discord message, storing nothing', async () => {
    const inquiries = recordingInquiries();
    const receiver = createDiscordReceiver({ inquiries, rules: () => rules, logger: silentLogger });
    expect(await receiver.onMessage({ id: 'x', content: 5 })).toEqual({ handled: false, reason: 'invalid' });
    expect(inquiries.stored.size).toBe(0);
  });

  it('turns a quick-reply button press into the option text; other bots\' buttons are not ours', async () => {
    const inquiries = recordingInquiries();
    const receiver = createDiscordReceiver({ inquiries, rules: () => rules, logger: silentLogger });
    expect(await receiver.onButton(fixture('button-press-dm'))).toMatchObject({ handled: true, duplicate: false });
    expect([...inquiries.stored.values()][0]).toMatchObject({
      text: 'Eastside',
      address: '1200000000000000001',
      threadKey: 'dm:1200000000000000001',
      externalId: 'interaction:1600000000000000001',
    });
    expect(await receiver.onButton(fixture('button-press-staff'))).toEqual({ handled: false, reason: 'not_ours' });
  });

  it('retries storing when the database hiccups, because the gateway never redelivers', async () => {
    let calls = 0;
    const receiver = createDiscordReceiver({
      inquiries: {
        async accept() {
          calls += 1;
          if (calls === 1) throw new Error('database is locked');
          return { inquiryId: 'inq', conversationId: 'conv', duplicate: false };
        },
      },
      rules: () => rules,
      logger: silentLogger,
    });
    expect(await receiver.onMessage(fixture('dm-message'))).toMatchObject({ handled: true });
    expect(calls).toBe(2);
  });
});
