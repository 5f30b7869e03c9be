import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatTicketNumber, parseTicketNumber } from '../../core/tickets.js';
import { ticketParamsSchema } from '../schemas/ticket.js';

/**
 * `GET /staff/tickets/:id`: the stable address ticket notices, Slack and Discord link to. It sends the
 * browser to the ticket's page in the staff console, which asks for sign-in when needed.
 */
export const staffTicketPageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/staff/tickets/:id', { schema: { params: ticketParamsSchema } }, async (request, reply) => {
    const id = parseTicketNumber(request.params.id)!;
    reply.header('cache-control', 'no-store');
    return reply.redirect(`/staff/queue/${formatTicketNumber(id)}`, 302);
  });
};
