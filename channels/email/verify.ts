/**
 * Which mails we answer. A mailbox we read ourselves proves the sender as far as e-mail can, so the
 * checks here are about *what* arrived: machines talking to machines (auto-replies, bounces, mailing
 * lists, read receipts) get no answer, and neither does our own mail, so two responders can never
 * ping-pong. Every rule is a header test on the parsed mail; nothing here touches the network.
 */

/** The header every mail we send carries; a mail that has it is ours coming back and is never answered. */
export const LIBDESK_HEADER = 'X-Libdesk';

export const IGNORE_REASONS = [
  'auto_submitted',
  'precedence',
  'null_return_path',
  'mailing_list',
  'auto_reply_header',
  'delivery_report',
  'own_address',
  'own_message',
  'no_sender',
] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

export type MailVerdict = { answer: true } | { answer: false; reason: IgnoreReason };

/** What the checks read from a mail: its headers as sent (first occurrence, unfolded) and its sender. */
export interface MailEnvelope {
  /** Lower-case header name → raw value, unfolded and trimmed. */
  headers: ReadonlyMap<string, string>;
  /** The From address, lower-case; undefined when the mail has no usable sender. */
  from: string | undefined;
}

export interface ScreenOptions {
  /** Our own addresses (MAIL_FROM, the IMAP login when it is an address), lower-case. */
  ownAddresses: readonly string[];
}

/** Precedence values that mark bulk or list mail (RFC 2076; what vacation responders check). */
const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list']);

/** Headers that some responders set instead of (or as well as) Auto-Submitted. */
const AUTO_REPLY_HEADERS = ['x-autoreply', 'x-autorespond', 'x-autoresponder'];

/**
 * Decides whether a mail is one a patron wrote to us and expects an answer to. The order matters only
 * for which reason is reported; any one rule is enough to stay silent.
 */
export function screenMail(mail: MailEnvelope, options: ScreenOptions): MailVerdict {
  const header = (name: string) => mail.headers.get(name);

  if (header(LIBDESK_HEADER.toLowerCase()) !== undefined) return ignore('own_message');
  if (!mail.from) return ignore('no_sender');
  if (options.ownAddresses.includes(mail.from)) return ignore('own_address');

  // RFC 3834: anything but "no" was sent by a machine (auto-replied, auto-generated, auto-notified).
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== undefined && firstToken(autoSubmitted) !== 'no') return ignore('auto_submitted');
  if (AUTO_REPLY_HEADERS.some((name) => header(name) !== undefined)) return ignore('auto_reply_header');

  const contentType = header('content-type');
  if (contentType !== undefined && firstToken(contentType) === 'multipart/report') return ignore('delivery_report');

  // Bounces are sent with an empty envelope sender, which the delivering server records as Return-Path: <>.
  const returnPath = header('return-path');
  if (returnPath !== undefined && /^<\s*>$/.test(returnPath.trim())) return ignore('null_return_path');

  const precedence = header('precedence');
  if (precedence !== undefined && BULK_PRECEDENCE.has(firstToken(precedence))) return ignore('precedence');

  if (header('list-id') !== undefined) return ignore('mailing_list');

  return { answer: true };
}

function ignore(reason: IgnoreReason): MailVerdict {
  return { answer: false, reason };
}

/** "auto-replied; foo=bar" → "auto-replied"; "Multipart/Report; report-type=…" → "multipart/report". */
function firstToken(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}
