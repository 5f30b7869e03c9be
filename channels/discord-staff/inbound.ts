import { ApplicationCommandOptionType, ComponentType, InteractionType } from 'discord-api-types/v10';
import { z } from 'zod';
import { LibdeskError } from '../../core/errors.js';
import { parseTicketNumber } from '../../core/tickets.js';
import type { StaffCommand } from '../staff-queue/index.js';

/** Button and modal ids carry the action and the ticket: `ticket:claim:12`, `ticket-modal:note:12`. */
export const BUTTON_PREFIX = 'ticket';
export const MODAL_PREFIX = 'ticket-modal';
export const MODAL_TEXT_INPUT = 'text';
export const STAFF_COMMAND_NAME = 'libdesk';

const userSchema = z.object({ id: z.string().regex(/^\d{5,25}$/), username: z.string().optional(), bot: z.boolean().optional() });

const interactionSchema = z.object({
  id: z.string().regex(/^\d{5,25}$/),
  application_id: z.string(),
  type: z.number().int(),
  token: z.string().min(1).max(500).optional(),
  channel_id: z.string().optional(),
  guild_id: z.string().optional(),
  member: z.object({ user: userSchema }).optional(),
  user: userSchema.optional(),
  data: z
    .object({
      name: z.string().optional(),
      custom_id: z.string().max(100).optional(),
      component_type: z.number().optional(),
      options: z.array(z.any()).optional(),
      components: z.array(z.any()).optional(),
    })
    .optional(),
});
export type DiscordInteraction = z.infer<typeof interactionSchema>;

export type DiscordStaffInbound =
  | { kind: 'ping' }
  /** "Add note" / "Reply" buttons answer at once with a modal; nothing changes until it is submitted. */
  | { kind: 'open_modal'; action: 'note' | 'reply'; ticketId: number }
  /** Work to store and do in a job; the interaction is answered "thinking…" (deferred, only for the user). */
  | { kind: 'work'; interactionId: string; interaction: DiscordInteraction }
  | { kind: 'ignored'; reason: 'bot' | 'other_app' | 'unsupported' };

/** Classifies a verified interaction body. Throws `LD_VALIDATION` (400) for what is not an interaction. */
export function parseDiscordInteraction(rawBody: string, applicationId: string): DiscordStaffInbound {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw invalid('the body is not valid JSON');
  }
  const parsed = interactionSchema.safeParse(json);
  if (!parsed.success) throw invalid('the body is not a Discord interaction');
  const interaction = parsed.data;
  if (interaction.type === InteractionType.Ping) return { kind: 'ping' };
  if (interaction.application_id !== applicationId) return { kind: 'ignored', reason: 'other_app' };
  const user = interaction.member?.user ?? interaction.user;
  if (!user || user.bot) return { kind: 'ignored', reason: 'bot' };
  if (interaction.type === InteractionType.MessageComponent) {
    const button = parseCustomId(interaction.data?.custom_id, BUTTON_PREFIX);
    if (!button || interaction.data?.component_type !== ComponentType.Button) return { kind: 'ignored', reason: 'unsupported' };
    if (button.action === 'note' || button.action === 'reply') return { kind: 'open_modal', action: button.action, ticketId: button.ticketId };
    if (button.action !== 'claim' && button.action !== 'resolve') return { kind: 'ignored', reason: 'unsupported' };
  } else if (interaction.type === InteractionType.ApplicationCommand) {
    if (interaction.data?.name !== STAFF_COMMAND_NAME) return { kind: 'ignored', reason: 'unsupported' };
  } else if (interaction.type !== InteractionType.ModalSubmit) {
    return { kind: 'ignored', reason: 'unsupported' };
  }
  if (!interaction.token) throw invalid('the interaction has no token');
  return { kind: 'work', interactionId: interaction.id, interaction };
}

export function discordUserOf(interaction: DiscordInteraction): string | undefined {
  return (interaction.member?.user ?? interaction.user)?.id;
}

/**
 * What a stored interaction asks for, in the shared staff command language. A command used inside a
 * ticket's thread may leave out the ticket: `threadTicket` is that thread's ticket.
 */
export function toStaffCommand(interaction: DiscordInteraction, threadTicket: number | undefined): StaffCommand {
  if (interaction.type === InteractionType.MessageComponent) {
    const button = parseCustomId(interaction.data?.custom_id, BUTTON_PREFIX);
    if (button && (button.action === 'claim' || button.action === 'resolve')) return { action: button.action, ticketId: button.ticketId };
    return { action: 'help', problem: 'unknown button' };
  }
  if (interaction.type === InteractionType.ModalSubmit) {
    const modal = parseCustomId(interaction.data?.custom_id, MODAL_PREFIX);
    const text = modalText(interaction)?.trim();
    if (!modal || (modal.action !== 'note' && modal.action !== 'reply')) return { action: 'help', problem: 'unknown form' };
    if (!text) return { action: 'help', problem: 'the text was empty' };
    return { action: modal.action, ticketId: modal.ticketId, body: text };
  }
  const sub = (interaction.data?.options ?? [])[0] as { type?: number; name?: string; options?: Array<{ name: string; value: unknown }> } | undefined;
  if (!sub || sub.type !== ApplicationCommandOptionType.Subcommand) return { action: 'list' };
  const option = (name: string) => {
    const value = sub.options?.find((o) => o.name === name)?.value;
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const named = option('ticket');
  const ticketId = named !== undefined ? parseTicketNumber(named) : threadTicket;
  switch (sub.name) {
    case 'list':
      return { action: 'list' };
    case 'stats':
      return { action: 'stats' };
    case 'claim':
    case 'resolve':
    case 'note':
    case 'reply': {
      if (ticketId === undefined) return { action: 'help', problem: `"${sub.name}" needs a ticket (e.g. T-12), or use it inside the ticket's thread` };
      const text = option('text');
      if (sub.name === 'note' || sub.name === 'reply') {
        return text ? { action: sub.name, ticketId, body: text } : { action: 'help', problem: `"${sub.name}" needs text` };
      }
      return text ? { action: sub.name, ticketId, body: text } : { action: sub.name, ticketId };
    }
    default:
      return { action: 'help', problem: `unknown command "${String(sub.name)}"` };
  }
}

function modalText(interaction: DiscordInteraction): string | undefined {
  for (const row of interaction.data?.components ?? []) {
    for (const component of (row as { components?: Array<{ custom_id?: string; value?: string }> }).components ?? []) {
      if (component.custom_id === MODAL_TEXT_INPUT) return component.value;
    }
  }
  return undefined;
}

function parseCustomId(customId: string | undefined, prefix: string): { action: string; ticketId: number } | undefined {
  const match = new RegExp(`^${prefix}:([a-z]+):(\\d{1,9})$`).exec(customId ?? '');
  return match ? { action: match[1] as string, ticketId: Number(match[2]) } : undefined;
}

function invalid(message: string): LibdeskError {
  return new LibdeskError('LD_VALIDATION', `Discord interaction refused: ${message}.`, { details: { platform: 'discord-staff' } });
}
