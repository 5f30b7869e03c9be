import type { Db } from '../db/index.js';

export interface PurgeReport {
  inquiries: number;
  replies: number;
  conversations: number;
  tickets: number;
}

/**
 * Erases personal data older than the cutoff and keeps what statistics need (channel, intent, outcome,
 * confidence, times). Open tickets keep their requester's address: staff still owe that patron an answer.
 */
export function createRetentionRepository(prisma: Db) {
  return {
    async purgeBefore(cutoff: Date): Promise<PurgeReport> {
      const [inquiries, replies, conversations, tickets] = await prisma.$transaction([
        prisma.inquiry.updateMany({ where: { receivedAt: { lt: cutoff }, text: { not: null } }, data: { text: null } }),
        prisma.reply.updateMany({ where: { createdAt: { lt: cutoff }, text: { not: null } }, data: { text: null, extras: null } }),
        prisma.conversation.updateMany({
          where: { updatedAt: { lt: cutoff }, OR: [{ address: { not: null } }, { dialogState: { not: null } }] },
          data: { address: null, dialogState: null, dialogExpiresAt: null },
        }),
        prisma.ticket.updateMany({
          where: { status: 'resolved', resolvedAt: { lt: cutoff }, requesterAddress: { not: null } },
          data: { requesterAddress: null },
        }),
      ]);
      return { inquiries: inquiries.count, replies: replies.count, conversations: conversations.count, tickets: tickets.count };
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
