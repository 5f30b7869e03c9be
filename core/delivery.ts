import type { Channel } from './inquiry.js';
import type { Reply } from './reply.js';

/**
 * Outbound delivery: the one way anything reaches a patron after their message was stored — the
 * assistant's answer on asynchronous channels, a staff reply, a resolution notice, a reminder.
 *
 * Flow: a caller hands an `OutboundRequest` to the `DeliveryPort`; it records a Reply row and enqueues a
 * `delivery.send` job keyed by that row's id (so it is sent once); the job loads the row, asks
 * `decideDelivery`, and calls the `ChannelSender` registered for the target channel, which renders the
 * `Reply` in the provider's form and returns the provider's message id.
 */

/** Where a message was written. Staff write in Slack, Discord or the console; the assistant writes itself. */
export const MESSAGE_ORIGINS = ['assistant', 'system', 'slack', 'discord-staff', 'console', 'api', 'web', 'sms', 'email', 'discord'] as const;
export type MessageOrigin = (typeof MESSAGE_ORIGINS)[number];

export const OUTBOUND_KINDS = ['assistant', 'staff_reply', 'resolution', 'notice'] as const;
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

/** The patron end of a conversation. `address` is null after the retention purge or when none was left. */
export interface DeliveryTarget {
  channel: Channel;
  address: string | null;
  threadKey: string;
  language?: 'en' | 'es';
}

export interface OutboundRequest {
  /**
   * The Reply id to record it under, when the caller must be able to hand the same message over more
   * than once (a retried or concurrent job): a second `deliver` with the same id records and sends nothing.
   */
  id?: string;
  conversationId: string;
  kind: OutboundKind;
  reply: Reply;
  /** Internal staff notes are recorded for staff and never sent. */
  internal?: boolean;
  origin: MessageOrigin;
  ticketId?: number;
  /** The inquiry this answers, when it answers one. */
  inquiryId?: string;
  /** Who wrote it, for the audit trail ("assistant", a staff identity). */
  author?: string;
}

/** What a channel sender receives: everything it needs to render and send, nothing it must look up. */
export interface OutboundMessage {
  /** The Reply row id; also the idempotency key of the send. */
  id: string;
  kind: OutboundKind;
  target: DeliveryTarget;
  reply: Reply;
  internal: boolean;
  origin: MessageOrigin;
  ticketNumber?: string;
  /**
   * Provider threading facts kept from the patron's last inbound message (e-mail Message-ID and
   * References, a Discord channel id). Channels read their own keys.
   */
  threadMeta?: Record<string, string>;
}

export interface SendResult {
  /** The provider's id for what was sent (Twilio SID, Message-ID, Discord snowflake). */
  externalId?: string;
  /** `sent` when the provider took it; `skipped` when the channel has nothing to send (CLI). */
  status: 'sent' | 'skipped';
}

/** One per patron channel: web chat (SSE), SMS, e-mail, Discord. Unknown provider failures are thrown so the job retries. */
export interface ChannelSender {
  readonly channel: Channel;
  send(message: OutboundMessage): Promise<SendResult>;
}

export interface DeliveryPort {
  /** Records the message and schedules its sending once (once per `id` when one is given); returns the Reply id. */
  deliver(request: OutboundRequest): Promise<{ replyId: string }>;
}

export type DeliverySkipReason = 'internal_note' | 'same_channel' | 'no_address' | 'opted_out' | 'no_sender';
export type DeliveryDecision = { deliver: true } | { deliver: false; reason: DeliverySkipReason };

export interface DeliveryContext {
  /** The patron texted STOP (or the channel otherwise refuses further messages). */
  optedOut: boolean;
  /** A sender is registered for the target channel in this installation. */
  hasSender: boolean;
}

/** Channels whose origin equals the patron channel name: a message written there is never echoed back. */
function originChannel(origin: MessageOrigin): Channel | undefined {
  return origin === 'web' || origin === 'sms' || origin === 'email' || origin === 'discord' ? origin : undefined;
}

/**
 * The delivery rules, written once and called by every sender path: internal notes never reach a patron;
 * a message is never sent back to the channel it came from; nothing goes to a patron with no address or
 * who opted out; a channel with no sender here gets nothing.
 */
export function decideDelivery(message: Pick<OutboundMessage, 'internal' | 'origin' | 'target'>, context: DeliveryContext): DeliveryDecision {
  if (message.internal) return { deliver: false, reason: 'internal_note' };
  if (originChannel(message.origin) === message.target.channel) return { deliver: false, reason: 'same_channel' };
  if (!message.target.address && message.target.channel !== 'web') return { deliver: false, reason: 'no_address' };
  if (context.optedOut) return { deliver: false, reason: 'opted_out' };
  if (!context.hasSender) return { deliver: false, reason: 'no_sender' };
  return { deliver: true };
}

/**
 * Whether the patron can be told "we will get back to you": only when a later message can reach them.
 * A QR report with no contact, a CLI question or an opted-out number cannot.
 */
export function canFollowUp(target: DeliveryTarget, context: DeliveryContext): boolean {
  if (target.channel === 'cli') return false;
  if (target.channel === 'report' && !target.address) return false;
  return decideDelivery({ internal: false, origin: 'system', target }, context).deliver;
}
