import { isUniqueViolation, type Db } from '../db/index.js';

export type SmsKeywordKind = 'stop' | 'start' | 'help';

export interface SmsKeywordRecord {
  messageSid: string;
  address: string;
  keyword: SmsKeywordKind;
  text: string;
  receivedAt: Date;
}

/**
 * Who may still be texted. Opt-outs are kept per number until the patron texts START; `isOptedOut` is
 * what the delivery rules (`DeliveryContext.optedOut`) and the SMS sender ask before every send.
 */
export interface SmsConsentStore {
  isOptedOut(channel: string, address: string): Promise<boolean>;
  optOut(channel: 'sms', address: string, at: Date, messageSid?: string): Promise<void>;
  /**
   * Stores a STOP/START/HELP text and, in the same transaction, opts the number out (STOP) or back in
   * (START); false when that MessageSid was stored before (a Twilio retry), and then nothing changes.
   */
  recordKeyword(record: SmsKeywordRecord): Promise<boolean>;
}


export function createSmsConsentRepository(prisma: Db): SmsConsentStore {
  return {
    async isOptedOut(channel, address) {
      // Only SMS has a carrier opt-out; other channels are never opted out here.
      if (channel !== 'sms') return false;
      return (await prisma.smsOptOut.findUnique({ where: { address }, select: { address: true } })) !== null;
    },

    async optOut(_channel, address, at, messageSid) {
      try {
        await prisma.smsOptOut.upsert({
          where: { address },
          create: { address, optedOutAt: at, messageSid: messageSid ?? null },
          update: {},
        });
      } catch (error) {
        // Two STOPs at the same instant: the other one stored it, which is all that matters.
        if (!isUniqueViolation(error)) throw error;
      }
    },

    async recordKeyword(record) {
      const apply = () =>
        prisma.$transaction(async (tx) => {
          await tx.smsKeywordMessage.create({
            data: { messageSid: record.messageSid, address: record.address, keyword: record.keyword, text: record.text, receivedAt: record.receivedAt },
          });
          if (record.keyword === 'stop') {
            await tx.smsOptOut.upsert({
              where: { address: record.address },
              create: { address: record.address, optedOutAt: record.receivedAt, messageSid: record.messageSid },
              update: {},
            });
          } else if (record.keyword === 'start') {
            await tx.smsOptOut.deleteMany({ where: { address: record.address } });
          }
        });
      for (let attempt = 1; ; attempt += 1) {
        try {
          await apply();
          return true;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // Either this very message was stored before (a retry), or another STOP from the same number
          // won the opt-out row at the same instant; only the second deserves another try.
          const seen = await prisma.smsKeywordMessage.findUnique({ where: { messageSid: record.messageSid }, select: { messageSid: true } });
          if (seen || attempt >= 3) return false;
        }
      }
    },
  };
}
