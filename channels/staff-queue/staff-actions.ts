import { isLibdeskError } from '../../core/errors.js';
import type { MessageOrigin } from '../../core/delivery.js';
import type { StaffActor } from '../../core/staff-channels.js';
import { formatTicketNumber, type TicketPort, type TicketRef, type TicketStatus } from '../../core/tickets.js';
import { STAFF_COMMAND_HELP, type StaffCommand } from './commands.js';
import { STATUS_LABELS } from './ticket-text.js';

export type StaffTickets = Pick<TicketPort, 'get' | 'list' | 'claim' | 'resolve' | 'note' | 'reply' | 'events'>;

export interface QueueStats {
  open: number;
  claimed: number;
  waiting: number;
  overdue: number;
}

/** What a staff action did, in words for the person who asked (shown only to them). */
export type ActionOutcome = { ok: true; message: string; ticket?: TicketRef } | { ok: false; message: string };

/** How many tickets a count looks at; past this the count says "200+" rather than paging forever. */
const COUNT_CAP = 200;

/**
 * The staff abilities both chat bots offer — claim, resolve, reply, note, list, stats — on `TicketPort`,
 * with refusals phrased for a person. A chat user who is not linked to a staff member is refused before
 * this is reached.
 */
export function createStaffActions({ tickets, origin }: { tickets: StaffTickets; origin: MessageOrigin }) {
  async function count(status: TicketStatus | TicketStatus[], extra: { overdue?: boolean } = {}): Promise<number> {
    const page = await tickets.list({ status, limit: COUNT_CAP, ...extra });
    return page.tickets.length;
  }

  async function attempt(ticketId: number, work: () => Promise<ActionOutcome>): Promise<ActionOutcome> {
    try {
      return await work();
    } catch (error) {
      const number = formatTicketNumber(ticketId);
      if (isLibdeskError(error, 'LD_NOT_FOUND')) return { ok: false, message: `There is no ticket ${number}.` };
      if (isLibdeskError(error, 'LD_TICKET_TRANSITION')) {
        const current = await tickets.get(ticketId);
        const status = current ? STATUS_LABELS[current.status].toLowerCase() : 'in another state';
        return { ok: false, message: `${number} is ${status}, so that cannot be done now.` };
      }
      throw error;
    }
  }

  return {
    async stats(): Promise<QueueStats> {
      const [open, claimed, waiting, overdue] = await Promise.all([
        count('open'),
        count('claimed'),
        count('waiting'),
        count(['open', 'claimed'], { overdue: true }),
      ]);
      return { open, claimed, waiting, overdue };
    },

    /** The open queue, oldest due first is the SLA's job; here newest first as the port pages them. */
    async queue(limit = 15): Promise<TicketRef[]> {
      return (await tickets.list({ status: 'open', limit })).tickets;
    },

    async mine(staff: StaffActor, limit = 15): Promise<TicketRef[]> {
      return (await tickets.list({ assignee: staff.actor, status: ['claimed', 'waiting'], limit })).tickets;
    },

    claim: (staff: StaffActor, ticketId: number) =>
      attempt(ticketId, async () => {
        const ticket = await tickets.claim(ticketId, staff.actor);
        return { ok: true, message: `You claimed ${ticket.number}.`, ticket };
      }),

    resolve: (staff: StaffActor, ticketId: number, body?: string) =>
      attempt(ticketId, async () => {
        const result = await tickets.resolve(ticketId, { actor: staff.actor, origin, ...(body ? { body } : {}) });
        const told = result.delivery === 'queued' ? 'The patron is being told.' : 'The patron left no way to reach them, so nobody is told.';
        return { ok: true, message: `${result.ticket.number} is resolved. ${told}`, ticket: result.ticket };
      }),

    note: (staff: StaffActor, ticketId: number, body: string) =>
      attempt(ticketId, async () => {
        const ticket = await tickets.note(ticketId, { actor: staff.actor, body, origin });
        return { ok: true, message: `Internal note added to ${ticket.number}; the patron does not see it.`, ticket };
      }),

    reply: (staff: StaffActor, ticketId: number, body: string) =>
      attempt(ticketId, async () => {
        const result = await tickets.reply(ticketId, { actor: staff.actor, body, origin });
        const sent = result.delivery === 'queued' ? 'on its way to the patron' : 'recorded, but the patron left no way to reach them';
        return { ok: true, message: `Reply to ${result.ticket.number} ${sent}.`, ticket: result.ticket };
      }),

    /** Runs a parsed command for someone already known to be staff (list and stats need no identity). */
    async run(staff: StaffActor, command: StaffCommand, render: { list(tickets: TicketRef[]): string }): Promise<ActionOutcome> {
      switch (command.action) {
        case 'help':
          return { ok: command.problem === undefined, message: `${command.problem ? `Sorry: ${command.problem}. ` : ''}${STAFF_COMMAND_HELP}` };
        case 'list': {
          const open = await this.queue();
          return { ok: true, message: open.length ? `Open queue:\n${render.list(open)}` : 'The queue is empty.' };
        }
        case 'stats': {
          const stats = await this.stats();
          const capped = (n: number) => (n >= COUNT_CAP ? `${COUNT_CAP}+` : String(n));
          return {
            ok: true,
            message: `Open ${capped(stats.open)} · claimed ${capped(stats.claimed)} · waiting on patron ${capped(stats.waiting)} · overdue ${capped(stats.overdue)}`,
          };
        }
        case 'claim':
          return this.claim(staff, command.ticketId);
        case 'resolve':
          return this.resolve(staff, command.ticketId, command.body);
        case 'note':
          return this.note(staff, command.ticketId, command.body);
        case 'reply':
          return this.reply(staff, command.ticketId, command.body);
      }
    },
  };
}

export type StaffActions = ReturnType<typeof createStaffActions>;
