/**
 * Worker thread entry: parses and maps one MARC file and posts the batches to the importer, which
 * stores them meanwhile. At most `AHEAD` batches wait unacknowledged, so memory stays flat however
 * far parsing outruns the database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseMappedBatches, type ParseBatchesOptions } from './parse-batches.js';
import type { WorkerMessage } from './parse-in-worker.js';

const AHEAD = 2;
const port = parentPort!;
const { path, options } = workerData as { path: string; options: ParseBatchesOptions };
let credits = AHEAD;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits += 1;
  wake?.();
  wake = undefined;
});

const post = (message: WorkerMessage): void => port.postMessage(message);
try {
  for await (const batch of parseMappedBatches(path, options)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    post({ type: 'batch', batch });
  }
  post({ type: 'done' });
} catch (error) {
  post({ type: 'error', message: (error as Error).message });
}
port.close();
