import { z } from 'zod';
import type { ConversationEntry } from '../../core/inquiry-service.js';

/** One line of the chat as the widget draws it; only these fields ever reach the browser. */
export const webChatEntrySchema = z.object({
  from: z.enum(['patron', 'assistant', 'staff']),
  text: z.string(),
  quickReplies: z.array(z.string()).optional(),
  at: z.string(),
});
export type WebChatEntry = z.infer<typeof webChatEntrySchema>;

export function toWebChatEntry(entry: ConversationEntry): WebChatEntry {
  return {
    from: entry.from,
    text: entry.text,
    at: entry.at.toISOString(),
    ...(entry.quickReplies && entry.quickReplies.length > 0 ? { quickReplies: entry.quickReplies } : {}),
  };
}
