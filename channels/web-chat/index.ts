export { chatMessageSchema, toWebChatInquiry, type ChatMessage } from './inbound.js';
export { toWebChatEntry, webChatEntrySchema, type WebChatEntry } from './outbound.js';
export { createWebSessionService, type IssuedWebSession, type WebSessionService, type WebSessionServiceOptions } from './session.js';
export { createMemoryWebSessionStore } from './memory-session-store.js';
export { newSessionId, sessionTokenSchema, signSessionId, verifySessionToken } from './verify.js';
export { loadWidgetScript } from './widget-script.js';
export { createWebChatSender } from './web-chat-sender.js';
