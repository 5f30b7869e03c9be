import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Clock } from '../../../core/clock.js';
import { LibdeskError } from '../../../core/errors.js';
import type { InquiryService } from '../../../core/inquiry-service.js';
import {
  asTwilioParams,
  keywordReply,
  resolveNumberedChoice,
  smsKeywordOfMessage,
  toSmsInquiry,
  twilioInboundSchema,
  twilioStatusSchema,
  twiml,
  verifyTwilioSignature,
  twilioWebhookUrl,
  type SmsKeyword,
} from '../../../channels/sms-twilio/index.js';

/** What the SMS webhooks need from the opt-out store (`messaging/` implements it). */
export interface SmsConsentPort {
  /** Stores the keyword text and applies STOP/START in one transaction; false for a retried MessageSid. */
  recordKeyword(record: { messageSid: string; address: string; keyword: SmsKeyword; text: string; receivedAt: Date }): Promise<boolean>;
}

export interface SmsStatusPort {
  recordStatus(update: { messageSid: string; status: string; errorCode?: string; at: Date }): Promise<boolean>;
}

export interface TwilioWebhookOptions {
  authToken: string;
  /** The public base URL Twilio calls (TWILIO_WEBHOOK_URL, else PUBLIC_URL); signatures are checked against it. */
  publicBaseUrl: string;
  inquiries: Pick<InquiryService, 'accept' | 'history'>;
  consent: SmsConsentPort;
  status: SmsStatusPort;
  /**
   * `libdesk`: we answer STOP, START and HELP ourselves (in the webhook's TwiML). `twilio`: the number uses
   * Twilio's default or Advanced Opt-Out, which already sends those answers, so we only record them.
   */
  keywordReplies: 'libdesk' | 'twilio';
  libraryName: string;
  clock: Clock;
  /** Pause between looks for a reply row not stored yet (default 200 ms, five looks). */
  statusWaitMs?: number;
}

const XML = 'text/xml; charset=utf-8';
/** Statuses worth recording; a callback for one of these whose SID is not stored yet waits for it. */
const FINAL_STATUSES = new Set(['failed', 'undelivered', 'delivered']);
const STATUS_WAITS = 5;

export const TWILIO_SMS_PATH = '/webhooks/twilio/sms';
export const TWILIO_STATUS_PATH = '/webhooks/twilio/status';

/**
 * Twilio's webhooks: an inbound SMS, and status callbacks for what we sent. Both verify the signature
 * over the form fields before reading them, store, and answer at once; routing and sending run in jobs.
 */
export const twilioWebhookRoutes: FastifyPluginAsync<TwilioWebhookOptions> = async (app, options) => {
  // Only this plugin reads url-encoded bodies; a repeated field keeps all its values (Twilio signs them all).
  // Twilio posts forms only; anything else is refused by Fastify with a 415 before a handler runs.
  app.removeAllContentTypeParsers();
  await app.register(formbody, { bodyLimit: 32 * 1024 });

  /** Verify first (STYLE rule 15), then parse: a forged request learns nothing about our schema. */
  function verifiedForm<T extends z.ZodType>(request: FastifyRequest, schema: T): z.infer<T> {
    const params = asTwilioParams(request.body);
    if (!params) throw new LibdeskError('LD_VALIDATION', 'The body must be a form (application/x-www-form-urlencoded) of text fields.');
    const signature = request.headers['x-twilio-signature'];
    verifyTwilioSignature({
      authToken: options.authToken,
      url: twilioWebhookUrl(options.publicBaseUrl, request.url),
      params,
      signature: typeof signature === 'string' ? signature : undefined,
    });
    const parsed = schema.safeParse(params);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'body');
      throw new LibdeskError('LD_VALIDATION', parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '), {
        details: { fields },
      });
    }
    return parsed.data;
  }

  app.post(TWILIO_SMS_PATH, async (request, reply) => {
    const message = verifiedForm(request, twilioInboundSchema);
    const keyword = smsKeywordOfMessage(message);
    if (keyword) {
      // Control messages are answered here (carrier rules), kept in the keyword log and never routed.
      const now = options.clock.now();
      const first = await options.consent.recordKeyword({ messageSid: message.MessageSid, address: message.From, keyword, text: message.Body, receivedAt: now });
      const answer = first && options.keywordReplies === 'libdesk' ? keywordReply(keyword, options.libraryName) : undefined;
      request.log.info({ keyword, duplicate: !first }, 'sms keyword');
      return reply.code(200).type(XML).send(twiml(answer));
    }

    // "2" answers the numbered list in our last text: the router gets the option's words.
    let text: string | undefined;
    if (/^\s*[1-9]\s*[.)]?\s*$/.test(message.Body)) {
      text = resolveNumberedChoice(message.Body, await options.inquiries.history('sms', message.From, { limit: 10 }));
    }
    const accepted = await options.inquiries.accept(toSmsInquiry(message, text !== undefined ? { text } : {}));
    request.log.info({ inquiryId: accepted.inquiryId, duplicate: accepted.duplicate }, 'sms accepted');
    return reply.code(200).type(XML).send(twiml());
  });

  app.post(TWILIO_STATUS_PATH, async (request, reply) => {
    const status = verifiedForm(request, twilioStatusSchema);
    const update = {
      messageSid: status.MessageSid,
      status: status.MessageStatus,
      ...(status.ErrorCode ? { errorCode: status.ErrorCode } : {}),
      at: options.clock.now(),
    };
    let known = await options.status.recordStatus(update);
    // Twilio can report a fast failure before the sending job has stored the SID on the reply; the
    // callback is not retried by Twilio, so it waits a moment for the row rather than losing the news.
    for (let wait = 0; !known && FINAL_STATUSES.has(status.MessageStatus) && wait < STATUS_WAITS; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, options.statusWaitMs ?? 200));
      known = await options.status.recordStatus(update);
    }
    if (status.MessageStatus === 'failed' || status.MessageStatus === 'undelivered') {
      request.log.warn({ status: status.MessageStatus, errorCode: status.ErrorCode, known }, 'sms not delivered');
    }
    // Twilio retries anything but 2xx; an SID we never sent is acknowledged too, there is nothing to redo.
    return reply.code(204).send();
  });
};
