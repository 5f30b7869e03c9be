import type { ChannelSender, OutboundMessage, SendResult } from '../core/delivery.js';
import type { Channel } from '../core/inquiry.js';
import type { SenderRegistry } from './sender-registry.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{6,20}$/;

/** Which channel a contact left on the QR report form reaches: e-mail, SMS, or none. */
export function contactChannel(address: string | null): Channel | undefined {
  if (!address) return undefined;
  if (EMAIL.test(address)) return 'email';
  if (PHONE.test(address)) return 'sms';
  return undefined;
}

/**
 * The QR report page has no channel of its own to answer on: a patron who left a phone number or an
 * e-mail address is told through SMS or e-mail (when those senders are configured); one who left
 * nothing has only a per-submission key as address, which reaches nobody, so nothing is sent.
 */
export function createReportContactSender(senders: Pick<SenderRegistry, 'get'>): ChannelSender {
  return {
    channel: 'report',
    async send(message: OutboundMessage): Promise<SendResult> {
      const channel = contactChannel(message.target.address);
      const sender = channel ? senders.get(channel) : undefined;
      if (!channel || !sender) return { status: 'skipped' };
      return sender.send({ ...message, target: { ...message.target, channel } });
    },
  };
}
