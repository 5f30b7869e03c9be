/**
 * A worker process that takes `sla.check` jobs and never finishes them, for the test that kills a worker
 * mid-job (test/integration/sla-bullmq.test.ts). It prints "started <jobId>" when it holds a job.
 * Settings come as arguments: REDIS_URL PREFIX.
 */
import { createBullmqJobQueue } from '../../jobs/bullmq/index.js';

const [redisUrl, prefix] = process.argv.slice(2);
if (!redisUrl || !prefix) throw new Error('usage: hanging-sla-worker REDIS_URL PREFIX');
const queue = createBullmqJobQueue({ redisUrl, prefix, lockDurationMs: 1000, stalledIntervalMs: 500 });
queue.handle('sla.check', async (_payload, info) => {
  process.stdout.write(`started ${info.jobId}\n`);
  await new Promise(() => {});
});
await queue.start();
process.stdout.write('ready\n');
