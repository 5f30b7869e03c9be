import type { MessageOrigin } from '../core/delivery.js';
import type {
  OpenTicketInput,
  TicketDetail,
  TicketEventType,
  TicketEventView,
  TicketFilter,
  TicketPage,
  TicketPriority,
  TicketRef,
  TicketStatus,
} from '../core/tickets.js';

/** One audit-trail row to write. An explicit `id` makes the write idempotent (escalations). */
export interface NewTicketEvent {
  id?: string;
  type: TicketEventType;
  actor: string;
  body?: string;
  internal?: boolean;
  origin?: MessageOrigin;
  replyId?: string;
}

/** Columns a transition may change; `null` clears. */
export interface TicketPatch {
  status?: TicketStatus;
  priority?: TicketPriority;
  assignee?: string | null;
  firstResponseDueAt?: Date | null;
  firstResponseAt?: Date | null;
  resolutionDueAt?: Date | null;
  slaDueAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  /** Only ever cleared (at close); set by insert. */
  openAssetKey?: null;
}

export interface NewTicket extends OpenTicketInput {
  priority: TicketPriority;
  /** The asset tag for a device ticket: unique among tickets not closed. */
  openAssetKey?: string;
  firstResponseDueAt?: Date;
  resolutionDueAt?: Date;
  slaDueAt?: Date;
  now: Date;
}

/** Thrown by `insert` when another ticket not closed already holds the device's `openAssetKey`. */
export class OpenAssetTakenError extends Error {
  constructor(readonly assetTag: string) {
    super(`a ticket for ${assetTag} is already open`);
    this.name = 'OpenAssetTakenError';
  }
}

/**
 * What the ticket service needs from storage. Implemented by tickets.repository.ts (SQLite and
 * PostgreSQL through Prisma) and by the in-memory store of the test fake; the rules live in the service,
 * so both behave the same. Every write is one transaction.
 */
export interface TicketStore {
  insert(ticket: NewTicket): Promise<{ ticket: TicketRef; eventId: string }>;
  findByOpenAssetKey(assetTag: string): Promise<TicketRef | undefined>;
  getRef(id: number): Promise<TicketRef | undefined>;
  get(id: number): Promise<TicketDetail | undefined>;
  list(filter: TicketFilter, now: Date): Promise<TicketPage>;
  events(id: number): Promise<TicketEventView[]>;
  findActiveForConversation(conversationId: string): Promise<TicketRef | undefined>;
  /** Tickets with a pending SLA due time, for re-arming timers at start (id order, paged). */
  listPendingSla(afterId: number, limit: number): Promise<TicketRef[]>;
  /**
   * Applies `patch` and appends `events` only if the ticket is still in `expectedStatus` (a compare and
   * set, so two staff clicking at once cannot both win). Undefined when the status had changed.
   */
  update(id: number, expectedStatus: TicketStatus, patch: TicketPatch, events: NewTicketEvent[], now: Date): Promise<{ ticket: TicketRef; eventIds: string[] } | undefined>;
  /** Appends one event; `created: false` when an event with the same explicit id exists. */
  appendEvent(id: number, event: NewTicketEvent, now: Date): Promise<{ eventId: string; created: boolean }>;
}

/** Cursor of a page: the last id seen, opaque to callers. */
export function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { id?: unknown };
    return typeof parsed.id === 'number' && Number.isInteger(parsed.id) && parsed.id > 0 ? parsed.id : undefined;
  } catch {
    return undefined;
  }
}

export function pageLimit(filter: TicketFilter): number {
  return Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 200);
}
