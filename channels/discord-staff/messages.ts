import {
  ApplicationCommandOptionType,
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIInteractionResponse,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { TicketRef, TicketStatus } from '../../core/tickets.js';
import { ticketActionAllowedFrom } from '../../core/tickets.js';
import { describeAssignee, shortDue, STATUS_LABELS } from '../staff-queue/index.js';
import { BUTTON_PREFIX, MODAL_PREFIX, MODAL_TEXT_INPUT, STAFF_COMMAND_NAME } from './inbound.js';

const STATUS_COLOURS: Record<TicketStatus, number> = { open: 0x3b82f6, claimed: 0xeab308, waiting: 0xa855f7, resolved: 0x22c55e, closed: 0x6b7280 };

/** Escapes Discord markdown so a patron's words stay words (mentions are also disabled per message). */
export function escapeDiscord(text: string): string {
  return text.replace(/([\\*_~`|>#[\]()-])/g, '\\$1').replaceAll('@', '@\u200b');
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export interface DiscordTicketMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: { parse: [] };
}

/** The ticket in the staff channel: an embed with its facts and the buttons that fit its status. */
export function renderTicketMessage(ticket: TicketRef, options: { timeZone: string; link?: string }): DiscordTicketMessage {
  const fields = [
    { name: 'Status', value: STATUS_LABELS[ticket.status], inline: true },
    { name: 'Priority', value: ticket.priority, inline: true },
    { name: 'Kind', value: `${ticket.kind}${ticket.assetTag ? ` · ${escapeDiscord(ticket.assetTag)}` : ''}`, inline: true },
    { name: 'Assignee', value: escapeDiscord(describeAssignee(ticket.assignee)), inline: true },
    { name: 'Patron wrote from', value: ticket.requesterChannel, inline: true },
  ];
  const due = shortDue(ticket, options.timeZone);
  if (due) fields.push({ name: 'Due', value: due, inline: true });
  const buttons: APIButtonComponent[] = [];
  const id = ticket.id;
  if (ticket.status === 'open') buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Claim', custom_id: `${BUTTON_PREFIX}:claim:${id}` });
  if (ticketActionAllowedFrom('reply').includes(ticket.status)) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Reply to patron', custom_id: `${BUTTON_PREFIX}:reply:${id}` });
  }
  if (ticketActionAllowedFrom('resolve').includes(ticket.status)) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Success, label: 'Resolve', custom_id: `${BUTTON_PREFIX}:resolve:${id}` });
  }
  buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Add note', custom_id: `${BUTTON_PREFIX}:note:${id}` });
  const embed: APIEmbed = {
    title: clip(`${ticket.number} · ${ticket.subject}`, 256),
    description: clip(escapeDiscord(ticket.subject), 4096),
    color: STATUS_COLOURS[ticket.status],
    fields,
    footer: { text: 'Use the buttons, or /libdesk reply and /libdesk note in this ticket’s thread.' },
    ...(options.link ? { url: options.link } : {}),
  };
  return {
    content: clip(`${ticket.number} (${STATUS_LABELS[ticket.status]})`, 2000),
    embeds: [embed],
    components: [{ type: ComponentType.ActionRow, components: buttons }],
    allowed_mentions: { parse: [] },
  };
}

/** The modal behind "Add note" and "Reply to patron". */
export function modalResponse(action: 'note' | 'reply', ticketId: number, ticketNumber: string): APIInteractionResponse {
  return {
    type: InteractionResponseType.Modal,
    data: {
      custom_id: `${MODAL_PREFIX}:${action}:${ticketId}`,
      title: clip(action === 'note' ? `Internal note on ${ticketNumber}` : `Reply to the patron (${ticketNumber})`, 45),
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.TextInput,
              custom_id: MODAL_TEXT_INPUT,
              label: action === 'note' ? 'Note (never sent to the patron)' : 'Message to the patron',
              style: TextInputStyle.Paragraph,
              required: true,
              max_length: 2000,
            },
          ],
        },
      ],
    },
  };
}

/** "Thinking…", visible only to the person, while the job does the work. */
export const DEFERRED_EPHEMERAL: APIInteractionResponse = { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } };
export const PONG: APIInteractionResponse = { type: InteractionResponseType.Pong };

/** The `/libdesk` command as registered with Discord (PUT /applications/{id}/guilds/{guild}/commands). */
export function staffCommandDefinition(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const ticket = { type: ApplicationCommandOptionType.String, name: 'ticket', description: 'Ticket number, e.g. T-12 (optional inside its thread)', required: false } as const;
  const text = (description: string, required: boolean) => ({ type: ApplicationCommandOptionType.String, name: 'text', description, required, max_length: 2000 }) as const;
  return {
    name: STAFF_COMMAND_NAME,
    description: 'Work the Libdesk ticket queue',
    dm_permission: false,
    options: [
      { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'Show the open queue' },
      { type: ApplicationCommandOptionType.Subcommand, name: 'stats', description: 'Count open, claimed, waiting and overdue tickets' },
      { type: ApplicationCommandOptionType.Subcommand, name: 'claim', description: 'Claim a ticket', options: [ticket] },
      { type: ApplicationCommandOptionType.Subcommand, name: 'resolve', description: 'Resolve a ticket; the patron is told', options: [ticket, text('Message to the patron', false)] },
      { type: ApplicationCommandOptionType.Subcommand, name: 'reply', description: 'Reply to the patron', options: [text('Message to the patron', true), ticket] },
      { type: ApplicationCommandOptionType.Subcommand, name: 'note', description: 'Add an internal note', options: [text('Internal note', true), ticket] },
    ],
  };
}
