import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock.js';
import type { ConversationEntry } from '../../../core/inquiry-service.js';
import { build } from '../../test-support/build.js';
import { createFakeInquiryService } from '../../test-support/fakes.js';
import type { SmsConsentPort, SmsStatusPort, TwilioWebhookOptions } from './twilio.js';

const authToken = 'twilio-auth-token-for-tests-0001';
const publicBaseUrl = 'https://libdesk.example.org/desk';
const sid = (prefix: string, n = 0) => `${prefix}${n.toString(16).padStart(32, '0')}`;
const patron = '+15551230000';

function memoryConsent() {
  const optedOut = new Set<string>();
  const keywords: string[] = [];
  const port: SmsConsentPort = {
    async recordKeyword(record) {
      if (keywords.includes(record.messageSid)) return false;
      keywords.push(record.messageSid);
      if (record.keyword === 'stop') optedOut.add(record.address);
      if (record.keyword === 'start') optedOut.delete(record.address);
      return true;
    },
  };
  return { port, optedOut, keywords };
}

function memoryStatus() {
  const updates: Array<{ messageSid: string; status: string; errorCode?: string }> = [];
  const port: SmsStatusPort = {
    async recordStatus(update) {
      updates.push(update);
      return true;
    },
  };
  return { port, updates };
}

async function setup(overrides: Partial<TwilioWebhookOptions> = {}) {
  const consent = memoryConsent();
  const status = memoryStatus();
  const inquiries = createFakeInquiryService();
  /** What `history` answers: the conversation as the inquiry log would have it. */
  const history: ConversationEntry[] = [];
  const built = await build({
    deps: {
      inquiries,
      sms: {
        authToken,
        publicBaseUrl,
        inquiries: { accept: (input) => inquiries.accept(input), history: async () => history },
        consent: consent.port,
        status: status.port,
        keywordReplies: 'libdesk',
        libraryName: 'Riverside Public Library',
        clock: fixedClock('2026-12-01T15:00:00Z'),
        ...overrides,
      },
    },
  });
  return { ...built, inquiries, history, consent, status };
}

/** Posts a form as Twilio would: signed over the public URL it was configured with. */
function post(app: Awaited<ReturnType<typeof setup>>['app'], path: string, params: Record<string, string>, options: { signature?: string; signedUrl?: string } = {}) {
  const signature = options.signature ?? twilio.getExpectedTwilioSignature(authToken, options.signedUrl ?? `${publicBaseUrl}${path}`, params);
  return app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    payload: new URLSearchParams(params).toString(),
  });
}

const inbound = (body: string, n = 1) => ({ MessageSid: sid('SM', n), AccountSid: sid('AC'), From: patron, To: '+15559870000', Body: body, NumMedia: '0' });

