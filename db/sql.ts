import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type Dialect,
} from 'kysely';
import type { Provider } from './migrator.js';
import type { SqlDate, SqlSchema } from './sql-schema.js';

/**
 * The typed SQL layer of the hot path (conversations, inquiries, replies, dialog state, outbox).
 *
 * Kysely builds and type-checks every query against `SqlSchema`; a small runner of our own executes
 * them, because the two databases need different care:
 * - SQLite (better-sqlite3) is synchronous. A script runs start to end inside one `BEGIN IMMEDIATE`
 *   transaction within a single turn of the event loop, so a write lock is never held across an
 *   `await` (Prisma's own connection in this process would otherwise block the thread waiting for it),
 *   and statements are prepared once and reused.
 * - PostgreSQL (pg) runs the same script asynchronously on one pooled connection between BEGIN/COMMIT.
 *
 * Scripts are generator functions that `yield*` the helpers below (`rows`, `first`, `exec`), so one piece
 * of repository code runs on both: `const row = yield* first(sql.db.selectFrom(...))`.
 */

/** One compiled statement on its way to the runner. */
export interface SqlOp {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /**
   * Set for prepared queries (a fixed statement): PostgreSQL parses and plans it once per connection under
   * this name instead of on every run.
   */
  readonly name?: string;
}

/** What a statement returns: its rows (for SELECT and RETURNING) and how many rows it changed. */
export interface SqlResult {
  rows: unknown[];
  affected: number;
}

export type SqlScript<T> = Generator<SqlOp, T, SqlResult>;

function compile(query: Compilable<unknown>): SqlOp {
  const compiled = query.compile();
  return { sql: compiled.sql, parameters: compiled.parameters };
}

/** All rows of a query. */
export function* rows<R>(query: Compilable<R>): SqlScript<R[]> {
  const result = yield compile(query);
  return result.rows as R[];
}

/** The first row of a query, if any. */
export function* first<R>(query: Compilable<R>): SqlScript<R | undefined> {
  const result = yield compile(query);
  return result.rows[0] as R | undefined;
}

/** Runs a statement; returns how many rows it changed. */
export function* exec(query: Compilable<unknown>): SqlScript<number> {
  const result = yield compile(query);
  return result.affected;
}

const PARAMETER_MARK = '\u0000libdesk-parameter:';

/**
 * A query built and compiled once, run many times with new values: building and compiling a Kysely
 * query costs more than SQLite takes to run it, so the hot path prepares its queries when its repository
 * is made. `build` receives `param(name)`, a stand-in for a value supplied at run time; the query's
 * shape (which columns, which conditions) is fixed, only values change.
 */
export interface Prepared<P, R> {
  readonly sql: string;
  bind(values: P): SqlOp;
  /** Only for typing: the row type. */
  readonly __row?: R;
}

let preparedCount = 0;

export function prepare<P extends Record<string, unknown>, R>(build: (param: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>): Prepared<P, R> {
  const param = <K extends keyof P & string>(name: K) => `${PARAMETER_MARK}${name}` as unknown as P[K];
  const compiled = build(param).compile();
  preparedCount += 1;
  const name = `libdesk_${preparedCount}`;
  // Each compiled parameter is either a run-time value (by name) or a constant of the query itself.
  const slots: Array<{ name: string } | { value: unknown }> = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(PARAMETER_MARK) ? { name: value.slice(PARAMETER_MARK.length) } : { value },
  );
  return {
    sql: compiled.sql,
    bind(values) {
      const given = values as Record<string, unknown>;
      return { sql: compiled.sql, name, parameters: slots.map((slot) => ('name' in slot ? given[slot.name] : slot.value)) };
    },
  };
}

/** All rows of a prepared query. */
export function* rowsOf<P, R>(query: Prepared<P, R>, values: P): SqlScript<R[]> {
  const result = yield query.bind(values);
  return result.rows as R[];
}

/** The first row of a prepared query, if any. */
export function* firstOf<P, R>(query: Prepared<P, R>, values: P): SqlScript<R | undefined> {
  const result = yield query.bind(values);
  return result.rows[0] as R | undefined;
}

