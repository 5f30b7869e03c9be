import { z } from 'zod';
import type { ConversationEvent } from '../core/inquiry-service.js';

/**
 * What travels between processes. Events from Redis are parsed, never passed through: a message
 * published by an older or newer process must not crash a listener or smuggle extra fields out.
 */
const conversationEventSchema = z.object({
  type: z.literal('reply'),
  entry: z.object({
    from: z.enum(['patron', 'assistant', 'staff']),
    text: z.string(),
    quickReplies: z.array(z.string()).optional(),
    at: z.coerce.date(),
  }),
});

/** Returns the event, or undefined when the payload is not an event this version understands. */
export function parseConversationEvent(payload: string): ConversationEvent | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const result = conversationEventSchema.safeParse(raw);
  if (!result.success) return undefined;
  const { entry } = result.data;
  return {
    type: 'reply',
    entry: {
      from: entry.from,
      text: entry.text,
      at: entry.at,
      ...(entry.quickReplies ? { quickReplies: entry.quickReplies } : {}),
    },
  };
}

export function serializeConversationEvent(event: ConversationEvent): string {
  return JSON.stringify(event);
}
