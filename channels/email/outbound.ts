import type { SendMailOptions } from 'nodemailer';
import type { ChannelSender, OutboundKind, OutboundMessage, SendResult } from '../../core/delivery.js';
import { domainOf, type MailboxAddress } from './addresses.js';
import { stripReplyPrefix, type EmailThreadMeta } from './inbound.js';
import { renderReplyMail } from './render.js';
import { LIBDESK_HEADER } from './verify.js';

export interface EmailSenderOptions {
  /** A nodemailer SMTP transport (app/deps.ts builds it from the SMTP_* settings). */
  transport: { sendMail(options: SendMailOptions): Promise<unknown> };
  /** The library mailbox every answer comes from (MAIL_FROM). */
  from: MailboxAddress;
  /** Subject of an answer when the patron's mail had none. */
  defaultSubject?: string;
  /** A line under every answer, e.g. the library's name. */
  signature?: string;
}

/** A References header keeps the thread's first id and its latest ones (RFC 5322 §3.6.4 allows trimming). */
const MAX_REFERENCES = 10;

/**
 * RFC 3834: answers the assistant writes are marked as automatic, so a patron's vacation responder
 * stays silent instead of starting a loop. A person's answer (staff reply, resolution) is not.
 */
const AUTO_SUBMITTED: Partial<Record<OutboundKind, string>> = { assistant: 'auto-replied', notice: 'auto-generated' };

/**
 * The e-mail `ChannelSender`: renders a Reply as text and HTML and sends it from the library mailbox,
 * threaded under the patron's last mail (In-Reply-To, References, "Re: subject"). The Message-ID is
 * derived from the Reply id, so a retried send carries the same id and mail clients show it once.
 */
export function createEmailSender(options: EmailSenderOptions): ChannelSender {
  const domain = domainOf(options.from.address);
  return {
    channel: 'email',
    async send(message: OutboundMessage): Promise<SendResult> {
      const to = message.target.address;
      if (!to) return { status: 'skipped' };
      const meta = threadMetaOf(message.threadMeta);
      const references = referencesFor(meta);
      const messageId = `<libdesk.${message.id}@${domain}>`;
      const rendered = renderReplyMail(message.reply, options.signature ? { signature: options.signature } : {});
      const autoSubmitted = AUTO_SUBMITTED[message.kind];
      await options.transport.sendMail({
        from: options.from.name ? { name: options.from.name, address: options.from.address } : options.from.address,
        to,
        subject: subjectFor(meta.subject, options.defaultSubject ?? 'Your message to the library'),
        messageId,
        ...(meta.messageId ? { inReplyTo: meta.messageId } : {}),
        ...(references.length ? { references } : {}),
        text: rendered.text,
        html: rendered.html,
        headers: {
          [LIBDESK_HEADER]: message.kind,
          ...(autoSubmitted ? { 'Auto-Submitted': autoSubmitted } : {}),
        },
      });
      return { status: 'sent', externalId: messageId };
    },
  };
}

/** "Opening hours" → "Re: Opening hours"; "RE: Fwd: Opening hours" → "Re: Opening hours". */
export function subjectFor(subject: string | undefined, fallback: string): string {
  const bare = stripReplyPrefix(subject ?? '').trim();
  return `Re: ${bare || fallback}`;
}

/** The patron mail's References plus its own Message-ID, trimmed to the first and the latest ids. */
export function referencesFor(meta: EmailThreadMeta): string[] {
  const ids = [...(meta.references?.match(/<[^<>\s]+>/g) ?? []), ...(meta.messageId ? [meta.messageId] : [])];
  const unique = ids.filter((id, index) => ids.indexOf(id) === index);
  if (unique.length <= MAX_REFERENCES) return unique;
  return [unique[0] as string, ...unique.slice(-(MAX_REFERENCES - 1))];
}

function threadMetaOf(meta: Record<string, string> | undefined): EmailThreadMeta {
  if (!meta) return {};
  const messageId = /^<[^<>\s]+>$/.test(meta.messageId ?? '') ? meta.messageId : undefined;
  return {
    ...(messageId ? { messageId } : {}),
    ...(meta.references ? { references: meta.references } : {}),
    // Header injection is nodemailer's to prevent, but a subject never needs a line break.
    ...(meta.subject ? { subject: meta.subject.replace(/[\r\n]+/g, ' ').slice(0, 250) } : {}),
  };
}