/** Runs a prepared statement; returns how many rows it changed. */
export function* execOf<P, R>(query: Prepared<P, R>, values: P): SqlScript<number> {
  const result = yield query.bind(values);
  return result.affected;
}

/**
 * A statement written by hand, in the dialect of `sql.provider` (placeholders `?` or `$1`). `name` marks a
 * fixed statement run often, for PostgreSQL to parse and plan once per connection.
 */
export function* rawRows<R>(text: string, parameters: readonly unknown[] = [], options: { name?: string } = {}): SqlScript<R[]> {
  const result = yield { sql: text, parameters, ...(options.name ? { name: options.name } : {}) };
  return result.rows as R[];
}

export interface Sql {
  readonly provider: Provider;
  /** The query builder. Build with it; run through `transaction` or `run`. */
  readonly db: Kysely<SqlSchema>;
  /** Runs a script atomically: all of its statements or none. */
  transaction<T>(script: () => SqlScript<T>): Promise<T>;
  /** Runs a script whose statements need no common transaction (reads, single conditional updates). */
  run<T>(script: () => SqlScript<T>): Promise<T>;
  close(): Promise<void>;
}

/** Reads a date column on either database (SQLite keeps Prisma's ISO text). */
export function toDate(value: SqlDate): Date;
export function toDate(value: SqlDate | null): Date | null;
export function toDate(value: SqlDate | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

/** A builder-only dialect: Kysely compiles, our runner executes. */
function builderDialect(provider: Provider): Dialect {
  return provider === 'sqlite'
    ? {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      }
    : {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      };
}

/** Driving a script: hand each statement's result back until it returns. */
function driveSync<T>(script: SqlScript<T>, execute: (op: SqlOp) => SqlResult): T {
  let step = script.next(undefined as unknown as SqlResult);
  while (!step.done) step = script.next(execute(step.value));
  return step.value;
}

async function driveAsync<T>(script: SqlScript<T>, execute: (op: SqlOp) => Promise<SqlResult>): Promise<T> {
  let step = script.next(undefined as unknown as SqlResult);
  while (!step.done) step = script.next(await execute(step.value));
  return step.value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

/** Prisma stores SQLite dates as ISO text with an explicit offset; ours must sort and parse the same. */
function sqliteParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** PostgreSQL `timestamp(3)` columns hold UTC wall-clock time, as Prisma writes them. */
function postgresParameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

export interface SqliteSqlOptions {
  file: string;
  /** Give up on a database locked by another process after this long. Default 30 s. */
  busyTimeoutMs?: number;
  /** Prepared statements kept; beyond it the cache starts over. Default 500. */
  statementCacheSize?: number;
  /**
   * Log pages after which a commit of this connection checkpoints the write-ahead log itself; SQLite's
   * default is 1,000. Set far higher when a checkpointer runs elsewhere (db/sqlite-checkpointer.ts).
   */
  walAutocheckpointPages?: number;
}

export function createSqliteSql(options: SqliteSqlOptions): Sql {
  // Busy waits would block the whole thread (and with it whoever holds the lock in this process), so this
  // connection never waits inside SQLite: a busy database is retried from the event loop instead.
  const database = new BetterSqlite3(options.file, { timeout: 0 });
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  if (options.walAutocheckpointPages !== undefined) database.pragma(`wal_autocheckpoint = ${Math.trunc(options.walAutocheckpointPages)}`);
  const busyTimeoutMs = options.busyTimeoutMs ?? 30_000;
  const cacheSize = options.statementCacheSize ?? 500;
  const statements = new Map<string, BetterSqlite3.Statement>();
  const begin = database.prepare('BEGIN IMMEDIATE');
  const commit = database.prepare('COMMIT');
  const rollback = database.prepare('ROLLBACK');
  const savepoint = database.prepare('SAVEPOINT libdesk_script');
  const release = database.prepare('RELEASE libdesk_script');
  const rollbackToSavepoint = database.prepare('ROLLBACK TO libdesk_script');

  function statement(sql: string): BetterSqlite3.Statement {
    let prepared = statements.get(sql);
    if (!prepared) {
      if (statements.size >= cacheSize) statements.clear();
      prepared = database.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  }

  function execute(op: SqlOp): SqlResult {
    const prepared = statement(op.sql);
    const parameters = op.parameters.map(sqliteParameter);
    if (prepared.reader) return { rows: prepared.all(...parameters), affected: 0 };
    return { rows: [], affected: prepared.run(...parameters).changes };
  }

  /** Runs `attempt` now, or again from the event loop while another connection holds the database. */
  async function withBusyRetry<T>(attempt: () => T): Promise<T> {
    const giveUpAt = Date.now() + busyTimeoutMs;
    for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
      try {
        return attempt();
      } catch (error) {
        if (!isSqliteBusy(error) || Date.now() >= giveUpAt) throw error;
      }
      await sleep(wait);
    }
  }

  /**
   * Group commit. A commit is the expensive part of a small write (its pages go to the log), so the
   * transactions asked for in one turn of the event loop — under load, those of many patrons at once — run
   * in one database transaction, each script inside a savepoint of its own: a script that fails is rolled
   * back alone and its caller gets the error, the others commit. Every caller still resumes only after its
   * writes are committed, and scripts run one after another, as separate transactions would.
   */
  type Queued = { script: () => SqlScript<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  let queued: Queued[] = [];

  function runBatch(batch: Queued[]): Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
    // Alone in its turn, a script needs no savepoint: its failure rolls back the transaction, which is its own.
    const alone = batch.length === 1;
    begin.run();
    try {
      const outcomes = batch.map((item) => {
        if (!alone) savepoint.run();
        try {
          const value = driveSync(item.script(), execute);
          if (!alone) release.run();
          return { ok: true as const, value };
        } catch (error) {
          if (alone) throw error;
          rollbackToSavepoint.run();
          release.run();
          return { ok: false as const, error };
        }
      });
      commit.run();
      return outcomes;
    } catch (error) {
      if (database.inTransaction) rollback.run();
      if (alone && !isSqliteBusy(error)) return [{ ok: false, error }];
      throw error;
    }
  }

  function flush(): void {
    const batch = queued;
    queued = [];
    withBusyRetry(() => runBatch(batch)).then(
      (outcomes) => outcomes.forEach((outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.value) : batch[i]!.reject(outcome.error))),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  }

  return {
    provider: 'sqlite',
    db: new Kysely<SqlSchema>({ dialect: builderDialect('sqlite') }),
    transaction<T>(script: () => SqlScript<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queued.length === 0) setImmediate(flush);
        queued.push({ script, resolve: resolve as (value: unknown) => void, reject });
      });
    },
    run(script) {
      return withBusyRetry(() => driveSync(script(), execute));
    },
    async close() {
      statements.clear();
      database.close();
    },
  };
}

export interface PostgresSqlOptions {
  connectionString: string;
  /** Pool size. Default 10. */
  max?: number;
}

const TIMESTAMP_OID = 1114;

export function createPostgresSql(options: PostgresSqlOptions): Sql {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types: {
      // `timestamp without time zone` holds UTC (as Prisma writes it): read it as UTC, whatever TZ says.
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === TIMESTAMP_OID ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});

  function executeOn(client: pg.Pool | pg.PoolClient) {
    return async (op: SqlOp): Promise<SqlResult> => {
      const values = op.parameters.map(postgresParameter);
      const result = await (op.name ? client.query({ name: op.name, text: op.sql, values }) : client.query(op.sql, values));
      return { rows: result.rows, affected: result.rowCount ?? 0 };
    };
  }

  return {
    provider: 'postgresql',
    db: new Kysely<SqlSchema>({ dialect: builderDialect('postgresql') }),
    async transaction(script) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await driveAsync(script(), executeOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    run(script) {
      return driveAsync(script(), executeOn(pool));
    },
    async close() {
      await pool.end();
    },
  };
}

/** A unique constraint refused a row (either database). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // The drivers' own codes (this layer), and Prisma's P2002 for the same clash through its client.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'P2002';
}
