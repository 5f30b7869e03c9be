import { describe, expect, it } from 'vitest';
import { followUpDay, namesThatDay } from './follow-up-day.js';

describe('followUpDay', () => {
  it.each([
    ['and the day after?', '2026-12-25', '2026-12-26'],
    ['what about the day before', '2026-12-25', '2026-12-24'],
    ['¿y el día siguiente?', '2026-12-31', '2027-01-01'],
    ['what time do you close that day', '2026-12-24', '2026-12-24'],
    // A bare day of the month counts from the day answered, across a month's end.
    ['what about the 2nd?', '2027-01-01', '2027-01-02'],
    ['and the 28th', '2026-12-26', '2026-12-28'],
    ['the 3rd?', '2026-12-26', '2027-01-03'],
    // A weekday counted from the day answered: MLK Day 2027 is a Monday.
    ['and the friday before?', '2027-01-18', '2027-01-15'],
    ['what about the saturday after', '2026-12-25', '2026-12-26'],
    ['¿y el viernes anterior?', '2026-12-24', '2026-12-18'],
    // Short weekdays, "after that"; the same weekday a week on.
    ['ok and the sun after that?', '2026-12-05', '2026-12-06'],
    ['and the week after?', '2026-12-12', '2026-12-19'],
    ['ok and the day before that', '2027-01-01', '2026-12-31'],
    ['¿y la semana siguiente?', '2026-12-08', '2026-12-15'],
    // The relative day, then a question of its own.
    ['and the day before, are you open late?', '2027-01-18', '2027-01-17'],
    ['the day after - do you open at the usual time?', '2026-12-25', '2026-12-26'],
    ['¿y el día anterior? ¿cierran temprano?', '2027-01-01', '2026-12-31'],
    // A bare day of the month with small words around it: the next one from the day answered.
    ['oh okay, how about the 20th then?', '2027-01-18', '2027-01-20'],
    ['bueno, ¿y el 3?', '2027-01-01', '2027-01-03'],
  ])('%s after %s → %s', (text, answered, expected) => {
    expect(followUpDay(text, answered)).toBe(expected);
  });

  it('leaves a day the message names itself alone', () => {
    expect(followUpDay('are you open the day after thanksgiving', '2026-12-25', { namesItsOwnDay: true })).toBeUndefined();
    expect(followUpDay('that day, or is friday better?', '2026-12-24', { namesItsOwnDay: true })).toBeUndefined();
    expect(followUpDay('what do you have about the 2nd world war', '2026-12-24')).toBeUndefined();
    expect(followUpDay('and the day after new years, do you open?', '2027-01-01', { namesItsOwnDay: true })).toBeUndefined();
  });
});

describe('namesThatDay', () => {
  it.each([
    ['is main open that same day?', true],
    ['¿abren ese día?', true],
    ['can we meet the same date next year', true],
    ['and when do you open that morning?', true],
    ['is the study room free that evening', true],
    ['what day is it', false],
    ['are you open on saturday', false],
  ])('%s → %s', (text, expected) => {
    expect(namesThatDay(text)).toBe(expected);
  });
});
