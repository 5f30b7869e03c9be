import { z } from 'zod';
import { inquiryInputSchema, type InquiryInput } from '../../core/inquiry.js';
import { sessionIdSchema } from './session.js';

/** What the widget posts to `POST /api/v1/chat/messages`. */
export const chatMessageSchema = z.object({
  session: sessionIdSchema,
  text: inquiryInputSchema.shape.text,
  /** Made by the widget per message, so a retried send after a network blip is answered once. */
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientMessageId must be 8 to 64 letters, digits, "-" or "_"').optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** The session is both the sender and the conversation on the `web` channel. */
export function toWebChatInquiry(message: ChatMessage): InquiryInput {
  return {
    channel: 'web',
    address: message.session,
    threadKey: message.session,
    text: message.text,
    ...(message.clientMessageId ? { externalId: `web:${message.session}:${message.clientMessageId}` } : {}),
  };
}
