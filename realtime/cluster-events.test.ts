import { describe, expect, it } from 'vitest';
import type { ClusterBus } from './cluster-bus.js';
import { createClusterConversationEvents } from './cluster-events.js';
import { conversationKey } from './conversation-key.js';
import { createFakeCluster } from './test-support/fake-cluster.js';
import { runConversationEventsContract } from '../test/contracts/conversation-events.contract.js';

/** A publisher and a subscriber on two ends of one fake cluster. */
function pair(publisherEnd: ClusterBus, subscriberEnd: ClusterBus) {
  const publisher = createClusterConversationEvents({ bus: publisherEnd });
  const subscriber = createClusterConversationEvents({ bus: subscriberEnd });
  return {
    publisher,
    subscriber,
    close: async () => {
      await publisher.close();
      await subscriber.close();
    },
  };
}

// Publisher and subscriber in two different web processes, as a patron's stream and the answer that
// reaches it may be; every message goes through the primary.
runConversationEventsContract('cluster IPC, across two web processes', async () => {
  const { workers } = createFakeCluster(2);
  return pair(workers[0]!, workers[1]!);
});

runConversationEventsContract('cluster IPC, from the primary to a web process', async () => {
  const { primary, workers } = createFakeCluster(2);
  return pair(primary, workers[1]!);
});

describe('createClusterConversationEvents', () => {
  it('drops an unreadable event from another process and reports it', async () => {
    const { primary, workers } = createFakeCluster(1);
    const errors: unknown[] = [];
    const events = createClusterConversationEvents({ bus: workers[0]!, onError: (error) => errors.push(error) });
    const seen: unknown[] = [];
    await events.subscribe('web', 's', (event) => seen.push(event));
    primary.publish(`conversation:${conversationKey('web', 's')}`, JSON.stringify({ type: 'reply', entry: { from: 'robot', text: 'x', at: 'now' } }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('delivers nothing after close', async () => {
    const { workers } = createFakeCluster(1);
    const events = createClusterConversationEvents({ bus: workers[0]! });
    const seen: unknown[] = [];
    await events.subscribe('web', 's', (event) => seen.push(event));
    await events.close();
    await events.publish('web', 's', { type: 'reply', entry: { from: 'staff', text: 'x', at: new Date(0) } });
    workers[0]!.publish(`conversation:${conversationKey('web', 's')}`, JSON.stringify({ type: 'reply', entry: { from: 'staff', text: 'x', at: new Date(0) } }));
    expect(seen).toEqual([]);
  });
});
