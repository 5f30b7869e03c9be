import { createHash } from 'node:crypto';
import EmailReplyParser from 'email-reply-parser';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { InquiryInput } from '../../core/inquiry.js';
import type { MailEnvelope } from './verify.js';

/** One mail as the e-mail channel sees it: the facts the checks, the inquiry and the threaded reply need. */
export interface InboundMail {
  envelope: MailEnvelope;
  /** The Message-ID with its angle brackets, when the mail has one. */
  messageId: string | undefined;
  /** The provider id we dedupe by: the Message-ID, or a hash of the raw mail when it has none. */
  externalId: string;
  /** The thread this mail belongs to: the root of its References chain, else its own id. */
  threadKey: string;
  references: string[];
  subject: string;
  /** What the patron wrote in this mail: quoted earlier mail and signatures removed. */
  text: string;
}

/** Keys the e-mail channel keeps in `Inquiry.meta` and reads back from `OutboundMessage.threadMeta`. */
export interface EmailThreadMeta {
  messageId?: string;
  /** Space-separated Message-IDs, oldest first, as in the References header. */
  references?: string;
  subject?: string;
}

/** Longest thread key the inquiry log accepts; longer Message-IDs are hashed. */
const MAX_THREAD_KEY = 200;

/**
 * Parses a raw RFC 5322 message (what IMAP FETCH BODY[] returns). mailparser decodes MIME, charsets and
 * HTML-only mail (it derives the plain text); the quoted history and signature are then removed so the
 * router sees only the new words.
 */
export async function parseInboundMail(source: Buffer): Promise<InboundMail> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  const messageId = normaliseId(parsed.messageId);
  const references = idList(parsed.references);
  const inReplyTo = idList(parsed.inReplyTo);
  const externalId = messageId ?? `sha256:${createHash('sha256').update(source).digest('hex')}`;
  const root = references[0] ?? inReplyTo[0] ?? externalId;
  return {
    envelope: { headers: rawHeaders(parsed), from: senderOf(parsed.from) },
    messageId,
    externalId: externalId.length > 300 ? `sha256:${createHash('sha256').update(externalId).digest('hex')}` : externalId,
    threadKey: root.length > MAX_THREAD_KEY ? `sha256:${createHash('sha256').update(root).digest('hex')}` : root,
    references: references.length ? references : inReplyTo,
    subject: (parsed.subject ?? '').trim(),
    text: visibleText(parsed),
  };
}

/** The patron's own words: the body without quotes and signature; the subject when the body is empty. */
function visibleText(parsed: ParsedMail): string {
  const body = (parsed.text ?? '').replace(/\r\n/g, '\n');
  const fresh = new EmailReplyParser().parseReply(body).trim();
  if (fresh) return fresh;
  return stripReplyPrefix(parsed.subject ?? '').trim();
}

/** "Re: Fwd: RE: Opening hours" → "Opening hours". */
export function stripReplyPrefix(subject: string): string {
  return subject.replace(/^(\s*(re|fwd?|aw|wg|sv|vs|rv|res)\s*(\[\d+\])?\s*:\s*)+/i, '');
}

/**
 * The inquiry for a mail that passed the checks. Message-ID, References and Subject ride along in
 * `meta` so the answer can be threaded under the patron's mail.
 */
export function toInquiryInput(mail: InboundMail): InquiryInput {
  if (!mail.envelope.from) throw new Error('a mail without a sender cannot become an inquiry');
  const meta: EmailThreadMeta = {
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.references.length ? { references: mail.references.join(' ') } : {}),
    ...(mail.subject ? { subject: mail.subject } : {}),
  };
  return {
    channel: 'email',
    address: mail.envelope.from,
    threadKey: mail.threadKey,
    text: mail.text,
    externalId: mail.externalId,
    meta: { ...meta },
  };
}

/** Header lines exactly as sent (first occurrence wins), so the checks see "<>" and not a parsed object. */
function rawHeaders(parsed: ParsedMail): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    const name = key.toLowerCase();
    if (headers.has(name)) continue;
    const colon = line.indexOf(':');
    headers.set(name, (colon >= 0 ? line.slice(colon + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  return headers;
}

function senderOf(from: AddressObject | undefined): string | undefined {
  const address = from?.value.find((entry) => entry.address)?.address?.trim().toLowerCase();
  return address && /^[^\s@]+@[^\s@]+$/.test(address) ? address : undefined;
}

/**
 * A Message-ID we can dedupe and thread by: `<left@right>`. Anything else (`<>`, a bare word, spaces) is
 * treated as missing, so two different mails carrying the same broken id are never taken for one.
 */
function normaliseId(id: string | undefined): string | undefined {
  const trimmed = id?.trim();
  if (!trimmed) return undefined;
  const bracketed = trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
  return /^<[^<>\s@]+@[^<>\s@]+>$/.test(bracketed) ? bracketed : undefined;
}

function idList(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const joined = Array.isArray(value) ? value.join(' ') : value;
  return joined.match(/<[^<>\s]+>/g) ?? [];
}
