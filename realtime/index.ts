export { createMemoryConversationEvents, type MemoryConversationEventsOptions } from './memory-events.js';
export { createRedisConversationEvents, type RedisConversationEventsOptions } from './redis-events.js';
