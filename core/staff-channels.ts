/**
 * The staff chats (Slack, Discord) that carry the ticket queue. These ports let the Slack app and the
 * Discord staff bot keep their state in the database without knowing it.
 */

export const STAFF_PLATFORMS = ['slack', 'discord-staff'] as const;
export type StaffPlatform = (typeof STAFF_PLATFORMS)[number];

/** Where a ticket lives in one staff chat: its message in the queue channel and the thread under it. */
export interface TicketThread {
  ticketId: number;
  platform: StaffPlatform;
  channelId: string;
  /** The ticket message (Slack `ts`, Discord message id); undefined while the first post is in flight. */
  messageTs?: string;
  /** Slack `thread_ts` (equal to the message ts), Discord thread channel id. */
  threadId?: string;
}

export interface TicketThreadStore {
  get(ticketId: number, platform: StaffPlatform): Promise<TicketThread | undefined>;
  findByThread(platform: StaffPlatform, threadId: string): Promise<TicketThread | undefined>;
  /**
   * Claims the right to post the ticket's first message: true for exactly one caller, so two workers
   * racing on the same ticket never post it twice. The loser finds the row and waits for its ts.
   */
  reserve(ticketId: number, platform: StaffPlatform, channelId: string): Promise<boolean>;
  /** Records the posted message (after `reserve`). */
  complete(ticketId: number, platform: StaffPlatform, posted: { messageTs: string; threadId: string; channelId?: string }): Promise<void>;
  /** Gives up a reservation whose post failed, so a retry can post again. */
  release(ticketId: number, platform: StaffPlatform): Promise<void>;
}

export type StaffEventStatus = 'received' | 'processed' | 'ignored' | 'failed';

/**
 * Every signed event a staff chat sends, stored before it is acted on and keyed by the provider's id, so a
 * retried delivery is recognised and each event is processed once. Outbound posts that must happen once
 * (a patron message copied into a thread, an escalation) are marked here too, under `out:` ids.
 */
export interface StaffEventInbox {
  /** Stores the event; `duplicate` is true when this id was stored before (nothing is changed then). */
  record(platform: StaffPlatform, eventId: string, payload: string | null): Promise<{ duplicate: boolean; status: StaffEventStatus }>;
  /** The stored payload, while the event still waits to be processed. */
  payload(platform: StaffPlatform, eventId: string): Promise<{ payload: string | null; status: StaffEventStatus } | undefined>;
  /** Marks the event done; the payload (it may quote a patron) is erased. */
  finish(platform: StaffPlatform, eventId: string, status: 'processed' | 'ignored'): Promise<void>;
  /** Marks a failure so a retry may process it again. */
  fail(platform: StaffPlatform, eventId: string, error: string): Promise<void>;
  /** Forgets events received before `before` (retries come within hours); returns how many. */
  purge(before: Date): Promise<number>;
}

/** A person on the library's staff (a `StaffMember`), as a staff chat user maps to them. */
export interface StaffActor {
  /** What the audit trail records: the staff member's name, as the staff API records it. */
  actor: string;
  displayName: string;
}

/**
 * Maps a chat user id to a staff member. A chat user with no staff record is refused (closed by default):
 * being in a Slack workspace or Discord server is not a staff credential.
 */
export interface StaffDirectory {
  bySlackUser(slackUserId: string): Promise<StaffActor | undefined>;
  byDiscordUser(discordUserId: string): Promise<StaffActor | undefined>;
}
