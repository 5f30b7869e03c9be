export { answerReplyId } from './answer-reply-id.js';
export { createInquiryService, type InquiryRecovery, type InquiryServiceDeps } from './inquiry-service.js';
export { createInquiriesRepository, type InquiriesRepository } from './inquiries.repository.js';
export { createDialogStore } from './dialog-store.repository.js';
export { startRecoverySweep, type RecoverySweep } from './recovery-sweep.js';
