import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationEvent, ConversationEvents } from '../../core/inquiry-service.js';

/**
 * Every ConversationEvents engine must pass this suite. `create` returns the side that publishes and
 * the side that subscribes: the same object for the in-memory bus, two processes' worth of
 * connections for Redis.
 */
export interface ConversationEventsPair {
  publisher: ConversationEvents;
  subscriber: ConversationEvents;
  close(): Promise<void>;
}

export function runConversationEventsContract(name: string, create: () => Promise<ConversationEventsPair>): void {
  describe(`ConversationEvents contract: ${name}`, () => {
    let pair: ConversationEventsPair | undefined;
    afterEach(async () => {
      await pair?.close();
      pair = undefined;
    });

    const staffReply = (text: string): ConversationEvent => ({
      type: 'reply',
      entry: { from: 'staff', text, quickReplies: ['Thanks'], at: new Date('2026-03-07T15:04:05.000Z') },
    });

    it('delivers a published event to a subscriber of the same conversation, dates intact', async () => {
      pair = await create();
      const received = collect();
      await pair.subscriber.subscribe('web', 'session-a', received.listener);
      await pair.publisher.publish('web', 'session-a', staffReply('Your printer is fixed'));
      const [event] = await received.waitFor(1);
      expect(event).toEqual(staffReply('Your printer is fixed'));
      expect(event!.entry.at).toBeInstanceOf(Date);
    });

    it('keeps conversations apart by thread key and by channel', async () => {
      pair = await create();
      const received = collect();
      await pair.subscriber.subscribe('web', 'session-a', received.listener);
      await pair.publisher.publish('web', 'session-b', staffReply('for b'));
      await pair.publisher.publish('sms', 'session-a', staffReply('for sms'));
      // Delivery is in order per subscriber, so once this one arrives the two above would have too.
      await pair.publisher.publish('web', 'session-a', staffReply('for a'));
      const events = await received.waitFor(1);
      expect(events.map((event) => event.entry.text)).toEqual(['for a']);
    });

    it('fans out to every listener, even when one of them throws', async () => {
      pair = await create();
      const first = collect();
      const second = collect();
      await pair.subscriber.subscribe('web', 'session-a', () => {
        throw new Error('socket already closed');
      });
      await pair.subscriber.subscribe('web', 'session-a', first.listener);
      await pair.subscriber.subscribe('web', 'session-a', second.listener);
      await pair.publisher.publish('web', 'session-a', staffReply('hello'));
      expect((await first.waitFor(1))[0]!.entry.text).toBe('hello');
      expect((await second.waitFor(1))[0]!.entry.text).toBe('hello');
    });

    it('stops delivering to a listener once it unsubscribes, and keeps the others', async () => {
      pair = await create();
      const leaving = collect();
      const staying = collect();
      const unsubscribe = await pair.subscriber.subscribe('web', 'session-a', leaving.listener);
      await pair.subscriber.subscribe('web', 'session-a', staying.listener);
      await unsubscribe();
      await pair.publisher.publish('web', 'session-a', staffReply('after'));
      await staying.waitFor(1);
      expect(leaving.events).toEqual([]);
    });

    it('can subscribe again after the last listener left', async () => {
      pair = await create();
      const first = collect();
      const unsubscribe = await pair.subscriber.subscribe('web', 'session-a', first.listener);
      await unsubscribe();
      const second = collect();
      await pair.subscriber.subscribe('web', 'session-a', second.listener);
      await pair.publisher.publish('web', 'session-a', staffReply('again'));
      expect((await second.waitFor(1))[0]!.entry.text).toBe('again');
      expect(first.events).toEqual([]);
    });
  });
}

function collect() {
  const events: ConversationEvent[] = [];
  let wake: (() => void) | undefined;
  return {
    events,
    listener(event: ConversationEvent) {
      events.push(event);
      wake?.();
    },
    /** Resolves once `count` events arrived; the test's own timeout catches a lost event. */
    async waitFor(count: number): Promise<ConversationEvent[]> {
      while (events.length < count) await new Promise<void>((resolve) => (wake = resolve));
      return events;
    },
  };
}
