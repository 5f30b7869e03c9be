import { z } from 'zod';
import { inquiryInputSchema, type InquiryInput } from '../../core/inquiry.js';
import { sessionTokenSchema } from './verify.js';

/** What the widget posts to `POST /api/v1/chat/messages`. */
export const chatMessageSchema = z.object({
  /** The signed session token from `POST /api/v1/chat/sessions`. */
  session: sessionTokenSchema,
  text: inquiryInputSchema.shape.text,
  /** Made by the widget per message, so a retried send after a network blip is answered once. */
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientMessageId must be 8 to 64 letters, digits, "-" or "_"').optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * The session (its id, once the token's signature and age are checked) is both the sender and the
 * conversation on the `web` channel.
 */
export function toWebChatInquiry(sessionId: string, message: Pick<ChatMessage, 'text' | 'clientMessageId'>): InquiryInput {
  return {
    channel: 'web',
    address: sessionId,
    threadKey: sessionId,
    text: message.text,
    ...(message.clientMessageId ? { externalId: `web:${sessionId}:${message.clientMessageId}` } : {}),
  };
}
