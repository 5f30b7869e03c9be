import type { KeyObject } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../../core/clock.js';
import { formatTicketNumber } from '../../../core/tickets.js';
import type { StaffEventInbox } from '../../../core/staff-channels.js';
import { DEFERRED_EPHEMERAL, modalResponse, parseDiscordInteraction, PONG, verifyDiscordSignature } from '../../../channels/discord-staff/index.js';
import { firstHeader, readBodiesAsText } from '../../plugins/raw-body.js';

export interface DiscordInteractionsOptions {
  applicationId: string;
  publicKey: KeyObject;
  clock: Clock;
  inbox: StaffEventInbox;
  /** Schedules processing of a stored interaction (the `staff.event` job, keyed by its id). */
  schedule: (interactionId: string) => Promise<void>;
}

export const DISCORD_INTERACTIONS_PATH = '/webhooks/discord/interactions';

/**
 * The Discord staff bot's Interactions Endpoint URL. The Ed25519 check lives here only (STYLE rule 19):
 * a bad signature gets the 401 Discord probes for, PING gets PONG, buttons that only open a form get the
 * modal at once, and everything that changes a ticket is stored, scheduled, and answered "thinking…"
 * within Discord's three seconds; the job writes the real answer.
 */
export const discordInteractionRoutes: FastifyPluginAsync<DiscordInteractionsOptions> = async (app, options) => {
  readBodiesAsText(app, ['application/json']);

  app.post(DISCORD_INTERACTIONS_PATH, async (request, reply) => {
    const rawBody = typeof request.body === 'string' ? request.body : '';
    verifyDiscordSignature({
      publicKey: options.publicKey,
      signature: firstHeader(request.headers['x-signature-ed25519']),
      timestamp: firstHeader(request.headers['x-signature-timestamp']),
      rawBody,
      now: options.clock.now(),
    });
    const inbound = parseDiscordInteraction(rawBody, options.applicationId);
    switch (inbound.kind) {
      case 'ping':
        return reply.send(PONG);
      case 'open_modal':
        return reply.send(modalResponse(inbound.action, inbound.ticketId, formatTicketNumber(inbound.ticketId)));
      case 'ignored':
        request.log.debug({ reason: inbound.reason }, 'Discord interaction ignored');
        // Discord needs an answer to every interaction; an ephemeral line says nothing was done.
        return reply.send({ type: 4, data: { content: 'Nothing to do here.', flags: 64 } });
      case 'work': {
        const stored = await options.inbox.record('discord-staff', inbound.interactionId, rawBody);
        if (!stored.duplicate || stored.status === 'received' || stored.status === 'failed') await options.schedule(inbound.interactionId);
        return reply.send(DEFERRED_EPHEMERAL);
      }
    }
  });
};
