import type { Db } from '../db/index.js';

export interface SmsStatusUpdate {
  messageSid: string;
  status: string;
  errorCode?: string;
  at: Date;
}

/** Records Twilio's status callbacks on the Reply row that the message was sent for. */
export interface SmsStatusStore {
  /** Returns false when no SMS reply has that SID (a message sent by something else). */
  recordStatus(update: SmsStatusUpdate): Promise<boolean>;
}

/** Twilio statuses that mean the patron never got the text. */
const FAILED = new Set(['failed', 'undelivered']);

export function createSmsStatusRepository(prisma: Db): SmsStatusStore {
  return {
    async recordStatus({ messageSid, status, errorCode, at }) {
      const where = { channel: 'sms', externalId: messageSid };
      if (FAILED.has(status)) {
        const { count } = await prisma.reply.updateMany({
          where,
          data: { deliveryStatus: 'failed', deliveryError: `twilio ${status}${errorCode ? ` (error ${errorCode})` : ''}` },
        });
        return count > 0;
      }
      if (status === 'delivered') {
        // A late "delivered" never overwrites a recorded failure (callbacks can arrive out of order).
        const { count } = await prisma.reply.updateMany({ where: { ...where, deliveredAt: null }, data: { deliveredAt: at } });
        return count > 0 || (await prisma.reply.count({ where })) > 0;
      }
      return (await prisma.reply.count({ where })) > 0;
    },
  };
}
