import nodemailer from 'nodemailer';
import type { Clock } from '../../core/clock.js';
import type { ChannelSender } from '../../core/delivery.js';
import type { InquiryInput } from '../../core/inquiry.js';
import type { AcceptedInquiry } from '../../core/inquiry-service.js';
import type { Logger } from '../../core/logger.js';
import type { MailboxAddress } from './addresses.js';
import { MailboxConsumer, type ImapSettings, type MailboxConsumerOptions } from './imap-consumer.js';
import { createMailIntake } from './mail-intake.js';
import type { MailboxStateStore } from './mailbox-state.repository.js';
import { createEmailSender } from './outbound.js';
import { createSenderRateLimit } from './sender-rate-limit.js';

export interface EmailChannelOptions {
  imap: ImapSettings;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string };
  from: MailboxAddress;
  /** `InquiryService.accept`. */
  accept(input: InquiryInput): Promise<AcceptedInquiry>;
  state: MailboxStateStore;
  clock: Clock;
  logger: Logger;
  /** Answers per sender per window before further mail from them is passed over. Default 20 an hour. */
  senderLimit?: { max: number; windowMs: number };
  /** A line under every answer (the library's name). */
  signature?: string;
  /** Consumer tuning (lease, back-off, poll, batch), mostly for tests. */
  consumer?: Pick<MailboxConsumerOptions, 'holder' | 'leaseMs' | 'backoff' | 'pollMs' | 'batchSize' | 'onOutcome'>;
}

export interface EmailChannel {
  /** Registered with delivery for the `email` channel. */
  sender: ChannelSender;
  /** Reads the mailbox; started only in worker processes. */
  consumer: MailboxConsumer;
  close(): Promise<void>;
}

/** The e-mail channel: an IMAP reader feeding the inquiry log, and an SMTP sender for the answers. */
export function createEmailChannel(options: EmailChannelOptions): EmailChannel {
  const logger = options.logger;
  const ownAddresses = [options.from.address, ...(options.imap.user.includes('@') ? [options.imap.user.toLowerCase()] : [])];
  const intake = createMailIntake({
    accept: options.accept,
    ownAddresses,
    rateLimit: createSenderRateLimit({ ...(options.senderLimit ?? { max: 20, windowMs: 60 * 60_000 }), clock: options.clock }),
    logger,
  });
  const consumer = new MailboxConsumer({ imap: options.imap, state: options.state, intake, clock: options.clock, logger, ...options.consumer });
  // A small pool keeps the SMTP connection open between answers instead of a new handshake per mail.
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 2,
    host: options.smtp.host,
    port: options.smtp.port,
    secure: options.smtp.secure,
    ...(options.smtp.user && options.smtp.password ? { auth: { user: options.smtp.user, pass: options.smtp.password } } : {}),
  });
  const sender = createEmailSender({ transport, from: options.from, ...(options.signature ? { signature: options.signature } : {}) });
  return {
    sender,
    consumer,
    async close() {
      await consumer.stop();
      transport.close();
    },
  };
}

export { MailboxConsumer, backoffDelay, type ConsumerStatus, type ImapSettings, type MailboxConsumerOptions } from './imap-consumer.js';
export { createMailboxStateRepository, type MailboxStateStore } from './mailbox-state.repository.js';
export { createMailIntake, type IntakeOutcome, type MailIntake } from './mail-intake.js';
export { createEmailSender } from './outbound.js';
export { parseInboundMail, toInquiryInput, type InboundMail } from './inbound.js';
export { screenMail, LIBDESK_HEADER, type IgnoreReason } from './verify.js';
export { parseMailboxAddress, type MailboxAddress } from './addresses.js';
