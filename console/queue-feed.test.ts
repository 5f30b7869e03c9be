import { describe, expect, it } from 'vitest';
import type { TicketChangedEvent } from '../core/tickets.js';
import { createFakeCluster } from '../realtime/test-support/fake-cluster.js';
import { createClusterQueueFeed } from './queue-feed.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('createClusterQueueFeed', () => {
  it('brings a change published by the primary to the queue pages of every web process', async () => {
    const { primary, workers } = createFakeCluster(2);
    const publisher = createClusterQueueFeed({ bus: primary });
    const heard: Array<[number, TicketChangedEvent]> = [];
    workers.forEach((worker, index) => createClusterQueueFeed({ bus: worker }).subscribe((event) => heard.push([index, event])));
    await publisher.publish({ ticketId: 7, change: 'claimed', eventId: 'e-1' });
    await settle();
    expect(heard.sort()).toEqual([
      [0, { ticketId: 7, change: 'claimed' }],
      [1, { ticketId: 7, change: 'claimed' }],
    ]);
  });

  it('drops an unreadable event with a report and keeps listening', async () => {
    const { primary, workers } = createFakeCluster(1);
    const errors: unknown[] = [];
    const feed = createClusterQueueFeed({ bus: workers[0]!, onError: (error) => errors.push(error) });
    const heard: TicketChangedEvent[] = [];
    feed.subscribe((event) => heard.push(event));
    primary.publish('staff-queue', '{"ticketId":-1,"change":"claimed"}');
    primary.publish('staff-queue', 'not json');
    await createClusterQueueFeed({ bus: primary }).publish({ ticketId: 3, change: 'resolved' });
    await settle();
    expect(errors).toHaveLength(2);
    expect(heard).toEqual([{ ticketId: 3, change: 'resolved' }]);
  });

  it('hears nothing after close', async () => {
    const { primary, workers } = createFakeCluster(1);
    const feed = createClusterQueueFeed({ bus: workers[0]! });
    const heard: TicketChangedEvent[] = [];
    feed.subscribe((event) => heard.push(event));
    await feed.close();
    await createClusterQueueFeed({ bus: primary }).publish({ ticketId: 3, change: 'resolved' });
    await settle();
    expect(heard).toEqual([]);
  });
});
