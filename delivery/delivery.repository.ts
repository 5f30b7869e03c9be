import { isUniqueViolation, type Db } from '../db/index.js';
import type { Channel } from '../core/inquiry.js';
import type { DeliverySkipReason, MessageOrigin, OutboundKind } from '../core/delivery.js';
import type { Reply } from '../core/reply.js';

/** What a delivery job needs about one recorded outbound Reply and its conversation. */
export interface StoredOutbound {
  id: string;
  conversationId: string;
  kind: OutboundKind;
  reply: Reply;
  internal: boolean;
  origin: MessageOrigin;
  ticketId?: number;
  deliveryStatus: 'pending' | 'sent' | 'skipped' | 'failed' | null;
  target: { channel: Channel; address: string | null; threadKey: string; language?: 'en' | 'es' };
}

export interface NewOutbound {
  /**
   * A caller-chosen id: recording the same id again returns it and creates nothing. A row of that id stored
   * without a delivery status (the assistant's answer, stored with its inquiry) is adopted as pending.
   */
  id?: string;
  conversationId: string;
  channel: Channel;
  kind: OutboundKind;
  reply: Reply;
  internal: boolean;
  origin: MessageOrigin;
  author: string;
  ticketId?: number;
  inquiryId?: string;
  now: Date;
}

export interface ConversationFacts {
  channel: Channel;
  language?: 'en' | 'es';
}

export interface DeliveryStore {
  conversation(conversationId: string): Promise<ConversationFacts | undefined>;
  record(outbound: NewOutbound): Promise<string>;
  load(replyId: string): Promise<StoredOutbound | undefined>;
  markSent(replyId: string, result: { externalId?: string; at: Date }): Promise<void>;
  markSkipped(replyId: string, reason: DeliverySkipReason): Promise<void>;
  markFailed(replyId: string, error: string): Promise<void>;
}

function asLanguage(value: string | null | undefined): 'en' | 'es' | undefined {
  return value === 'en' || value === 'es' ? value : undefined;
}

function extrasOf(reply: Reply): string | null {
  const extras = {
    ...(reply.quickReplies?.length ? { quickReplies: reply.quickReplies } : {}),
    ...(reply.cards?.length ? { cards: reply.cards } : {}),
    ...(reply.smsText ? { smsText: reply.smsText } : {}),
    ...(reply.language ? { language: reply.language } : {}),
  };
  return Object.keys(extras).length ? JSON.stringify(extras) : null;
}

function replyOf(text: string | null, extras: string | null): Reply {
  let parsed: Partial<Reply> = {};
  try {
    parsed = extras ? (JSON.parse(extras) as Partial<Reply>) : {};
  } catch {
    parsed = {};
  }
  return { ...parsed, text: text ?? '' };
}

/** Outbound Reply rows in SQLite or PostgreSQL. */
export function createDeliveryRepository(prisma: Db): DeliveryStore {
  return {
    async conversation(conversationId) {
      const row = await prisma.conversation.findUnique({ where: { id: conversationId }, select: { channel: true, language: true } });
      if (!row) return undefined;
      const language = asLanguage(row.language);
      return { channel: row.channel as Channel, ...(language ? { language } : {}) };
    },

    async record(outbound) {
      if (outbound.id) {
        const existing = await prisma.reply.findUnique({ where: { id: outbound.id }, select: { id: true, deliveryStatus: true } });
        if (existing) {
          // The assistant's answer stored with its inquiry (no delivery status yet) becomes this delivery.
          if (existing.deliveryStatus === null) {
            await prisma.reply.updateMany({ where: { id: existing.id, deliveryStatus: null }, data: { deliveryStatus: 'pending' } });
          }
          return existing.id;
        }
      }
      try {
        const row = await prisma.reply.create({
          data: {
            ...(outbound.id ? { id: outbound.id } : {}),
            conversationId: outbound.conversationId,
            inquiryId: outbound.inquiryId ?? null,
            channel: outbound.channel,
            // An internal note's words stay in the ticket's audit trail; the row here only records that it
            // was not sent, so no conversation history can ever show it to the patron.
            text: outbound.internal ? null : outbound.reply.text,
            extras: outbound.internal ? null : extrasOf(outbound.reply),
            author: outbound.kind === 'assistant' ? 'assistant' : 'staff',
            ticketId: outbound.ticketId ?? null,
            kind: outbound.kind,
            internal: outbound.internal,
            origin: outbound.origin,
            deliveryStatus: 'pending',
            createdAt: outbound.now,
          },
          select: { id: true },
        });
        return row.id;
      } catch (error) {
        // The same id recorded at the same moment by another worker: theirs stands.
        if (outbound.id && isUniqueViolation(error)) return outbound.id;
        throw error;
      }
    },

    async load(replyId) {
      const row = await prisma.reply.findUnique({ where: { id: replyId }, include: { conversation: true } });
      if (!row) return undefined;
      const language = asLanguage(row.conversation.language);
      return {
        id: row.id,
        conversationId: row.conversationId,
        kind: row.kind as OutboundKind,
        reply: replyOf(row.text, row.extras),
        internal: row.internal,
        origin: (row.origin ?? 'system') as MessageOrigin,
        ...(row.ticketId != null ? { ticketId: row.ticketId } : {}),
        deliveryStatus: (row.deliveryStatus ?? null) as StoredOutbound['deliveryStatus'],
        target: {
          channel: row.conversation.channel as Channel,
          address: row.conversation.address,
          threadKey: row.conversation.threadKey,
          ...(language ? { language } : {}),
        },
      };
    },

    async markSent(replyId, result) {
      await prisma.reply.update({ where: { id: replyId }, data: { deliveryStatus: 'sent', deliveredAt: result.at, externalId: result.externalId ?? null, deliveryError: null } });
    },

    async markSkipped(replyId, reason) {
      await prisma.reply.update({ where: { id: replyId }, data: { deliveryStatus: 'skipped', deliveryError: reason } });
    },

    async markFailed(replyId, error) {
      await prisma.reply.update({ where: { id: replyId }, data: { deliveryStatus: 'failed', deliveryError: error.slice(0, 500) } });
    },
  };
}
