export { createRetention, type RetentionDeps } from './retention-job.js';
export { createRetentionRepository, type PurgeReport } from './retention.repository.js';
