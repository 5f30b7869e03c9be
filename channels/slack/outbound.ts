import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { StaffEventInbox, TicketThreadStore } from '../../core/staff-channels.js';
import { formatTicketNumber, type QueueDigest, type TicketChangedEvent, type TicketEscalatedEvent, type TicketEventView } from '../../core/tickets.js';
import { type StaffTickets, threadLineFor } from '../staff-queue/index.js';
import { escapeMrkdwn, renderTicketMessage, ticketLine } from './blocks.js';

export interface SlackOutboundDeps {
  client: webApi.WebClient;
  token: string;
  queueChannel: string;
  oncallGroup?: string | undefined;
  /** The library's time zone now: read at each use, so a change in the library settings applies at once. */
  timeZone: () => string;
  publicUrl?: string | undefined;
  tickets: StaffTickets;
  threads: TicketThreadStore;
  inbox: StaffEventInbox;
  logger: Logger;
}

/** A reserved ticket message whose post is still in flight elsewhere; the job retries shortly. */
export class TicketPostInFlight extends Error {
  constructor(ticketId: number) {
    super(`the Slack message of ticket ${ticketId} is being posted by another worker`);
    this.name = 'TicketPostInFlight';
  }
}

/**
 * Everything Libdesk posts to Slack: the ticket message (posted once, then updated in place), lines in
 * its thread (the patron's messages, replies written elsewhere, status changes) and escalations.
 * Slack API failures are thrown so the job engine retries; posts that must appear once are marked in the
 * inbox first.
 */
