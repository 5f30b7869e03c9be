export { createSmsConsentRepository, type SmsConsentStore, type SmsKeywordRecord, type SmsKeywordKind } from './sms-consent.repository.js';
export { createSmsStatusRepository, type SmsStatusStore, type SmsStatusUpdate } from './sms-status.repository.js';
export { createMemoryRateCounter, createRedisRateCounter, type RateCounter } from './rate-counter.js';
