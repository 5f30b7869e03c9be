import { describe, expect, it } from 'vitest';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { canReachPatron, whenStaffAnswer, whenStaffFixDevice } from './staff-availability.js';

const calendar = createFakeCalendar();
const tuesday3pm = new Date('2026-12-01T20:00:00Z');
const ticket = { number: 'T-5', firstResponseDueAt: new Date('2026-12-02T15:00:00Z') }; // Wednesday 10:00 New York

describe('canReachPatron', () => {
  it('is false for a QR report with no contact and for the command line, true where a message can go back', () => {
    expect(canReachPatron({ channel: 'report', address: 'sub-123', threadKey: 'sub-123', meta: { assetTag: 'PC-07' } })).toBe(false);
    expect(canReachPatron({ channel: 'report', address: 'ann@example.org', threadKey: 'sub-1', meta: { contactKind: 'email' } })).toBe(true);
    expect(canReachPatron({ channel: 'report', address: '+15551234567', threadKey: 'sub-2', meta: { contactKind: 'phone' } })).toBe(true);
    expect(canReachPatron({ channel: 'cli', address: 'cli', threadKey: 'cli' })).toBe(false);
    expect(canReachPatron({ channel: 'web', address: 'session', threadKey: 'session' })).toBe(true);
    expect(canReachPatron({ channel: 'sms', address: '+15551234567', threadKey: '+15551234567' })).toBe(true);
  });
});

describe('whenStaffAnswer', () => {
  it('promises the ticket’s due time, in English and Spanish', () => {
    expect(whenStaffAnswer(calendar, tuesday3pm, 'en', { ticket })).toBe('A librarian will reply by 10:00 AM tomorrow.');
    expect(whenStaffAnswer(calendar, tuesday3pm, 'es', { ticket })).toMatch(/^Un bibliotecario le responderá como tarde mañana a las 10/);
  });

  it('never promises an answer to a patron who cannot be reached', () => {
    const text = whenStaffAnswer(calendar, tuesday3pm, 'en', { ticket, reachable: false });
    expect(text).toBe('We have no way to send you an answer here, so please ask at the front desk about ticket T-5.');
    expect(text).not.toMatch(/will reply|let you know/);
  });

  it('falls back to opening hours when there is no due time', () => {
    expect(whenStaffAnswer(calendar, tuesday3pm, 'en')).toBe('A staff member will answer shortly.');
  });
});

describe('whenStaffFixDevice', () => {
  it('promises to tell only a reachable patron whose own report opened the ticket', () => {
    expect(whenStaffFixDevice(calendar, tuesday3pm, 'en', { ticket, reachable: true })).toBe("Staff will look at it by 10:00 AM tomorrow, and we'll let you know here when it's fixed.");
    expect(whenStaffFixDevice(calendar, tuesday3pm, 'en', { ticket, reachable: false })).toBe('Staff will look at it by 10:00 AM tomorrow.');
    // A report joined to someone else's ticket is not linked to this patron's conversation: no promise.
    expect(whenStaffFixDevice(calendar, tuesday3pm, 'en', { ticket: { ...ticket, existing: true }, reachable: true })).toBe('Staff will look at it by 10:00 AM tomorrow.');
  });
});
