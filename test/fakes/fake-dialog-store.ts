import type { DialogStore } from '../../core/dialog.js';

/** In-memory DialogStore that honours expiry like the database one. */
export function createMemoryDialogStore(): DialogStore & { size(): number } {
  const entries = new Map<string, { state: unknown; expiresAt: Date }>();
  return {
    async load(conversationId, now) {
      const entry = entries.get(conversationId);
      if (!entry) return undefined;
      if (entry.expiresAt <= now) {
        entries.delete(conversationId);
        return undefined;
      }
      return structuredClone(entry.state);
    },
    async save(conversationId, state, expiresAt) {
      entries.set(conversationId, { state: structuredClone(state), expiresAt });
    },
    async clear(conversationId) {
      entries.delete(conversationId);
    },
    size: () => entries.size,
  };
}
