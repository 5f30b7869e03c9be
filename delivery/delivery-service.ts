import type { Clock } from '../core/clock.js';
import type { DeliveryPort, OutboundRequest } from '../core/delivery.js';
import { LibdeskError } from '../core/errors.js';
import type { JobQueue } from '../core/jobs.js';
import type { DeliveryStore } from './delivery.repository.js';
import { renderOutbound } from './render.js';

export interface DeliveryServiceDeps {
  store: DeliveryStore;
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
}

/**
 * The DeliveryPort: records the Reply row (who wrote it, internal or not, the ticket) in the patron's
 * language and schedules `delivery.send` with the row id as job id, so it is sent once however often the
 * job is retried or enqueued.
 */
export function createDeliveryService({ store, jobs, clock }: DeliveryServiceDeps): DeliveryPort {
  return {
    async deliver(request: OutboundRequest) {
      const conversation = await store.conversation(request.conversationId);
      if (!conversation) {
        throw new LibdeskError('LD_NOT_FOUND', 'There is no such conversation to deliver to', { details: { conversationId: request.conversationId } });
      }
      const reply = renderOutbound(request.kind, request.reply, conversation.language, request.ticketId);
      const replyId = await store.record({
        ...(request.id ? { id: request.id } : {}),
        conversationId: request.conversationId,
        channel: conversation.channel,
        kind: request.kind,
        reply,
        internal: request.internal ?? false,
        origin: request.origin,
        author: request.author ?? (request.kind === 'assistant' ? 'assistant' : 'staff'),
        ...(request.ticketId !== undefined ? { ticketId: request.ticketId } : {}),
        ...(request.inquiryId !== undefined ? { inquiryId: request.inquiryId } : {}),
        now: clock.now(),
      });
      await jobs.enqueue('delivery.send', { replyId }, { jobId: `delivery-${replyId}` });
      return { replyId };
    },
  };
}
