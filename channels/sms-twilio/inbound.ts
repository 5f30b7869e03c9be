import { z } from 'zod';
import type { InquiryInput } from '../../core/inquiry.js';
import type { ConversationEntry } from '../../core/inquiry-service.js';

/** A patron's phone in E.164 as Twilio writes it; alphanumeric senders are refused (nobody to answer). */
const phoneNumber = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form (+15551234567)');
/** The library's side: a number, or a short code (5 or 6 digits). */
const libraryNumber = z.string().trim().regex(/^(\+[1-9]\d{6,14}|\d{5,6})$/, 'must be a phone number in E.164 form or a short code');

/** An inbound message webhook (Twilio "A message comes in"). Unknown fields are ignored, never kept. */
export const twilioInboundSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-f]{32}$/, 'must be a Twilio message SID (SM… or MM…)'),
  AccountSid: z.string().regex(/^AC[0-9a-f]{32}$/, 'must be a Twilio account SID (AC…)'),
  From: phoneNumber,
  To: libraryNumber,
  Body: z.string().max(1600, 'is longer than an SMS can be').default(''),
  NumMedia: z.coerce.number().int().min(0).max(10).default(0),
  MessagingServiceSid: z.string().regex(/^MG[0-9a-f]{32}$/).optional(),
  /** Sent by Twilio's Advanced Opt-Out when the text matched one of its keyword lists (custom words included). */
  OptOutType: z.preprocess((value) => (typeof value === 'string' ? value.toUpperCase() : value), z.enum(['STOP', 'START', 'HELP']).optional()),
});
export type TwilioInbound = z.infer<typeof twilioInboundSchema>;

/** A status callback (StatusCallback on an outbound message). */
export const twilioStatusSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-f]{32}$/, 'must be a Twilio message SID (SM… or MM…)'),
  AccountSid: z.string().regex(/^AC[0-9a-f]{32}$/, 'must be a Twilio account SID (AC…)'),
  MessageStatus: z.enum(['accepted', 'scheduled', 'canceled', 'queued', 'sending', 'sent', 'failed', 'delivered', 'undelivered', 'receiving', 'received', 'read', 'partially_delivered']),
  ErrorCode: z.string().regex(/^\d{1,6}$/).optional(),
});
export type TwilioStatus = z.infer<typeof twilioStatusSchema>;

/**
 * The keywords carriers and the CTIA handbook require, and that Twilio's default opt-out handling
 * recognises, when the whole message is the keyword (any case, surrounding spaces and punctuation ignored).
 */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START_WORDS = new Set(['START', 'YES', 'UNSTOP', 'OPTIN']);
const HELP_WORDS = new Set(['HELP', 'INFO']);

export type SmsKeyword = 'stop' | 'start' | 'help';

/** Twilio's own verdict first (its keyword lists may hold custom words, "ALTO"), else our list. */
export function smsKeywordOfMessage(message: Pick<TwilioInbound, 'Body' | 'OptOutType'>): SmsKeyword | undefined {
  if (message.OptOutType) return message.OptOutType.toLowerCase() as SmsKeyword;
  return smsKeywordOf(message.Body);
}

export function smsKeywordOf(body: string): SmsKeyword | undefined {
  const word = body
    .trim()
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .toUpperCase();
  if (STOP_WORDS.has(word)) return 'stop';
  if (START_WORDS.has(word)) return 'start';
  if (HELP_WORDS.has(word)) return 'help';
  return undefined;
}

/**
 * A lone digit answers the numbered list in our last message: "2" becomes the second quick reply, so
 * the router sees the same text a web-chat patron would send by tapping the button. A digit with no
 * list to answer stays a digit.
 */
export function resolveNumberedChoice(body: string, history: readonly ConversationEntry[]): string | undefined {
  const digit = /^\s*([1-9])\s*[.)]?\s*$/.exec(body)?.[1];
  if (!digit) return undefined;
  const lastFromUs = [...history].reverse().find((entry) => entry.from !== 'patron');
  return lastFromUs?.quickReplies?.[Number(digit) - 1];
}

/** What a picture with no words becomes, so the message is kept and staff can follow up. */
const MEDIA_ONLY_TEXT = '(sent a picture or file with no text)';

/**
 * A verified Twilio message as an inquiry. The thread is the patron's number (one conversation per
 * number); the number they texted is kept so the answer leaves from the same one.
 */
export function toSmsInquiry(message: TwilioInbound, options: { text?: string } = {}): InquiryInput {
  const text = (options.text ?? message.Body).trim() || (message.NumMedia > 0 ? MEDIA_ONLY_TEXT : '');
  return {
    channel: 'sms',
    address: message.From,
    threadKey: message.From,
    text,
    externalId: message.MessageSid,
    meta: {
      to: message.To,
      ...(message.NumMedia > 0 ? { numMedia: String(message.NumMedia) } : {}),
      ...(options.text !== undefined && options.text !== message.Body ? { choice: message.Body.trim() } : {}),
    },
  };
}

/** Form bodies arrive as strings or string arrays; anything else is not a Twilio request. */
export function asTwilioParams(body: unknown): Record<string, string | string[]> | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') params[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) params[key] = value as string[];
    else return undefined;
  }
  return params;
}
