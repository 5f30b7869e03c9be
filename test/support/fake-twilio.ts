import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/**
 * A local stand-in for Twilio's REST API (the Messages resource), speaking its documented shapes:
 * HTTP Basic auth with the account SID and auth token, form-encoded `To`/`From`|`MessagingServiceSid`/
 * `Body`/`StatusCallback`, 201 with the message JSON, 4xx with `{code, message, status}`. After taking a
 * message it calls the StatusCallback the way Twilio does: form-encoded and signed with
 * `X-Twilio-Signature`, computed by Twilio's own helper library, not by the code under test.
 */
export interface SentSms {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
  at: number;
}

export type DeliveryOutcome = { status: 'delivered' } | { status: 'failed' | 'undelivered'; errorCode: string };

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  /**
   * Where a callback URL really reaches the app. Twilio signs the public URL it was given; behind a
   * proxy that URL is not the app's own address, so tests sign one and deliver to the other.
   */
  route?: (publicUrl: string) => string;
}

export function twilioSid(prefix: 'SM' | 'MM' | 'AC' | 'MG'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** Signs `params` for `url` exactly as Twilio signs a webhook (with Twilio's own library). */
export function signAsTwilio(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/** Posts a form to `url` signed as Twilio signs it; `signedUrl` is the public URL Twilio believes it called. */
export async function postSignedForm(
  authToken: string,
  url: string,
  params: Record<string, string>,
  options: { signedUrl?: string; signature?: string } = {},
): Promise<Response> {
  const signature = options.signature ?? signAsTwilio(authToken, options.signedUrl ?? url, params);
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params),
  });
}

export async function startFakeTwilio(options: FakeTwilioOptions) {
  const sent: SentSms[] = [];
  const callbacks: Array<{ url: string; params: Record<string, string>; status: number }> = [];
  const unsubscribed = new Set<string>();
  const outcomes = new Map<string, DeliveryOutcome>();
  let failuresLeft = 0;
  const waiters: Array<() => void> = [];
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const messagesPath = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`;

  function json(response: http.ServerResponse, status: number, body: unknown) {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
  function error(response: http.ServerResponse, status: number, code: number, message: string) {
    json(response, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
  }

  async function callStatus(message: SentSms) {
    if (!message.statusCallback) return;
    const outcome = outcomes.get(message.to) ?? { status: 'delivered' };
    const steps: Array<Record<string, string>> = [{ MessageStatus: 'sent' }, { MessageStatus: outcome.status, ...('errorCode' in outcome ? { ErrorCode: outcome.errorCode } : {}) }];
    for (const step of steps) {
      const params = { MessageSid: message.sid, SmsSid: message.sid, AccountSid: options.accountSid, To: message.to, ...(message.from ? { From: message.from } : {}), ApiVersion: '2010-04-01', ...step };
      const target = options.route ? options.route(message.statusCallback) : message.statusCallback;
      const response = await postSignedForm(options.authToken, target, params, { signedUrl: message.statusCallback }).catch(() => undefined);
      callbacks.push({ url: message.statusCallback, params, status: response?.status ?? 0 });
      for (const wake of waiters.splice(0)) wake();
    }
  }

  const server = http.createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== messagesPath) return error(response, 404, 20404, 'The requested resource was not found');
      if (request.headers.authorization !== expectedAuth) return error(response, 401, 20003, 'Authenticate');
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return error(response, 503, 20500, 'Service unavailable');
      }
      const form = new URLSearchParams(raw);
      const to = form.get('To');
      const body = form.get('Body');
      const from = form.get('From') ?? undefined;
      const messagingServiceSid = form.get('MessagingServiceSid') ?? undefined;
      if (!to) return error(response, 400, 21604, "A 'To' phone number is required.");
      if (!body) return error(response, 400, 21602, 'Message body is required.');
      if (!from && !messagingServiceSid) return error(response, 400, 21603, "A 'From' phone number is required.");
      if (body.length > 1600) return error(response, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
      if (unsubscribed.has(to)) return error(response, 400, 21610, 'Attempt to send to unsubscribed recipient');
      const message: SentSms = {
        sid: twilioSid('SM'),
        to,
        body,
        at: Date.now(),
        ...(from ? { from } : {}),
        ...(messagingServiceSid ? { messagingServiceSid } : {}),
        ...(form.get('StatusCallback') ? { statusCallback: form.get('StatusCallback')! } : {}),
      };
      sent.push(message);
      json(response, 201, { sid: message.sid, account_sid: options.accountSid, to, from: from ?? null, body, status: 'queued', num_segments: '1', error_code: null });
      for (const wake of waiters.splice(0)) wake();
      setImmediate(() => void callStatus(message));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  async function waitUntil(done: () => boolean, what: string, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    callbacks,
    /** Twilio's own STOP list: sends to this number fail with error 21610. */
    unsubscribe: (number: string) => unsubscribed.add(number),
    /** What the carrier reports for texts to `number` (default delivered). */
    setOutcome: (number: string, outcome: DeliveryOutcome) => outcomes.set(number, outcome),
    /** The next `count` sends answer 503. */
    failNext: (count: number) => (failuresLeft = count),
    waitForSent: (count: number, timeoutMs = 15_000) => waitUntil(() => sent.length >= count, `${count} sent SMS (got ${sent.length})`, timeoutMs),
    waitForCallbacks: (count: number, timeoutMs = 15_000) => waitUntil(() => callbacks.length >= count, `${count} status callbacks`, timeoutMs),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;
