import { runTicketPortContract } from '../contracts/ticket-port.contract.js';
import { createFakeCalendar } from './fake-calendar.js';
import { createFakeTickets } from './fake-tickets.js';
import { randomUUID } from 'node:crypto';

runTicketPortContract('the in-memory fake', async (clock) => {
  const tickets = createFakeTickets({ clock, calendar: createFakeCalendar() });
  return { tickets, enqueued: tickets.jobs.enqueued, newConversation: async () => randomUUID(), close: async () => {} };
});
