import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import type { OutboundMessage } from '../../core/delivery.js';
import { isLibdeskError } from '../../core/errors.js';
import { silentLogger } from '../../core/logger.js';
import { createMemoryRateCounter } from '../../messaging/rate-counter.js';
import { startFakeTwilio, twilioSid, type FakeTwilio } from '../../test/support/fake-twilio.js';
import { createTwilioSmsSender, type SmsOptOutPort } from './outbound.js';
import { countSegments } from './segments.js';

const accountSid = twilioSid('AC');
const authToken = 'test-auth-token-0123456789abcdef';

function memoryOptOuts(): SmsOptOutPort & { numbers: Set<string> } {
  const numbers = new Set<string>();
  return {
    numbers,
    isOptedOut: async (_channel, address) => numbers.has(address),
    optOut: async (_channel, address) => void numbers.add(address),
  };
}

let messageCounter = 0;
function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  messageCounter += 1;
  return {
    id: `reply-${messageCounter}`,
    kind: 'assistant',
    target: { channel: 'sms', address: '+15551230000', threadKey: '+15551230000' },
    reply: { text: 'We are open 9 to 5.' },
    internal: false,
    origin: 'assistant',
    ...overrides,
  };
}

describe('Twilio SMS sender (against a local Twilio REST stand-in)', () => {
  let fake: FakeTwilio;
  let optOuts: ReturnType<typeof memoryOptOuts>;
  const clock = fixedClock('2026-12-01T15:00:00Z');
  const senderWith = (overrides: Partial<Parameters<typeof createTwilioSmsSender>[0]> = {}) =>
    createTwilioSmsSender({
      accountSid,
      authToken,
      fromNumber: '+15559870000',
      apiUrl: fake.url,
      statusCallbackUrl: 'http://127.0.0.1:9/webhooks/twilio/status',
      maxSegments: 3,
      fallbackUrl: 'https://lib.example.org/',
      answersPerMinute: 5,
      optOuts,
      rate: createMemoryRateCounter(clock),
      clock,
      logger: silentLogger,
      ...overrides,
    });

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid, authToken });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.sent.length = 0;
    optOuts = memoryOptOuts();
  });

  it('sends the rendered reply with Basic auth, a status callback, and returns the message SID', async () => {
    const result = await senderWith().send(message({ reply: { text: 'Which branch?', quickReplies: ['Main', 'Eastside'] } }));
    expect(result.status).toBe('sent');
    expect(result.externalId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({
      sid: result.externalId,
      to: '+15551230000',
      from: '+15559870000',
      body: 'Which branch?\n\nReply with a number:\n1 Main\n2 Eastside',
      statusCallback: 'http://127.0.0.1:9/webhooks/twilio/status',
    });
  });

  it('answers from the number the patron texted, or through the Messaging Service', async () => {
    await senderWith().send(message({ threadMeta: { to: '+15550001111' } }));
    expect(fake.sent[0]!.from).toBe('+15550001111');
    await senderWith({ fromNumber: undefined, messagingServiceSid: twilioSid('MG') }).send(message());
    expect(fake.sent[1]!.from).toBeUndefined();
    expect(fake.sent[1]!.messagingServiceSid).toMatch(/^MG/);
  });

  it('never sends more than SMS_MAX_SEGMENTS parts', async () => {
    await senderWith({ maxSegments: 2 }).send(message({ reply: { text: 'Long answer. '.repeat(100) } }));
    expect(countSegments(fake.sent[0]!.body).segments).toBeLessThanOrEqual(2);
    expect(fake.sent[0]!.body).toContain('More: https://lib.example.org/');
  });

  it('sends nothing to an opted-out number', async () => {
    optOuts.numbers.add('+15551230000');
    expect(await senderWith().send(message())).toEqual({ status: 'skipped' });
    expect(fake.sent).toHaveLength(0);
  });

  it('learns an opt-out from Twilio error 21610 and does not retry', async () => {
    fake.unsubscribe('+15550002222');
    const target = { channel: 'sms' as const, address: '+15550002222', threadKey: '+15550002222' };
    expect(await senderWith().send(message({ target }))).toEqual({ status: 'skipped' });
    expect(optOuts.numbers.has('+15550002222')).toBe(true);
  });

  it('throws a retryable LD_CHANNEL_SEND_FAILED when Twilio is down, and a permanent one for a bad number', async () => {
    fake.failNext(1);
    const failure = await senderWith().send(message()).catch((error: unknown) => error);
    expect(isLibdeskError(failure, 'LD_CHANNEL_SEND_FAILED')).toBe(true);
    const wrong = await createTwilioSmsSender({ ...senderArgs(), authToken: 'wrong' }).send(message()).catch((error: unknown) => error);
    expect(isLibdeskError(wrong, 'LD_CHANNEL_SEND_FAILED')).toBe(true);
    expect((wrong as { details: Record<string, unknown> }).details).toMatchObject({ status: 401, twilioCode: 20003 });
  });

  it('answers a burst from one number at most N times a minute, then once with a slow-down note', async () => {
    const sender = senderWith({ answersPerMinute: 3 });
    const results = [];
    for (let index = 0; index < 6; index += 1) results.push(await sender.send(message()));
    expect(results.map((result) => result.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'skipped', 'skipped']);
    expect(fake.sent).toHaveLength(4);
    expect(fake.sent[3]!.body).toMatch(/faster than we can answer/);
    // Staff replies are never held back by the limit.
    expect((await sender.send(message({ kind: 'staff_reply', origin: 'slack' }))).status).toBe('sent');
  });

  function senderArgs() {
    return {
      accountSid,
      authToken,
      fromNumber: '+15559870000',
      apiUrl: fake.url,
      statusCallbackUrl: 'http://127.0.0.1:9/status',
      maxSegments: 3,
      answersPerMinute: 5,
      optOuts,
      rate: createMemoryRateCounter(clock),
      clock,
      logger: silentLogger,
    };
  }
});
