import { Redis } from 'ioredis';
import type { ConversationEvents } from '../core/inquiry-service.js';
import { parseConversationEvent, serializeConversationEvent } from './conversation-event-schema.js';
import { conversationKey } from './conversation-key.js';
import { createListenerRegistry } from './listener-registry.js';

export interface RedisConversationEventsOptions {
  redisUrl: string;
  /** Prefix of the pub/sub channel names, so several installations can share one Redis. */
  channelPrefix?: string;
  /** Connection trouble and unreadable messages; ioredis reconnects by itself. */
  onError?: (error: unknown) => void;
  /** Called when a local listener throws; the other listeners still receive the event. */
  onListenerError?: (error: unknown) => void;
}

/**
 * Live conversation updates across web processes through Redis pub/sub. Each process keeps one
 * subscriber connection, subscribes to a conversation while at least one local listener (an open web
 * chat) wants it, and fans each message out to its local listeners.
 */
export function createRedisConversationEvents(options: RedisConversationEventsOptions): ConversationEvents {
  const prefix = options.channelPrefix ?? 'libdesk:conversation:';
  const onError = options.onError ?? (() => {});
  const registry = createListenerRegistry(options.onListenerError ?? onError);
  const publisher = new Redis(options.redisUrl, { lazyConnect: true });
  publisher.on('error', onError);
  let subscriber: Redis | undefined;
  let closed = false;

  function getSubscriber(): Redis {
    if (subscriber) return subscriber;
    const connection = new Redis(options.redisUrl);
    connection.on('error', onError);
    connection.on('message', (redisChannel: string, payload: string) => {
      if (!redisChannel.startsWith(prefix)) return;
      const event = parseConversationEvent(payload);
      if (!event) {
        onError(new Error(`Ignored an unreadable conversation event on ${redisChannel}`));
        return;
      }
      registry.deliver(redisChannel.slice(prefix.length), event);
    });
    subscriber = connection;
    return connection;
  }

  return {
    async publish(channel, threadKey, event) {
      if (closed) return;
      await publisher.publish(prefix + conversationKey(channel, threadKey), serializeConversationEvent(event));
    },

    async subscribe(channel, threadKey, listener) {
      if (closed) throw new Error('Conversation events are closed');
      const key = conversationKey(channel, threadKey);
      const first = registry.add(key, listener);
      // Commands on one connection run in the order sent, so a SUBSCRIBE and a later UNSUBSCRIBE for the
      // same key cannot overtake each other; waiting here means a publish after subscribe() is heard.
      if (first) await getSubscriber().subscribe(prefix + key);
      let done = false;
      return async () => {
        if (done) return;
        done = true;
        const last = registry.remove(key, listener);
        if (last && subscriber && !closed) await subscriber.unsubscribe(prefix + key);
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      registry.clear();
      await Promise.all([quietly(publisher), subscriber ? quietly(subscriber) : Promise.resolve()]);
    },
  };
}

async function quietly(connection: Redis): Promise<void> {
  if (connection.status === 'wait' || connection.status === 'end') {
    connection.disconnect();
    return;
  }
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}
