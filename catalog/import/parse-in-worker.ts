import { Worker } from 'node:worker_threads';
import { parseMappedBatches, type ParseBatchesOptions, type ParsedBatch } from './parse-batches.js';

export type WorkerMessage = { type: 'batch'; batch: ParsedBatch } | { type: 'done' } | { type: 'error'; message: string };

/**
 * Compiled, the worker is plain JavaScript beside this file. From source (tests, `npm run dev`) it is
 * TypeScript, run through tsx's loader registered inside the worker (loaders are not inherited by worker
 * threads on Node 20).
 */
function startWorker(path: string, options: ParseBatchesOptions): Worker {
  const compiled = import.meta.url.endsWith('.js');
  if (compiled) return new Worker(new URL('./parse-worker.js', import.meta.url), { workerData: { path, options } });
  const entry = new URL('./parse-worker.ts', import.meta.url);
  // Resolved here, against this file, so the worker finds tsx whatever the working directory.
  const tsx = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const source = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(source, { eval: true, workerData: { path, options } });
}

/**
 * Parses and maps a MARC file on a worker thread while the caller stores the previous batch: on two
 * cores the import runs at the speed of the slower half instead of the sum of both. Yields the same
 * batches as `parseMappedBatches`, which it falls back to when no worker can be started.
 */
export async function* parseInWorker(path: string, options: ParseBatchesOptions): AsyncGenerator<ParsedBatch> {
  let worker: Worker;
  try {
    worker = startWorker(path, options);
  } catch {
    yield* parseMappedBatches(path, options);
    return;
  }
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`MARC parser worker stopped with code ${code}`);
    notify();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift();
      if (!message) throw failure!;
      if (message.type === 'error') throw new Error(message.message);
      if (message.type === 'done') return;
      worker.postMessage('more');
      yield message.batch;
    }
  } finally {
    await worker.terminate();
  }
}
