export { createBullmqJobQueue, type BullmqJobQueueOptions } from './bullmq-job-queue.js';
