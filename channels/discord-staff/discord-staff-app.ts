import { REST } from '@discordjs/rest';
import { Routes, type APIChannel, type APIMessage } from 'discord-api-types/v10';
import type { Logger } from '../../core/logger.js';
import type { StaffDirectory, StaffEventInbox, TicketThreadStore } from '../../core/staff-channels.js';
import type { QueueDigest, TicketChangedEvent, TicketEscalatedEvent, TicketEventListener, TicketRef } from '../../core/tickets.js';
import { bestEffort, createStaffActions, shortDue, type StaffTickets, threadLineFor } from '../staff-queue/index.js';
import { discordUserOf, toStaffCommand, type DiscordInteraction } from './inbound.js';
import { escapeDiscord, renderTicketMessage } from './messages.js';

export interface DiscordStaffOptions {
  applicationId: string;
  botToken: string;
  /** The staff channel new tickets are posted in. */
  channelId: string;
  /** Discord's REST base, `https://discord.com/api` in production, a local fake in tests. */
  apiUrl: string;
  /** A role id mentioned when a ticket is escalated. */
  oncallRoleId?: string | undefined;
  /** The library's time zone now: read at each use, so a change in the library settings applies at once. */
  timeZone: () => string;
  publicUrl?: string | undefined;
}

export interface DiscordStaffDeps {
  tickets: StaffTickets;
  threads: TicketThreadStore;
  inbox: StaffEventInbox;
  staff: StaffDirectory;
  logger: Logger;
}

const PLATFORM = 'discord-staff' as const;
const NO_MENTIONS = { parse: [] as [] };

/** A reserved ticket message whose post is still in flight elsewhere; the job retries shortly. */
export class DiscordPostInFlight extends Error {
  constructor(ticketId: number) {
    super(`the Discord message of ticket ${ticketId} is being posted by another worker`);
    this.name = 'DiscordPostInFlight';
  }
}

/**
 * The Discord staff bot over HTTP interactions and REST only (no gateway): tickets are posted in the staff
 * channel with a thread each; buttons, modals and `/libdesk` work them. Discord sends no thread messages
 * without a gateway, so replies and notes are written with the Reply / Add note buttons or
 * `/libdesk reply|note` in the thread.
 */
