import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { ChannelSender, OutboundMessage, SendResult } from '../../core/delivery.js';
import { LibdeskError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { renderSmsReply } from './render.js';

/** Opt-out state as the sender needs it (the `messaging/` store implements it). */
export interface SmsOptOutPort {
  isOptedOut(channel: 'sms', address: string): Promise<boolean>;
  optOut(channel: 'sms', address: string, at: Date): Promise<void>;
}

/** A counter shared by every process (Redis, or memory in one process): hits of `key` in the current window. */
export interface RateCounter {
  hit(key: string, windowMs: number): Promise<number>;
}

export interface TwilioSmsSenderOptions {
  accountSid: string;
  authToken: string;
  /** One of the two: a number of ours, or a Messaging Service that picks one. */
  fromNumber?: string;
  messagingServiceSid?: string;
  /** https://api.twilio.com, or a local stand-in in tests. */
  apiUrl: string;
  /** Where Twilio reports failed and undelivered messages (POST /webhooks/twilio/status, public). */
  statusCallbackUrl: string;
  maxSegments: number;
  /** Where the full answer can be read when an SMS is cut short. */
  fallbackUrl?: string;
  /** Assistant answers one number may get per minute; past it one slow-down note, then silence for the minute. */
  answersPerMinute: number;
  optOuts: SmsOptOutPort;
  rate: RateCounter;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Per request; a Twilio API that hangs must not hold the delivery worker. */
  timeoutMs?: number;
}

/** What Twilio's Messages resource answers on success (only the fields we use). */
const createdMessageSchema = z.object({ sid: z.string().min(1), status: z.string().optional() });
const twilioErrorSchema = z.object({ code: z.number().optional(), message: z.string().optional() });

/** Twilio error 21610: the recipient texted STOP (Twilio's own opt-out list refuses the send). */
const UNSUBSCRIBED_RECIPIENT = 21610;
/** Numbers that can never receive an SMS from us: invalid, landline, not reachable by SMS. */
const PERMANENT_RECIPIENT_ERRORS = new Set([21211, 21612, 21614, 21408]);

const SLOW_DOWN = {
  en: "You're sending messages faster than we can answer. We'll reply to your earlier ones; please wait a minute before texting again.",
  es: 'Está enviando mensajes más rápido de lo que podemos contestar. Responderemos a los anteriores; espere un minuto antes de escribir de nuevo.',
};

/**
 * Sends a Reply as one SMS through Twilio's REST API (Messages.json with HTTP Basic auth) and asks for
 * status callbacks, so failed and undelivered messages are recorded against the Reply row.
 */
export function createTwilioSmsSender(options: TwilioSmsSenderOptions): ChannelSender {
  if (!options.fromNumber && !options.messagingServiceSid) {
    throw new LibdeskError('LD_CONFIG_INVALID', 'The SMS sender needs TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID');
  }
  const doFetch = options.fetch ?? fetch;
  const endpoint = `${options.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const logger = options.logger;

  /** Assistant answers are limited per number; a staff reply or a notice always goes. */
  async function rateDecision(message: OutboundMessage, to: string): Promise<'send' | 'slow_down' | 'hold'> {
    if (message.kind !== 'assistant') return 'send';
    const minute = Math.floor(options.clock.now().getTime() / 60_000);
    const count = await options.rate.hit(`sms-answers:${to}:${minute}`, 60_000);
    if (count <= options.answersPerMinute) return 'send';
    return count === options.answersPerMinute + 1 ? 'slow_down' : 'hold';
  }

  async function post(form: URLSearchParams): Promise<Response> {
    return doFetch(endpoint, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  }

  return {
    channel: 'sms',
    async send(message: OutboundMessage): Promise<SendResult> {
      const to = message.target.address;
      if (!to) return { status: 'skipped' };
      // The delivery rules check opt-outs too; a STOP that arrived while this job waited is honoured here.
      if (await options.optOuts.isOptedOut('sms', to)) return { status: 'skipped' };

      const decision = await rateDecision(message, to);
      if (decision === 'hold') {
        logger.info({ replyId: message.id }, 'sms answer held back: the number is over its per-minute limit');
        return { status: 'skipped' };
      }
      const body =
        decision === 'slow_down'
          ? SLOW_DOWN[message.target.language ?? message.reply.language ?? 'en']
          : renderSmsReply(message.reply, { maxSegments: options.maxSegments, ...(options.fallbackUrl ? { fallbackUrl: options.fallbackUrl } : {}) }).body;

      const form = new URLSearchParams({ To: to, Body: body, StatusCallback: options.statusCallbackUrl });
      // Answer from the number the patron texted, unless a Messaging Service chooses (sticky sender).
      if (options.messagingServiceSid) form.set('MessagingServiceSid', options.messagingServiceSid);
      else form.set('From', validFrom(message.threadMeta?.to) ?? options.fromNumber!);

      const response = await post(form);
      const payload: unknown = await response.json().catch(() => undefined);
      if (response.ok) {
        const created = createdMessageSchema.safeParse(payload);
        if (!created.success) throw new LibdeskError('LD_CHANNEL_SEND_FAILED', 'Twilio accepted the message but sent no message SID');
        return { externalId: created.data.sid, status: 'sent' };
      }
      const error = twilioErrorSchema.safeParse(payload);
      const code = error.success ? error.data.code : undefined;
      if (code === UNSUBSCRIBED_RECIPIENT) {
        // Twilio keeps its own STOP list; learning of it here keeps ours in step.
        await options.optOuts.optOut('sms', to, options.clock.now());
        logger.info({ replyId: message.id }, 'sms not sent: the number opted out at Twilio');
        return { status: 'skipped' };
      }
      const detail = { status: response.status, ...(code !== undefined ? { twilioCode: code } : {}) };
      if (code !== undefined && PERMANENT_RECIPIENT_ERRORS.has(code)) {
        throw new LibdeskError('LD_CHANNEL_REJECTED', `Twilio refused the recipient (error ${code})`, { details: { ...detail, permanent: true } });
      }
      // 429, 5xx and anything unknown: thrown so the delivery job retries with back-off.
      throw new LibdeskError('LD_CHANNEL_SEND_FAILED', `Twilio answered ${response.status}${code !== undefined ? ` (error ${code})` : ''}`, { details: detail });
    },
  };
}

function validFrom(candidate: string | undefined): string | undefined {
  return candidate && /^(\+[1-9]\d{6,14}|\d{5,6})$/.test(candidate) ? candidate : undefined;
}
