import type { Clock } from '../core/clock.js';
import { LibdeskError } from '../core/errors.js';
import { inquiryInputSchema, type Inquiry, type InquiryInput } from '../core/inquiry.js';
import type { InquiryResult, InquiryService } from '../core/inquiry-service.js';
import type { Logger } from '../core/logger.js';
import type { AssistantRouter, RouteResult } from '../core/router.js';
import type { TicketPort } from '../core/tickets.js';
import { DuplicateInquiry, type InquiriesRepository } from './inquiries.repository.js';

export interface InquiryServiceDeps {
  repository: InquiriesRepository;
  router: AssistantRouter;
  tickets: TicketPort;
  clock: Clock;
  logger: Logger;
  /** How long a retry waits for the first delivery of the same message to be answered. */
  duplicateWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An inquiry not answered this long after it arrived was abandoned by a process that stopped. */
const ABANDONED_AFTER_MS = 2 * 60_000;
/** A recovery that has not finished in this time died too and is tried again. */
const RECOVERY_RETRY_AFTER_MS = 10 * 60_000;

export interface InquiryRecovery {
  /** Answers messages that were stored but never answered; returns how many it answered. */
  recoverUnanswered(options?: { limit?: number }): Promise<number>;
}

export function createInquiryService(deps: InquiryServiceDeps): InquiryService & InquiryRecovery {
  const { repository, router, tickets, clock, logger } = deps;
  const duplicateWaitMs = deps.duplicateWaitMs ?? 5_000;

  /** A retry of a message we already have: answer with what we said the first time. */
  async function answerDuplicate(inquiryId: string): Promise<InquiryResult> {
    const deadline = Date.now() + duplicateWaitMs;
    for (;;) {
      const stored = await repository.findAnswer(inquiryId);
      if (stored && stored.status !== 'received' && stored.reply && stored.intent) {
        const ticket = stored.ticketId != null ? await tickets.get(stored.ticketId) : undefined;
        return {
          inquiryId: stored.inquiryId,
          conversationId: stored.conversationId,
          intent: stored.intent,
          confidence: stored.confidence ?? 0,
          outcome: stored.outcome ?? 'answered',
          reply: stored.reply,
          ...(ticket ? { ticket: stripDetail(ticket) } : {}),
          duplicate: true,
        };
      }
      if (Date.now() >= deadline) {
        throw new LibdeskError('LD_CONFLICT', 'This message is already being answered; try again in a moment.', {
          details: { inquiryId },
        });
      }
      await sleep(50);
    }
  }

  /**
   * When the assistant itself fails, the patron still gets an answer and staff get the message:
   * nothing a patron sends is dropped because of a bug.
   */
  async function fallBackToStaff(inquiry: Inquiry, inquiryId: string, conversationId: string, error: unknown): Promise<RouteResult> {
    logger.error({ err: error, inquiryId }, 'router failed; handing the inquiry to staff');
    const ticket = await tickets.open({
      kind: 'handoff',
      subject: 'The assistant could not answer this message',
      description: inquiry.text,
      requester: { channel: inquiry.channel, address: inquiry.address, threadKey: inquiry.threadKey },
      conversationId,
      inquiryId,
    });
    return {
      intent: 'handoff',
      confidence: 0,
      outcome: 'ticket',
      reply: { text: `Sorry, I couldn't answer that myself. I've passed your message to library staff (ticket ${ticket.number}).` },
      ticket,
    };
  }

  /** Routes a stored inquiry and stores the reply; a router failure becomes a handoff, never a loss. */
  async function answer(inquiry: Inquiry, inquiryId: string, conversationId: string): Promise<RouteResult> {
    let result: RouteResult;
    let failed: string | undefined;
    try {
      result = await router.route(inquiry, { conversationId });
    } catch (error) {
      failed = error instanceof Error ? error.message : String(error);
      try {
        result = await fallBackToStaff(inquiry, inquiryId, conversationId, error);
      } catch (fallbackError) {
        await repository.markFailed(inquiryId, failed, clock.now());
        throw fallbackError;
      }
    }
    await repository.completeInquiry(
      inquiryId,
      conversationId,
      inquiry.channel,
      { ...result, ...(result.ticket ? { ticketId: result.ticket.id } : {}), ...(failed ? { failed } : {}) },
      clock.now(),
    );
    logger.info(
      { inquiryId, channel: inquiry.channel, intent: result.intent, outcome: result.outcome, confidence: result.confidence, ticket: result.ticket?.number },
      'inquiry answered',
    );
    return result;
  }

  return {
    async recoverUnanswered(options = {}) {
      const now = clock.now();
      const claimed = await repository.claimUnanswered(new Date(now.getTime() - ABANDONED_AFTER_MS), now, RECOVERY_RETRY_AFTER_MS, options.limit ?? 100);
      for (const { id, conversationId, ...inquiry } of claimed) {
        await answer(inquiry, id, conversationId);
      }
      if (claimed.length) logger.warn({ count: claimed.length }, 'answered inquiries left unanswered by a stopped process');
      return claimed.length;
    },

    async handle(input: InquiryInput): Promise<InquiryResult> {
      const parsed = inquiryInputSchema.safeParse(input);
      if (!parsed.success) {
        throw new LibdeskError('LD_VALIDATION', parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '), {
          details: { fields: parsed.error.issues.map((issue) => issue.path.join('.')) },
        });
      }
      const data = parsed.data;
      const inquiry: Inquiry = {
        channel: data.channel,
        address: data.address,
        threadKey: data.threadKey ?? data.address,
        text: data.text,
        receivedAt: clock.now(),
        ...(data.externalId ? { externalId: data.externalId } : {}),
        ...(data.meta ? { meta: data.meta } : {}),
      };

      const conversationId = await repository.upsertConversation(inquiry.channel, inquiry.threadKey, inquiry.address);
      let inquiryId: string;
      try {
        inquiryId = await repository.insertInquiry(conversationId, inquiry);
      } catch (error) {
        if (error instanceof DuplicateInquiry) return answerDuplicate(error.existingId);
        throw error;
      }

      const result = await answer(inquiry, inquiryId, conversationId);
      return {
        inquiryId,
        conversationId,
        intent: result.intent,
        confidence: result.confidence,
        outcome: result.outcome,
        reply: result.reply,
        ...(result.ticket ? { ticket: result.ticket } : {}),
        duplicate: false,
      };
    },

    history: (channel, threadKey, options = {}) => repository.history(channel, threadKey, Math.min(options.limit ?? 100, 500)),
  };
}

function stripDetail<T extends { events?: unknown; description?: unknown }>(ticket: T): Omit<T, 'events' | 'description'> {
  const { events: _events, description: _description, ...ref } = ticket;
  return ref;
}
