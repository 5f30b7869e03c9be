import { z } from 'zod';
import { INTENTS } from '../../core/intents.js';
import { MESSAGE_ORIGINS } from '../../core/delivery.js';
import { TICKET_EVENT_TYPES, TICKET_KINDS, TICKET_PRIORITIES, TICKET_STATUSES } from '../../core/tickets.js';
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
  assignee: z.string().optional(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema.optional(),
  firstResponseDueAt: isoDateSchema.optional(),
  firstRespondedAt: isoDateSchema.optional(),
  resolutionDueAt: isoDateSchema.optional(),
  slaDueAt: isoDateSchema.optional(),
  resolvedAt: isoDateSchema.optional(),
  closedAt: isoDateSchema.optional(),
  existing: z.boolean().optional(),
});

export const ticketEventSchema = z.object({
  id: z.string().optional(),
  type: z.enum(TICKET_EVENT_TYPES),
  actor: z.string(),
  body: z.string().optional(),
  internal: z.boolean(),
  origin: z.enum(MESSAGE_ORIGINS).optional(),
  replyId: z.string().optional(),
  createdAt: isoDateSchema,
});

/** One line of the patron conversation as staff read it: who, what, when — never an address. */
export const conversationLineSchema = z.object({
  from: z.enum(['patron', 'assistant', 'staff']),
  text: z.string(),
  at: isoDateSchema,
});

export const ticketDetailSchema = ticketRefSchema.extend({
  description: z.string(),
  claimedBy: z.string().optional(),
  events: z.array(ticketEventSchema),
  conversation: z.array(conversationLineSchema).optional(),
});

export const ticketListSchema = z.object({ tickets: z.array(ticketRefSchema), nextCursor: z.string().optional() });
export const ticketEventsSchema = z.object({ events: z.array(ticketEventSchema) });

const statusList = z
  .string()
  .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.enum(TICKET_STATUSES)).min(1, 'status needs at least one status'));

export const ticketListQuerySchema = z.object({
  /** One status or several, comma-separated: `open,claimed`. */
  status: statusList.optional(),
  kind: z.enum(TICKET_KINDS).optional(),
  branch: z.string().trim().min(1).max(64).optional(),
  assetTag: z.string().trim().min(1).max(64).optional(),
  /** A staff name, `me` (the caller) or `none` (nobody holds it). */
  assignee: z.string().trim().min(1).max(64).optional(),
  overdue: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().trim().min(1).max(200).optional(),
});

export const ticketParamsSchema = z.object({
  id: z.string().regex(/^(?:T-?)?\d{1,9}$/i, 'id must be a ticket number such as 12 or T-12'),
});

const body = z.string().trim().min(1, 'body is empty').max(8000, 'body is longer than 8000 characters');
export const ticketReplyBodySchema = z.object({ body });
export const ticketNoteBodySchema = z.object({ body });
/** Actions without a payload accept no body at all (null) or `{}`. */
export const ticketResolveBodySchema = z.object({ body: body.optional() }).nullish();
export const ticketReopenBodySchema = z.object({ reason: z.string().trim().min(1, 'reason is empty').max(2000) });
export const ticketAssignBodySchema = z.object({ assignee: z.string().trim().min(1).max(64) });
export const ticketPriorityBodySchema = z.object({ priority: z.enum(TICKET_PRIORITIES) });
export const emptyBodySchema = z.object({}).nullish();

export const ticketMessageResultSchema = z.object({
  ticket: ticketRefSchema,
  replyId: z.string().optional(),
  delivery: z.enum(['queued', 'no_conversation']),
});
