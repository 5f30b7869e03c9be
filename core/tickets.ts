import type { Channel } from './inquiry.js';
import type { Intent } from './intents.js';
import type { MessageOrigin } from './delivery.js';
import type { ConversationEntry } from './inquiry-service.js';

export const TICKET_KINDS = ['equipment', 'ill', 'handoff'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/**
 * open → claimed → waiting (on the patron) → resolved → closed.
 * A patron reply reopens a `waiting` ticket (back to claimed, or open when nobody holds it) and a `resolved`
 * one (back to open); a new report of the same device reopens a resolved device ticket. `closed` is final:
 * a new report of a closed device opens a new ticket.
 */
export const TICKET_STATUSES = ['open', 'claimed', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which staff still owe the patron something, so SLA timers run. */
export const ACTIVE_TICKET_STATUSES = ['open', 'claimed'] as const satisfies readonly TicketStatus[];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** The two promises an SLA rule makes: a first answer, and a resolution. */
export const SLA_KINDS = ['first_response', 'resolution'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

/**
 * Who did something, as recorded in the audit trail: a staff identity ("staff:<id>" or a display name
 * from the staff credential), "patron", "assistant" or "system".
 */
export type TicketActor = string;

/** Who asked, and where the answer must go back to. */
export interface TicketRequester {
  channel: Channel;
  address: string;
  threadKey: string;
}

export interface OpenTicketInput {
  kind: TicketKind;
  subject: string;
  /** The patron's own words, kept as the first comment. */
  description: string;
  /** What the patron wanted, when a skill handed the question to staff. */
  intent?: Intent;
  assetTag?: string;
  branchId?: string;
  priority?: TicketPriority;
  requester: TicketRequester;
  conversationId?: string;
  inquiryId?: string;
}

/** A ticket as the assistant, the staff bots and the API see it: no patron address. */
export interface TicketRef {
  id: number;
  /** What patrons and staff say out loud: "T-1042". */
  number: string;
  kind: TicketKind;
  status: TicketStatus;
  priority: TicketPriority;
  subject: string;
  intent?: Intent;
  assetTag?: string;
  branchId?: string;
  /** The staff identity working the ticket (set by claim or assign). */
  assignee?: string;
  /** The conversation the patron wrote in; replies go back there. Absent for tickets with no way back. */
  conversationId?: string;
  /** The channel the patron used (web, sms, email, discord, report, cli) — never the address. */
  requesterChannel: Channel;
  createdAt: Date;
  updatedAt: Date;
  /** When staff must first answer (counted in opening hours); absent once answered. */
  firstResponseDueAt?: Date;
  firstRespondedAt?: Date;
  /** When the ticket must be resolved (counted in opening hours). */
  resolutionDueAt?: Date;
  /** The next pending SLA due time (first response, else resolution); absent while waiting, resolved or closed. */
  slaDueAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  /** True when an equal open ticket already existed and this report was added to it (or reopened it). */
  existing?: boolean;
}

export const TICKET_EVENT_TYPES = [
  'opened',
  /** A patron message added to the ticket (a second report of a device, a reply in the conversation). */
  'comment',
  /** A public staff reply, delivered to the patron. */
  'reply',
  /** An internal staff note, never sent to the patron. */
  'note',
  'claimed',
  'assigned',
  'priority',
  'waiting',
  'resolved',
  'reopened',
  'closed',
  /** An SLA due time passed unmet. */
  'escalated',
  /** Legacy rows written before the lifecycle existed. */
  'status',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export interface TicketEventView {
  id: string;
  type: TicketEventType;
  actor: TicketActor;
  body?: string;
  /** Internal notes are for staff only and are never sent to the patron. */
  internal: boolean;
  /** Where a reply or note was written (slack, discord-staff, console, api…), when known. */
  origin?: MessageOrigin;
  /** The outbound Reply row a public reply or resolution notice became, for its delivery status. */
  replyId?: string;
  createdAt: Date;
}

export interface TicketDetail extends TicketRef {
  description: string;
  /** Kept for older callers: the same as `assignee`. */
  claimedBy?: string;
  events: TicketEventView[];
}

export interface TicketFilter {
  /** One status or several; absent means every status. */
  status?: TicketStatus | TicketStatus[];
  kind?: TicketKind;
  branchId?: string;
  assetTag?: string;
  /** A staff identity; `null` asks for tickets nobody holds. */
  assignee?: string | null;
  /** Only tickets whose pending SLA due time has passed (as of the service clock). */
  overdue?: boolean;
  /** Page size, 1–200 (default 50). */
  limit?: number;
  /** `nextCursor` from the previous page. Pages go newest first. */
  cursor?: string;
}

export interface TicketPage {
  tickets: TicketRef[];
  /** Present when there are more tickets after this page. */
  nextCursor?: string;
}

export interface TicketReplyInput {
  actor: TicketActor;
  body: string;
  /** Where staff wrote it; the delivery rules never send a message back to the channel it came from. */
  origin: MessageOrigin;
}

export interface TicketNoteInput {
  actor: TicketActor;
  body: string;
  origin?: MessageOrigin;
}

export interface TicketResolveInput {
  actor: TicketActor;
  /** What the patron is told; without it they get the standard "resolved" notice in their language. */
  body?: string;
  origin?: MessageOrigin;
}

export interface TicketReopenInput {
  actor: TicketActor;
  reason: string;
}

export interface PatronMessageInput {
  body: string;
  inquiryId?: string;
}

/** What a public reply or resolution did: the ticket after it, and the delivery it scheduled. */
export interface TicketMessageResult {
  ticket: TicketRef;
  /** The outbound Reply row, when the ticket has a conversation to answer in. */
  replyId?: string;
  /** `queued`: a delivery job was scheduled; `no_conversation`: the patron left no way back. */
  delivery: 'queued' | 'no_conversation';
}

/**
 * The staff work queue. Every transition is checked against the current status atomically and throws
 * `LibdeskError('LD_TICKET_TRANSITION')` (HTTP 409) when illegal, `LD_NOT_FOUND` when the ticket does not
 * exist. Every change is written to the audit trail with its actor and published as `ticket.changed`.
 */
export interface TicketPort {
  /** Opens a ticket; a report of a device with a ticket not yet closed joins it (reopening a resolved one). */
  open(input: OpenTicketInput): Promise<TicketRef>;
  get(id: number): Promise<TicketDetail | undefined>;
  list(filter?: TicketFilter): Promise<TicketPage>;
  /** The audit trail, oldest first. */
  events(id: number): Promise<TicketEventView[]>;
  /** The newest ticket not closed for a conversation: where a patron's next message belongs. */
  findActiveForConversation(conversationId: string): Promise<TicketRef | undefined>;

  /** open → claimed by `actor` (also from claimed, to take it over). */
  claim(id: number, actor: TicketActor): Promise<TicketRef>;
  /** Gives the ticket to `assignee`; an open ticket becomes claimed. */
  assign(id: number, assignee: string, actor: TicketActor): Promise<TicketRef>;
  /** Changes priority and recomputes the pending SLA due times. */
  setPriority(id: number, priority: TicketPriority, actor: TicketActor): Promise<TicketRef>;
  /** A public reply, delivered to the patron in their channel; counts as first response. Not on closed tickets. */
  reply(id: number, input: TicketReplyInput): Promise<TicketMessageResult>;
  /** An internal note; never reaches the patron. Allowed in every status. */
  note(id: number, input: TicketNoteInput): Promise<TicketRef>;
  /** claimed|open → waiting: staff asked the patron something; SLA timers pause. */
  waitOnPatron(id: number, actor: TicketActor): Promise<TicketRef>;
  /** open|claimed|waiting → resolved; the patron is told (in their language) when they can be reached. */
  resolve(id: number, input: TicketResolveInput): Promise<TicketMessageResult>;
  /** resolved|waiting → open by staff. */
  reopen(id: number, input: TicketReopenInput): Promise<TicketRef>;
  /** resolved → closed (final; a device's next report opens a new ticket). */
  close(id: number, actor: TicketActor): Promise<TicketRef>;
  /**
   * A patron wrote again in the ticket's conversation: recorded as a comment; waiting → claimed (open
   * when nobody holds it), resolved → open (reopened). On closed tickets it throws LD_TICKET_TRANSITION.
   */
  patronMessage(id: number, input: PatronMessageInput): Promise<TicketRef>;
}

/** What changed, as published in the `ticket.changed` job for the staff bots. */
export const TICKET_CHANGES = [
  'opened',
  'joined',
  'claimed',
  'assigned',
  'priority',
  'replied',
  'noted',
  'waiting',
  'resolved',
  'reopened',
  'closed',
  'patron_message',
  'escalated',
] as const;
export type TicketChange = (typeof TICKET_CHANGES)[number];

/** One published ticket change. `eventId` names the audit-trail row, so a listener can show its body. */
export interface TicketChangedEvent {
  ticketId: number;
  change: TicketChange;
  eventId?: string;
}

export interface TicketEscalatedEvent {
  ticketId: number;
  kind: SlaKind;
  dueAt: string;
}

/**
 * How the staff bots follow the queue without owning a job name each: `ticket.changed` and
 * `ticket.escalated` jobs are run once by a worker, which calls every subscribed listener. A listener
 * that throws makes the job retry (so listeners must be idempotent: update a message in place, or skip
 * an event id already posted).
 */
export interface TicketEvents {
  subscribe(listener: TicketEventListener): () => void;
}

export interface TicketEventListener {
  /** A name for logs ("slack", "discord-staff"). */
  name: string;
  onChange?(event: TicketChangedEvent): Promise<void>;
  onEscalated?(event: TicketEscalatedEvent): Promise<void>;
  /** The daily summary of the open queue, at opening time. */
  onDigest?(digest: QueueDigest): Promise<void>;
}

/** The open queue at opening time, for the daily digest. */
export interface QueueDigest {
  /** Local date (YYYY-MM-DD) in the library's time zone. */
  day: string;
  counts: Record<'open' | 'claimed' | 'waiting', number>;
  overdue: number;
  /** The oldest tickets still owed an answer (at most 10), oldest first. */
  oldest: TicketRef[];
}

/** What can be done to a ticket; `nextTicketStatus` says where each leads from each status. */
export type TicketAction = 'claim' | 'assign' | 'priority' | 'reply' | 'note' | 'wait' | 'resolve' | 'reopen' | 'close' | 'patron_message';

const ALLOWED_FROM: Record<TicketAction, readonly TicketStatus[]> = {
  claim: ['open', 'claimed'],
  assign: ['open', 'claimed', 'waiting'],
  priority: ['open', 'claimed', 'waiting', 'resolved'],
  reply: ['open', 'claimed', 'waiting', 'resolved'],
  note: ['open', 'claimed', 'waiting', 'resolved', 'closed'],
  wait: ['open', 'claimed'],
  resolve: ['open', 'claimed', 'waiting'],
  reopen: ['resolved', 'waiting'],
  close: ['resolved'],
  patron_message: ['open', 'claimed', 'waiting', 'resolved'],
};

/**
 * The lifecycle rules, written once for every TicketPort (database service and test fake): the status a
 * ticket moves to when `action` is done in status `from`, or undefined when the action is illegal there.
 * `hasAssignee` says whether someone holds the ticket after the action: a reopened ticket goes back to
 * its holder (claimed) or to the queue (open).
 */
export function nextTicketStatus(from: TicketStatus, action: TicketAction, hasAssignee: boolean): TicketStatus | undefined {
  if (!ALLOWED_FROM[action].includes(from)) return undefined;
  const backToWork: TicketStatus = hasAssignee ? 'claimed' : 'open';
  switch (action) {
    case 'claim':
      return 'claimed';
    case 'assign':
      return from === 'open' ? 'claimed' : from;
    case 'reply':
      return from === 'open' ? 'claimed' : from;
    case 'wait':
      return 'waiting';
    case 'resolve':
      return 'resolved';
    case 'reopen':
      return backToWork;
    case 'close':
      return 'closed';
    case 'patron_message':
      return from === 'waiting' || from === 'resolved' ? backToWork : from;
    case 'priority':
    case 'note':
      return from;
  }
}

/** The statuses an action is allowed from (for error messages and staff buttons). */
export function ticketActionAllowedFrom(action: TicketAction): readonly TicketStatus[] {
  return ALLOWED_FROM[action];
}

/**
 * The patron conversation behind a ticket, as staff read it: the patron's messages and every answer sent,
 * oldest first. Never an address, never an internal note.
 */
export interface TicketConversationReader {
  messages(conversationId: string, options?: { limit?: number }): Promise<ConversationEntry[]>;
}

export function formatTicketNumber(id: number): string {
  return `T-${id}`;
}

export function parseTicketNumber(text: string): number | undefined {
  const match = /^(?:T-?)?(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}
