import { parseTicketNumber } from '../../core/tickets.js';

/**
 * The staff command language, the same in Slack (`/libdesk claim T-12`) and Discord (`/libdesk` with
 * options): list, claim, resolve, stats, and (Discord, which has no thread listener) reply and note.
 */
export type StaffCommand =
  | { action: 'list' }
  | { action: 'stats' }
  | { action: 'help'; problem?: string }
  | { action: 'claim' | 'resolve'; ticketId: number; body?: string }
  | { action: 'reply' | 'note'; ticketId: number; body: string };

export function parseStaffCommand(text: string): StaffCommand {
  const trimmed = text.trim();
  if (!trimmed) return { action: 'list' };
  const [verb = '', ticket = '', ...rest] = trimmed.split(/\s+/);
  const action = verb.toLowerCase();
  if (action === 'list' || action === 'queue') return { action: 'list' };
  if (action === 'stats') return { action: 'stats' };
  if (action === 'help') return { action: 'help' };
  if (action === 'claim' || action === 'resolve' || action === 'reply' || action === 'note') {
    const ticketId = parseTicketNumber(ticket);
    if (ticketId === undefined) return { action: 'help', problem: `"${action}" needs a ticket number, e.g. ${action} T-12` };
    const body = rest.join(' ').trim();
    if (action === 'reply' || action === 'note') {
      if (!body) return { action: 'help', problem: `"${action}" needs text after the ticket number` };
      return { action, ticketId, body };
    }
    return body ? { action, ticketId, body } : { action, ticketId };
  }
  return { action: 'help', problem: `unknown command "${verb}"` };
}

export const STAFF_COMMAND_HELP = 'Commands: `list`, `claim T-12`, `resolve T-12 [message to the patron]`, `stats`.';