describe('POST /webhooks/twilio/sms', () => {
  it('accepts a signed message at once, with an empty TwiML answer, keeping the SID', async () => {
    const { app, inquiries } = await setup();
    const response = await post(app, '/webhooks/twilio/sms', inbound('are you open on saturday?'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(inquiries.received).toEqual([
      { channel: 'sms', address: patron, threadKey: patron, text: 'are you open on saturday?', externalId: sid('SM', 1), meta: { to: '+15559870000' } },
    ]);
  });

  it('refuses a bad or missing signature with 403 and stores nothing', async () => {
    const { app, inquiries } = await setup();
    const forged = await post(app, '/webhooks/twilio/sms', inbound('hi'), { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ error: { code: 'LD_TWILIO_BAD_SIGNATURE' } });
    // Signed for another host: what a request replayed at a different deployment looks like.
    const elsewhere = await post(app, '/webhooks/twilio/sms', inbound('hi'), { signedUrl: 'https://evil.example.org/webhooks/twilio/sms' });
    expect(elsewhere.statusCode).toBe(403);
    const unsigned = await app.inject({ method: 'POST', url: '/webhooks/twilio/sms', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'Body=hi' });
    expect(unsigned.statusCode).toBe(403);
    expect(inquiries.received).toHaveLength(0);
  });

  it('checks the signature over the query string too (a proxy path prefix and parameters)', async () => {
    const { app, inquiries } = await setup();
    expect((await post(app, '/webhooks/twilio/sms?branch=main', inbound('hi'))).statusCode).toBe(200);
    expect(
      (await post(app, '/webhooks/twilio/sms?branch=east', inbound('hi', 2), { signedUrl: `${publicBaseUrl}/webhooks/twilio/sms?branch=main` })).statusCode,
    ).toBe(403);
    expect(inquiries.received).toHaveLength(1);
  });

  it('answers a signed but malformed form with 400 LD_VALIDATION naming the field, storing nothing', async () => {
    const { app, inquiries } = await setup();
    const response = await post(app, '/webhooks/twilio/sms', { ...inbound('hi'), From: 'not-a-number' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'LD_VALIDATION', details: { fields: ['From'] } } });
    const json = await app.inject({ method: 'POST', url: '/webhooks/twilio/sms', headers: { 'content-type': 'application/json' }, payload: '{"Body":"hi"}' });
    expect(json.statusCode).toBe(415);
    expect(inquiries.received).toHaveLength(0);
  });

  it('STOP opts the number out with one confirmation, START opts back in, HELP answers — none routed', async () => {
    const { app, inquiries, consent } = await setup();
    const stop = await post(app, '/webhooks/twilio/sms', inbound('Stop', 10));
    expect(stop.body).toContain('<Message>Riverside Public Library: you&apos;re unsubscribed');
    expect(consent.optedOut.has(patron)).toBe(true);
    // Twilio retrying the same STOP: recorded once, no second confirmation.
    const retry = await post(app, '/webhooks/twilio/sms', inbound('Stop', 10));
    expect(retry.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    const help = await post(app, '/webhooks/twilio/sms', inbound('HELP', 11));
    expect(help.body).toMatch(/Reply STOP to stop texts/);
    expect(consent.optedOut.has(patron)).toBe(true);
    const start = await post(app, '/webhooks/twilio/sms', inbound('unstop', 12));
    expect(start.body).toMatch(/subscribed again/);
    expect(consent.optedOut.has(patron)).toBe(false);
    expect(consent.keywords).toEqual([sid('SM', 10), sid('SM', 11), sid('SM', 12)]);
    expect(inquiries.received).toHaveLength(0);
  });

  it('only records keywords when Twilio\'s own opt-out handling answers them', async () => {
    const { app, consent } = await setup({ keywordReplies: 'twilio' });
    const stop = await post(app, '/webhooks/twilio/sms', inbound('STOPALL', 20));
    expect(stop.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(consent.optedOut.has(patron)).toBe(true);
  });

  it('maps a digit to the option offered in our last text', async () => {
    const { app, inquiries, history } = await setup();
    history.push({ from: 'patron', text: 'hours', at: new Date() }, { from: 'assistant', text: 'Which branch?', quickReplies: ['Main', 'Eastside'], at: new Date() });
    await post(app, '/webhooks/twilio/sms', inbound('2', 31));
    expect(inquiries.received.at(-1)).toMatchObject({ text: 'Eastside', meta: { choice: '2' } });
    await post(app, '/webhooks/twilio/sms', inbound('7', 32));
    expect(inquiries.received.at(-1)).toMatchObject({ text: '7' });
  });
});

describe('POST /webhooks/twilio/status', () => {
  const callback = (status: string, extra: Record<string, string> = {}) => ({ MessageSid: sid('SM', 99), AccountSid: sid('AC'), MessageStatus: status, ...extra });

  it('records failed and undelivered statuses on the reply', async () => {
    const { app, status } = await setup();
    expect((await post(app, '/webhooks/twilio/status', callback('undelivered', { ErrorCode: '30003' }))).statusCode).toBe(204);
    expect(status.updates).toEqual([{ messageSid: sid('SM', 99), status: 'undelivered', errorCode: '30003', at: new Date('2026-12-01T15:00:00Z') }]);
  });

  it('waits briefly for a reply row the sending job has not stored yet, then records on it', async () => {
    let looks = 0;
    const { app } = await setup({
      statusWaitMs: 1,
      status: {
        async recordStatus() {
          looks += 1;
          return looks >= 3;
        },
      },
    });
    expect((await post(app, '/webhooks/twilio/status', callback('failed', { ErrorCode: '30007' }))).statusCode).toBe(204);
    expect(looks).toBe(3);
  });

  it('refuses unsigned callbacks and unknown statuses', async () => {
    const { app, status } = await setup();
    expect((await post(app, '/webhooks/twilio/status', callback('failed'), { signature: 'x' })).statusCode).toBe(403);
    expect((await post(app, '/webhooks/twilio/status', callback('exploded'))).statusCode).toBe(400);
    expect(status.updates).toHaveLength(0);
  });
});
