import type { Db } from '../../db/index.js';

/** Linked contacts and verification lock-outs. Keys and addresses arrive already hashed. */
export function createContactsRepository(prisma: Db) {
  return {
    findLink: (channel: string, addressHash: string) => prisma.patronContact.findUnique({ where: { channel_addressHash: { channel, addressHash } } }),

    async link(data: { channel: string; addressHash: string; patronId: string; ilsDriver: string; method: string; verifiedAt: Date; trustedUntil: Date }): Promise<void> {
      const { channel, addressHash, ...rest } = data;
      await prisma.patronContact.upsert({ where: { channel_addressHash: { channel, addressHash } }, create: data, update: rest });
    },

    async unlink(channel: string, addressHash: string): Promise<void> {
      await prisma.patronContact.deleteMany({ where: { channel, addressHash } });
    },

    lock: (key: string) => prisma.verificationLock.findUnique({ where: { key } }),

    async saveLock(key: string, failures: number, lockedUntil: Date | null, now: Date): Promise<void> {
      await prisma.verificationLock.upsert({ where: { key }, create: { key, failures, lockedUntil, updatedAt: now }, update: { failures, lockedUntil, updatedAt: now } });
    },

    async clearLock(key: string): Promise<void> {
      await prisma.verificationLock.deleteMany({ where: { key } });
    },

    async saveCode(data: { key: string; patronId: string; ilsDriver: string; codeHash: string; expiresAt: Date; createdAt: Date }): Promise<void> {
      const { key, ...rest } = data;
      await prisma.verificationCode.upsert({ where: { key }, create: data, update: rest });
    },
    code: (key: string) => prisma.verificationCode.findUnique({ where: { key } }),
    async clearCode(key: string): Promise<void> {
      await prisma.verificationCode.deleteMany({ where: { key } });
    },
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
