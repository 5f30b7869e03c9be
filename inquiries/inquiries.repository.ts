import type { InferResult } from 'kysely';
import { exec, execOf, first, firstOf, prepare, rawRows, rows, timeOrderedUuid, toDate, type Sql } from '../db/index.js';
import type { SqlDate } from '../db/sql-schema.js';
import type { Channel, Inquiry } from '../core/inquiry.js';
import type { ConversationEntry } from '../core/inquiry-service.js';
import type { Intent } from '../core/intents.js';
import type { Reply } from '../core/reply.js';
import type { DialogUpdate, Outcome } from '../core/router.js';
import { maskPatronSecrets } from '../core/patron-secrets.js';
import { answerReplyId } from './answer-reply-id.js';

export interface StoredAnswer {
  inquiryId: string;
  conversationId: string;
  status: 'received' | 'recovering' | 'answered' | 'failed';
  intent?: Intent;
  confidence?: number;
  outcome?: Outcome;
  ticketId?: number;
  reply?: Reply;
  /** The answer was handed to delivery (accepted and recovered inquiries). */
  deliveryQueued: boolean;
}

export type StoredInquiry = Inquiry & { id: string; conversationId: string };

/**
 * What storing a message gave: a new inquiry, or the one stored before under the same (channel, externalId).
 * `newConversation`: this message began its conversation, so it has no dialog state and no ticket yet.
 */
export type StoreOutcome = { inquiryId: string; conversationId: string; duplicate: boolean; newConversation: boolean };


