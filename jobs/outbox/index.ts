export { createOutboxJobQueue, type OutboxJobQueue, type OutboxJobQueueOptions } from './outbox-job-queue.js';
