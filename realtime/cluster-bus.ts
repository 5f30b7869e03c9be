import { z } from 'zod';
import { createListenerRegistry } from './listener-registry.js';

/**
 * Publish/subscribe between the processes of one machine's cluster (node:cluster), over the IPC
 * channels the cluster already has: what Redis pub/sub is across machines, for an installation without
 * Redis. Payloads are strings, as on Redis, so each user parses and validates what it receives itself.
 *
 * A web process sends what it publishes to the primary; the primary hands it to its own subscribers and
 * to every other web process. Every process delivers its own publications to its own subscribers at once.
 */
export interface ClusterBus {
  publish(topic: string, payload: string): void;
  /** Returns the function that stops listening. */
  subscribe(topic: string, handler: (payload: string) => void): () => void;
}

/** The other end of an IPC channel: a cluster `Worker` in the primary, `process` in a web process. */
export interface BusPeer {
  send(message: BusMessage, callback: (error: Error | null) => void): unknown;
}

const BUS_KIND = 'libdesk.bus';

const busMessageSchema = z.object({
  kind: z.literal(BUS_KIND),
  topic: z.string().min(1).max(300),
  payload: z.string().max(1_000_000),
});

export type BusMessage = z.infer<typeof busMessageSchema>;

export interface ClusterBusOptions {
  /**
   * Told about what the bus dropped instead of throwing: a malformed message that claims to be for the
   * bus, a peer that could not be reached (it is exiting), a handler that threw. The rest carries on.
   */
  warn?: (problem: string, error?: unknown) => void;
}

export interface ReceivingBus extends ClusterBus {
  /** Feeds one IPC message in; messages that are not the bus's (other IPC traffic) are ignored. */
  receive(message: unknown, from?: BusPeer): void;
}

/** The web process's end: publishes through the primary, hears what the primary forwards. */
export function createWorkerBus(primary: BusPeer, options: ClusterBusOptions = {}): ReceivingBus {
  const local = createTopicHandlers(options);
  return {
    publish(topic, payload) {
      local.deliver(topic, payload);
      sendTo(primary, { kind: BUS_KIND, topic, payload }, options);
    },
    subscribe: local.subscribe,
    receive(message) {
      const parsed = parseBusMessage(message, options);
      if (parsed) local.deliver(parsed.topic, parsed.payload);
    },
  };
}

/** The primary's end: relays every web process's publications to all the others. */
export function createPrimaryBus(workers: () => Iterable<BusPeer>, options: ClusterBusOptions = {}): ReceivingBus {
  const local = createTopicHandlers(options);
  function relay(message: BusMessage, except?: BusPeer): void {
    for (const worker of workers()) if (worker !== except) sendTo(worker, message, options);
    local.deliver(message.topic, message.payload);
  }
  return {
    publish: (topic, payload) => relay({ kind: BUS_KIND, topic, payload }),
    subscribe: local.subscribe,
    receive(message, from) {
      const parsed = parseBusMessage(message, options);
      if (parsed) relay(parsed, from);
    },
  };
}

function parseBusMessage(message: unknown, options: ClusterBusOptions): BusMessage | undefined {
  // The same IPC channel carries the cluster's own messages; only those marked for the bus are judged.
  if (typeof message !== 'object' || message === null || (message as { kind?: unknown }).kind !== BUS_KIND) return undefined;
  const result = busMessageSchema.safeParse(message);
  if (result.success) return result.data;
  const reason = result.error.issues.map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`).join('; ');
  options.warn?.(`dropped a malformed cluster bus message (${reason})`);
  return undefined;
}

function sendTo(peer: BusPeer, message: BusMessage, options: ClusterBusOptions): void {
  try {
    // With a callback, a closed channel is reported there instead of as an 'error' event nobody handles.
    peer.send(message, (error) => {
      if (error) options.warn?.('could not pass a cluster bus message to a process', error);
    });
  } catch (error) {
    options.warn?.('could not pass a cluster bus message to a process', error);
  }
}

/** Subscribers per topic, through the registry every live-event engine uses. */
function createTopicHandlers(options: ClusterBusOptions) {
  const registry = createListenerRegistry<string>((error) => options.warn?.('a cluster bus handler failed', error));
  return {
    subscribe(topic: string, handler: (payload: string) => void): () => void {
      registry.add(topic, handler);
      return () => void registry.remove(topic, handler);
    },
    deliver: registry.deliver,
  };
}
