import type { Db } from '../db/index.js';
import type { Clock } from '../core/clock.js';
import type { StaffActor, StaffDirectory, StaffEventInbox, StaffEventStatus, StaffPlatform, TicketThread, TicketThreadStore } from '../core/staff-channels.js';

/** A reservation older than this whose post never completed (the worker died) may be taken over. */
const STALE_RESERVATION_MS = 2 * 60_000;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}

type ThreadRow = Awaited<ReturnType<Db['ticketThread']['findFirstOrThrow']>>;

function toThread(row: ThreadRow): TicketThread {
  return {
    ticketId: row.ticketId,
    platform: row.platform as StaffPlatform,
    channelId: row.channelId,
    ...(row.messageTs ? { messageTs: row.messageTs } : {}),
    ...(row.threadId ? { threadId: row.threadId } : {}),
  };
}

/** Where each ticket lives in Slack and Discord. */
export function createTicketThreadsRepository(prisma: Db, clock: Clock): TicketThreadStore {
  return {
    async get(ticketId, platform) {
      const row = await prisma.ticketThread.findUnique({ where: { ticketId_platform: { ticketId, platform } } });
      return row ? toThread(row) : undefined;
    },
    async findByThread(platform, threadId) {
      const row = await prisma.ticketThread.findFirst({ where: { platform, threadId } });
      return row ? toThread(row) : undefined;
    },
    async reserve(ticketId, platform, channelId) {
      try {
        await prisma.ticketThread.create({ data: { ticketId, platform, channelId } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // A reservation left behind by a worker that stopped mid-post is taken over, by exactly one caller.
      const taken = await prisma.ticketThread.updateMany({
        where: { ticketId, platform, messageTs: null, updatedAt: { lt: new Date(clock.now().getTime() - STALE_RESERVATION_MS) } },
        data: { channelId },
      });
      return taken.count === 1;
    },
    async complete(ticketId, platform, posted) {
      await prisma.ticketThread.update({
        where: { ticketId_platform: { ticketId, platform } },
        data: { messageTs: posted.messageTs, threadId: posted.threadId, ...(posted.channelId ? { channelId: posted.channelId } : {}) },
      });
    },
    async release(ticketId, platform) {
      await prisma.ticketThread.deleteMany({ where: { ticketId, platform, messageTs: null } });
    },
  };
}

/** The staff-chat events inbox: stored before processing, keyed by the provider's id. */
export function createStaffEventsRepository(prisma: Db, clock: Clock): StaffEventInbox {
  return {
    async record(platform, eventId, payload) {
      try {
        await prisma.staffChannelEvent.create({ data: { platform, eventId, payload, receivedAt: clock.now() } });
        return { duplicate: false, status: 'received' };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const row = await prisma.staffChannelEvent.findUnique({ where: { platform_eventId: { platform, eventId } }, select: { status: true } });
        return { duplicate: true, status: (row?.status ?? 'received') as StaffEventStatus };
      }
    },
    async payload(platform, eventId) {
      const row = await prisma.staffChannelEvent.findUnique({ where: { platform_eventId: { platform, eventId } }, select: { payload: true, status: true } });
      return row ? { payload: row.payload, status: row.status as StaffEventStatus } : undefined;
    },
    async finish(platform, eventId, status) {
      await prisma.staffChannelEvent.update({
        where: { platform_eventId: { platform, eventId } },
        data: { status, payload: null, error: null, processedAt: clock.now() },
      });
    },
    async fail(platform, eventId, error) {
      await prisma.staffChannelEvent.update({ where: { platform_eventId: { platform, eventId } }, data: { status: 'failed', error: error.slice(0, 500) } });
    },
    async purge(before) {
      const { count } = await prisma.staffChannelEvent.deleteMany({ where: { receivedAt: { lt: before } } });
      return count;
    },
  };
}

/**
 * Slack and Discord users mapped to staff members through `StaffMember.slackUserId` / `discordUserId`.
 * A disabled member is no longer staff anywhere.
 */
export function createStaffDirectory(prisma: Db): StaffDirectory {
  const toActor = (row: { name: string } | null): StaffActor | undefined => (row ? { actor: row.name, displayName: row.name } : undefined);
  return {
    async bySlackUser(slackUserId) {
      return toActor(await prisma.staffMember.findFirst({ where: { slackUserId, disabledAt: null }, select: { name: true } }));
    },
    async byDiscordUser(discordUserId) {
      return toActor(await prisma.staffMember.findFirst({ where: { discordUserId, disabledAt: null }, select: { name: true } }));
    },
  };
}

/**
 * Links a staff member to their Slack and/or Discord user (`libdesk staff-chat link`). Returns false when
 * no member has that name. A chat id already linked to someone else fails on the unique index (P2002).
 */
export async function linkStaffChatAccounts(prisma: Db, name: string, ids: { slackUserId?: string | null; discordUserId?: string | null }): Promise<boolean> {
  const { count } = await prisma.staffMember.updateMany({
    where: { name },
    data: {
      ...(ids.slackUserId !== undefined ? { slackUserId: ids.slackUserId } : {}),
      ...(ids.discordUserId !== undefined ? { discordUserId: ids.discordUserId } : {}),
    },
  });
  return count > 0;
}
