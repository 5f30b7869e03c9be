import type { ConversationEvents } from '../core/inquiry-service.js';
import { conversationKey } from './conversation-key.js';
import { createListenerRegistry } from './listener-registry.js';

export interface MemoryConversationEventsOptions {
  /** Called when a listener throws; the other listeners still receive the event. */
  onListenerError?: (error: unknown) => void;
}

/** Live conversation updates inside one process: enough for a single web process. */
export function createMemoryConversationEvents(options: MemoryConversationEventsOptions = {}): ConversationEvents {
  const registry = createListenerRegistry(options.onListenerError ?? (() => {}));
  let closed = false;

  return {
    async publish(channel, threadKey, event) {
      if (closed) return;
      registry.deliver(conversationKey(channel, threadKey), event);
    },
    async subscribe(channel, threadKey, listener) {
      const key = conversationKey(channel, threadKey);
      registry.add(key, listener);
      return async () => {
        registry.remove(key, listener);
      };
    },
    async close() {
      closed = true;
      registry.clear();
    },
  };
}
