import { describe, expect, it } from 'vitest';
import { parseConversationEvent, serializeConversationEvent } from './conversation-event-schema.js';

describe('parseConversationEvent', () => {
  it('round-trips an event and restores the date', () => {
    const event = { type: 'reply' as const, entry: { from: 'staff' as const, text: 'Fixed', at: new Date('2026-01-02T03:04:05Z') } };
    expect(parseConversationEvent(serializeConversationEvent(event))).toEqual(event);
  });

  it('drops fields it does not know', () => {
    const payload = JSON.stringify({
      type: 'reply',
      secret: 'x',
      entry: { from: 'staff', text: 'hi', at: '2026-01-02T03:04:05Z', address: '+15551234567' },
    });
    expect(parseConversationEvent(payload)).toEqual({ type: 'reply', entry: { from: 'staff', text: 'hi', at: new Date('2026-01-02T03:04:05Z') } });
  });

  it.each([['not json'], ['{"type":"typing"}'], ['{"type":"reply","entry":{"from":"robot","text":"x","at":"2026-01-01"}}']])(
    'returns undefined for %s',
    (payload) => {
      expect(parseConversationEvent(payload)).toBeUndefined();
    },
  );
});
