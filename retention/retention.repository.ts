import type { Db } from '../db/index.js';
import { topicTerms } from '../reports/topic-terms.js';

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
      // Unanswered questions keep their content words (no names, numbers or addresses) for the reports.
      const unanswered = await prisma.inquiry.findMany({
        where: { receivedAt: { lt: cutoff }, text: { not: null }, outcome: 'unanswered', topic: null },
        select: { id: true, text: true },
      });
      const topics = unanswered.map((row) => prisma.inquiry.update({ where: { id: row.id }, data: { topic: topicTerms(row.text ?? '').join(' ') } }));
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
        ...topics,
      ]);
      return { inquiries: inquiries.count, replies: replies.count, conversations: conversations.count, tickets: tickets.count };
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
