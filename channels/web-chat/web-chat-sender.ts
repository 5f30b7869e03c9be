import type { ChannelSender, OutboundMessage, SendResult } from '../../core/delivery.js';
import type { ConversationEvents } from '../../core/inquiry-service.js';
import type { Clock } from '../../core/clock.js';

/**
 * Delivers to an open web chat: publishes the message on the conversation's live stream (SSE, fanned out
 * through Redis when several processes run). A patron who is not looking sees it after a reload, because
 * the chat history reads the same recorded Reply row. There is no provider id: the Reply id is the id.
 */
export function createWebChatSender({ events, clock }: { events: ConversationEvents; clock: Clock }): ChannelSender {
  return {
    channel: 'web',
    async send(message: OutboundMessage): Promise<SendResult> {
      const from = message.kind === 'staff_reply' || message.kind === 'resolution' ? 'staff' : 'assistant';
      await events.publish('web', message.target.threadKey, {
        type: 'reply',
        entry: {
          from,
          text: message.reply.text,
          at: clock.now(),
          ...(message.reply.quickReplies?.length ? { quickReplies: message.reply.quickReplies } : {}),
        },
      });
      return { status: 'sent', externalId: message.id };
    },
  };
}
