import { describe, expect, it } from 'vitest';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { answerMonth, exceptionsBetween, monthAsked } from './hours-month.js';

describe('a month asked about', () => {
  it.each([
    ['are you closed any days in february?', '2026-12-01', { from: '2027-02-01', to: '2027-02-28', month: 2 }],
    ['hours during december', '2026-12-01', { from: '2026-12-01', to: '2026-12-31', month: 12 }],
    ['¿cierran en enero?', '2026-12-01', { from: '2027-01-01', to: '2027-01-31', month: 1 }],
    ['may i come in on saturday', '2026-12-01', undefined],
    ['what time do you open', '2026-12-01', undefined],
  ])('"%s" on %s', (text, today, expected) => {
    expect(monthAsked(text, today)).toEqual(expected);
  });

  it('lists the days that differ from the usual hours, alike days joined, and says so when none do', () => {
    const calendar = createFakeCalendar();
    const main = calendar.branches().find((branch) => branch.id === 'main')!;
    expect(exceptionsBetween(calendar, 'main', '2026-12-01', '2026-12-31').map(({ from, to }) => [from.date, to.date])).toEqual([
      ['2026-12-24', '2026-12-24'],
      ['2026-12-25', '2026-12-25'],
    ]);
    const december = answerMonth(calendar, main, { from: '2026-12-01', to: '2026-12-31' }, 'en');
    expect(december.firstDay).toBe('2026-12-24');
    expect(december.text).toContain('Thursday, December 24: open 9:00 AM–1:00 PM (Christmas Eve, closes early)');
    expect(december.text).toContain('Friday, December 25: closed (Christmas Day)');
    expect(answerMonth(calendar, main, { from: '2027-03-01', to: '2027-03-31' }, 'en')).toEqual({ text: 'Main Library keeps its usual hours in March 2027.' });
  });
});
