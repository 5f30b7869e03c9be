export { createDeliveryService, type DeliveryServiceDeps } from './delivery-service.js';
export { createDeliveryRepository, type DeliveryStore, type StoredOutbound, type NewOutbound, type ConversationFacts } from './delivery.repository.js';
export { createDeliverySendJob, type DeliverySendDeps } from './send-job.js';
export { createSenderRegistry, type SenderRegistry } from './sender-registry.js';
export { renderOutbound } from './render.js';
export { createReportContactSender, contactChannel } from './report-contact-sender.js';
