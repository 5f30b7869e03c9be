import { freePort } from '../support/free-port.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { postSignedForm, startFakeTwilio, twilioSid, type FakeTwilio } from '../support/fake-twilio.js';
import { deploymentModes } from '../support/deployment-modes.js';

/**
 * SMS end to end: a text signed as Twilio signs it reaches the running app, is stored, routed in a job,
 * and the answer leaves through a local stand-in for Twilio's REST API, whose status callbacks (signed
 * too) come back to the app. Twilio believes the app lives at a public https address behind a proxy;
 * the stand-in signs that address and delivers to the app's real one, as a proxy would.
 */

const accountSid = twilioSid('AC');
const authToken = 'e2e-twilio-auth-token-0123456789';
const libraryNumber = '+15559870000';
const PUBLIC_BASE = 'https://desk.riverside-library.example/sms-proxy';

const modes = deploymentModes('sms');

for (const mode of modes) {
  describe.skipIf(mode.skip)(`SMS through Twilio, ${mode.name}`, () => {
    let running: RunningLibdesk;
    let twilio: FakeTwilio;
    let cleanup: () => Promise<void>;
    let appBase: string;
    let sequence = 0;

    beforeAll(async () => {
      const port = await freePort();
      appBase = `http://127.0.0.1:${port}`;
      twilio = await startFakeTwilio({ accountSid, authToken, route: (url) => url.replace(PUBLIC_BASE, appBase) });
      const setup = await mode.env();
      cleanup = setup.cleanup;
      running = await startLibdesk({
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          SEED_DEMO: 'true',
          PUBLIC_URL: 'https://desk.riverside-library.example',
          TWILIO_WEBHOOK_URL: PUBLIC_BASE,
          TWILIO_ACCOUNT_SID: accountSid,
          TWILIO_AUTH_TOKEN: authToken,
          TWILIO_FROM_NUMBER: libraryNumber,
          TWILIO_API_URL: twilio.url,
          SMS_ANSWERS_PER_MINUTE: '50',
          ...setup.env,
        },
      });
    });
    afterAll(async () => {
      await running?.close();
      await twilio?.close();
      await cleanup?.();
    });

    const prisma = () => running.deps.database.prisma;
    const text = (from: string, body: string, messageSid = twilioSid('SM')) => {
      sequence += 1;
      return { MessageSid: messageSid, SmsSid: messageSid, AccountSid: accountSid, From: from, To: libraryNumber, Body: body, NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01' };
    };
    const send = (params: Record<string, string>, options: { signature?: string } = {}) =>
      postSignedForm(authToken, `${appBase}/webhooks/twilio/sms`, params, { signedUrl: `${PUBLIC_BASE}/webhooks/twilio/sms`, ...options });
    const sentTo = (number: string) => twilio.sent.filter((message) => message.to === number);
    async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    it('answers a signed text through the Twilio REST API and records the delivery callback', async () => {
      const patron = '+15551110001';
      const inbound = text(patron, 'are you open on saturday?');
      const response = await send(inbound);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');

      const reply = await waitFor(() => sentTo(patron)[0], 'the answer SMS');
      expect(reply.from).toBe(libraryNumber);
      expect(reply.body).toMatch(/saturday/i);
      expect(reply.statusCallback).toBe(`${PUBLIC_BASE}/webhooks/twilio/status`);

      const stored = await prisma().inquiry.findUnique({ where: { channel_externalId: { channel: 'sms', externalId: inbound.MessageSid } } });
      expect(stored).toMatchObject({ status: 'answered', text: 'are you open on saturday?' });
      const row = await waitFor(
        async () => (await prisma().reply.findFirst({ where: { channel: 'sms', externalId: reply.sid, deliveredAt: { not: null } } })) ?? undefined,
        'the delivered callback recorded on the reply',
      );
      expect(row).toMatchObject({ deliveryStatus: 'sent', inquiryId: stored!.id });
    });

    it('routes and answers once when Twilio delivers the same webhook twice at the same moment', async () => {
      const patron = '+15551110002';
      const inbound = text(patron, 'where is the eastside branch?');
      const responses = await Promise.all([send(inbound), send(inbound), send(inbound)]);
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      await waitFor(() => sentTo(patron)[0], 'the answer SMS');
      // Give a second routing, were there one, time to send its answer too.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(sentTo(patron)).toHaveLength(1);
      expect(await prisma().inquiry.count({ where: { channel: 'sms', externalId: inbound.MessageSid } })).toBe(1);
      // One outbound delivery (the answer's own log row, with no delivery status, is not a send).
      expect(await prisma().reply.count({ where: { channel: 'sms', conversation: { threadKey: patron }, deliveryStatus: { not: null } } })).toBe(1);
    });

    it('refuses a forged text with 403 and a malformed one with 400, storing nothing', async () => {
      const before = await prisma().inquiry.count();
      const forged = await send(text('+15551110003', 'what are my fines?'), { signature: 'bm90IGEgc2lnbmF0dXJl' });
      expect(forged.status).toBe(403);
      expect(await forged.json()).toMatchObject({ error: { code: 'LD_TWILIO_BAD_SIGNATURE' } });
      const malformed = await send({ ...text('+15551110003', 'hi'), MessageSid: 'SM-not-a-sid' });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: { code: 'LD_VALIDATION', details: { fields: ['MessageSid'] } } });
      const empty = await send({ ...text('+15551110003', ''), NumMedia: '0' });
      expect(empty.status).toBe(400);
      expect(await prisma().inquiry.count()).toBe(before);
      expect(await prisma().smsKeywordMessage.count({ where: { address: '+15551110003' } })).toBe(0);
    });

    it('STOP silences a number until START; HELP is answered even then', async () => {
      const patron = '+15551110004';
      // Twilio delivering the same STOP twice at once: one opt-out, one confirmation.
      const stopText = text(patron, 'STOP');
      const answers = await Promise.all([send(stopText), send(stopText)].map(async (pending) => (await pending).text()));
      expect(answers.filter((answer) => /<Message>.*unsubscribed.*START/.test(answer))).toHaveLength(1);
      expect(await prisma().smsKeywordMessage.count({ where: { address: patron } })).toBe(1);
      expect(await prisma().smsOptOut.findUnique({ where: { address: patron } })).not.toBeNull();

      const question = text(patron, 'are you open on sunday?');
      await send(question);
      const skipped = await waitFor(
        async () => (await prisma().reply.findFirst({ where: { channel: 'sms', conversation: { threadKey: patron }, deliveryStatus: 'skipped' } })) ?? undefined,
        'the answer recorded as skipped',
      );
      expect(skipped.deliveryError).toBe('opted_out');
      expect(await prisma().inquiry.count({ where: { externalId: question.MessageSid } })).toBe(1);

      const help = await send(text(patron, 'help'));
      expect(await help.text()).toMatch(/Reply STOP to stop texts/);

      const start = await send(text(patron, 'START'));
      expect(await start.text()).toMatch(/subscribed again/);
      await send(text(patron, 'are you open on saturday?'));
      const answer = await waitFor(() => sentTo(patron)[0], 'an answer after START');
      expect(answer.body).toMatch(/saturday/i);
      expect(sentTo(patron)).toHaveLength(1);
    });

    it('offers choices as a numbered list and reads a digit back as the chosen option', async () => {
      const patron = '+15551110006';
      await send(text(patron, 'zxqv blorp wug'));
      const first = await waitFor(() => sentTo(patron)[0], 'the answer with choices');
      const option = /\nReply with a number:\n1 ([^\n]+)\n2 /.exec(first.body)?.[1];
      expect(option, first.body).toBeTruthy();
      const choice = text(patron, '1');
      await send(choice);
      await waitFor(() => sentTo(patron)[1], 'the answer to the choice');
      const stored = await prisma().inquiry.findUnique({ where: { channel_externalId: { channel: 'sms', externalId: choice.MessageSid } } });
      expect(stored?.text).toBe(option);
    });

    it('records an undelivered text on its reply row', async () => {
      const patron = '+15551110005';
      twilio.setOutcome(patron, { status: 'undelivered', errorCode: '30003' });
      await send(text(patron, 'do you have wifi?'));
      const sent = await waitFor(() => sentTo(patron)[0], 'the answer SMS');
      const row = await waitFor(
        async () => (await prisma().reply.findFirst({ where: { externalId: sent.sid, deliveryStatus: 'failed' } })) ?? undefined,
        'the failure recorded',
      );
      expect(row.deliveryError).toBe('twilio undelivered (error 30003)');
    });

    it('refuses a forged status callback', async () => {
      const response = await postSignedForm(
        'not-our-token-000000000000000000',
        `${appBase}/webhooks/twilio/status`,
        { MessageSid: twilioSid('SM'), AccountSid: accountSid, MessageStatus: 'failed' },
        { signedUrl: `${PUBLIC_BASE}/webhooks/twilio/status` },
      );
      expect(response.status).toBe(403);
    });
  });
}