export function createDiscordStaffApp(options: DiscordStaffOptions, deps: DiscordStaffDeps) {
  const { tickets, threads, inbox, staff, logger } = deps;
  const rest = new REST({ version: '10', api: options.apiUrl.replace(/\/$/, ''), retries: 1, timeout: 10_000 }).setToken(options.botToken);
  const actions = createStaffActions({ tickets, origin: 'discord-staff' });
  const render = (ticket: TicketRef) => {
    const link = options.publicUrl ? `${options.publicUrl.replace(/\/$/, '')}/staff/tickets/${ticket.number}` : undefined;
    return renderTicketMessage(ticket, { timeZone: options.timeZone(), ...(link ? { link } : {}) });
  };
  const listLines = (list: TicketRef[]) =>
    list.map((t) => `• **${t.number}** ${escapeDiscord(t.subject)} (${t.priority}${shortDue(t, options.timeZone()) ? ` · due ${shortDue(t, options.timeZone())}` : ''})`).join('\n');

  async function once(key: string, post: () => Promise<void>): Promise<void> {
    const mark = await inbox.record(PLATFORM, key, null);
    if (mark.duplicate && mark.status === 'processed') return;
    try {
      await post();
      await inbox.finish(PLATFORM, key, 'processed');
    } catch (error) {
      await inbox.fail(PLATFORM, key, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  async function postInThread(ticketId: number, content: string): Promise<void> {
    const thread = await threads.get(ticketId, PLATFORM);
    if (!thread?.threadId) return;
    await rest.post(Routes.channelMessages(thread.threadId), { body: { content: content.slice(0, 2000), allowed_mentions: NO_MENTIONS } });
  }

  /** Answers the deferred interaction (only the person who asked sees it). Interaction tokens need no bot auth. */
  async function answer(interaction: DiscordInteraction, content: string): Promise<void> {
    await rest.patch(Routes.webhookMessage(options.applicationId, interaction.token as string, '@original'), {
      body: { content: content.slice(0, 2000), allowed_mentions: NO_MENTIONS },
      auth: false,
    });
  }

  const app = {
    async postTicket(ticketId: number): Promise<void> {
      const ticket = await tickets.get(ticketId);
      if (!ticket) return;
      if (!(await threads.reserve(ticketId, PLATFORM, options.channelId))) {
        const existing = await threads.get(ticketId, PLATFORM);
        if (!existing?.messageTs) throw new DiscordPostInFlight(ticketId);
        await app.refresh(ticketId);
        return;
      }
      let messageId: string;
      let threadId: string;
      try {
        const message = (await rest.post(Routes.channelMessages(options.channelId), { body: render(ticket) })) as APIMessage;
        messageId = message.id;
        const thread = (await rest.post(Routes.threads(options.channelId, message.id), {
          body: { name: `${ticket.number} ${ticket.subject}`.slice(0, 100), auto_archive_duration: 10080 },
        })) as APIChannel;
        threadId = thread.id;
      } catch (error) {
        await threads.release(ticketId, PLATFORM);
        throw error;
      }
      await threads.complete(ticketId, PLATFORM, { messageTs: messageId, threadId });
      await once(`out:opened:${ticketId}`, () => postInThread(ticketId, `**Patron:** ${escapeDiscord(ticket.description)}`));
    },

    async refresh(ticketId: number): Promise<void> {
      const [thread, ticket] = await Promise.all([threads.get(ticketId, PLATFORM), tickets.get(ticketId)]);
      if (!thread?.messageTs || !ticket) return;
      try {
        await rest.patch(Routes.channelMessage(thread.channelId, thread.messageTs), { body: render(ticket) });
      } catch (error) {
        // 10008 Unknown Message: someone deleted it in Discord; nothing to update.
        if ((error as { code?: number }).code === 10008) return;
        throw error;
      }
    },

    /** The `staff.event` job for Discord: one stored interaction, processed once. */
    async processStored(eventId: string): Promise<void> {
      const stored = await inbox.payload(PLATFORM, eventId);
      if (!stored || stored.status === 'processed' || stored.status === 'ignored' || stored.payload === null) return;
      const interaction = JSON.parse(stored.payload) as DiscordInteraction;
      try {
        const userId = discordUserOf(interaction);
        const member = userId ? await staff.byDiscordUser(userId) : undefined;
        if (!member) {
          logger.warn({ discordUserId: userId }, 'Discord user not linked to staff tried to act on a ticket');
          await bestEffort(logger, 'interaction answer', () =>
            answer(interaction, 'Your Discord account is not linked to a Libdesk staff member, so nothing was changed. Ask an administrator to add your Discord user id to your staff record.'),
          );
        } else {
          const threadTicket = interaction.channel_id ? (await threads.findByThread(PLATFORM, interaction.channel_id))?.ticketId : undefined;
          const command = toStaffCommand(interaction, threadTicket);
          const outcome = await actions.run(member, command, { list: listLines });
          await bestEffort(logger, 'interaction answer', () => answer(interaction, outcome.message));
          const changed = outcome.ok ? outcome.ticket : undefined;
          if (changed) await bestEffort(logger, 'ticket message refresh', () => app.refresh(changed.id));
        }
        await inbox.finish(PLATFORM, eventId, 'processed');
      } catch (error) {
        await inbox.fail(PLATFORM, eventId, error instanceof Error ? error.message : String(error));
        throw error;
      }
    },

    async onTicketChanged(event: TicketChangedEvent): Promise<void> {
      const thread = await threads.get(event.ticketId, PLATFORM);
      if (!thread) {
        if (event.change !== 'closed' && event.change !== 'opened') await app.postTicket(event.ticketId);
        return;
      }
      if (event.change === 'opened') return;
      if (event.eventId) {
        const row = (await tickets.events(event.ticketId)).find((candidate) => candidate.id === event.eventId);
        const line = row ? threadLineFor(row, 'discord-staff', { escape: escapeDiscord, bold: (text) => `**${text}**` }) : undefined;
        if (line) await once(`out:${event.eventId}`, () => postInThread(event.ticketId, line));
      }
      await app.refresh(event.ticketId);
    },

    async escalate(event: TicketEscalatedEvent): Promise<void> {
      const ticket = await tickets.get(event.ticketId);
      if (!ticket) return;
      await once(`out:escalated:${event.ticketId}:${event.kind}:${event.dueAt}`, async () => {
        const missed = event.kind === 'first_response' ? 'first answer' : 'resolution';
        const role = options.oncallRoleId;
        const message = render(ticket);
        await rest.post(Routes.channelMessages(options.channelId), {
          body: {
            ...message,
            content: `${role ? `<@&${role}> ` : ''}🚨 ${ticket.number} is past its ${missed} due time.`,
            allowed_mentions: role ? { parse: [], roles: [role] } : NO_MENTIONS,
          },
        });
      });
    },
  };

  async function digest(summary: QueueDigest): Promise<void> {
    await once(`out:digest:${summary.day}`, async () => {
      const { open, claimed, waiting } = summary.counts;
      const lines = listLines(summary.oldest);
      const content = `**Queue for ${summary.day}:** ${open} open · ${claimed} claimed · ${waiting} waiting on patrons · ${summary.overdue} overdue.${lines ? `\n**Waiting longest**\n${lines}` : ''}`;
      await rest.post(Routes.channelMessages(options.channelId), { body: { content: content.slice(0, 2000), allowed_mentions: NO_MENTIONS } });
    });
  }

  const listener: TicketEventListener = {
    name: 'discord-staff',
    onChange: (event) => app.onTicketChanged(event),
    onEscalated: (event) => app.escalate(event),
    onDigest: (summary) => digest(summary),
  };

  return { ...app, listener };
}

export type DiscordStaffApp = ReturnType<typeof createDiscordStaffApp>;
