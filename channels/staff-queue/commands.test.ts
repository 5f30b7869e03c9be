import { describe, expect, it } from 'vitest';
import { parseStaffCommand } from './commands.js';

describe('parseStaffCommand', () => {
  it('reads the staff commands with ticket numbers in any common form', () => {
    expect(parseStaffCommand('')).toEqual({ action: 'list' });
    expect(parseStaffCommand('list')).toEqual({ action: 'list' });
    expect(parseStaffCommand('STATS')).toEqual({ action: 'stats' });
    expect(parseStaffCommand('claim T-12')).toEqual({ action: 'claim', ticketId: 12 });
    expect(parseStaffCommand('claim t12')).toEqual({ action: 'claim', ticketId: 12 });
    expect(parseStaffCommand('resolve 12')).toEqual({ action: 'resolve', ticketId: 12 });
    expect(parseStaffCommand('resolve T-12 We replaced the toner.')).toEqual({ action: 'resolve', ticketId: 12, body: 'We replaced the toner.' });
    expect(parseStaffCommand('reply T-3 Try PC-09')).toEqual({ action: 'reply', ticketId: 3, body: 'Try PC-09' });
    expect(parseStaffCommand('note T-3 flaky PSU')).toEqual({ action: 'note', ticketId: 3, body: 'flaky PSU' });
  });

  it('explains what is wrong instead of guessing', () => {
    expect(parseStaffCommand('claim')).toMatchObject({ action: 'help', problem: expect.stringContaining('needs a ticket number') });
    expect(parseStaffCommand('claim PC-07')).toMatchObject({ action: 'help' });
    expect(parseStaffCommand('reply T-3')).toMatchObject({ action: 'help', problem: expect.stringContaining('needs text') });
    expect(parseStaffCommand('delete T-3')).toMatchObject({ action: 'help', problem: 'unknown command "delete"' });
  });
});
