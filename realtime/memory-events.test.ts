import { describe, expect, it } from 'vitest';
import { createMemoryConversationEvents } from './memory-events.js';
import { runConversationEventsContract } from '../test/contracts/conversation-events.contract.js';

runConversationEventsContract('in-memory', async () => {
  const events = createMemoryConversationEvents();
  return { publisher: events, subscriber: events, close: () => events.close() };
});

describe('createMemoryConversationEvents', () => {
  it('reports a throwing listener instead of swallowing it silently', async () => {
    const errors: unknown[] = [];
    const events = createMemoryConversationEvents({ onListenerError: (error) => errors.push(error) });
    await events.subscribe('web', 's', () => {
      throw new Error('boom');
    });
    await events.publish('web', 's', { type: 'reply', entry: { from: 'staff', text: 'x', at: new Date(0) } });
    expect(errors).toHaveLength(1);
  });

  it('delivers nothing after close', async () => {
    const events = createMemoryConversationEvents();
    const seen: unknown[] = [];
    await events.subscribe('web', 's', (event) => seen.push(event));
    await events.close();
    await events.publish('web', 's', { type: 'reply', entry: { from: 'staff', text: 'x', at: new Date(0) } });
    expect(seen).toEqual([]);
  });
});
