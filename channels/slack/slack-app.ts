import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { StaffDirectory, StaffEventInbox, StaffActor, TicketThreadStore } from '../../core/staff-channels.js';
import type { TicketChangedEvent, TicketEscalatedEvent, TicketEventListener } from '../../core/tickets.js';
import { bestEffort, createStaffActions, parseStaffCommand, type StaffTickets } from '../staff-queue/index.js';
import { NOTE_INPUT_ACTION, NOTE_INPUT_BLOCK, NOTE_MODAL_CALLBACK, renderHomeView, renderNoteModal, SLACK_ACTIONS, ticketLine } from './blocks.js';
import { REPLY_SUBTYPES, type SlackSelf } from './inbound.js';
import { createSlackOutbound, type SlackOutbound } from './outbound.js';

type BoltApp = InstanceType<typeof App>;

export interface SlackStaffAppOptions {
  botToken: string;
  /** The channel new tickets are posted in (an id such as C0123, or a name). */
  queueChannel: string;
  /** Slack Web API base, `https://slack.com/api/` in production, a local fake in tests. */
  apiUrl: string;
  /** A user group id (S0123) or `here`, mentioned when a ticket is escalated. */
  oncallGroup?: string | undefined;
  /** The library's time zone now, for due times: read at each use, so a change in the library settings applies at once. */
  timeZone: () => string;
  /** Where staff open a ticket in Libdesk, e.g. `https://desk.example.org`; omitted from messages when absent. */
  publicUrl?: string | undefined;
  /** The slash command as registered in the Slack app (default `/libdesk`). */
  command?: string;
}

export interface SlackStaffAppDeps {
  tickets: StaffTickets;
  threads: TicketThreadStore;
  inbox: StaffEventInbox;
  staff: StaffDirectory;
  logger: Logger;
}

export interface SlackStaffApp {
  /** Asks Slack who we are (auth.test), so our own echoes can be recognised. Call once at start. */
  init(): Promise<SlackSelf>;
  self(): SlackSelf;
  /** The `staff.event` job for Slack: processes one stored event once. */
  processStored(eventId: string): Promise<void>;
  /** Posts a new ticket in the queue channel (idempotent: a ticket already posted is refreshed). */
  postTicket(ticketId: number): Promise<void>;
  /** Follows ticket changes and escalations (subscribe it to `TicketEvents`). */
  listener: TicketEventListener;
  outbound: SlackOutbound;
}

/**
 * The Slack app: Bolt routes stored, verified events to listeners; signature checks and storage happen
 * before, in the webhook route, and Bolt never opens a server of its own (a no-op receiver).
 */
