import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../../core/clock.js';
import type { StaffEventInbox } from '../../../core/staff-channels.js';
import { parseSlackRequest, verifySlackSignature, type SlackSelf } from '../../../channels/slack/index.js';
import { firstHeader, readBodiesAsText } from '../../plugins/raw-body.js';

export interface SlackWebhookOptions {
  signingSecret: string;
  clock: Clock;
  inbox: StaffEventInbox;
  /** Our bot and app ids, for dropping our own echoes. */
  self: () => SlackSelf;
  /** Schedules processing of a stored event (the `staff.event` job, keyed by the event id). */
  schedule: (eventId: string) => Promise<void>;
}

export const SLACK_WEBHOOK_PATH = '/webhooks/slack';

/**
 * Slack's Events API, interactivity and slash commands, all at one URL. The signature is checked over the
 * raw body before anything is parsed (here only: STYLE rule 19); the event is stored, its processing
 * scheduled as a job, and Slack gets its 200 within its three-second deadline. A retried delivery
 * (`X-Slack-Retry-Num`, or any repeat of an event id) is recognised by the stored id and not processed twice.
 */
export const slackWebhookRoutes: FastifyPluginAsync<SlackWebhookOptions> = async (app, options) => {
  // The signature covers the exact bytes Slack sent, so this plugin reads bodies as strings.
  readBodiesAsText(app, ['application/json', 'application/x-www-form-urlencoded']);

  app.post(SLACK_WEBHOOK_PATH, async (request, reply) => {
    const rawBody = typeof request.body === 'string' ? request.body : '';
    verifySlackSignature({
      signingSecret: options.signingSecret,
      timestamp: firstHeader(request.headers['x-slack-request-timestamp']),
      signature: firstHeader(request.headers['x-slack-signature']),
      rawBody,
      now: options.clock.now(),
    });
    const inbound = parseSlackRequest(rawBody, request.headers['content-type'], options.self());
    if (inbound.kind === 'challenge') return reply.send({ challenge: inbound.challenge });
    if (inbound.kind === 'ignored') {
      request.log.debug({ reason: inbound.reason }, 'Slack payload ignored');
      return reply.send({ ok: true, ignored: inbound.reason });
    }
    const stored = await options.inbox.record('slack', inbound.eventId, JSON.stringify(inbound.body));
    if (stored.duplicate) {
      // Seen before. If it was never finished (we answered late, or a worker died), scheduling again is
      // safe: the job id is the event id, and the job skips an event already processed.
      if (stored.status === 'received' || stored.status === 'failed') await options.schedule(inbound.eventId);
      const retry = firstHeader(request.headers['x-slack-retry-num']);
      request.log.info({ retry: retry ?? null, status: stored.status }, 'Slack event delivered again; not processed twice');
      reply.header('x-slack-no-retry', '1');
      return inbound.type === 'event_callback' ? reply.send({ ok: true, ignored: 'retry' }) : reply.send();
    }
    await options.schedule(inbound.eventId);
    // Interactions and commands get an empty 200: Slack closes a submitted modal and shows nothing for a
    // command; the job answers the person through `response_url` or an ephemeral message.
    return inbound.type === 'event_callback' ? reply.send({ ok: true }) : reply.send();
  });
};
