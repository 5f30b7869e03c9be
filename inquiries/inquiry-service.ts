import type { Clock } from '../core/clock.js';
import type { DeliveryPort } from '../core/delivery.js';
import { isLibdeskError, LibdeskError } from '../core/errors.js';
import { inquiryInputSchema, type Inquiry, type InquiryInput } from '../core/inquiry.js';
import type { AcceptedInquiry, InquiryResult, InquiryService } from '../core/inquiry-service.js';
import type { JobQueue } from '../core/jobs.js';
import type { Intent } from '../core/intents.js';
import type { Logger } from '../core/logger.js';
import type { Reply } from '../core/reply.js';
import type { AssistantRouter, RouteResult } from '../core/router.js';
import type { TicketPort } from '../core/tickets.js';
import type { InquiriesRepository } from './inquiries.repository.js';
import { maskPatronSecrets } from '../core/patron-secrets.js';
import { answerReplyId } from './answer-reply-id.js';

export interface InquiryServiceDeps {
  repository: InquiriesRepository;
  router: AssistantRouter;
  tickets: TicketPort;
  clock: Clock;
  logger: Logger;
  /** How long a retry waits for the first delivery of the same message to be answered. */
  duplicateWaitMs?: number;
  /** Where `accept` schedules `inquiry.route`; required for asynchronous channels. */
  jobs?: JobQueue;
  /**
   * Receives the answers of accepted (asynchronous) inquiries and of recovered ones, whose patron
   * is no longer waiting on an HTTP response. Without it those answers are stored only.
   */
  delivery?: DeliveryPort;
  /**
   * An inquiry still unanswered this long after it arrived was abandoned (its process stopped, or its
   * routing job was lost) and is answered by `recoverUnanswered`. Default two minutes.
   */
  abandonedAfterMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An inquiry not answered this long after it arrived was abandoned by a process that stopped. */
export const DEFAULT_ABANDONED_AFTER_MS = 2 * 60_000;
/** A recovery that has not finished in this time died too and is tried again. */
const RECOVERY_RETRY_AFTER_MS = 10 * 60_000;

export interface InquiryRecovery {
  /** Answers messages that were stored but never answered; returns how many it answered. */
  recoverUnanswered(options?: { limit?: number }): Promise<number>;
  /**
   * The `inquiry.route` job: routes an accepted inquiry once (one already answered, or being answered
   * elsewhere, is skipped), stores the reply and hands it to delivery.
   */
  routeAccepted(inquiryId: string): Promise<'answered' | 'delivered' | 'skipped'>;
}

/** The conversation an inquiry was stored in; `isNew` when the inquiry began it. */
interface ConversationRef {
  id: string;
  isNew: boolean;
}

/** What a patron says when a resolved ticket is not done for them. */
const REOPENING_INTENTS = new Set<Intent>(['handoff', 'equipment', 'unknown']);

export function createInquiryService(deps: InquiryServiceDeps): InquiryService & InquiryRecovery {
  const { repository, router, tickets, clock, logger, jobs, delivery } = deps;
  const duplicateWaitMs = deps.duplicateWaitMs ?? 5_000;
  const abandonedAfterMs = deps.abandonedAfterMs ?? DEFAULT_ABANDONED_AFTER_MS;

  function parseInput(input: InquiryInput): Inquiry {
    const parsed = inquiryInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new LibdeskError('LD_VALIDATION', parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '), {
        details: { fields: parsed.error.issues.map((issue) => issue.path.join('.')) },
      });
    }
    const data = parsed.data;
    return {
      channel: data.channel,
      address: data.address,
      threadKey: data.threadKey ?? data.address,
      text: data.text,
      receivedAt: clock.now(),
      ...(data.externalId ? { externalId: data.externalId } : {}),
      ...(data.meta ? { meta: data.meta } : {}),
    };
  }

  /**
   * Hands an answer to delivery and records that it did. A crash between the two hands it over again
   * on the job's retry (at least once); the DeliveryPort's own job id keeps the send itself single.
   */
  async function handOff(inquiryId: string, conversationId: string, reply: Reply, ticketId: number | undefined): Promise<boolean> {
    if (!delivery) return false;
    // One id per inquiry: a retried or concurrent job that hands the same answer over again sends nothing more.
    await delivery.deliver({
      id: answerReplyId(inquiryId),
      conversationId,
      kind: 'assistant',
      reply,
      origin: 'assistant',
      inquiryId,
      ...(ticketId != null ? { ticketId } : {}),
      author: 'assistant',
    });
    await repository.markDeliveryQueued(inquiryId, clock.now());
    return true;
  }

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
      description: maskPatronSecrets(inquiry.text),
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

  /**
   * A patron writing again where a ticket is open: the message goes on the ticket too, so staff see it
   * (and its Slack or Discord thread gets it). A resolved ticket is reopened only when the patron is not
   * done with it — they want a person, report the trouble again, or say something the assistant could not
   * answer — not by a thank-you or an unrelated question the assistant answered.
   */
  async function followActiveTicket(inquiry: Inquiry, inquiryId: string, conversation: ConversationRef, result: RouteResult): Promise<void> {
    // A conversation this message began has no ticket but the one its answer opened.
    if (conversation.isNew || !(await repository.hasTicket(conversation.id))) return;
    const conversationId = conversation.id;
    const active = await tickets.findActiveForConversation(conversationId);
    if (!active || active.id === result.ticket?.id) return;
    if (active.status === 'resolved' && !REOPENING_INTENTS.has(result.intent)) return;
    try {
      await tickets.patronMessage(active.id, { body: maskPatronSecrets(inquiry.text), inquiryId });
    } catch (error) {
      // Closed in the meantime: the message stands on its own.
      if (!isLibdeskError(error, 'LD_TICKET_TRANSITION')) throw error;
    }
  }

  /** Routes a stored inquiry and stores the reply; a router failure becomes a handoff, never a loss. */
  async function answer(inquiry: Inquiry, inquiryId: string, conversation: ConversationRef): Promise<RouteResult> {
    const conversationId = conversation.id;
    let result: RouteResult;
    let failed: string | undefined;
    try {
      // The dialog state is written with the answer below: one transaction for both.
      result = await router.route(inquiry, { conversationId, newConversation: conversation.isNew, callerStoresDialog: true });
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
    await followActiveTicket(inquiry, inquiryId, conversation, result);
    // One line per message, and never its text: it may hold a card number, a PIN, a phone number or an address.
    logger.info(
      { inquiryId, conversationId, channel: inquiry.channel, intent: result.intent, outcome: result.outcome, confidence: result.confidence, language: result.reply.language, ticket: result.ticket?.number },
      'inquiry answered',
    );
    return result;
  }

  return {
    async recoverUnanswered(options = {}) {
      const now = clock.now();
      const claimed = await repository.claimUnanswered(new Date(now.getTime() - abandonedAfterMs), now, RECOVERY_RETRY_AFTER_MS, options.limit ?? 100);
      let answered = 0;
      for (const { id, conversationId, ...inquiry } of claimed) {
        try {
          const result = await answer(inquiry, id, { id: conversationId, isNew: false });
          answered += 1;
          // Nobody waits on an HTTP response for these any more: the answer reaches them by delivery.
          await handOff(id, conversationId, result.reply, result.ticket?.id);
        } catch (error) {
          // One bad inquiry must not stop the sweep; its claim runs out and a later sweep tries again.
          logger.error({ err: error, inquiryId: id }, 'could not answer a recovered inquiry');
        }
      }
      if (claimed.length) logger.warn({ count: claimed.length, answered }, 'answered inquiries left unanswered');
      return answered;
    },

    async routeAccepted(inquiryId) {
      const claimed = await repository.claimInquiry(inquiryId, clock.now());
      if (claimed) {
        const { id, conversationId, ...inquiry } = claimed;
        const result = await answer(inquiry, id, { id: conversationId, isNew: false });
        return (await handOff(id, conversationId, result.reply, result.ticket?.id)) ? 'delivered' : 'answered';
      }
      // Answered before (a retried job, or the sweep got there first): deliver only what was never handed over.
      const stored = await repository.findAnswer(inquiryId);
      if (!stored) {
        logger.warn({ inquiryId }, 'inquiry.route for an inquiry that does not exist');
        return 'skipped';
      }
      if ((stored.status === 'answered' || stored.status === 'failed') && stored.reply && !stored.deliveryQueued) {
        return (await handOff(inquiryId, stored.conversationId, stored.reply, stored.ticketId)) ? 'delivered' : 'skipped';
      }
      return 'skipped';
    },

    async accept(input: InquiryInput): Promise<AcceptedInquiry> {
      const inquiry = parseInput(input);
      if (!jobs) throw new LibdeskError('LD_CONFIG_INVALID', 'Asynchronous channels need a job queue for the inquiry service');
      const stored = await repository.storeInquiry(inquiry);
      const { inquiryId, conversationId } = stored;
      if (stored.duplicate) return { inquiryId, conversationId, duplicate: true };
      try {
        await jobs.enqueue('inquiry.route', { inquiryId }, { jobId: `route-${inquiryId}` });
      } catch (error) {
        // The message is stored; the periodic sweep answers it within `abandonedAfterMs` instead.
        logger.warn({ err: error, inquiryId }, 'could not schedule inquiry.route; the sweep will answer it');
      }
      return { inquiryId, conversationId, duplicate: false };
    },

    async handle(input: InquiryInput): Promise<InquiryResult> {
      const inquiry = parseInput(input);
      const stored = await repository.storeInquiry(inquiry);
      if (stored.duplicate) return answerDuplicate(stored.inquiryId);
      const { inquiryId, conversationId } = stored;

      const result = await answer(inquiry, inquiryId, { id: conversationId, isNew: stored.newConversation });
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
