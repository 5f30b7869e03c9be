import { Redis } from 'ioredis';
import { z } from 'zod';
import { TICKET_CHANGES, type TicketChangedEvent } from '../core/tickets.js';
import type { ClusterBus } from '../realtime/cluster-bus.js';

/**
 * "A ticket changed": what an open queue page listens to so it can refresh itself. Tickets publish
 * `ticket.changed` as a job that one worker runs; the console's listener there publishes here, and every
 * web process hears it: in memory when one process does everything, over the cluster's IPC when several
 * processes share one machine without Redis, through Redis pub/sub otherwise.
 */
export interface QueueFeed {
  publish(event: TicketChangedEvent): Promise<void>;
  /** Returns the function that stops listening. */
  subscribe(listener: (event: TicketChangedEvent) => void): () => void;
  close(): Promise<void>;
}

const eventSchema = z.object({ ticketId: z.number().int().positive(), change: z.enum(TICKET_CHANGES) });

/** Events from Redis or another process are parsed, never passed through (another version may publish a different shape). */
export function parseQueueEvent(payload: string): TicketChangedEvent | undefined {
  try {
    const result = eventSchema.safeParse(JSON.parse(payload));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

function listenerSet(onListenerError: (error: unknown) => void) {
  const listeners = new Set<(event: TicketChangedEvent) => void>();
  return {
    listeners,
    deliver(event: TicketChangedEvent) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}

export function createMemoryQueueFeed(options: { onListenerError?: (error: unknown) => void } = {}): QueueFeed {
  const set = listenerSet(options.onListenerError ?? (() => {}));
  return {
    async publish(event) {
      // Only what a queue page needs: a ticket id and what happened, never a body.
      set.deliver({ ticketId: event.ticketId, change: event.change });
    },
    subscribe(listener) {
      set.listeners.add(listener);
      return () => set.listeners.delete(listener);
    },
    async close() {
      set.listeners.clear();
    },
  };
}

const CLUSTER_TOPIC = 'staff-queue';

export interface ClusterQueueFeedOptions {
  bus: ClusterBus;
  /** An unreadable event from another process; it is dropped. */
  onError?: (error: unknown) => void;
  onListenerError?: (error: unknown) => void;
}

/** The queue feed across the processes of one machine (node:cluster) when there is no Redis. */
export function createClusterQueueFeed(options: ClusterQueueFeedOptions): QueueFeed {
  const onError = options.onError ?? (() => {});
  const set = listenerSet(options.onListenerError ?? onError);
  let stopListening: (() => void) | undefined;
  let closed = false;
  return {
    async publish(event) {
      if (closed) return;
      options.bus.publish(CLUSTER_TOPIC, JSON.stringify({ ticketId: event.ticketId, change: event.change }));
    },
    subscribe(listener) {
      stopListening ??= options.bus.subscribe(CLUSTER_TOPIC, (payload) => {
        const event = parseQueueEvent(payload);
        if (event) set.deliver(event);
        else onError(new Error('Ignored an unreadable staff-queue event from another process'));
      });
      set.listeners.add(listener);
      return () => set.listeners.delete(listener);
    },
    async close() {
      closed = true;
      stopListening?.();
      stopListening = undefined;
      set.listeners.clear();
    },
  };
}

export interface RedisQueueFeedOptions {
  redisUrl: string;
  /** The pub/sub channel, e.g. `libdesk:staff-queue`, so installations sharing a Redis stay apart. */
  channel: string;
  onError?: (error: unknown) => void;
}

export function createRedisQueueFeed(options: RedisQueueFeedOptions): QueueFeed {
  const onError = options.onError ?? (() => {});
  const set = listenerSet(onError);
  const publisher = new Redis(options.redisUrl, { lazyConnect: true });
  publisher.on('error', onError);
  let subscriber: Redis | undefined;
  let closed = false;

  function ensureSubscriber(): void {
    if (subscriber || closed) return;
    subscriber = new Redis(options.redisUrl);
    subscriber.on('error', onError);
    subscriber.on('message', (channel: string, payload: string) => {
      if (channel !== options.channel) return;
      const event = parseQueueEvent(payload);
      if (event) set.deliver(event);
      else onError(new Error('Ignored an unreadable staff-queue event'));
    });
    subscriber.subscribe(options.channel).catch(onError);
  }

  return {
    async publish(event) {
      if (closed) return;
      await publisher.publish(options.channel, JSON.stringify({ ticketId: event.ticketId, change: event.change }));
    },
    subscribe(listener) {
      ensureSubscriber();
      set.listeners.add(listener);
      return () => set.listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      set.listeners.clear();
      for (const connection of [publisher, subscriber]) {
        if (!connection) continue;
        if (connection.status === 'wait' || connection.status === 'end') connection.disconnect();
        else await connection.quit().catch(() => connection.disconnect());
      }
    },
  };
}
