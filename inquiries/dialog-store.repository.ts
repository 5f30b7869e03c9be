import type { Db } from '../db/index.js';
import type { DialogStore } from '../core/dialog.js';

/** Dialog state lives on the conversation row, so any process can pick up the next message. */
export function createDialogStore(prisma: Db): DialogStore {
  return {
    async load(conversationId, now) {
      const row = await prisma.conversation.findUnique({
        where: { id: conversationId },
        select: { dialogState: true, dialogExpiresAt: true },
      });
      if (!row?.dialogState || !row.dialogExpiresAt || row.dialogExpiresAt.getTime() <= now.getTime()) return undefined;
      return JSON.parse(row.dialogState) as unknown;
    },
    async save(conversationId, state, expiresAt) {
      await prisma.conversation.update({
        where: { id: conversationId },
        data: { dialogState: JSON.stringify(state), dialogExpiresAt: expiresAt },
      });
    },
    async clear(conversationId) {
      await prisma.conversation.update({ where: { id: conversationId }, data: { dialogState: null, dialogExpiresAt: null } });
    },
  };
}
