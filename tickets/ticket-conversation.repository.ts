import type { Db } from '../db/index.js';
import type { ConversationEntry } from '../core/inquiry-service.js';
import type { TicketConversationReader } from '../core/tickets.js';

/**
 * Reads a ticket's conversation for staff by conversation id (never by address): stored patron messages
 * and the replies sent, with internal rows left out. Bodies erased by retention stay erased.
 */
export function createTicketConversationReader(prisma: Db): TicketConversationReader {
  return {
    async messages(conversationId, options = {}) {
      const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
      const [inquiries, replies] = await Promise.all([
        prisma.inquiry.findMany({ where: { conversationId, text: { not: null } }, orderBy: { receivedAt: 'desc' }, take: limit, select: { text: true, receivedAt: true } }),
        prisma.reply.findMany({
          where: { conversationId, text: { not: null }, internal: false },
          orderBy: { createdAt: 'desc' },
          take: limit,
          select: { text: true, author: true, createdAt: true },
        }),
      ]);
      const entries: ConversationEntry[] = [
        ...inquiries.map((row) => ({ from: 'patron' as const, text: row.text ?? '', at: row.receivedAt })),
        ...replies.map((row) => ({ from: row.author === 'staff' ? ('staff' as const) : ('assistant' as const), text: row.text ?? '', at: row.createdAt })),
      ];
      entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.from === 'patron' ? -1 : 1));
      return entries.slice(-limit);
    },
  };
}
