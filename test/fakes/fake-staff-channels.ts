import { systemClock, type Clock } from '../../core/clock.js';
import type { StaffActor, StaffDirectory, StaffEventInbox, StaffEventStatus, StaffPlatform, TicketThread, TicketThreadStore } from '../../core/staff-channels.js';

/** In-memory TicketThreadStore, StaffEventInbox and StaffDirectory with the repositories' semantics. */
export function createFakeTicketThreads(clock: Clock = systemClock): TicketThreadStore & { all(): TicketThread[]; withClock(clock: Clock): TicketThreadStore } {
  return viewOf(new Map(), clock);
}

/** A reservation older than this whose post never completed may be taken over (as the repository). */
const STALE_RESERVATION_MS = 2 * 60_000;

function viewOf(rows: Map<string, { thread: TicketThread; touchedAt: number }>, clock: Clock): TicketThreadStore & { all(): TicketThread[]; withClock(clock: Clock): TicketThreadStore } {
  const key = (ticketId: number, platform: StaffPlatform) => `${platform}:${ticketId}`;
  return {
    all: () => [...rows.values()].map((row) => row.thread),
    withClock: (next) => viewOf(rows, next),
    async get(ticketId, platform) {
      const row = rows.get(key(ticketId, platform));
      return row ? { ...row.thread } : undefined;
    },
    async findByThread(platform, threadId) {
      const row = [...rows.values()].find(({ thread }) => thread.platform === platform && thread.threadId === threadId);
      return row ? { ...row.thread } : undefined;
    },
    async reserve(ticketId, platform, channelId) {
      const existing = rows.get(key(ticketId, platform));
      const now = clock.now().getTime();
      if (existing && (existing.thread.messageTs || now - existing.touchedAt <= STALE_RESERVATION_MS)) return false;
      rows.set(key(ticketId, platform), { thread: { ticketId, platform, channelId }, touchedAt: now });
      return true;
    },
    async complete(ticketId, platform, posted) {
      const row = rows.get(key(ticketId, platform));
      if (!row) throw new Error('complete without reserve');
      row.thread = { ...row.thread, messageTs: posted.messageTs, threadId: posted.threadId, ...(posted.channelId ? { channelId: posted.channelId } : {}) };
    },
    async release(ticketId, platform) {
      const row = rows.get(key(ticketId, platform));
      if (row && !row.thread.messageTs) rows.delete(key(ticketId, platform));
    },
  };
}

type InboxRow = { payload: string | null; status: StaffEventStatus; error?: string; receivedAt: number };
type FakeInbox = StaffEventInbox & { rows: Map<string, Omit<InboxRow, 'receivedAt'>>; withClock(clock: Clock): FakeInbox };

export function createFakeStaffInbox(clock: Clock = systemClock): FakeInbox {
  return inboxView(new Map(), clock);
}

function inboxView(store: Map<string, InboxRow>, clock: Clock): FakeInbox {
  const key = (platform: StaffPlatform, eventId: string) => `${platform}:${eventId}`;
  return {
    /** The rows without their receipt time, as tests compare them. */
    get rows() {
      return new Map([...store].map(([id, { receivedAt: _at, ...row }]) => [id, row]));
    },
    withClock: (next) => inboxView(store, next),
    async record(platform, eventId, payload) {
      const existing = store.get(key(platform, eventId));
      if (existing) return { duplicate: true, status: existing.status };
      store.set(key(platform, eventId), { payload, status: 'received', receivedAt: clock.now().getTime() });
      return { duplicate: false, status: 'received' };
    },
    async payload(platform, eventId) {
      const row = store.get(key(platform, eventId));
      return row ? { payload: row.payload, status: row.status } : undefined;
    },
    async finish(platform, eventId, status) {
      const row = store.get(key(platform, eventId));
      if (row) store.set(key(platform, eventId), { payload: null, status, receivedAt: row.receivedAt });
    },
    async fail(platform, eventId, error) {
      const row = store.get(key(platform, eventId));
      if (row) store.set(key(platform, eventId), { ...row, status: 'failed', error });
    },
    async purge(before) {
      let count = 0;
      for (const [id, row] of store) {
        if (row.receivedAt < before.getTime()) {
          store.delete(id);
          count += 1;
        }
      }
      return count;
    },
  };
}

export function createFakeStaffDirectory(members: Array<{ name: string; slackUserId?: string; discordUserId?: string }>): StaffDirectory {
  const actor = (name: string): StaffActor => ({ actor: name, displayName: name });
  return {
    async bySlackUser(id) {
      const member = members.find((m) => m.slackUserId === id);
      return member ? actor(member.name) : undefined;
    },
    async byDiscordUser(id) {
      const member = members.find((m) => m.discordUserId === id);
      return member ? actor(member.name) : undefined;
    },
  };
}
