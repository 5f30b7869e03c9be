import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { LibdeskError } from '../../core/errors.js';
import type { StaffAuthenticator } from '../../core/staff.js';
import { parseTicketNumber, type TicketConversationReader, type TicketFilter, type TicketPort } from '../../core/tickets.js';
import { staffAuth } from '../plugins/staff-auth.js';
import {
  emptyBodySchema,
  ticketAssignBodySchema,
  ticketDetailSchema,
  ticketEventsSchema,
  ticketListQuerySchema,
  ticketListSchema,
  ticketMessageResultSchema,
  ticketNoteBodySchema,
  ticketParamsSchema,
  ticketPriorityBodySchema,
  ticketRefSchema,
  ticketReopenBodySchema,
  ticketReplyBodySchema,
  ticketResolveBodySchema,
} from '../schemas/ticket.js';

export interface TicketRoutesOptions {
  tickets: TicketPort;
  /** The patron conversation behind a ticket, shown in the detail (by conversation id, never address). */
  conversations?: TicketConversationReader;
  /** Every route here needs `Authorization: Bearer <staff token>`: closed by default. */
  staff: StaffAuthenticator;
}

/** The staff identity a request acts as: every change is attributed to it in the audit trail. */
function actorOf(request: FastifyRequest): string {
  if (!request.staff) throw new LibdeskError('LD_INTERNAL', 'staff route reached without a staff identity');
  return request.staff.name;
}

function ticketIdOf(text: string): number {
  const id = parseTicketNumber(text);
  if (id === undefined) throw new LibdeskError('LD_NOT_FOUND', `There is no ticket ${text}`, { details: { id: text } });
  return id;
}

/**
 * The staff queue over HTTP, for staff only: list with filters and paging, detail with the conversation,
 * every transition, public replies and internal notes. Responses never carry the requester's address.
 * Numeric ids are fine here: nobody without a staff token gets past the first hook.
 */
export const ticketRoutes: FastifyPluginAsyncZod<TicketRoutesOptions> = async (app, options) => {
  await app.register(staffAuth, { authenticator: options.staff });
  const { tickets } = options;

  app.get('/api/v1/tickets', { schema: { querystring: ticketListQuerySchema, response: { 200: ticketListSchema } } }, async (request) => {
    const { status, kind, branch, assetTag, assignee, overdue, limit, cursor } = request.query;
    const filter: TicketFilter = {
      limit,
      ...(status ? { status } : {}),
      ...(kind ? { kind } : {}),
      ...(branch ? { branchId: branch } : {}),
      ...(assetTag ? { assetTag } : {}),
      ...(assignee ? { assignee: assignee === 'none' ? null : assignee === 'me' ? actorOf(request) : assignee } : {}),
      ...(overdue !== undefined ? { overdue } : {}),
      ...(cursor ? { cursor } : {}),
    };
    return tickets.list(filter);
  });

  app.get('/api/v1/tickets/:id', { schema: { params: ticketParamsSchema, response: { 200: ticketDetailSchema } } }, async (request) => {
    const id = ticketIdOf(request.params.id);
    const ticket = await tickets.get(id);
    if (!ticket) throw new LibdeskError('LD_NOT_FOUND', `There is no ticket ${request.params.id}`, { details: { id: request.params.id } });
    const conversation = ticket.conversationId && options.conversations ? await options.conversations.messages(ticket.conversationId, { limit: 100 }) : [];
    return { ...ticket, conversation: conversation.map((entry) => ({ from: entry.from, text: entry.text, at: entry.at })) };
  });

  app.get('/api/v1/tickets/:id/events', { schema: { params: ticketParamsSchema, response: { 200: ticketEventsSchema } } }, async (request) => ({
    events: await tickets.events(ticketIdOf(request.params.id)),
  }));

  const refReply = { 200: ticketRefSchema };
  const messageReply = { 200: ticketMessageResultSchema };

  app.post('/api/v1/tickets/:id/claim', { schema: { params: ticketParamsSchema, body: emptyBodySchema, response: refReply } }, async (request) =>
    tickets.claim(ticketIdOf(request.params.id), actorOf(request)),
  );

  app.post('/api/v1/tickets/:id/assign', { schema: { params: ticketParamsSchema, body: ticketAssignBodySchema, response: refReply } }, async (request) =>
    tickets.assign(ticketIdOf(request.params.id), request.body.assignee, actorOf(request)),
  );

  app.post('/api/v1/tickets/:id/priority', { schema: { params: ticketParamsSchema, body: ticketPriorityBodySchema, response: refReply } }, async (request) =>
    tickets.setPriority(ticketIdOf(request.params.id), request.body.priority, actorOf(request)),
  );

  app.post('/api/v1/tickets/:id/replies', { schema: { params: ticketParamsSchema, body: ticketReplyBodySchema, response: messageReply } }, async (request) =>
    tickets.reply(ticketIdOf(request.params.id), { actor: actorOf(request), body: request.body.body, origin: 'api' }),
  );

  app.post('/api/v1/tickets/:id/notes', { schema: { params: ticketParamsSchema, body: ticketNoteBodySchema, response: refReply } }, async (request) =>
    tickets.note(ticketIdOf(request.params.id), { actor: actorOf(request), body: request.body.body, origin: 'api' }),
  );

  app.post('/api/v1/tickets/:id/wait', { schema: { params: ticketParamsSchema, body: emptyBodySchema, response: refReply } }, async (request) =>
    tickets.waitOnPatron(ticketIdOf(request.params.id), actorOf(request)),
  );

  app.post('/api/v1/tickets/:id/resolve', { schema: { params: ticketParamsSchema, body: ticketResolveBodySchema, response: messageReply } }, async (request) =>
    tickets.resolve(ticketIdOf(request.params.id), { actor: actorOf(request), origin: 'api', ...(request.body?.body ? { body: request.body.body } : {}) }),
  );

  app.post('/api/v1/tickets/:id/reopen', { schema: { params: ticketParamsSchema, body: ticketReopenBodySchema, response: refReply } }, async (request) =>
    tickets.reopen(ticketIdOf(request.params.id), { actor: actorOf(request), reason: request.body.reason }),
  );

  app.post('/api/v1/tickets/:id/close', { schema: { params: ticketParamsSchema, body: emptyBodySchema, response: refReply } }, async (request) =>
    tickets.close(ticketIdOf(request.params.id), actorOf(request)),
  );
};
