import { execOf, firstOf, prepare, toDate, type Sql } from '../db/index.js';
import type { SqlDate } from '../db/sql-schema.js';
import type { DialogStore } from '../core/dialog.js';

/** Dialog state lives on the conversation row, so any process can pick up the next message. */
export function createDialogStore(sql: Sql): DialogStore {
  const { db } = sql;
  // Read and written for every message: built and compiled once.
  const load = prepare<{ id: string }, { dialogState: string | null; dialogExpiresAt: SqlDate | null }>((p) =>
    db.selectFrom('Conversation').select(['dialogState', 'dialogExpiresAt']).where('id', '=', p('id')),
  );
  const save = prepare<{ id: string; state: string | null; expiresAt: SqlDate | null }, never>((p) =>
    db.updateTable('Conversation').set({ dialogState: p('state'), dialogExpiresAt: p('expiresAt') }).where('id', '=', p('id')),
  );
  return {
    load(conversationId, now) {
      return sql.run(function* () {
        const row = yield* firstOf(load, { id: conversationId });
        if (!row?.dialogState || !row.dialogExpiresAt || toDate(row.dialogExpiresAt).getTime() <= now.getTime()) return undefined;
        return JSON.parse(row.dialogState) as unknown;
      });
    },
    async save(conversationId, state, expiresAt) {
      await sql.run(function* () {
        yield* execOf(save, { id: conversationId, state: JSON.stringify(state), expiresAt });
      });
    },
    async clear(conversationId) {
      await sql.run(function* () {
        yield* execOf(save, { id: conversationId, state: null, expiresAt: null });
      });
    },
  };
}
