import type { Clock } from '../core/clock.js';
import { decideDelivery, type DeliveryTarget, type OutboundMessage } from '../core/delivery.js';
import type { Logger } from '../core/logger.js';
import { formatTicketNumber } from '../core/tickets.js';
import type { DeliveryStore } from './delivery.repository.js';
import type { SenderRegistry } from './sender-registry.js';

export interface DeliverySendDeps {
  store: DeliveryStore;
  senders: SenderRegistry;
  clock: Clock;
  logger: Logger;
  /** Provider threading facts of the patron's last message (e-mail Message-ID, Discord channel). */
  threadMeta?: (conversationId: string) => Promise<Record<string, string> | undefined>;
  /** Whether the patron refused further messages on that channel (SMS STOP). */
  isOptedOut?: (target: DeliveryTarget) => Promise<boolean>;
}

/**
 * The `delivery.send` job: load the recorded Reply, ask the delivery rules, send through the channel's
 * sender, record the outcome. A row already sent or skipped is never sent again (a re-run job after a
 * crash between send and record is the only duplicate window, and the provider id is kept to spot it).
 * A sender error is recorded and rethrown so the job engine retries.
 */
export function createDeliverySendJob(deps: DeliverySendDeps) {
  return async function sendDelivery({ replyId }: { replyId: string }, info?: { attempt: number }): Promise<'sent' | 'skipped' | 'done_before' | 'missing'> {
    const stored = await deps.store.load(replyId);
    if (!stored) {
      deps.logger.warn({ replyId }, 'delivery.send for a reply that no longer exists');
      return 'missing';
    }
    if (stored.deliveryStatus === 'sent' || stored.deliveryStatus === 'skipped') return 'done_before';
    const sender = deps.senders.get(stored.target.channel);
    const optedOut = deps.isOptedOut ? await deps.isOptedOut(stored.target) : false;
    const decision = decideDelivery({ internal: stored.internal, origin: stored.origin, target: stored.target }, { optedOut, hasSender: sender !== undefined });
    if (!decision.deliver || !sender) {
      const reason = decision.deliver ? 'no_sender' : decision.reason;
      await deps.store.markSkipped(replyId, reason);
      deps.logger.info({ replyId, channel: stored.target.channel, reason }, 'delivery skipped');
      return 'skipped';
    }
    const threadMeta = deps.threadMeta ? await deps.threadMeta(stored.conversationId) : undefined;
    const message: OutboundMessage = {
      id: stored.id,
      kind: stored.kind,
      target: stored.target,
      reply: stored.reply,
      internal: stored.internal,
      origin: stored.origin,
      ...(stored.ticketId !== undefined ? { ticketNumber: formatTicketNumber(stored.ticketId) } : {}),
      ...(threadMeta && Object.keys(threadMeta).length ? { threadMeta } : {}),
    };
    try {
      const result = await sender.send(message);
      if (result.status === 'skipped') {
        await deps.store.markSkipped(replyId, 'no_sender');
        return 'skipped';
      }
      await deps.store.markSent(replyId, { ...(result.externalId ? { externalId: result.externalId } : {}), at: deps.clock.now() });
      return 'sent';
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      await deps.store.markFailed(replyId, text);
      deps.logger.warn({ replyId, channel: stored.target.channel, attempt: info?.attempt, err: error }, 'delivery failed; the job will retry');
      throw error;
    }
  };
}
