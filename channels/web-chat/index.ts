export { chatMessageSchema, toWebChatInquiry, type ChatMessage } from './inbound.js';
export { toWebChatEntry, webChatEntrySchema, type WebChatEntry } from './outbound.js';
export { isValidSessionId, sessionIdSchema } from './session.js';
export { loadWidgetScript } from './widget-script.js';
