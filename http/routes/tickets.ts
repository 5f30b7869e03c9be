import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LibdeskError } from '../../core/errors.js';
import { parseTicketNumber, type TicketPort } from '../../core/tickets.js';
import { staffAuth } from '../plugins/staff-auth.js';
import { ticketDetailSchema, ticketListQuerySchema, ticketListSchema, ticketParamsSchema } from '../schemas/ticket.js';

export interface TicketRoutesOptions {
  tickets: Pick<TicketPort, 'get' | 'list'>;
  /** When set, every route here needs `Authorization: Bearer <token>`. */
  staffApiToken?: string;
}

/** Read-only staff view of the ticket queue. Responses never carry the requester's address. */
export const ticketRoutes: FastifyPluginAsyncZod<TicketRoutesOptions> = async (app, options) => {
  if (options.staffApiToken) await app.register(staffAuth, { token: options.staffApiToken });

  app.get('/api/v1/tickets', { schema: { querystring: ticketListQuerySchema, response: { 200: ticketListSchema } } }, async (request) => {
    const { status, kind, limit } = request.query;
    const tickets = await options.tickets.list({ limit, ...(status ? { status } : {}), ...(kind ? { kind } : {}) });
    return { tickets };
  });

  app.get('/api/v1/tickets/:id', { schema: { params: ticketParamsSchema, response: { 200: ticketDetailSchema } } }, async (request) => {
    const id = parseTicketNumber(request.params.id);
    const ticket = id === undefined ? undefined : await options.tickets.get(id);
    if (!ticket) throw new LibdeskError('LD_NOT_FOUND', `There is no ticket ${request.params.id}`, { details: { id: request.params.id } });
    return ticket;
  });
};
