export { createWebChatSessionsRepository } from './web-chat-sessions.repository.js';
export { loadSessionSecret } from './session-secret.js';
