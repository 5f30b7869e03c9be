import { z } from 'zod';
import { INTENTS } from '../../core/intents.js';
import { TICKET_KINDS, TICKET_PRIORITIES, TICKET_STATUSES } from '../../core/tickets.js';
import { isoDateSchema } from './common.js';

/**
 * A ticket as the API shows it. Listing the fields (and letting zod strip the rest) is what keeps a
 * requester's phone number or e-mail out of responses even if a ticket service returns it.
 */
export const ticketRefSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  kind: z.enum(TICKET_KINDS),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  subject: z.string(),
  intent: z.enum(INTENTS).optional(),
  assetTag: z.string().optional(),
  branchId: z.string().optional(),
  createdAt: isoDateSchema,
  slaDueAt: isoDateSchema.optional(),
  existing: z.boolean().optional(),
});

export const ticketEventSchema = z.object({
  type: z.enum(['opened', 'comment', 'note', 'claimed', 'status', 'resolved', 'reopened']),
  actor: z.string(),
  body: z.string().optional(),
  internal: z.boolean(),
  createdAt: isoDateSchema,
});

export const ticketDetailSchema = ticketRefSchema.extend({
  description: z.string(),
  claimedBy: z.string().optional(),
  resolvedAt: isoDateSchema.optional(),
  events: z.array(ticketEventSchema),
});

export const ticketListSchema = z.object({ tickets: z.array(ticketRefSchema) });

export const ticketListQuerySchema = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  kind: z.enum(TICKET_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ticketParamsSchema = z.object({
  id: z.string().regex(/^(?:T-?)?\d{1,9}$/i, 'id must be a ticket number such as 12 or T-12'),
});
