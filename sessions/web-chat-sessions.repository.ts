import type { Db } from '../db/index.js';
import type { WebSessionStore } from '../core/web-sessions.js';

/** Server-issued web-chat sessions in the database, so every web process knows every session. */
export function createWebChatSessionsRepository(prisma: Db): WebSessionStore {
  return {
    async create({ id, createdAt }) {
      await prisma.webChatSession.create({ data: { id, createdAt, lastSeenAt: createdAt } });
    },
    async find(id) {
      return (await prisma.webChatSession.findUnique({ where: { id } })) ?? undefined;
    },
    async touch(id, at) {
      await prisma.webChatSession.updateMany({ where: { id, endedAt: null }, data: { lastSeenAt: at } });
    },
    async end(id, at) {
      await prisma.webChatSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: at } });
    },
  };
}
