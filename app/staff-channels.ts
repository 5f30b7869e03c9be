import type { Clock } from '../core/clock.js';
import type { JobQueue } from '../core/jobs.js';
import type { Logger } from '../core/logger.js';
import type { TicketEvents, TicketPort } from '../core/tickets.js';
import type { Db } from '../db/index.js';
import { createSlackStaffApp, type SlackStaffApp } from '../channels/slack/index.js';
import { createDiscordStaffApp, discordPublicKey, type DiscordStaffApp } from '../channels/discord-staff/index.js';
import { createStaffDirectory, createStaffEventsRepository, createTicketThreadsRepository } from '../tickets/staff-channels.repository.js';
import type { SlackWebhookOptions } from '../http/routes/webhooks/slack.js';
import type { DiscordInteractionsOptions } from '../http/routes/webhooks/discord-interactions.js';
import type { DiscordStaffSettings, SlackSettings } from './staff-channel-settings.js';

export interface StaffChannelsDeps {
  slack: SlackSettings | undefined;
  discord: DiscordStaffSettings | undefined;
  prisma: Db;
  tickets: TicketPort;
  ticketEvents: TicketEvents;
  jobs: Pick<JobQueue, 'enqueue' | 'handle'>;
  clock: Clock;
  logger: Logger;
  /** The library's time zone now: read at each use, so a change in the library settings applies at once. */
  timeZone: () => string;
  publicUrl: string;
}

/** How long a staff-chat event id is kept to recognise a retried delivery. */
export const INBOX_KEEP_MS = 7 * 86_400_000;

/** The staff chats of this installation (Slack app, Discord staff bot), as settings switch them on. */
export interface StaffChannels {
  slack: SlackStaffApp | undefined;
  discord: DiscordStaffApp | undefined;
  /** For the `ticket.opened` notifier: each posts a new ticket in its queue channel. */
  queues: Array<{ name: string; postTicket(ticketId: number): Promise<void> }>;
  slackWebhook: SlackWebhookOptions | undefined;
  discordInteractions: DiscordInteractionsOptions | undefined;
  /** Asks Slack who the bot is, in the background (start never waits on Slack). */
  start(): void;
}

/**
 * Wires the staff chats: their stores, the `staff.event` job that processes a stored event once, and the
 * ticket-event subscriptions that keep each ticket's message and thread current.
 */
export function createStaffChannels(deps: StaffChannelsDeps): StaffChannels {
  const threads = createTicketThreadsRepository(deps.prisma, deps.clock);
  const inbox = createStaffEventsRepository(deps.prisma, deps.clock);
  const staff = createStaffDirectory(deps.prisma);
  const common = { tickets: deps.tickets, threads, inbox, staff };

  const slack = deps.slack
    ? createSlackStaffApp(
        { botToken: deps.slack.botToken, queueChannel: deps.slack.queueChannel, apiUrl: deps.slack.apiUrl, oncallGroup: deps.slack.oncallGroup, timeZone: deps.timeZone, publicUrl: deps.publicUrl },
        { ...common, logger: deps.logger.child({ part: 'slack' }) },
      )
    : undefined;
  const discord = deps.discord
    ? createDiscordStaffApp(
        {
          applicationId: deps.discord.applicationId,
          botToken: deps.discord.botToken,
          channelId: deps.discord.channelId,
          apiUrl: deps.discord.apiUrl,
          oncallRoleId: deps.discord.oncallRoleId,
          timeZone: deps.timeZone,
          publicUrl: deps.publicUrl,
        },
        { ...common, logger: deps.logger.child({ part: 'discord-staff' }) },
      )
    : undefined;

  if (slack) deps.ticketEvents.subscribe(slack.listener);
  if (discord) deps.ticketEvents.subscribe(discord.listener);
  if (slack || discord) {
    // Retried deliveries come within hours; a week of event ids is plenty to recognise them. The daily
    // digest job is the daily tick that forgets older ones (and any body a failed event still holds).
    deps.ticketEvents.subscribe({
      name: 'staff-chat-inbox',
      async onDigest() {
        const purged = await inbox.purge(new Date(deps.clock.now().getTime() - INBOX_KEEP_MS));
        if (purged > 0) deps.logger.info({ purged }, 'forgot old staff-chat events');
      },
    });
  }
  deps.jobs.handle('staff.event', async ({ platform, eventId }) => {
    const app = platform === 'slack' ? slack : discord;
    // Settings changed between storing and processing: say so and let the job fail visibly.
    if (!app) throw new Error(`a stored ${platform} event arrived but ${platform} is not configured`);
    await app.processStored(eventId);
  });
  // Job ids are the provider's event ids, so a retried webhook schedules nothing twice.
  const schedule = (platform: 'slack' | 'discord-staff') => (eventId: string) =>
    deps.jobs.enqueue('staff.event', { platform, eventId }, { jobId: `staff-event-${platform}-${eventId}` });

  return {
    slack,
    discord,
    queues: [...(slack ? [{ name: 'slack', postTicket: slack.postTicket }] : []), ...(discord ? [{ name: 'discord-staff', postTicket: discord.postTicket }] : [])],
    slackWebhook:
      slack && deps.slack
        ? { signingSecret: deps.slack.signingSecret, clock: deps.clock, inbox, self: () => slack.self(), schedule: schedule('slack') }
        : undefined,
    discordInteractions:
      discord && deps.discord
        ? { applicationId: deps.discord.applicationId, publicKey: discordPublicKey(deps.discord.publicKey), clock: deps.clock, inbox, schedule: schedule('discord-staff') }
        : undefined,
    start() {
      slack?.init().then(
        (self) => deps.logger.info({ botUserId: self.botUserId }, 'Slack app connected'),
        (err: unknown) => deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'Slack auth.test failed; will retry on the next event'),
      );
    },
  };
}