export interface CompletedInquiry {
  intent: Intent;
  confidence: number;
  outcome: Outcome;
  reply: Reply;
  ticketId?: number;
  failed?: string;
  /** The conversation's dialog state after this answer, written in the same transaction. */
  dialog?: DialogUpdate;
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

/** Keeps the string-valued keys of stored meta: what channels read back to thread a reply. */
export function threadMetaOf(json: string): Record<string, string> | undefined {
  const parsed = JSON.parse(json) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') out[key] = value;
  return Object.keys(out).length ? out : undefined;
}

/**
 * The inquiry log on the typed SQL layer (db/sql.ts): the hot path of every message. Storing a message is
 * one transaction (conversation upsert and inquiry insert), answering it another (status and reply).
 */
export function createInquiriesRepository(sql: Sql) {
  const { db } = sql;

  // The statements every message runs, built and compiled once (see `prepare` in db/sql.ts).
  const upsertConversation = prepare<{ id: string; channel: string; threadKey: string; address: string; at: SqlDate }, { id: string }>((p) =>
    db
      .insertInto('Conversation')
      .values({ id: p('id'), channel: p('channel'), threadKey: p('threadKey'), address: p('address'), createdAt: p('at'), updatedAt: p('at') })
      .onConflict((conflict) => conflict.columns(['channel', 'threadKey']).doUpdateSet((eb) => ({ address: eb.ref('excluded.address'), updatedAt: eb.ref('excluded.updatedAt') })))
      .returning('id'),
  );
  const insertInquiry = prepare<
    { id: string; conversationId: string; channel: string; externalId: string | null; text: string; receivedAt: SqlDate; meta: string | null },
    { id: string }
  >((p) =>
    db
      .insertInto('Inquiry')
      .values({
        id: p('id'),
        conversationId: p('conversationId'),
        channel: p('channel'),
        externalId: p('externalId'),
        text: p('text'),
        receivedAt: p('receivedAt'),
        meta: p('meta'),
      })
      .onConflict((conflict) => conflict.columns(['channel', 'externalId']).doNothing())
      .returning('id'),
  );
  const findByExternalId = prepare<{ channel: string; externalId: string }, { id: string; conversationId: string }>((p) =>
    db.selectFrom('Inquiry').select(['id', 'conversationId']).where('channel', '=', p('channel')).where('externalId', '=', p('externalId')),
  );
  const recordAnswer = prepare<{
    id: string;
    status: string;
    intent: string;
    confidence: number;
    outcome: string;
    ticketId: number | null;
    answeredAt: SqlDate;
    error: string | null;
  }, never>((p) =>
    db
      .updateTable('Inquiry')
      .set({
        status: p('status'),
        intent: p('intent'),
        confidence: p('confidence'),
        outcome: p('outcome'),
        ticketId: p('ticketId'),
        answeredAt: p('answeredAt'),
        error: p('error'),
      })
      .where('id', '=', p('id')),
  );
  const insertReply = prepare<
    { id: string; conversationId: string; inquiryId: string; channel: string; text: string; extras: string | null; ticketId: number | null; createdAt: SqlDate },
    never
  >((p) =>
    db.insertInto('Reply').values({
      id: p('id'),
      conversationId: p('conversationId'),
      inquiryId: p('inquiryId'),
      channel: p('channel'),
      text: p('text'),
      extras: p('extras'),
      author: 'assistant',
      ticketId: p('ticketId'),
      createdAt: p('createdAt'),
    }),
  );

  const saveDialog = prepare<{ id: string; state: string | null; expiresAt: SqlDate | null }, never>((p) =>
    db.updateTable('Conversation').set({ dialogState: p('state'), dialogExpiresAt: p('expiresAt') }).where('id', '=', p('id')),
  );
  const ticketOfConversation = prepare<{ conversationId: string }, { id: string }>((p) =>
    db.selectFrom('Inquiry').select('id').where('conversationId', '=', p('conversationId')).where('ticketId', 'is not', null).limit(1),
  );

  // On PostgreSQL every statement is a round trip, so the two writes of a message are one statement each
  // (data-modifying WITH), atomic on their own: two round trips per message instead of nine. SQLite runs
  // the same steps as separate statements in one transaction, where a statement costs no round trip.
  const STORE_ON_POSTGRES = `WITH conv AS (
      INSERT INTO "Conversation" ("id", "channel", "threadKey", "address", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $5)
      ON CONFLICT ("channel", "threadKey") DO UPDATE SET "address" = EXCLUDED."address", "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "id"
    ), inserted AS (
      INSERT INTO "Inquiry" ("id", "conversationId", "channel", "externalId", "text", "receivedAt", "meta")
      SELECT $6::text, conv."id", $2::text, $7::text, $8::text, $5::timestamp(3), $9::text FROM conv
      ON CONFLICT ("channel", "externalId") DO NOTHING
      RETURNING "id"
    )
    SELECT conv."id" AS "conversationId", (SELECT "id" FROM inserted) AS "inquiryId" FROM conv`;
  const COMPLETE_ON_POSTGRES = `WITH answered AS (
      UPDATE "Inquiry" SET "status" = $2, "intent" = $3, "confidence" = $4, "outcome" = $5, "ticketId" = $6, "answeredAt" = $7, "error" = $8
      WHERE "id" = $1
      RETURNING "id"
    ), reply AS (
      INSERT INTO "Reply" ("id", "conversationId", "inquiryId", "channel", "text", "extras", "author", "ticketId", "createdAt")
      VALUES ($9, $10, $1, $11, $12, $13, 'assistant', $6, $7)
      RETURNING "id"
    ), dialog AS (
      UPDATE "Conversation" SET "dialogState" = $14, "dialogExpiresAt" = $15 WHERE "id" = $10 AND $16::boolean
      RETURNING "id"
    )
    SELECT (SELECT count(*) FROM answered) AS "answered"`;

  const storedInquiryQuery = (inquiryId: string) =>
    db
      .selectFrom('Inquiry')
      .innerJoin('Conversation', 'Conversation.id', 'Inquiry.conversationId')
      .select([
        'Inquiry.id',
        'Inquiry.conversationId',
        'Inquiry.channel',
        'Inquiry.text',
        'Inquiry.receivedAt',
        'Inquiry.externalId',
        'Inquiry.meta',
        'Inquiry.status',
        'Inquiry.answeredAt',
        'Conversation.threadKey',
        'Conversation.address',
      ])
      .where('Inquiry.id', '=', inquiryId);

  type StoredRow = InferResult<ReturnType<typeof storedInquiryQuery>>[number];

  function toStoredInquiry(row: StoredRow): StoredInquiry {
    const meta = row.meta ? (JSON.parse(row.meta) as Record<string, unknown>) : undefined;
    return {
      id: row.id,
      conversationId: row.conversationId,
      channel: row.channel as Channel,
      address: row.address ?? row.threadKey,
      threadKey: row.threadKey,
      text: row.text ?? '',
      receivedAt: toDate(row.receivedAt),
      ...(row.externalId ? { externalId: row.externalId } : {}),
      ...(meta ? { meta } : {}),
    };
  }

  return {
    /**
     * Stores the inbound message before anything else happens to it, with its conversation (found or
     * created by channel and thread key; the latest sender address kept), in one transaction. A repeated
     * (channel, externalId) stores nothing and returns the first one with `duplicate: true`.
     */
    storeInquiry(inquiry: Inquiry): Promise<StoreOutcome> {
      // Time-ordered ids append to their indexes instead of touching a random page of each (db/time-ordered-id.ts).
      const newConversationId = timeOrderedUuid();
      // A card number and PIN are masked before they are stored; only the verification call sees them.
      const text = maskPatronSecrets(inquiry.text);
      const meta = inquiry.meta ? JSON.stringify(inquiry.meta) : null;
      if (sql.provider === 'postgresql') {
        return sql.run(function* () {
          const [row] = yield* rawRows<{ conversationId: string; inquiryId: string | null }>(
            STORE_ON_POSTGRES,
            [newConversationId, inquiry.channel, inquiry.threadKey, inquiry.address, inquiry.receivedAt, timeOrderedUuid(), inquiry.externalId ?? null, text, meta],
            { name: 'libdesk_store_inquiry' },
          );
          const conversationId = row!.conversationId;
          if (row!.inquiryId) return { inquiryId: row!.inquiryId, conversationId, duplicate: false, newConversation: conversationId === newConversationId };
          const existing = inquiry.externalId ? yield* firstOf(findByExternalId, { channel: inquiry.channel, externalId: inquiry.externalId }) : undefined;
          if (!existing) throw new Error('inquiry insert conflicted but no earlier inquiry was found');
          return { inquiryId: existing.id, conversationId: existing.conversationId, duplicate: true, newConversation: false };
        });
      }
      return sql.transaction(function* () {
        const conversation = yield* firstOf(upsertConversation, {
          id: newConversationId,
          channel: inquiry.channel,
          threadKey: inquiry.threadKey,
          address: inquiry.address,
          at: inquiry.receivedAt,
        });
        const conversationId = conversation!.id;
        const inserted = yield* firstOf(insertInquiry, {
          id: timeOrderedUuid(),
          conversationId,
          channel: inquiry.channel,
          externalId: inquiry.externalId ?? null,
          text,
          receivedAt: inquiry.receivedAt,
          meta,
        });
        // The upsert returns the id it was given only when it created the conversation.
        const newConversation = conversationId === newConversationId;
        if (inserted) return { inquiryId: inserted.id, conversationId, duplicate: false, newConversation };
        const existing = inquiry.externalId ? yield* firstOf(findByExternalId, { channel: inquiry.channel, externalId: inquiry.externalId }) : undefined;
        if (!existing) throw new Error('inquiry insert conflicted but no earlier inquiry was found');
        return { inquiryId: existing.id, conversationId: existing.conversationId, duplicate: true, newConversation: false };
      });
    },

    findAnswer(inquiryId: string): Promise<StoredAnswer | undefined> {
      return sql.run(function* () {
        const row = yield* first(
          db
            .selectFrom('Inquiry')
            .select(['id', 'conversationId', 'status', 'intent', 'confidence', 'outcome', 'ticketId', 'deliveryQueuedAt'])
            .where('id', '=', inquiryId),
        );
        if (!row) return undefined;
        const reply = yield* first(
          db
            .selectFrom('Reply')
            .select(['text', 'extras'])
            .where('inquiryId', '=', inquiryId)
            .where('author', '=', 'assistant')
            .orderBy('createdAt', 'asc')
            .limit(1),
        );
        return {
          inquiryId: row.id,
          conversationId: row.conversationId,
          status: row.status as StoredAnswer['status'],
          ...(row.intent ? { intent: row.intent as Intent } : {}),
          ...(row.confidence != null ? { confidence: row.confidence } : {}),
          ...(row.outcome ? { outcome: row.outcome as Outcome } : {}),
          ...(row.ticketId != null ? { ticketId: row.ticketId } : {}),
          ...(reply ? { reply: replyFromRow(reply.text, reply.extras) } : {}),
          deliveryQueued: row.deliveryQueuedAt != null,
        };
      });
    },

    /**
     * Records the answer, the reply and the dialog state in one transaction: all are stored or none. The
     * reply row's id is the answer's reply id, so handing this answer to delivery later adopts this row
     * instead of storing the words a second time.
     */
    completeInquiry(inquiryId: string, conversationId: string, channel: Channel, result: CompletedInquiry, now: Date): Promise<void> {
      if (sql.provider === 'postgresql') {
        return sql.run(function* () {
          yield* rawRows(
            COMPLETE_ON_POSTGRES,
            [
              inquiryId,
              result.failed ? 'failed' : 'answered',
              result.intent,
              result.confidence,
              result.outcome,
              result.ticketId ?? null,
              now,
              result.failed ?? null,
              answerReplyId(inquiryId),
              conversationId,
              channel,
              result.reply.text,
              extrasOf(result.reply),
              result.dialog?.state == null ? null : JSON.stringify(result.dialog.state),
              result.dialog?.expiresAt ?? null,
              result.dialog !== undefined,
            ],
            { name: 'libdesk_complete_inquiry' },
          );
        });
      }
      return sql.transaction(function* () {
        yield* execOf(recordAnswer, {
          id: inquiryId,
          status: result.failed ? 'failed' : 'answered',
          intent: result.intent,
          confidence: result.confidence,
          outcome: result.outcome,
          ticketId: result.ticketId ?? null,
          answeredAt: now,
          error: result.failed ?? null,
        });
        yield* execOf(insertReply, {
          id: answerReplyId(inquiryId),
          conversationId,
          inquiryId,
          channel,
          text: result.reply.text,
          extras: extrasOf(result.reply),
          ticketId: result.ticketId ?? null,
          createdAt: now,
        });
        if (result.dialog) {
          yield* execOf(saveDialog, {
            id: conversationId,
            state: result.dialog.state === null ? null : JSON.stringify(result.dialog.state),
            expiresAt: result.dialog.expiresAt,
          });
        }
      });
    },

    /**
     * Claims one stored inquiry for routing (the `inquiry.route` job): a conditional UPDATE from
     * `received`, so of any number of tries and processes exactly one gets it.
     */
    claimInquiry(inquiryId: string, now: Date): Promise<StoredInquiry | undefined> {
      return sql.transaction(function* () {
        const won = yield* exec(
          db.updateTable('Inquiry').set({ status: 'recovering', answeredAt: now }).where('id', '=', inquiryId).where('status', '=', 'received').where('text', 'is not', null),
        );
        if (won !== 1) return undefined;
        const row = yield* first(storedInquiryQuery(inquiryId));
        return row ? toStoredInquiry(row) : undefined;
      });
    },

    /**
     * Inquiries stored but never answered (the process stopped mid-way, or their routing job was lost),
     * each claimed with a conditional UPDATE so that of several sweeping processes exactly one answers
     * it. A claim that itself died is retried after `reclaimAfterMs`.
     */
    claimUnanswered(olderThan: Date, now: Date, reclaimAfterMs: number, limit: number): Promise<StoredInquiry[]> {
      const reclaimBefore = new Date(now.getTime() - reclaimAfterMs);
      return sql.transaction(function* () {
        const candidates = yield* rows(
          db
            .selectFrom('Inquiry')
            .select(['id', 'status', 'answeredAt'])
            .where((eb) =>
              eb.or([
                eb.and([eb('status', '=', 'received'), eb('receivedAt', '<', olderThan)]),
                eb.and([eb('status', '=', 'recovering'), eb('answeredAt', '<', reclaimBefore)]),
              ]),
            )
            .where('text', 'is not', null)
            .orderBy('receivedAt', 'asc')
            .limit(limit),
        );
        const claimed: StoredInquiry[] = [];
        for (const candidate of candidates) {
          const won = yield* exec(
            db
              .updateTable('Inquiry')
              .set({ status: 'recovering', answeredAt: now })
              .where('id', '=', candidate.id)
              .where('status', '=', candidate.status)
              .where((eb) => (candidate.answeredAt === null ? eb('answeredAt', 'is', null) : eb('answeredAt', '=', candidate.answeredAt))),
          );
          if (won !== 1) continue;
          const row = yield* first(storedInquiryQuery(candidate.id));
          if (row) claimed.push(toStoredInquiry(row));
        }
        return claimed;
      });
    },

    async markFailed(inquiryId: string, error: string, now: Date): Promise<void> {
      await sql.run(function* () {
        yield* exec(db.updateTable('Inquiry').set({ status: 'failed', error, answeredAt: now }).where('id', '=', inquiryId));
      });
    },

    async markDeliveryQueued(inquiryId: string, now: Date): Promise<void> {
      await sql.run(function* () {
        yield* exec(db.updateTable('Inquiry').set({ deliveryQueuedAt: now }).where('id', '=', inquiryId));
      });
    },

    /**
     * The provider threading facts of the patron's latest message that had any (e-mail Message-ID and
     * References, a Discord channel id), for replying in the same thread. Only string values are kept.
     */
    lastThreadMeta(conversationId: string): Promise<Record<string, string> | undefined> {
      return sql.run(function* () {
        const row = yield* first(
          db.selectFrom('Inquiry').select('meta').where('conversationId', '=', conversationId).where('meta', 'is not', null).orderBy('receivedAt', 'desc').limit(1),
        );
        return row?.meta ? threadMetaOf(row.meta) : undefined;
      });
    },

    /**
     * Whether any message of the conversation opened or joined a ticket: a few index reads, so the
     * ticket store is asked about the conversation's ticket only where there can be one.
     */
    hasTicket(conversationId: string): Promise<boolean> {
      return sql.run(function* () {
        return (yield* firstOf(ticketOfConversation, { conversationId })) !== undefined;
      });
    },

    /** The conversation as the patron saw it, oldest first. */
    history(channel: Channel, threadKey: string, limit: number): Promise<ConversationEntry[]> {
      return sql.run(function* () {
        const conversation = yield* first(db.selectFrom('Conversation').select('id').where('channel', '=', channel).where('threadKey', '=', threadKey));
        if (!conversation) return [];
        const inquiries = yield* rows(
          db
            .selectFrom('Inquiry')
            .select(['text', 'receivedAt'])
            .where('conversationId', '=', conversation.id)
            .where('text', 'is not', null)
            .orderBy('receivedAt', 'desc')
            .limit(limit),
        );
        const replies = yield* rows(
          db
            .selectFrom('Reply')
            .select(['text', 'extras', 'author', 'createdAt', 'inquiryId'])
            .where('conversationId', '=', conversation.id)
            .where('text', 'is not', null)
            .orderBy('createdAt', 'desc')
            .limit(limit),
        );
        // Databases from before delivery adopted the answer's row hold an answer given later (an accepted or
        // recovered message) twice: with its inquiry and as the outbound row. The patron saw it once.
        const answered = new Set<string>();
        const shown = [...replies].reverse().filter((row) => {
          if (row.author !== 'assistant' || !row.inquiryId) return true;
          if (answered.has(row.inquiryId)) return false;
          answered.add(row.inquiryId);
          return true;
        });
        const entries: ConversationEntry[] = [
          ...inquiries.map((row) => ({ from: 'patron' as const, text: row.text ?? '', at: toDate(row.receivedAt) })),
          ...shown.map((row) => {
            const reply = replyFromRow(row.text, row.extras);
            return {
              from: row.author === 'staff' ? ('staff' as const) : ('assistant' as const),
              text: reply.text,
              ...(reply.quickReplies ? { quickReplies: reply.quickReplies } : {}),
              at: toDate(row.createdAt),
            };
          }),
        ];
        // A reply is stored in the same millisecond as its question is answered; patrons come first.
        entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.from === 'patron' ? -1 : 1));
        return entries.slice(-limit);
      });
    },
  };
}

export type InquiriesRepository = ReturnType<typeof createInquiriesRepository>;
