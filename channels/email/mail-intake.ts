import { isLibdeskError } from '../../core/errors.js';
import type { InquiryInput } from '../../core/inquiry.js';
import type { AcceptedInquiry } from '../../core/inquiry-service.js';
import type { Logger } from '../../core/logger.js';
import { parseInboundMail, toInquiryInput } from './inbound.js';
import type { SenderRateLimit } from './sender-rate-limit.js';
import { screenMail, type IgnoreReason } from './verify.js';

/** Why a mail was read and not answered, beyond the header checks in verify.ts. */
export type IntakeSkipReason = IgnoreReason | 'rate_limited' | 'unparseable' | 'invalid';

export type IntakeOutcome =
  | { kind: 'accepted'; inquiryId: string; duplicate: boolean }
  | { kind: 'ignored'; reason: IntakeSkipReason };

export interface MailIntakeDeps {
  /** `InquiryService.accept`: stores the inquiry (deduplicated) and schedules its answer. */
  accept(input: InquiryInput): Promise<AcceptedInquiry>;
  /** Our own addresses, lower-case: mail from them is never answered. */
  ownAddresses: readonly string[];
  rateLimit: SenderRateLimit;
  logger: Logger;
}

/** Turns one raw mail into a stored inquiry, or says why it gets no answer. */
export type MailIntake = (source: Buffer) => Promise<IntakeOutcome>;

/**
 * The e-mail inbound path from raw bytes to a stored inquiry. A mail that can never be answered
 * (malformed beyond parsing, refused by the inquiry schema) is logged and passed over, so one bad mail
 * cannot stall the mailbox; a failure to store (the database is down) is thrown, so the consumer keeps
 * its place and tries again.
 */
export function createMailIntake(deps: MailIntakeDeps): MailIntake {
  const { logger } = deps;
  const skip = (reason: IntakeSkipReason, facts: Record<string, unknown> = {}): IntakeOutcome => {
    logger.info({ reason, ...facts }, 'e-mail not answered');
    return { kind: 'ignored', reason };
  };

  return async (source) => {
    let mail;
    try {
      mail = await parseInboundMail(source);
    } catch (error) {
      logger.warn({ err: error, bytes: source.length }, 'e-mail could not be parsed');
      return { kind: 'ignored', reason: 'unparseable' };
    }
    const verdict = screenMail(mail.envelope, { ownAddresses: deps.ownAddresses });
    if (!verdict.answer) return skip(verdict.reason, { messageId: mail.messageId });
    if (!mail.text) return skip('invalid', { messageId: mail.messageId, problem: 'empty' });
    if (!deps.rateLimit.take(mail.envelope.from ?? '')) {
      logger.warn({ messageId: mail.messageId }, 'e-mail sender over the rate cap; not answered');
      return { kind: 'ignored', reason: 'rate_limited' };
    }
    try {
      const accepted = await deps.accept(toInquiryInput(mail));
      return { kind: 'accepted', inquiryId: accepted.inquiryId, duplicate: accepted.duplicate };
    } catch (error) {
      if (isLibdeskError(error, 'LD_VALIDATION')) {
        return skip('invalid', { messageId: mail.messageId, problem: error.message });
      }
      throw error;
    }
  };
}
