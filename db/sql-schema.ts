import type { Generated } from 'kysely';

/**
 * Kysely's view of the tables on the hot path of a message (conversation, inquiry, reply, outbox).
 * prisma/schema.prisma stays the source of truth and migrations come from it; `db/sql-schema.test.ts`
 * checks these columns against the migrated database of both providers, so the two cannot drift.
 *
 * Dates go in as `Date` and come back as `Date` on PostgreSQL and as Prisma's ISO text on SQLite; read
 * them through `toDate` (db/sql.ts).
 */
export type SqlDate = Date | string;

export interface ConversationTable {
  id: string;
  channel: string;
  threadKey: string;
  address: string | null;
  language: string | null;
  dialogState: string | null;
  dialogExpiresAt: SqlDate | null;
  createdAt: SqlDate;
  updatedAt: SqlDate;
}

export interface InquiryTable {
  id: string;
  conversationId: string;
  channel: string;
  externalId: string | null;
  text: string | null;
  receivedAt: SqlDate;
  status: Generated<string>;
  intent: string | null;
  confidence: number | null;
  outcome: string | null;
  ticketId: number | null;
  answeredAt: SqlDate | null;
  error: string | null;
  meta: string | null;
  deliveryQueuedAt: SqlDate | null;
}

export interface ReplyTable {
  id: string;
  conversationId: string;
  inquiryId: string | null;
  channel: string;
  text: string | null;
  extras: string | null;
  author: Generated<string>;
  ticketId: number | null;
  externalId: string | null;
  createdAt: SqlDate;
  deliveredAt: SqlDate | null;
}

export interface OutboxEntryTable {
  id: string;
  name: string;
  payload: string;
  jobId: string;
  options: string | null;
  runAt: SqlDate;
  relayAttempts: Generated<number>;
  nextRelayAt: SqlDate;
  lockedUntil: SqlDate | null;
  lastError: string | null;
  createdAt: SqlDate;
}

export interface SqlSchema {
  Conversation: ConversationTable;
  Inquiry: InquiryTable;
  Reply: ReplyTable;
  OutboxEntry: OutboxEntryTable;
}

/** The columns each table above declares, for the drift check. */
export const SQL_SCHEMA_COLUMNS: Record<keyof SqlSchema, readonly string[]> = {
  Conversation: ['id', 'channel', 'threadKey', 'address', 'language', 'dialogState', 'dialogExpiresAt', 'createdAt', 'updatedAt'],
  Inquiry: [
    'id', 'conversationId', 'channel', 'externalId', 'text', 'receivedAt', 'status', 'intent', 'confidence', 'outcome',
    'ticketId', 'answeredAt', 'error', 'meta', 'deliveryQueuedAt',
  ],
  Reply: ['id', 'conversationId', 'inquiryId', 'channel', 'text', 'extras', 'author', 'ticketId', 'externalId', 'createdAt', 'deliveredAt'],
  OutboxEntry: ['id', 'name', 'payload', 'jobId', 'options', 'runAt', 'relayAttempts', 'nextRelayAt', 'lockedUntil', 'lastError', 'createdAt'],
};
