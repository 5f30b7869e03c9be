import { z } from 'zod';
import { INTENTS } from '../../core/intents.js';
import { ticketRefSchema } from './ticket.js';

export const replyCardSchema = z.object({
  title: z.string(),
  lines: z.array(z.string()),
  url: z.string().optional(),
});

export const replySchema = z.object({
  text: z.string(),
  smsText: z.string().optional(),
  quickReplies: z.array(z.string()).optional(),
  cards: z.array(replyCardSchema).optional(),
  language: z.enum(['en', 'es']).optional(),
});

/** `POST /api/v1/inquiries` and the web chat's send answer with this. */
export const inquiryResponseSchema = z.object({
  inquiryId: z.string(),
  intent: z.enum(INTENTS),
  reply: replySchema,
  confidence: z.number(),
  ticket: ticketRefSchema.optional(),
  duplicate: z.boolean(),
});
export type InquiryResponse = z.output<typeof inquiryResponseSchema>;

/**
 * What a patron's own browser gets back (web chat): the ticket only as its public number and state.
 * The numeric id and the rest of the ticket are for staff and integrations.
 */
export const patronInquiryResponseSchema = inquiryResponseSchema.extend({
  ticket: ticketRefSchema.pick({ number: true, kind: true, status: true, existing: true }).optional(),
});
