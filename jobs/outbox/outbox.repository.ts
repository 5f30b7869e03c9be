import { randomUUID } from 'node:crypto';
import { exec, first, rows, type Sql } from '../../db/index.js';

export interface OutboxRow {
  id: string;
  name: string;
  /** JSON, validated against the job's schema when it was recorded. */
  payload: string;
  jobId: string;
  attempts: number | undefined;
  runAt: Date;
  relayAttempts: number;
}

export interface NewOutboxEntry {
  name: string;
  payload: string;
  jobId: string;
  attempts: number;
  runAt: Date;
  now: Date;
  /** Held by the recording process until then, so it can relay the row at once without a claim. */
  lockedUntil: Date;
}

function toRow(row: { id: string; name: string; payload: string; jobId: string; options: string | null; runAt: Date | string; relayAttempts: number }): OutboxRow {
  const options = row.options ? (JSON.parse(row.options) as { attempts?: number }) : {};
  return {
    id: row.id,
    name: row.name,
    payload: row.payload,
    jobId: row.jobId,
    attempts: options.attempts,
    runAt: row.runAt instanceof Date ? row.runAt : new Date(row.runAt),
    relayAttempts: Number(row.relayAttempts),
  };
}

/** Rows of the `OutboxEntry` table: jobs recorded in the database, waiting to reach the job engine. */
export function createOutboxRepository(sql: Sql) {
  const { db } = sql;
  return {
    /** Records a job; the same (name, jobId) twice keeps the first row. Returns the row id, or undefined when it existed. */
    insert(entry: NewOutboxEntry): Promise<string | undefined> {
      return sql.run(function* () {
        const inserted = yield* first(
          db
            .insertInto('OutboxEntry')
            .values({
              id: randomUUID(),
              name: entry.name,
              payload: entry.payload,
              jobId: entry.jobId,
              options: JSON.stringify({ attempts: entry.attempts }),
              runAt: entry.runAt,
              nextRelayAt: entry.now,
              lockedUntil: entry.lockedUntil,
              createdAt: entry.now,
            })
            .onConflict((conflict) => conflict.columns(['name', 'jobId']).doNothing())
            .returning('id'),
        );
        return inserted?.id;
      });
    },

    /**
     * Claims rows due for a relay and not held by another relay: each with a conditional UPDATE of its
     * lock, so two processes relaying at once take different rows.
     */
    claimDue(now: Date, lockedUntil: Date, limit: number): Promise<OutboxRow[]> {
      return sql.transaction(function* () {
        const due = yield* rows(
          db
            .selectFrom('OutboxEntry')
            .select(['id', 'name', 'payload', 'jobId', 'options', 'runAt', 'relayAttempts', 'lockedUntil'])
            .where('nextRelayAt', '<=', now)
            .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
            .orderBy('nextRelayAt', 'asc')
            .limit(limit),
        );
        const claimed: OutboxRow[] = [];
        for (const row of due) {
          const won = yield* exec(
            db
              .updateTable('OutboxEntry')
              .set({ lockedUntil })
              .where('id', '=', row.id)
              .where((eb) => (row.lockedUntil === null ? eb('lockedUntil', 'is', null) : eb('lockedUntil', '=', row.lockedUntil))),
          );
          if (won === 1) claimed.push(toRow(row));
        }
        return claimed;
      });
    },

    /** The row's work is done (the job ran, or the engine gave up on it). */
    async remove(id: string): Promise<void> {
      await sql.run(function* () {
        yield* exec(db.deleteFrom('OutboxEntry').where('id', '=', id));
      });
    },

    /** The job ran to completion: nothing is left to relay. */
    async removeJob(name: string, jobId: string): Promise<void> {
      await sql.run(function* () {
        yield* exec(db.deleteFrom('OutboxEntry').where('name', '=', name).where('jobId', '=', jobId));
      });
    },

    /** The engine has the job; look again at `checkAt` in case the engine loses it (a Redis restarted empty). */
    async checkLater(id: string, checkAt: Date): Promise<void> {
      await sql.run(function* () {
        yield* exec(db.updateTable('OutboxEntry').set({ nextRelayAt: checkAt, lockedUntil: null, relayAttempts: 0, lastError: null }).where('id', '=', id));
      });
    },

    /** The engine was unreachable: try again at `nextRelayAt`. */
    async retryLater(id: string, relayAttempts: number, nextRelayAt: Date, error: string): Promise<void> {
      await sql.run(function* () {
        yield* exec(db.updateTable('OutboxEntry').set({ relayAttempts, nextRelayAt, lockedUntil: null, lastError: error.slice(0, 500) }).where('id', '=', id));
      });
    },

    /** Whether a job is still waiting here. */
    has(name: string, jobId: string): Promise<boolean> {
      return sql.run(function* () {
        const row = yield* first(db.selectFrom('OutboxEntry').select('id').where('name', '=', name).where('jobId', '=', jobId));
        return row !== undefined;
      });
    },

    count(): Promise<number> {
      return sql.run(function* () {
        const row = yield* first(db.selectFrom('OutboxEntry').select((eb) => eb.fn.countAll<number | string>().as('n')));
        return Number(row?.n ?? 0);
      });
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