export function createSlackOutbound(deps: SlackOutboundDeps) {
  const { client, token, tickets, threads, inbox, logger } = deps;
  // The staff page of the ticket (it asks for the staff token), not the raw JSON of the API.
  const linkFor = (ticketId: number) => (deps.publicUrl ? `${deps.publicUrl.replace(/\/$/, '')}/staff/tickets/${formatTicketNumber(ticketId)}` : undefined);
  const render = (ticket: Parameters<typeof renderTicketMessage>[0]) => {
    const link = linkFor(ticket.id);
    return renderTicketMessage(ticket, { timeZone: deps.timeZone(), ...(link ? { link } : {}) });
  };

  /** Runs `post` once per key across retries and processes. */
  async function once(key: string, post: () => Promise<void>): Promise<void> {
    const mark = await inbox.record('slack', key, null);
    if (mark.duplicate && mark.status === 'processed') return;
    try {
      await post();
      await inbox.finish('slack', key, 'processed');
    } catch (error) {
      await inbox.fail('slack', key, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  async function postInThread(ticketId: number, text: string): Promise<void> {
    const thread = await threads.get(ticketId, 'slack');
    if (!thread?.threadId) return;
    await client.chat.postMessage({ token, channel: thread.channelId, thread_ts: thread.threadId, text, unfurl_links: false, unfurl_media: false });
  }

  const api = {
    async postTicket(ticketId: number): Promise<void> {
      const ticket = await tickets.get(ticketId);
      if (!ticket) {
        logger.warn({ ticketId }, 'Slack: ticket to post no longer exists');
        return;
      }
      if (!(await threads.reserve(ticketId, 'slack', deps.queueChannel))) {
        const existing = await threads.get(ticketId, 'slack');
        if (!existing?.messageTs) throw new TicketPostInFlight(ticketId);
        await api.refresh(ticketId);
        return;
      }
      let ts: string;
      let channel: string;
      try {
        const message = render(ticket);
        const posted = await client.chat.postMessage({ token, channel: deps.queueChannel, text: message.text, blocks: message.blocks as never, unfurl_links: false });
        if (!posted.ts || !posted.channel) throw new Error('chat.postMessage answered without ts or channel');
        ts = posted.ts;
        channel = posted.channel;
      } catch (error) {
        await threads.release(ticketId, 'slack');
        throw error;
      }
      await threads.complete(ticketId, 'slack', { messageTs: ts, threadId: ts, channelId: channel });
      // The patron's own words open the thread, so staff read them where they answer.
      await once(`out:opened:${ticketId}`, async () => {
        await client.chat.postMessage({
          token,
          channel,
          thread_ts: ts,
          text: `*Patron:* ${escapeMrkdwn(ticket.description)}`,
          unfurl_links: false,
          unfurl_media: false,
        });
      });
    },

    /** Re-renders the ticket message in place after any change. */
    async refresh(ticketId: number): Promise<void> {
      const [thread, ticket] = await Promise.all([threads.get(ticketId, 'slack'), tickets.get(ticketId)]);
      if (!thread?.messageTs || !ticket) return;
      const message = render(ticket);
      try {
        await client.chat.update({ token, channel: thread.channelId, ts: thread.messageTs, text: message.text, blocks: message.blocks as never });
      } catch (error) {
        // Someone deleted the ticket message in Slack: nothing to update, and retrying would not help.
        if ((error as { data?: { error?: string } }).data?.error === 'message_not_found') {
          logger.warn({ ticketId }, 'Slack: the ticket message was deleted; not updated');
          return;
        }
        throw error;
      }
    },

    async onTicketChanged(event: TicketChangedEvent): Promise<void> {
      // A new ticket is posted by the `ticket.opened` notifier; a ticket from before Slack was set up is
      // posted the first time it changes.
      const thread = await threads.get(event.ticketId, 'slack');
      if (!thread) {
        if (event.change !== 'closed' && event.change !== 'opened') await api.postTicket(event.ticketId);
        return;
      }
      if (event.change === 'opened') return;
      if (event.eventId) {
        const trail = await tickets.events(event.ticketId);
        const row: TicketEventView | undefined = trail.find((candidate) => candidate.id === event.eventId);
        const line = row ? threadLineFor(row, 'slack', { escape: escapeMrkdwn, bold: (text) => `*${text}*` }) : undefined;
        if (line) await once(`out:${event.eventId}`, () => postInThread(event.ticketId, line));
      }
      await api.refresh(event.ticketId);
    },

    async escalate(event: TicketEscalatedEvent): Promise<void> {
      const ticket = await tickets.get(event.ticketId);
      if (!ticket) return;
      await once(`out:escalated:${event.ticketId}:${event.kind}:${event.dueAt}`, async () => {
        const mention = mentionFor(deps.oncallGroup);
        const missed = event.kind === 'first_response' ? 'first answer' : 'resolution';
        const message = render(ticket);
        await client.chat.postMessage({
          token,
          channel: deps.queueChannel,
          text: `${mention ? `${mention} ` : ''}:rotating_light: ${ticket.number} is past its ${missed} due time. ${message.text}`,
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: `${mention ? `${mention} ` : ''}:rotating_light: *${ticket.number}* is past its ${missed} due time.` } },
            ...message.blocks,
          ] as never,
          unfurl_links: false,
        });
      });
    },

    /** The morning summary of the queue, posted once per day in the queue channel. */
    async digest(digest: QueueDigest): Promise<void> {
      await once(`out:digest:${digest.day}`, async () => {
        const { open, claimed, waiting } = digest.counts;
        const summary = `Good morning. Queue for ${digest.day}: ${open} open · ${claimed} claimed · ${waiting} waiting on patrons · ${digest.overdue} overdue.`;
        const lines = digest.oldest.map((ticket) => ticketLine(ticket, deps.timeZone())).join('\n');
        await client.chat.postMessage({
          token,
          channel: deps.queueChannel,
          text: summary,
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: summary } },
            ...(lines ? [{ type: 'section', text: { type: 'mrkdwn', text: `*Waiting longest*\n${lines}`.slice(0, 3000) } }] : []),
          ] as never,
          unfurl_links: false,
        });
      });
    },
  };
  return api;
}

export type SlackOutbound = ReturnType<typeof createSlackOutbound>;

/** `S0123ABC` → a user-group mention; `here`/`channel` → those mentions; anything else is not a mention. */
export function mentionFor(group: string | undefined): string | undefined {
  if (!group) return undefined;
  if (/^S[A-Z0-9]{2,}$/.test(group)) return `<!subteam^${group}>`;
  if (group === 'here' || group === 'channel') return `<!${group}>`;
  return undefined;
}
