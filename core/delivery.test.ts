import { describe, expect, it } from 'vitest';
import { canFollowUp, decideDelivery, type DeliveryTarget } from './delivery.js';

const sms: DeliveryTarget = { channel: 'sms', address: '+15551230000', threadKey: '+15551230000' };
const ok = { optedOut: false, hasSender: true };

describe('decideDelivery', () => {
  it('sends a staff reply to the patron channel', () => {
    expect(decideDelivery({ internal: false, origin: 'slack', target: sms }, ok)).toEqual({ deliver: true });
  });
  it('never sends an internal note', () => {
    expect(decideDelivery({ internal: true, origin: 'slack', target: sms }, ok)).toEqual({ deliver: false, reason: 'internal_note' });
  });
  it('never echoes a message back to the channel it came from', () => {
    expect(decideDelivery({ internal: false, origin: 'sms', target: sms }, ok)).toEqual({ deliver: false, reason: 'same_channel' });
  });
  it('sends nothing to an opted-out number, a purged address or a channel without a sender', () => {
    expect(decideDelivery({ internal: false, origin: 'assistant', target: sms }, { ...ok, optedOut: true })).toEqual({ deliver: false, reason: 'opted_out' });
    expect(decideDelivery({ internal: false, origin: 'assistant', target: { ...sms, address: null } }, ok)).toEqual({ deliver: false, reason: 'no_address' });
    expect(decideDelivery({ internal: false, origin: 'assistant', target: sms }, { ...ok, hasSender: false })).toEqual({ deliver: false, reason: 'no_sender' });
  });
  it('promises a follow-up only where one can arrive', () => {
    expect(canFollowUp(sms, ok)).toBe(true);
    expect(canFollowUp(sms, { ...ok, optedOut: true })).toBe(false);
    expect(canFollowUp({ channel: 'report', address: null, threadKey: 'r1' }, ok)).toBe(false);
    expect(canFollowUp({ channel: 'cli', address: 'cli', threadKey: 'cli' }, ok)).toBe(false);
  });
});