export function createSlackStaffApp(options: SlackStaffAppOptions, deps: SlackStaffAppDeps): SlackStaffApp {
  const { tickets, inbox, staff, logger } = deps;
  const actions = createStaffActions({ tickets, origin: 'slack' });
  const commandName = options.command ?? '/libdesk';
  let self: SlackSelf = {};

  const app: BoltApp = new App({
    token: options.botToken,
    receiver: { init: () => {}, start: async () => undefined, stop: async () => undefined },
    // Fail fast into the job engine's retries rather than waiting inside one job for minutes.
    clientOptions: { slackApiUrl: options.apiUrl, retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 }, timeout: 10_000 },
    logger: boltLogger(logger),
    deferInitialization: true,
    ignoreSelf: true,
  });
  app.error(async (error) => {
    throw error;
  });

  const outbound = createSlackOutbound({
    client: app.client,
    token: options.botToken,
    queueChannel: options.queueChannel,
    oncallGroup: options.oncallGroup,
    timeZone: options.timeZone,
    publicUrl: options.publicUrl,
    tickets,
    threads: deps.threads,
    inbox,
    logger,
  });

  /** Maps the Slack user to staff, or tells them (only them) why nothing happened. */
  async function staffOrRefuse(userId: string, refuse: (text: string) => Promise<void>): Promise<StaffActor | undefined> {
    const member = await staff.bySlackUser(userId);
    if (member) return member;
    logger.warn({ slackUserId: userId }, 'Slack user not linked to staff tried to act on a ticket');
    await refuse('Your Slack account is not linked to a Libdesk staff member, so nothing was changed. Ask an administrator to add your Slack user id to your staff record.');
    return undefined;
  }

  const listText = (list: Parameters<typeof ticketLine>[0][]) => list.map((ticket) => ticketLine(ticket, options.timeZone())).join('\n');

  // A staff reply in a ticket's thread: public reply to the patron, or an internal note with `note:`.
  app.event('message', async ({ event, client }) => {
    const message = event as unknown as { user?: string; text?: string; thread_ts?: string; ts: string; channel: string; subtype?: string; bot_id?: string };
    if ((message.subtype !== undefined && !REPLY_SUBTYPES.has(message.subtype)) || message.bot_id !== undefined || !message.thread_ts || !message.user) return;
    const thread = await deps.threads.findByThread('slack', message.thread_ts);
    if (!thread) return;
    const user = message.user;
    const tell = async (text: string) => {
      await client.chat.postEphemeral({ token: options.botToken, channel: message.channel, user, thread_ts: message.thread_ts as string, text });
    };
    const member = await staffOrRefuse(user, tell);
    if (!member) return;
    const text = message.text ?? '';
    if (message.subtype === 'file_share') await bestEffort(logger, 'file notice', () => tell('Files are not sent to the patron; only the text of your message is.'));
    const note = /^\s*note:\s*/i.exec(text);
    const body = note ? text.slice(note[0].length).trim() : text.trim();
    if (!body) return;
    const outcome = note ? await actions.note(member, thread.ticketId, body) : await actions.reply(member, thread.ticketId, body);
    // The ticket message is updated by the `ticket.changed` the reply or note publishes (one chat.update per
    // message keeps well inside Slack's rate limits on a busy queue).
    if (!outcome.ok) await bestEffort(logger, 'ephemeral answer', () => tell(outcome.message));
  });

  app.event('app_home_opened', async ({ event, client }) => {
    const userId = (event as { user: string }).user;
    const member = await staff.bySlackUser(userId);
    const [mine, queue] = await Promise.all([member ? actions.mine(member) : Promise.resolve([]), actions.queue(20)]);
    const view = renderHomeView({ mine, queue, timeZone: options.timeZone(), ...(member ? { staffName: member.displayName } : {}) });
    await client.views.publish({ token: options.botToken, user_id: userId, view: view as never });
  });

  const buttonTicket = (action: unknown): number | undefined => {
    const value = (action as { value?: string }).value;
    return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
  };

  for (const [kind, actionId] of Object.entries(SLACK_ACTIONS) as Array<[keyof typeof SLACK_ACTIONS, string]>) {
    app.action(actionId, async ({ body, action, client }) => {
      const ticketId = buttonTicket(action);
      if (ticketId === undefined) return;
      const userId = body.user.id;
      const channel = (body as { channel?: { id: string } }).channel?.id ?? options.queueChannel;
      const messageTs = (body as { message?: { ts: string; thread_ts?: string } }).message?.ts;
      const tell = async (text: string) => {
        await client.chat.postEphemeral({ token: options.botToken, channel, user: userId, text, ...(messageTs ? { thread_ts: messageTs } : {}) });
      };
      const member = await staffOrRefuse(userId, tell);
      if (!member) return;
      if (kind === 'note') {
        const ticket = await tickets.get(ticketId);
        const trigger = (body as { trigger_id?: string }).trigger_id;
        if (!ticket || !trigger) return;
        await client.views.open({ token: options.botToken, trigger_id: trigger, view: renderNoteModal(ticket) as never });
        return;
      }
      const outcome = kind === 'claim' ? await actions.claim(member, ticketId) : await actions.resolve(member, ticketId);
      if (!outcome.ok) await bestEffort(logger, 'ephemeral answer', () => tell(outcome.message));
      await bestEffort(logger, 'ticket message refresh', () => outbound.refresh(ticketId));
    });
  }

  app.view(NOTE_MODAL_CALLBACK, async ({ body, view }) => {
    const ticketId = Number(view.private_metadata);
    const text = view.state.values[NOTE_INPUT_BLOCK]?.[NOTE_INPUT_ACTION]?.value?.trim();
    if (!Number.isInteger(ticketId) || !text) return;
    const member = await staffOrRefuse(body.user.id, async () => {});
    if (!member) return;
    await actions.note(member, ticketId, text);
    await bestEffort(logger, 'ticket message refresh', () => outbound.refresh(ticketId));
  });

  app.command(commandName, async ({ command, respond }) => {
    const parsed = parseStaffCommand(command.text);
    const reply = (text: string) => respond({ response_type: 'ephemeral', text });
    const needsStaff = parsed.action === 'claim' || parsed.action === 'resolve' || parsed.action === 'reply' || parsed.action === 'note';
    const member = needsStaff ? await staffOrRefuse(command.user_id, async (text) => void (await reply(text))) : await staff.bySlackUser(command.user_id);
    if (needsStaff && !member) return;
    const outcome = await actions.run(member ?? { actor: `slack:${command.user_id}`, displayName: command.user_name ?? command.user_id }, parsed, { list: listText });
    await bestEffort(logger, 'command answer', () => reply(outcome.message));
    const changed = outcome.ok ? outcome.ticket : undefined;
    if (changed) await bestEffort(logger, 'ticket message refresh', () => outbound.refresh(changed.id));
  });

  const listener: TicketEventListener = {
    name: 'slack',
    onChange: (event: TicketChangedEvent) => outbound.onTicketChanged(event),
    onEscalated: (event: TicketEscalatedEvent) => outbound.escalate(event),
    onDigest: (digest) => outbound.digest(digest),
  };

  // Asks Slack once who we are; a failure (Slack unreachable at start) is retried by the next caller.
  let initialised: Promise<SlackSelf> | undefined;
  function init(): Promise<SlackSelf> {
    initialised ??= (async () => {
      await app.init();
      const who = await app.client.auth.test({ token: options.botToken });
      self = { botUserId: who.user_id, botId: who.bot_id };
      return self;
    })().catch((error: unknown) => {
      initialised = undefined;
      throw error;
    });
    return initialised;
  }

  return {
    init,
    self: () => self,
    async processStored(eventId) {
      await init();
      const stored = await inbox.payload('slack', eventId);
      // Already processed (a job retried after success) or never stored: nothing to do, said in the log.
      if (!stored || stored.status === 'processed' || stored.status === 'ignored' || stored.payload === null) {
        logger.debug({ eventId, status: stored?.status }, 'Slack event already handled');
        return;
      }
      const body = JSON.parse(stored.payload) as Record<string, unknown>;
      try {
        await app.processEvent({ body, ack: async () => {} });
        await inbox.finish('slack', eventId, 'processed');
      } catch (error) {
        const original = (error as { original?: unknown }).original ?? error;
        await inbox.fail('slack', eventId, original instanceof Error ? original.message : String(original));
        throw original;
      }
    },
    postTicket: (ticketId) => outbound.postTicket(ticketId),
    listener,
    outbound,
  };
}

/** Bolt logs through ours, so personal data is scrubbed there as everywhere. */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ part: 'slack-bolt' });
  let level = LogLevel.INFO;
  const line = (args: unknown[]) => ({ detail: args.map((arg) => (arg instanceof Error ? arg.message : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ') });
  return {
    debug: (...args: unknown[]) => child.debug(line(args), 'bolt'),
    info: (...args: unknown[]) => child.info(line(args), 'bolt'),
    warn: (...args: unknown[]) => child.warn(line(args), 'bolt'),
    error: (...args: unknown[]) => child.error(line(args), 'bolt'),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
