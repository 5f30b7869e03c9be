import type { Db } from '../db/index.js';
import type { Channel, Inquiry } from '../core/inquiry.js';
import type { ConversationEntry } from '../core/inquiry-service.js';
import type { Intent } from '../core/intents.js';
import type { Reply } from '../core/reply.js';
import type { Outcome } from '../core/router.js';

export interface StoredAnswer {
  inquiryId: string;
  conversationId: string;
  status: 'received' | 'answered' | 'failed';
  intent?: Intent;
  confidence?: number;
  outcome?: Outcome;
  ticketId?: number;
  reply?: Reply;
}

/** Thrown by `insertInquiry` when (channel, externalId) was stored before. */
export class DuplicateInquiry extends Error {
  constructor(readonly existingId: string) {
    super('duplicate inquiry');
  }
}

function isUniqueViolation(error: unknown): boolean {
  // Prisma's unique-constraint code, the same from both providers' clients.
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

interface ReplyExtras {
  quickReplies?: string[];
  cards?: Reply['cards'];
  smsText?: string;
  language?: Reply['language'];
}

function extrasOf(reply: Reply): string | null {
  const extras: ReplyExtras = {
    ...(reply.quickReplies?.length ? { quickReplies: reply.quickReplies } : {}),
    ...(reply.cards?.length ? { cards: reply.cards } : {}),
    ...(reply.smsText ? { smsText: reply.smsText } : {}),
    ...(reply.language ? { language: reply.language } : {}),
  };
  return Object.keys(extras).length ? JSON.stringify(extras) : null;
}

function replyFromRow(text: string | null, extras: string | null): Reply {
  const parsed = extras ? (JSON.parse(extras) as ReplyExtras) : {};
  return { text: text ?? '', ...parsed };
}

export function createInquiriesRepository(prisma: Db) {
  return {
    /** Finds or creates the conversation for (channel, threadKey); keeps the latest sender address. */
    async upsertConversation(channel: Channel, threadKey: string, address: string): Promise<string> {
      const row = await prisma.conversation.upsert({
        where: { channel_threadKey: { channel, threadKey } },
        create: { channel, threadKey, address },
        update: { address },
        select: { id: true },
      });
      return row.id;
    },

    /** Stores the inbound message before anything else happens to it. */
    async insertInquiry(conversationId: string, inquiry: Inquiry): Promise<string> {
      try {
        const row = await prisma.inquiry.create({
          data: {
            conversationId,
            channel: inquiry.channel,
            externalId: inquiry.externalId ?? null,
            text: inquiry.text,
            receivedAt: inquiry.receivedAt,
          },
          select: { id: true },
        });
        return row.id;
      } catch (error) {
        if (inquiry.externalId && isUniqueViolation(error)) {
          const existing = await prisma.inquiry.findFirst({
            where: { channel: inquiry.channel, externalId: inquiry.externalId },
            select: { id: true },
          });
          if (existing) throw new DuplicateInquiry(existing.id);
        }
        throw error;
      }
    },

    async findAnswer(inquiryId: string): Promise<StoredAnswer | undefined> {
      const row = await prisma.inquiry.findUnique({
        where: { id: inquiryId },
        include: { replies: { where: { author: 'assistant' }, orderBy: { createdAt: 'asc' }, take: 1 } },
      });
      if (!row) return undefined;
      const first = row.replies[0];
      return {
        inquiryId: row.id,
        conversationId: row.conversationId,
        status: row.status as StoredAnswer['status'],
        ...(row.intent ? { intent: row.intent as Intent } : {}),
        ...(row.confidence != null ? { confidence: row.confidence } : {}),
        ...(row.outcome ? { outcome: row.outcome as Outcome } : {}),
        ...(row.ticketId != null ? { ticketId: row.ticketId } : {}),
        ...(first ? { reply: replyFromRow(first.text, first.extras) } : {}),
      };
    },

    /** Records the answer and the reply in one transaction: either both are stored or neither. */
    async completeInquiry(
      inquiryId: string,
      conversationId: string,
      channel: Channel,
      result: { intent: Intent; confidence: number; outcome: Outcome; reply: Reply; ticketId?: number; failed?: string },
      now: Date,
    ): Promise<void> {
      await prisma.$transaction([
        prisma.inquiry.update({
          where: { id: inquiryId },
          data: {
            status: result.failed ? 'failed' : 'answered',
            intent: result.intent,
            confidence: result.confidence,
            outcome: result.outcome,
            ticketId: result.ticketId ?? null,
            answeredAt: now,
            error: result.failed ?? null,
          },
        }),
        prisma.reply.create({
          data: {
            conversationId,
            inquiryId,
            channel,
            text: result.reply.text,
            extras: extrasOf(result.reply),
            author: 'assistant',
            ticketId: result.ticketId ?? null,
            createdAt: now,
          },
        }),
      ]);
    },

    /**
     * Inquiries stored but never answered (the process stopped mid-way), claimed one at a time so that
     * of several starting processes exactly one answers each. A claim that itself died is retried after
     * `reclaimAfterMs`.
     */
    async claimUnanswered(olderThan: Date, now: Date, reclaimAfterMs: number, limit: number): Promise<Array<Inquiry & { id: string; conversationId: string }>> {
      const reclaimBefore = new Date(now.getTime() - reclaimAfterMs);
      const candidates = await prisma.inquiry.findMany({
        where: {
          OR: [
            { status: 'received', receivedAt: { lt: olderThan } },
            { status: 'recovering', answeredAt: { lt: reclaimBefore } },
          ],
          text: { not: null },
        },
        include: { conversation: { select: { threadKey: true, address: true } } },
        orderBy: { receivedAt: 'asc' },
        take: limit,
      });
      const claimed: Array<Inquiry & { id: string; conversationId: string }> = [];
      for (const row of candidates) {
        const won = await prisma.inquiry.updateMany({
          where: { id: row.id, status: row.status, answeredAt: row.answeredAt },
          data: { status: 'recovering', answeredAt: now },
        });
        if (won.count !== 1) continue;
        claimed.push({
          id: row.id,
          conversationId: row.conversationId,
          channel: row.channel as Channel,
          address: row.conversation.address ?? row.conversation.threadKey,
          threadKey: row.conversation.threadKey,
          text: row.text ?? '',
          receivedAt: row.receivedAt,
          ...(row.externalId ? { externalId: row.externalId } : {}),
        });
      }
      return claimed;
    },

    async markFailed(inquiryId: string, error: string, now: Date): Promise<void> {
      await prisma.inquiry.update({ where: { id: inquiryId }, data: { status: 'failed', error, answeredAt: now } });
    },

    /** The conversation as the patron saw it, oldest first. */
    async history(channel: Channel, threadKey: string, limit: number): Promise<ConversationEntry[]> {
      const conversation = await prisma.conversation.findUnique({
        where: { channel_threadKey: { channel, threadKey } },
        select: { id: true },
      });
      if (!conversation) return [];
      const [inquiries, replies] = await Promise.all([
        prisma.inquiry.findMany({
          where: { conversationId: conversation.id, text: { not: null } },
          orderBy: { receivedAt: 'desc' },
          take: limit,
          select: { text: true, receivedAt: true },
        }),
        prisma.reply.findMany({
          where: { conversationId: conversation.id, text: { not: null } },
          orderBy: { createdAt: 'desc' },
          take: limit,
          select: { text: true, extras: true, author: true, createdAt: true },
        }),
      ]);
      const entries: ConversationEntry[] = [
        ...inquiries.map((row) => ({ from: 'patron' as const, text: row.text ?? '', at: row.receivedAt })),
        ...replies.map((row) => {
          const reply = replyFromRow(row.text, row.extras);
          return {
            from: row.author === 'staff' ? ('staff' as const) : ('assistant' as const),
            text: reply.text,
            ...(reply.quickReplies ? { quickReplies: reply.quickReplies } : {}),
            at: row.createdAt,
          };
        }),
      ];
      // A reply is stored in the same millisecond as its question is answered; patrons come first.
      entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.from === 'patron' ? -1 : 1));
      return entries.slice(-limit);
    },
  };
}

export type InquiriesRepository = ReturnType<typeof createInquiriesRepository>;
