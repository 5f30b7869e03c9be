import type { Channel } from './inquiry.js';
import type { Intent } from './intents.js';

export const TICKET_KINDS = ['equipment', 'ill', 'handoff'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** open → claimed → waiting → resolved (→ reopened, which counts as open again). */
export const TICKET_STATUSES = ['open', 'claimed', 'waiting', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

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

/** A ticket as the assistant and the API see it: no patron address. */
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
  createdAt: Date;
  slaDueAt?: Date;
  /** True when an equal open ticket already existed and this report was added to it. */
  existing?: boolean;
}

export interface TicketEventView {
  type: 'opened' | 'comment' | 'note' | 'claimed' | 'status' | 'resolved' | 'reopened';
  actor: string;
  body?: string;
  /** Internal notes are for staff only and are never sent to the patron. */
  internal: boolean;
  createdAt: Date;
}

export interface TicketDetail extends TicketRef {
  description: string;
  claimedBy?: string;
  resolvedAt?: Date;
  events: TicketEventView[];
}

export interface TicketFilter {
  status?: TicketStatus;
  kind?: TicketKind;
  assetTag?: string;
  limit?: number;
}

export interface TicketPort {
  /** Opens a ticket; for equipment, a second report of the same device joins the open ticket. */
  open(input: OpenTicketInput): Promise<TicketRef>;
  get(id: number): Promise<TicketDetail | undefined>;
  list(filter?: TicketFilter): Promise<TicketRef[]>;
}

export function formatTicketNumber(id: number): string {
  return `T-${id}`;
}

export function parseTicketNumber(text: string): number | undefined {
  const match = /^(?:T-?)?(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}
