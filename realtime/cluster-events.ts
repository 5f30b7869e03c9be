import type { ConversationEvents } from '../core/inquiry-service.js';
import type { ClusterBus } from './cluster-bus.js';
import { parseConversationEvent, serializeConversationEvent } from './conversation-event-schema.js';
import { conversationKey } from './conversation-key.js';
import { createListenerRegistry } from './listener-registry.js';

export interface ClusterConversationEventsOptions {
  bus: ClusterBus;
  /** An unreadable event from another process (another version, a bug); it is dropped. */
  onError?: (error: unknown) => void;
  /** Called when a local listener throws; the other listeners still receive the event. */
  onListenerError?: (error: unknown) => void;
}

const TOPIC_PREFIX = 'conversation:';

/**
 * Live conversation updates across the processes of one machine without Redis: a staff reply delivered
 * by the primary's job runner reaches the web process that holds the patron's stream. Like the Redis
 * engine, each process listens to a conversation only while a local listener wants it, and parses what
 * arrives rather than passing it through.
 */
export function createClusterConversationEvents(options: ClusterConversationEventsOptions): ConversationEvents {
  const onError = options.onError ?? (() => {});
  const registry = createListenerRegistry(options.onListenerError ?? onError);
  const stopListening = new Map<string, () => void>();
  let closed = false;

  function listen(key: string): void {
    const stop = options.bus.subscribe(TOPIC_PREFIX + key, (payload) => {
      const event = parseConversationEvent(payload);
      if (!event) {
        onError(new Error('Ignored an unreadable conversation event from another process'));
        return;
      }
      registry.deliver(key, event);
    });
    stopListening.set(key, stop);
  }

  function unlisten(key: string): void {
    stopListening.get(key)?.();
    stopListening.delete(key);
  }

  return {
    async publish(channel, threadKey, event) {
      if (closed) return;
      options.bus.publish(TOPIC_PREFIX + conversationKey(channel, threadKey), serializeConversationEvent(event));
    },
    async subscribe(channel, threadKey, listener) {
      if (closed) throw new Error('Conversation events are closed');
      const key = conversationKey(channel, threadKey);
      if (registry.add(key, listener)) listen(key);
      let done = false;
      return async () => {
        if (done) return;
        done = true;
        if (registry.remove(key, listener)) unlisten(key);
      };
    },
    async close() {
      closed = true;
      for (const key of [...stopListening.keys()]) unlisten(key);
      registry.clear();
    },
  };
}
