import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/index.js';
import { createStaffDirectory, createStaffEventsRepository, createTicketThreadsRepository } from '../../tickets/staff-channels.repository.js';
import type { StaffChannelStores } from './staff-channel-stores.contract.js';

/** The database repositories as the contract wants them. */
export function prismaStaffChannelStores(database: Database): StaffChannelStores {
  return {
    threads: (clock) => createTicketThreadsRepository(database.prisma, clock),
    inbox: (clock) => createStaffEventsRepository(database.prisma, clock),
    async directory(members) {
      for (const member of members) {
        await database.prisma.staffMember.create({
          data: {
            name: member.name,
            role: 'staff',
            tokenHash: randomBytes(32).toString('hex'),
            slackUserId: member.slackUserId ?? null,
            discordUserId: member.discordUserId ?? null,
            ...(member.disabled ? { disabledAt: new Date() } : {}),
          },
        });
      }
      return createStaffDirectory(database.prisma);
    },
  };
}
