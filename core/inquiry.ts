import { z } from 'zod';
import { containsUnstorableText, STORABLE_TEXT_MESSAGE, storableText } from './text.js';

/** Where a message came from. `report` is the QR-code report page on a device; `cli` is `libdesk ask`. */
export const CHANNELS = ['web', 'sms', 'email', 'discord', 'report', 'cli'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Longest patron message we accept; longer ones are refused with a clear error, never truncated. */
export const MAX_INQUIRY_TEXT = 8000;

/**
 * One inbound patron message, whatever the channel. Adapters build it; nothing downstream knows the
 * provider. `address` is the sender (phone, e-mail, web session id) and is personal data.
 */
export interface Inquiry {
  channel: Channel;
  /** The sender on that channel: a phone number, an e-mail address, a web-chat session id. */
  address: string;
  /** Groups messages into one conversation (an e-mail thread, a web-chat session). Defaults to the address. */
  threadKey: string;
  text: string;
  receivedAt: Date;
  /** The provider's id for this message (Twilio SID, Message-ID…), used to drop retries. */
  externalId?: string;
  /** Provider extras an adapter wants to keep (never patron secrets). */
  meta?: Record<string, unknown>;
}

/** What may arrive from outside as an inquiry; every adapter and the HTTP API parse with this. */
export const inquiryInputSchema = z.object({
  channel: z.enum(CHANNELS),
  address: storableText(z.string().trim().min(1, 'address is required').max(320, 'address is longer than 320 characters')),
  text: storableText(
    z
      .string()
      .trim()
      .min(1, 'text is empty')
      .max(MAX_INQUIRY_TEXT, `text is longer than ${MAX_INQUIRY_TEXT} characters`),
  ),
  threadKey: storableText(z.string().trim().min(1).max(200)).optional(),
  externalId: storableText(z.string().trim().min(1).max(300)).optional(),
  meta: z
    .record(z.string(), z.unknown())
    .refine((meta) => !containsUnstorableText(meta), { error: STORABLE_TEXT_MESSAGE })
    .optional(),
});
export type InquiryInput = z.infer<typeof inquiryInputSchema>;
