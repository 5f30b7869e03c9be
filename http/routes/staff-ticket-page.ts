import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatTicketNumber, parseTicketNumber } from '../../core/tickets.js';
import { ticketParamsSchema } from '../schemas/ticket.js';
import { renderStaffTicketPage, STAFF_TICKET_PAGE_SCRIPT } from '../views/staff-ticket-page.js';

export interface StaffTicketPageOptions {
  libraryName: string;
}

/**
 * `GET /staff/tickets/:id`: the page a ticket notice links to, openable in any browser. It holds no
 * ticket data; its script reads the staff API with the staff member's own token (see the view).
 */
export const staffTicketPageRoutes: FastifyPluginAsyncZod<StaffTicketPageOptions> = async (app, options) => {
  app.get('/staff/tickets/:id', { schema: { params: ticketParamsSchema } }, async (request, reply) => {
    const id = parseTicketNumber(request.params.id)!;
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return renderStaffTicketPage({ libraryName: options.libraryName, ticketNumber: formatTicketNumber(id) });
  });
  app.get('/staff/ticket-page.js', async (_request, reply) => {
    reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8');
    return STAFF_TICKET_PAGE_SCRIPT;
  });
};
