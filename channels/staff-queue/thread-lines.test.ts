import { describe, expect, it } from 'vitest';
import type { TicketEventView } from '../../core/tickets.js';
import { threadLineFor } from './thread-lines.js';

const format = { escape: (text: string) => text.replaceAll('<', '&lt;'), bold: (text: string) => `*${text}*` };
const row = (over: Partial<TicketEventView>): TicketEventView => ({ id: 'e1', type: 'comment', actor: 'patron', internal: false, createdAt: new Date(0), ...over });

describe('threadLineFor', () => {
  it('copies the patron’s words, escaped', () => {
    expect(threadLineFor(row({ type: 'comment', body: 'still <broken>' }), 'slack', format)).toBe('*Patron:* still &lt;broken>');
  });

  it('does not repeat a reply or note written in this chat, but copies one written elsewhere', () => {
    expect(threadLineFor(row({ type: 'reply', actor: 'maria', body: 'hi', origin: 'slack' }), 'slack', format)).toBeUndefined();
    expect(threadLineFor(row({ type: 'note', actor: 'maria', body: 'psu', origin: 'slack', internal: true }), 'slack', format)).toBeUndefined();
    expect(threadLineFor(row({ type: 'reply', actor: 'dev', body: 'hi', origin: 'discord-staff' }), 'slack', format)).toBe('*dev (in Discord) replied:* hi');
    expect(threadLineFor(row({ type: 'note', actor: 'dev', body: 'psu', origin: 'api', internal: true }), 'slack', format)).toBe('*Internal note by dev (in the staff API):* psu');
  });

  it('states status changes and skips what has no line', () => {
    expect(threadLineFor(row({ type: 'claimed', actor: 'maria' }), 'slack', format)).toBe('Claimed by maria.');
    expect(threadLineFor(row({ type: 'reopened', actor: 'patron' }), 'slack', format)).toBe('Reopened by the patron.');
    expect(threadLineFor(row({ type: 'resolved', actor: 'dev', origin: 'api', body: 'Fixed.' }), 'slack', format)).toBe('Resolved by dev (in the staff API). Told the patron: Fixed.');
    expect(threadLineFor(row({ type: 'opened' }), 'slack', format)).toBeUndefined();
    expect(threadLineFor(row({ type: 'escalated', actor: 'system' }), 'slack', format)).toBeUndefined();
  });
});
