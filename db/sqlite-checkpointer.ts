import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the SQLite write-ahead log back into the database file on a thread of its own.
 *
 * With WAL, every commit appends pages to the log, and by default the connection whose commit pushes the
 * log past 1,000 pages copies them back and syncs the file — inside that commit, on the event loop that
 * serves patrons. Measured on the inquiry hot path, that was about half the time of every write. Here the
 * writers' own checkpoints are pushed far out (`WRITER_AUTOCHECKPOINT_PAGES`, a backstop only) and a worker
 * thread with its own connection runs a PASSIVE checkpoint every `intervalMs`: it never takes the write lock
 * and never waits for readers, so writers never wait for it.
 */
export interface SqliteCheckpointer {
  close(): Promise<void>;
}

/** A writer checkpoints itself only if the worker falls this far behind (about 80 MB of log). */
export const WRITER_AUTOCHECKPOINT_PAGES = 20_000;

// Plain JavaScript, so the same worker runs from compiled code and from TypeScript sources alike.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
db.pragma('wal_autocheckpoint = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another checkpoint is running): the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export function startSqliteCheckpointer(file: string, options: { intervalMs?: number } = {}): SqliteCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs: options.intervalMs ?? 200 } });
  // The process may end without closing the database; the worker must not keep it alive.
  worker.unref();
  // A worker that cannot run leaves checkpoints to the writers' backstop; nothing is lost.
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let closing = false;
  return {
    close() {
      if (!closing) {
        closing = true;
        // Held open until the worker has finished its last checkpoint and closed its connection.
        worker.ref();
        worker.postMessage('close');
      }
      return exited;
    },
  };
}
