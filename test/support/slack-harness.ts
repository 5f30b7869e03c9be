import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../core/clock.js';
import { silentLogger } from '../../core/logger.js';
import type { StaffDirectory, StaffEventInbox, TicketThreadStore } from '../../core/staff-channels.js';
import type { TicketPort } from '../../core/tickets.js';
import { createSlackStaffApp, type SlackStaffApp } from '../../channels/slack/slack-app.js';
import { signSlackRequest } from '../../channels/slack/verify.js';
import { errorHandlerPlugin } from '../../http/plugins/error-handler.js';
import { slackWebhookRoutes, SLACK_WEBHOOK_PATH } from '../../http/routes/webhooks/slack.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';

export const SLACK_TEST_SECRET = 'slack-signing-secret-for-tests-0001';
export const SLACK_TEST_TOKEN = 'xoxb-libdesk-test-token';
export const QUEUE_CHANNEL = 'C0QUEUE';

export interface SlackHarness {
  fake: FakeSlackApi;
  slack: SlackStaffApp;
  http: FastifyInstance;
  /** Event ids the route scheduled and that are not processed yet. */
  scheduled: string[];
  /** Runs the scheduled `staff.event` jobs, as a worker would. */
  drain(): Promise<void>;
  /** Posts a body to the webhook signed the way Slack signs it (or with overrides to break it). */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The Slack app on the fake Slack Web API, behind the real webhook route and its signature check. */
export async function startSlackHarness(deps: {
  tickets: Pick<TicketPort, 'get' | 'list' | 'claim' | 'resolve' | 'note' | 'reply' | 'events'>;
  threads: TicketThreadStore;
  inbox: StaffEventInbox;
  staff: StaffDirectory;
  clock: Clock;
  oncallGroup?: string;
}): Promise<SlackHarness> {
  const fake = await startFakeSlackApi({ token: SLACK_TEST_TOKEN });
  const slack = createSlackStaffApp(
    { botToken: SLACK_TEST_TOKEN, queueChannel: QUEUE_CHANNEL, apiUrl: fake.apiUrl, oncallGroup: deps.oncallGroup ?? 'S0ONCALL', timeZone: () => 'America/New_York', publicUrl: 'https://desk.example.org' },
    { tickets: deps.tickets, threads: deps.threads, inbox: deps.inbox, staff: deps.staff, logger: silentLogger },
  );
  await slack.init();
  const scheduled: string[] = [];
  const http = Fastify({ logger: false });
  await http.register(errorHandlerPlugin, { libraryName: 'Riverside Public Library' });
  await http.register(slackWebhookRoutes, {
    signingSecret: SLACK_TEST_SECRET,
    clock: deps.clock,
    inbox: deps.inbox,
    self: () => ({ ...slack.self(), appId: 'A0LIBDESK' }),
    schedule: async (eventId) => {
      if (!scheduled.includes(eventId)) scheduled.push(eventId);
    },
  });
  await http.ready();
  return {
    fake,
    slack,
    http,
    scheduled,
    async drain() {
      while (scheduled.length > 0) await slack.processStored(scheduled.shift() as string);
    },
    post(body, contentType, headers = {}) {
      const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
      return http.inject({
        method: 'POST',
        url: SLACK_WEBHOOK_PATH,
        payload: body,
        headers: {
          'content-type': contentType,
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': signSlackRequest(SLACK_TEST_SECRET, timestamp, body),
          ...headers,
        },
      });
    },
    async close() {
      await http.close();
      await fake.close();
    },
  };
}

let messageCounter = 0;

/** An Events API body for a message in a thread, as Slack sends it. */
export function threadMessageEvent(input: { eventId: string; user: string; text: string; threadTs: string; ts?: string; extra?: Record<string, unknown> }): string {
  return JSON.stringify({
    token: 'XXYYZZ',
    team_id: 'T0LIBDESK',
    api_app_id: 'A0LIBDESK',
    type: 'event_callback',
    event_id: input.eventId,
    event_time: 1764600000,
    event: {
      type: 'message',
      channel: QUEUE_CHANNEL,
      channel_type: 'channel',
      user: input.user,
      text: input.text,
      ts: input.ts ?? `1764601${String(++messageCounter).padStart(3, '0')}.000100`,
      thread_ts: input.threadTs,
      ...input.extra,
    },
  });
}

/** An interactivity form (`payload=<json>`) for a button press on the ticket message. */
export function buttonPress(input: { user: string; actionId: string; ticketId: number; messageTs: string; actionTs: string; responseUrl?: string }): string {
  const payload = {
    type: 'block_actions',
    user: { id: input.user, username: input.user.toLowerCase(), team_id: 'T0LIBDESK' },
    api_app_id: 'A0LIBDESK',
    token: 'XXYYZZ',
    container: { type: 'message', message_ts: input.messageTs, channel_id: QUEUE_CHANNEL, is_ephemeral: false },
    trigger_id: `trigger-${input.actionTs}`,
    team: { id: 'T0LIBDESK', domain: 'libdesk-test' },
    channel: { id: QUEUE_CHANNEL, name: 'library-queue' },
    message: { type: 'message', ts: input.messageTs, user: 'U0LIBDESKBOT', bot_id: 'B0LIBDESKBOT', text: 'ticket' },
    response_url: input.responseUrl ?? 'http://127.0.0.1:9/unused',
    actions: [{ action_id: input.actionId, block_id: `ticket:${input.ticketId}`, type: 'button', value: String(input.ticketId), action_ts: input.actionTs, text: { type: 'plain_text', text: 'x' } }],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A slash-command form as Slack posts it. */
export function slashCommand(input: { user: string; text: string; triggerId: string; responseUrl: string }): string {
  return new URLSearchParams({
    token: 'XXYYZZ',
    team_id: 'T0LIBDESK',
    team_domain: 'libdesk-test',
    channel_id: QUEUE_CHANNEL,
    channel_name: 'library-queue',
    user_id: input.user,
    user_name: input.user.toLowerCase(),
    command: '/libdesk',
    text: input.text,
    api_app_id: 'A0LIBDESK',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  }).toString();
}
