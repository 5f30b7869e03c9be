import { describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../core/clock.js';
import type { StaffDirectory, StaffEventInbox, TicketThreadStore } from '../../core/staff-channels.js';

export interface StaffChannelStores {
  threads(clock: Clock): TicketThreadStore;
  inbox(clock: Clock): StaffEventInbox;
  /** A directory holding these staff members (created fresh for the call). */
  directory(members: Array<{ name: string; slackUserId?: string; discordUserId?: string; disabled?: boolean }>): Promise<StaffDirectory>;
}

/**
 * The staff-chat stores (ticket threads, event inbox, staff directory), held to one suite by the SQLite and
 * PostgreSQL repositories and by the in-memory fakes the channel tests use.
 */
export function runStaffChannelStoresContract(label: string, stores: () => StaffChannelStores): void {
  describe(`TicketThread store (${label})`, () => {
    it('lets exactly one caller reserve a ticket’s first post, and finds the thread by its id', async () => {
      const threads = stores().threads(fixedClock('2026-12-01T15:00:00Z'));
      const [a, b] = await Promise.all([threads.reserve(7, 'slack', 'C0QUEUE'), threads.reserve(7, 'slack', 'C0QUEUE')]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect(await threads.get(7, 'slack')).toEqual({ ticketId: 7, platform: 'slack', channelId: 'C0QUEUE' });
      await threads.complete(7, 'slack', { messageTs: '1.000100', threadId: '1.000100' });
      expect(await threads.findByThread('slack', '1.000100')).toMatchObject({ ticketId: 7, messageTs: '1.000100' });
      expect(await threads.findByThread('discord-staff', '1.000100')).toBeUndefined();
      // Another platform has its own row.
      expect(await threads.reserve(7, 'discord-staff', '1200000000000000001')).toBe(true);
    });

    it('a released reservation can be taken again; a stale one is taken over after two minutes', async () => {
      const early = stores().threads(fixedClock(new Date()));
      expect(await early.reserve(8, 'slack', 'C0QUEUE')).toBe(true);
      await early.release(8, 'slack');
      expect(await early.reserve(8, 'slack', 'C0QUEUE')).toBe(true);
      expect(await early.reserve(8, 'slack', 'C0QUEUE')).toBe(false);
      const later = stores().threads(fixedClock(new Date(Date.now() + 3 * 60_000)));
      expect(await later.reserve(8, 'slack', 'C0QUEUE')).toBe(true);
      // A completed post is never taken over.
      await later.complete(8, 'slack', { messageTs: '2.000100', threadId: '2.000100' });
      const muchLater = stores().threads(fixedClock(new Date(Date.now() + 60 * 60_000)));
      expect(await muchLater.reserve(8, 'slack', 'C0QUEUE')).toBe(false);
    });
  });

  describe(`StaffChannelEvent inbox (${label})`, () => {
    it('stores once, recognises the repeat, and erases the payload when finished', async () => {
      const inbox = stores().inbox(fixedClock('2026-12-01T15:00:00Z'));
      expect(await inbox.record('slack', 'Ev1', '{"a":1}')).toEqual({ duplicate: false, status: 'received' });
      expect(await inbox.record('slack', 'Ev1', '{"a":1}')).toEqual({ duplicate: true, status: 'received' });
      expect(await inbox.record('discord-staff', 'Ev1', null)).toEqual({ duplicate: false, status: 'received' });
      expect(await inbox.payload('slack', 'Ev1')).toEqual({ payload: '{"a":1}', status: 'received' });
      await inbox.fail('slack', 'Ev1', 'boom');
      expect(await inbox.record('slack', 'Ev1', '{"a":1}')).toEqual({ duplicate: true, status: 'failed' });
      await inbox.finish('slack', 'Ev1', 'processed');
      expect(await inbox.payload('slack', 'Ev1')).toEqual({ payload: null, status: 'processed' });
      expect(await inbox.payload('slack', 'Ev-never')).toBeUndefined();
    });

    it('purges what was received before a cutoff, so the table does not grow forever', async () => {
      const early = stores().inbox(fixedClock('2026-11-01T00:00:00Z'));
      await early.record('slack', 'EvOLD1', '{"old":true}');
      const late = stores().inbox(fixedClock('2026-11-20T00:00:00Z'));
      await late.record('slack', 'EvNEW1', '{"new":true}');
      expect(await late.purge(new Date('2026-11-10T00:00:00Z'))).toBe(1);
      expect(await late.payload('slack', 'EvOLD1')).toBeUndefined();
      expect(await late.payload('slack', 'EvNEW1')).toEqual({ payload: '{"new":true}', status: 'received' });
    });
  });

  describe(`staff directory (${label})`, () => {
    it('maps Slack and Discord ids to active staff members by name, and not disabled ones', async () => {
      const directory = await stores().directory([
        { name: 'maria', slackUserId: 'U0MARIA', discordUserId: '1400000000000000001' },
        { name: 'gone', slackUserId: 'U0GONE', disabled: true },
      ]);
      expect(await directory.bySlackUser('U0MARIA')).toEqual({ actor: 'maria', displayName: 'maria' });
      expect(await directory.byDiscordUser('1400000000000000001')).toEqual({ actor: 'maria', displayName: 'maria' });
      expect(await directory.bySlackUser('U0GONE')).toBeUndefined();
      expect(await directory.bySlackUser('U0NOBODY')).toBeUndefined();
    });
  });
}
