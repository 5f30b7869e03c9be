import { describe, expect, it } from 'vitest';
import { resolveDay } from './dates.js';

const ZONE = 'America/New_York';
// Wednesday 2026-12-16, 15:00 in New York.
const WEDNESDAY = new Date('2026-12-16T20:00:00Z');
// Saturday 2026-12-19, 11:00 in New York.
const SATURDAY = new Date('2026-12-19T16:00:00Z');

const day = (text: string, now = WEDNESDAY, options = {}) => resolveDay(text, now, ZONE, options);

describe('resolveDay', () => {
  it('reads relative words in English and Spanish', () => {
    expect(day('are you open today?')).toBe('2026-12-16');
    expect(day('anything tonight')).toBe('2026-12-16');
    expect(day('what about tomorrow')).toBe('2026-12-17');
    expect(day('the day after tomorrow')).toBe('2026-12-18');
    expect(day('¿abren hoy?')).toBe('2026-12-16');
    expect(day('¿Abren mañana?')).toBe('2026-12-17');
    expect(day('pasado mañana')).toBe('2026-12-18');
    expect(day('¿estaban abiertos esta mañana?')).toBe('2026-12-16');
    expect(day('mañana por la mañana')).toBe('2026-12-17');
  });

  it('uses the library time zone, not UTC, for "today"', () => {
    // 02:00Z Thursday is 21:00 Wednesday in New York.
    expect(resolveDay('today', new Date('2026-12-17T02:00:00Z'), ZONE)).toBe('2026-12-16');
    expect(resolveDay('today', new Date('2026-12-17T02:00:00Z'), 'UTC')).toBe('2026-12-17');
  });

  it('reads weekday names, today included', () => {
    expect(day('open Saturday?')).toBe('2026-12-19');
    expect(day('this sat')).toBe('2026-12-19');
    expect(day('wednesday')).toBe('2026-12-16');
    expect(day('monday')).toBe('2026-12-21');
    expect(day('¿abren el sábado?')).toBe('2026-12-19');
    expect(day('el domingo')).toBe('2026-12-20');
    expect(day('miercoles')).toBe('2026-12-16');
  });

  it('reads "next <weekday>" as that day of next week', () => {
    expect(day('next monday')).toBe('2026-12-21');
    expect(day('next friday')).toBe('2026-12-25');
    expect(day('next wednesday')).toBe('2026-12-23');
    expect(day('next monday', SATURDAY)).toBe('2026-12-21');
    expect(day('el próximo lunes')).toBe('2026-12-21');
    expect(day('el viernes que viene')).toBe('2026-12-25');
  });

  it('reads month names and numeric dates, choosing the next time the date comes round', () => {
    expect(day('Dec 24')).toBe('2026-12-24');
    expect(day('december 24th')).toBe('2026-12-24');
    expect(day('are you open on the 31st of December')).toBe('2026-12-31');
    expect(day('24 de diciembre')).toBe('2026-12-24');
    expect(day('12/24')).toBe('2026-12-24');
    expect(day('Jan 2')).toBe('2027-01-02');
    expect(day('1/2')).toBe('2027-01-02');
    expect(day('Dec 1')).toBe('2027-12-01');
    expect(day('12/24/2027')).toBe('2027-12-24');
    expect(day('2027-03-05')).toBe('2027-03-05');
    expect(day('1 de enero de 2027')).toBe('2027-01-01');
  });

  it('reads day/month when the first number cannot be a month or when asked to', () => {
    expect(day('24/12')).toBe('2026-12-24');
    expect(day('2/1', WEDNESDAY, { dayFirst: true })).toBe('2027-01-02');
  });

  it('returns undefined when no day is named or the date does not exist', () => {
    expect(day('how much does printing cost')).toBeUndefined();
    expect(day('may i renew my books')).toBeUndefined();
    expect(day('feb 30')).toBeUndefined();
    expect(day('')).toBeUndefined();
  });

  it('reads "this weekend" as the coming Saturday, or today when it is the weekend', () => {
    expect(day('open this weekend?')).toBe('2026-12-19');
    expect(day('open this weekend?', SATURDAY)).toBe('2026-12-19');
  });
});

describe('resolveDay on messages that may name no day', () => {
  it('still reads every kind of day word, abbreviations and Spanish included', () => {
    // Each of these must get past the quick "could this name a day?" check.
    expect(day('open thurs?')).toBe('2026-12-17');
    expect(day('tues hours')).toBe('2026-12-22');
    expect(day('sept 3')).toBe('2027-09-03');
    expect(day('open tmrw?')).toBe('2026-12-17');
    expect(day('¿abren este fin de semana?')).toBe('2026-12-19');
    expect(day('are you open right now')).toBe('2026-12-16');
    expect(day('¿están abiertos ahora?')).toBe('2026-12-16');
    expect(day('was it open yesterday')).toBe('2026-12-15');
    expect(day('ayer')).toBe('2026-12-15');
    expect(day('this evening')).toBe('2026-12-16');
    expect(day('esta tarde')).toBe('2026-12-16');
    expect(day('the 24th of dec')).toBe('2026-12-24');
  });

  it('answers the same for repeated calls, so no pattern keeps state between messages', () => {
    for (let round = 0; round < 3; round++) {
      expect(day('mañana por la mañana')).toBe('2026-12-17');
      expect(day('12/24 or 12/31')).toBe('2026-12-24');
      expect(day('how much does printing cost')).toBeUndefined();
    }
  });
});
