import type { TicketRef, TicketStatus } from '../../core/tickets.js';
import { ticketActionAllowedFrom } from '../../core/tickets.js';
import { describeAssignee, shortDue, STATUS_LABELS } from '../staff-queue/index.js';

/** Block Kit as Slack documents it; only the parts this app sends. */
export type SlackText = { type: 'mrkdwn' | 'plain_text'; text: string; emoji?: boolean };
export type SlackButton = {
  type: 'button';
  action_id: string;
  text: SlackText;
  value: string;
  style?: 'primary' | 'danger';
};
export type SlackBlock =
  | { type: 'header'; text: SlackText }
  | { type: 'section'; text: SlackText; fields?: SlackText[] }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; block_id?: string; elements: SlackButton[] }
  | { type: 'divider' }
  | { type: 'input'; block_id: string; label: SlackText; element: Record<string, unknown> };

export const SLACK_ACTIONS = {
  claim: 'ticket_claim',
  resolve: 'ticket_resolve',
  note: 'ticket_note',
} as const;
export const NOTE_MODAL_CALLBACK = 'ticket_note_modal';
export const NOTE_INPUT_BLOCK = 'note';
export const NOTE_INPUT_ACTION = 'note_text';

const STATUS_EMOJI: Record<TicketStatus, string> = {
  open: ':large_blue_circle:',
  claimed: ':large_yellow_circle:',
  waiting: ':hourglass_flowing_sand:',
  resolved: ':white_check_mark:',
  closed: ':black_circle:',
};

/** Slack refuses a section text over 3000 characters and a header over 150. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as markup, so a patron's words stay words. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export interface TicketMessage {
  /** Fallback for notifications and screen readers. */
  text: string;
  blocks: SlackBlock[];
}

/**
 * The ticket as it sits in the queue channel: what, where, status, who holds it, when it is due, and the
 * buttons that make sense in its current status. Updated in place (chat.update) as it changes.
 */
export function renderTicketMessage(ticket: TicketRef, options: { timeZone: string; link?: string }): TicketMessage {
  const status = `${STATUS_EMOJI[ticket.status]} ${STATUS_LABELS[ticket.status]}`;
  const fields: SlackText[] = [
    { type: 'mrkdwn', text: `*Status*\n${status}` },
    { type: 'mrkdwn', text: `*Priority*\n${ticket.priority}` },
    { type: 'mrkdwn', text: `*Kind*\n${ticket.kind}${ticket.assetTag ? ` · ${escapeMrkdwn(ticket.assetTag)}` : ''}` },
    { type: 'mrkdwn', text: `*Assignee*\n${escapeMrkdwn(describeAssignee(ticket.assignee))}` },
  ];
  const due = shortDue(ticket, options.timeZone);
  if (due) fields.push({ type: 'mrkdwn', text: `*Due*\n${due}` });
  fields.push({ type: 'mrkdwn', text: `*Patron wrote from*\n${ticket.requesterChannel}` });

  const buttons: SlackButton[] = [];
  const value = String(ticket.id);
  if (ticketActionAllowedFrom('claim').includes(ticket.status) && ticket.status === 'open') {
    buttons.push({ type: 'button', action_id: SLACK_ACTIONS.claim, text: { type: 'plain_text', text: 'Claim' }, value, style: 'primary' });
  }
  if (ticketActionAllowedFrom('resolve').includes(ticket.status)) {
    buttons.push({ type: 'button', action_id: SLACK_ACTIONS.resolve, text: { type: 'plain_text', text: 'Resolve' }, value });
  }
  buttons.push({ type: 'button', action_id: SLACK_ACTIONS.note, text: { type: 'plain_text', text: 'Add note' }, value });

  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${ticket.number} · ${ticket.subject}`, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(ticket.subject), 3000) }, fields },
    { type: 'actions', block_id: `ticket:${ticket.id}`, elements: buttons },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Reply in this thread to answer the patron; start with \`note:\` to keep it internal.${options.link ? ` <${options.link}|Open in Libdesk>` : ''}`,
        },
      ],
    },
  ];
  return { text: clip(`${ticket.number} (${STATUS_LABELS[ticket.status]}): ${ticket.subject}`, 3000), blocks };
}

/** A line of the queue for lists (slash command, App Home). */
export function ticketLine(ticket: TicketRef, timeZone: string): string {
  const due = shortDue(ticket, timeZone);
  const who = ticket.assignee ? ` · ${describeAssignee(ticket.assignee)}` : '';
  return `${STATUS_EMOJI[ticket.status]} *${ticket.number}* ${escapeMrkdwn(clip(ticket.subject, 120))} _(${ticket.priority}${who}${due ? ` · due ${due}` : ''})_`;
}

/** The App Home tab: the tickets this staff member holds, then the open queue. */
export function renderHomeView(input: { mine: TicketRef[]; queue: TicketRef[]; timeZone: string; staffName?: string }): { type: 'home'; blocks: SlackBlock[] } {
  const section = (title: string, tickets: TicketRef[], empty: string): SlackBlock[] => [
    { type: 'header', text: { type: 'plain_text', text: title } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clip(tickets.length ? tickets.map((t) => ticketLine(t, input.timeZone)).join('\n') : empty, 3000) },
    },
  ];
  const blocks: SlackBlock[] = input.staffName
    ? [...section('My tickets', input.mine, 'Nothing claimed. Claim one from the queue below.'), { type: 'divider' }]
    : [{ type: 'section', text: { type: 'mrkdwn', text: 'Your Slack account is not linked to a Libdesk staff member, so you can see the queue but not work it.' } }];
  blocks.push(...section('Open queue', input.queue, 'The queue is empty.'));
  return { type: 'home', blocks };
}

/** The modal behind "Add note". `private_metadata` carries the ticket id back with the submission. */
export function renderNoteModal(ticket: TicketRef) {
  return {
    type: 'modal' as const,
    callback_id: NOTE_MODAL_CALLBACK,
    private_metadata: String(ticket.id),
    title: { type: 'plain_text' as const, text: clip(`Note on ${ticket.number}`, 24) },
    submit: { type: 'plain_text' as const, text: 'Save note' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      {
        type: 'input' as const,
        block_id: NOTE_INPUT_BLOCK,
        label: { type: 'plain_text' as const, text: 'Internal note (never sent to the patron)' },
        element: { type: 'plain_text_input', action_id: NOTE_INPUT_ACTION, multiline: true, max_length: 3000 },
      },
    ],
  };
}
