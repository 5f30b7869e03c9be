import type { Channel, InquiryInput } from './inquiry.js';
import type { Intent } from './intents.js';
import type { Reply } from './reply.js';
import type { Outcome } from './router.js';
import type { TicketRef } from './tickets.js';

export interface InquiryResult {
  inquiryId: string;
  conversationId: string;
  intent: Intent;
  confidence: number;
  outcome: Outcome;
  reply: Reply;
  ticket?: TicketRef;
  /** True when this externalId was seen before: the stored answer is returned, nothing runs twice. */
  duplicate: boolean;
}

/** What `accept` returns at once: the message is stored and its routing scheduled. */
export interface AcceptedInquiry {
  inquiryId: string;
  conversationId: string;
  /** True when this (channel, externalId) was stored before: nothing new is stored or scheduled. */
  duplicate: boolean;
}

/** One line of a conversation as the patron saw it, for restoring a web chat after a reload. */
export interface ConversationEntry {
  from: 'patron' | 'assistant' | 'staff';
  text: string;
  quickReplies?: string[];
  at: Date;
}

/**
 * The one path every inbound message takes: store first (deduplicated), route, store the reply.
 * The HTTP API, the web chat, the report page, the CLI and every channel adapter call this.
 */
export interface InquiryService {
  /** Synchronous channels (web chat, report page, API, CLI): store, route and answer in the call. */
  handle(input: InquiryInput): Promise<InquiryResult>;
  /**
   * Asynchronous channels (SMS, e-mail, Discord): validate, store (deduplicated by channel and
   * externalId) and schedule an `inquiry.route` job, then return at once so the webhook can answer 2xx.
   * The job routes the message once, stores the reply and hands it to the `DeliveryPort`.
   */
  accept(input: InquiryInput): Promise<AcceptedInquiry>;
  history(channel: Channel, threadKey: string, options?: { limit?: number }): Promise<ConversationEntry[]>;
}

/**
 * Live updates to a conversation (a staff answer arriving in an open web chat). In one process an
 * in-memory bus; across processes Redis pub/sub.
 */
export interface ConversationEvent {
  type: 'reply';
  entry: ConversationEntry;
}

export interface ConversationEvents {
  publish(channel: Channel, threadKey: string, event: ConversationEvent): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(channel: Channel, threadKey: string, listener: (event: ConversationEvent) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
