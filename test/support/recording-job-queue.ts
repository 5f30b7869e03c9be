import type { EnqueueOptions, JobHandler, JobName, JobPayload, JobQueue } from '../../core/jobs.js';

/** A JobQueue that only records what was enqueued, for tests of code that enqueues jobs. */
export function createRecordingJobQueue(): JobQueue & { enqueued: Array<{ name: JobName; payload: unknown; options?: EnqueueOptions }> } {
  const enqueued: Array<{ name: JobName; payload: unknown; options?: EnqueueOptions }> = [];
  return {
    engine: 'in-process',
    enqueued,
    async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options?: EnqueueOptions) {
      enqueued.push({ name, payload, ...(options ? { options } : {}) });
    },
    handle<N extends JobName>(_name: N, _handler: JobHandler<N>) {},
    async start() {},
    async close() {},
  };
}
