export { createTicketService, SLA_HOURS, type TicketServiceDeps } from './ticket-service.js';
export { createTicketsRepository, type TicketsRepository } from './tickets.repository.js';
export { createTicketNotifier, type TicketNotifierDeps } from './ticket-notifier.js';
