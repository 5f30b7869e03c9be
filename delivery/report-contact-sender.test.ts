import { describe, expect, it } from 'vitest';
import type { ChannelSender, OutboundMessage } from '../core/delivery.js';
import { contactChannel, createReportContactSender } from './report-contact-sender.js';
import { createSenderRegistry } from './sender-registry.js';

const message = (address: string | null): OutboundMessage => ({
  id: 'r1',
  kind: 'resolution',
  target: { channel: 'report', address, threadKey: 'sub-abc' },
  reply: { text: 'PC-07 works again.' },
  internal: false,
  origin: 'slack',
});

describe('report contact sender', () => {
  it('reads the contact left on the form', () => {
    expect(contactChannel('ann@example.org')).toBe('email');
    expect(contactChannel('+1 (555) 123-4567')).toBe('sms');
    expect(contactChannel('Xk3_9aQ-2LmPz81bTvWq0A')).toBeUndefined();
    expect(contactChannel(null)).toBeUndefined();
  });

  it('sends through SMS or e-mail, and nothing when no contact was left or no sender exists', async () => {
    const sent: OutboundMessage[] = [];
    const sms: ChannelSender = { channel: 'sms', send: async (m) => (sent.push(m), { status: 'sent', externalId: 'SM1' }) };
    const registry = createSenderRegistry();
    registry.register(sms);
    const sender = createReportContactSender(registry);
    expect(await sender.send(message('+15551234567'))).toEqual({ status: 'sent', externalId: 'SM1' });
    expect(sent[0]!.target).toMatchObject({ channel: 'sms', address: '+15551234567' });
    expect(await sender.send(message('ann@example.org'))).toEqual({ status: 'skipped' });
    expect(await sender.send(message('Xk3_9aQ-2LmPz81bTvWq0A'))).toEqual({ status: 'skipped' });
    expect(sent).toHaveLength(1);
  });
});
