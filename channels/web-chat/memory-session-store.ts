import type { WebSessionRecord, WebSessionStore } from '../../core/web-sessions.js';

/** Sessions in a Map: for the HTTP tests and one-process demos; the database store is the real one. */
export function createMemoryWebSessionStore(): WebSessionStore & { readonly records: Map<string, WebSessionRecord> } {
  const records = new Map<string, WebSessionRecord>();
  return {
    records,
    async create({ id, createdAt }) {
      records.set(id, { id, createdAt, lastSeenAt: createdAt, endedAt: null });
    },
    async find(id) {
      const record = records.get(id);
      return record ? { ...record } : undefined;
    },
    async touch(id, at) {
      const record = records.get(id);
      if (record && !record.endedAt) record.lastSeenAt = at;
    },
    async end(id, at) {
      const record = records.get(id);
      if (record && !record.endedAt) record.endedAt = at;
    },
  };
}
