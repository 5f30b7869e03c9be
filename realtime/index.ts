export { createMemoryConversationEvents, type MemoryConversationEventsOptions } from './memory-events.js';
export { createRedisConversationEvents, type RedisConversationEventsOptions } from './redis-events.js';
export { createClusterConversationEvents, type ClusterConversationEventsOptions } from './cluster-events.js';
export { createPrimaryBus, createWorkerBus, type BusMessage, type BusPeer, type ClusterBus, type ClusterBusOptions, type ReceivingBus } from './cluster-bus.js';
