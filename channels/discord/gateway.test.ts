import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InquiryInput } from '../../core/inquiry.js';
import { silentLogger } from '../../core/logger.js';
import { startFakeDiscord, type FakeDiscord } from '../../test/support/fake-discord.js';
import { createDiscordGateway } from './gateway.js';
import { createDiscordRest } from './outbound.js';
import { createDiscordReceiver } from './receiver.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../test/fixtures/discord/${name}.json`, import.meta.url), 'utf8'));

describe('Discord gateway adapter (raw packets, no connection)', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ botToken: 'gateway-test-token' });
  });
  afterAll(() => fake.close());

  async function harness() {
    const accepted: InquiryInput[] = [];
    const receiver = createDiscordReceiver({
      inquiries: {
        async accept(input) {
          accepted.push(input);
          return { inquiryId: `inq-${accepted.length}`, conversationId: 'conv', duplicate: false };
        },
      },
      rules: () => ({ botUserId: '1300000000000000001', helpChannelId: '1100000000000000002' }),
      logger: silentLogger,
    });
    const rest = createDiscordRest({ botToken: 'gateway-test-token', apiUrl: fake.apiUrl });
    const gateway = createDiscordGateway({ botToken: 'gateway-test-token', receiver, rest, logger: silentLogger, apiUrl: fake.apiUrl });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
    return { accepted, gateway, settle };
  }

  it('hands MESSAGE_CREATE payloads to the receiver and ignores updates and other events', async () => {
    const { accepted, gateway, settle } = await harness();
    gateway.client.emit('raw', { op: 0, t: 'MESSAGE_CREATE', s: 1, d: fixture('dm-message') });
    gateway.client.emit('raw', { op: 0, t: 'MESSAGE_UPDATE', s: 2, d: fixture('edited-message') });
    gateway.client.emit('raw', { op: 0, t: 'TYPING_START', s: 3, d: {} });
    gateway.client.emit('raw', { op: 0, t: 'MESSAGE_CREATE', s: 4, d: fixture('own-echo') });
    await settle();
    expect(accepted.map((input) => input.externalId)).toEqual(['1400000000000000001']);
    await gateway.close();
  });

  it('acknowledges a quick-reply press on the interaction token, then accepts its words', async () => {
    const { accepted, gateway, settle } = await harness();
    gateway.client.emit('raw', { op: 0, t: 'INTERACTION_CREATE', s: 5, d: fixture('button-press-dm') });
    gateway.client.emit('raw', { op: 0, t: 'INTERACTION_CREATE', s: 6, d: fixture('button-press-staff') });
    await settle();
    expect(fake.interactionCallbacks).toEqual([{ id: '1600000000000000001', token: 'aW50ZXJhY3Rpb24tdG9rZW4', body: { type: 6 } }]);
    expect(accepted.map((input) => input.text)).toEqual(['Eastside']);
    await gateway.close();
  });
});
