import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryCalendar, type LibraryCalendarHandle } from '../../knowledge/library-calendar.js';
import { correctWeekday, createDayFinder, type DayFinder } from './day-mention.js';

const NOW = new Date('2026-12-01T15:00:00-05:00'); // Tuesday
let calendar: LibraryCalendarHandle;
let days: DayFinder;

beforeAll(async () => {
  calendar = await createLibraryCalendar({ file: fileURLToPath(new URL('../../knowledge/library.yaml', import.meta.url)) });
  days = createDayFinder(calendar);
});
afterAll(() => calendar.close());

describe('day mentions', () => {
  it.each([
    // Spellings chrono knows only in full.
    ['abren el 24 de dic??', '2026-12-24'],
    // Counted days, Spanish dates and mornings, and a date followed by "hours".
    ['pasado mañana abren temprano?', '2026-12-03'],
    ['open a week from friday?', '2026-12-11'],
    // Said the British way; the end of a stay told beside the day asked.
    ['main library hours wednesday week', '2026-12-09'],
    ['a week on sunday, what are your hours', '2026-12-13'],
    ["we're visiting until the sunday, do you open friday morning?", '2026-12-04'],
    ['open on thursday, january 28th? i would come at 6 and stay until close', '2027-01-28'],
    // "that january 28th" names January; a question that writes its date out points back to no day of the story.
    ['is that january 28th? you close early then?', '2027-01-28'],
    ['Someone said you close early near the end of January. Is that Jan 28th, and what time will you close that day?', '2027-01-28'],
    // A Christmas present is no Christmas: the 24th is the day asked.
    ['I have to pick up a Christmas present on hold on the 24th. When do you close that day?', '2026-12-24'],
    ['we want to come the weekend after next. open that sunday?', '2026-12-13'],
    ['main open wednesday in two weeks?', '2026-12-16'],
    ['what time you open in the morning on friday', '2026-12-04'],
    // A time of day before a misspelt weekday or a written date; a misspelt holiday.
    ['when do u open in the afternoon on wendsday', '2026-12-02'],
    ['any chance eastside is open in the afternoon on feb 3rd', '2027-02-03'],
    ['closed on new yeers day right?', '2027-01-01'],
    // Said short: a time of day before "wed", Spanish abbreviations, "finde", "mñn", "a fortnight".
    ['how early do you open in the morning wed', '2026-12-02'],
    ['a q hora cierran el juev', '2026-12-03'],
    ['qué horario el finde', '2026-12-05'],
    ['abren mñn temprano', '2026-12-02'],
    ['is main open a fortnight on saturday', '2026-12-19'],
    // An event a holiday names is no holiday; feast days Latin American patrons plan around.
    ['our christmas cookie swap is sunday the 13th, are you open then', '2026-12-13'],
    ['the thanksgiving food drive ends friday the 11th, can I drop cans at eastside that day', '2026-12-11'],
    ['¿está abierta la biblioteca el día de la purísima?', '2026-12-08'],
    ['abren el dia de la virgen de guadalupe?', '2026-12-12'],
    // "That saturday" points back to the day the story named; a day of the month after a holiday.
    ['my next day off is the 12th. are you open that saturday?', '2026-12-12'],
    ['open after christmas? like the 28th', '2026-12-28'],
    // A dash ends the story; "the day room" is no day.
    ['his report is due thursday - are you open on wednesday evening?', '2026-12-02'],
    ['the shelter day room closes on mondays. is the library open this monday', '2026-12-07'],
    ['¿abren el sábado por la mañana?', '2026-12-05'],
    ['mañana por la mañana abren?', '2026-12-02'],
    ['¿están abiertos el 3 de marzo?', '2027-03-03'],
    ['jan 5 hours both branches?', '2027-01-05'],
    // Counted from a holiday.
    ['open the day after new years day?', '2027-01-02'],
    ['main hours the saturday of memorial day weekend', '2027-05-29'],
    // Spanish spelled as it sounds.
    ['abren el dia de nabidad?', '2026-12-25'],
    // The weekday told after the holiday's weekend, also in a sentence of its own.
    ['any hours labor day weekend? the sunday i mean', '2027-09-05'],
    ['eastside on memorial day weekend. like the saturday', '2027-05-29'],
    ['closed on presidens day?', '2027-02-15'],
    ['the day before presidents day', '2027-02-14'],
    ['the monday right after christmas', '2026-12-28'],
    ['the day before christmas', '2026-12-24'],
    ['first tuesday of the new year', '2027-01-05'],
    ['closed new yrs?', '2027-01-01'],
    ['one more thing before the weekend: is main open this sunday?', '2026-12-06'],
    ['open next tues?', '2026-12-08'],
    ['library open tomorow night?', '2026-12-02'],
    ['open 2moro?', '2026-12-02'],
    ['r u open on sat', '2026-12-05'],
    // "now" said about the hours, not the day asked.
    ['do you still close at 5 on sundays now', '2026-12-06'],
    ['open the thursday after next?', '2026-12-10'],
    ['what about the tuesday after next', '2026-12-15'],
    ['is it true fridays you close early now?', '2026-12-04'],
    // Holidays in Spanish.
    ['¿cierran el día de los presidentes?', '2027-02-15'],
    ['¿abren el 4 de julio?', '2027-07-04'],
    ['¿y el día de los caídos?', '2027-05-31'],
    ['hours thurs', '2026-12-03'],
    // Relative days and numeric dates: messages that must reach the date parser.
    ['a week from today', '2026-12-08'],
    ['in 3 days', '2026-12-04'],
    ['on 12/24', '2026-12-24'],
    ['are you open tmrw', '2026-12-02'],
    ['open the day after tomorrow?', '2026-12-03'],
    // Word for word from "pasado mañana"; Christmas by what it celebrates; short weekdays asked by the words around them.
    ['is eastside open tomorrow of tomorrow', '2026-12-03'],
    ['open on the birthday of jesus?', '2026-12-25'],
    // Irish and Scottish names for the days after Christmas and before New Year.
    ['st. stephen\'s day opening?', '2026-12-26'],
    ['shut early for hogmanay?', '2026-12-31'],
    // "the Monday" of the holiday named before the question.
    ["MLK day coming up - are you open the Monday?", '2027-01-18'],
    ['what are the hrs sun', '2026-12-06'],
    ['can i come fri pm to print', '2026-12-04'],
    ['xmas eve', '2026-12-24'],
    ['the day before christmas', '2026-12-24'],
    ['nochevieja', '2026-12-31'],
    ['4th of july', '2027-07-04'],
    ['the day after christmas', '2026-12-26'],
    ['saterday', '2026-12-05'],
    ['wendsday please', '2026-12-02'],
    ['los domingos', '2026-12-06'],
    ['the 3rd', '2026-12-03'],
    ['the 1st', '2026-12-01'],
    // "right now" in the story, a weekday in the question: the weekday is the day asked about.
    ['my son needs a new comic right now, lol. is eastside open on friday?', '2026-12-04'],
    ['she wants to go rn but we can only make it sunday, are you open then', '2026-12-06'],
    // A weekday of next week; a dated day among weekdays of the story.
    ['could i drop by main next week on wednesday afternoon', '2026-12-09'],
    ['el jueves de la semana que viene abren?', '2026-12-10'],
    ['our club meets every tuesday, but are you closing early on february 2?', '2027-02-02'],
    ['we always come thursdays. do you close early on jan 28?', '2027-01-28'],
    ['are you open the morning of february 12', '2027-02-12'],
    ['main fri?', '2026-12-04'],
    // Days with a name the library does not close for; a weekday counted within a month.
    ['open on halloween next year?', '2027-10-31'],
    ["valentine's day, is main open that evening", '2027-02-14'],
    ['the second tuesday of march, are you open', '2027-03-09'],
    ['el primer sábado de enero abren?', '2027-01-02'],
    ['last friday in december hours', '2026-12-25'],
    ['the 30th', '2026-12-30'],
    ['friday the 11th', '2026-12-11'],
    ['este fin de semana', '2026-12-05'],
    ['jan 2', '2027-01-02'],
    // Today, said without its name; and today's own weekday, asked on that day.
    ['till when r u open 2nite', '2026-12-01'],
    ['is eastside open rn', '2026-12-01'],
    ['can i stop by this evening', '2026-12-01'],
    ['abren esta noche?', '2026-12-01'],
    ['hours on tuesday?', '2026-12-01'],
    ['open next tuesday?', '2026-12-08'],
    ['open boxing day?', '2026-12-26'],
    ['sun hrs at main?', '2026-12-06'],
    ['the friday after thanksgiving next year', '2027-11-26'],
    ['the saturday before christmas', '2026-12-19'],
    // "may" the verb and words that start like a month ("novel", "decide") name no month.
    ['i want to come the 12th, a saturday, so that i may bring my kids', '2026-12-12'],
    ['the novel club meets the 9th, are you open late that night?', '2026-12-09'],
    ['we decided on the 14th, you open at 9?', '2026-12-14'],
    ['in may, the 3rd', '2027-05-03'],
    // The month the story gives to the day of the month the question names.
    ['I plan to come on the evening of January 28th. Could you confirm you are still open late on the 28th?', '2027-01-28'],
    ['I was there on January 3rd. Are you open on the 28th?', '2026-12-28'],
    // The weekday after the coming one, said around "this".
    ['not this friday but the one after, is main open late', '2026-12-11'],
    ['the sunday after this one, open at 1?', '2026-12-13'],
    ['the one after this saturday?', '2026-12-12'],
    ['the monday after this weekend?', '2026-12-07'],
    // A season's greeting beside the day asked about.
    ['merry xmas! open christmas eve?', '2026-12-24'],
    ['happy new year, open jan 2?', '2027-01-02'],
  ])('%s → %s', (text, date) => {
    expect(days.find(text, NOW)?.date).toBe(date);
  });

  it('reads a range and keeps its end', () => {
    expect(days.find('from friday to sunday', NOW)).toMatchObject({ date: '2026-12-04', to: '2026-12-06' });
  });

  it('reads "next week" as that week from its Monday, unless a day of it is named', () => {
    expect(days.find('is main open at all next week', NOW)).toEqual({ date: '2026-12-07', to: '2026-12-13' });
    expect(days.find('horario de la próxima semana', NOW)).toEqual({ date: '2026-12-07', to: '2026-12-13' });
    expect(days.find('open nye?', NOW)?.date).toBe('2026-12-31');
  });

  it('takes the day the question names, not the days of the story around it', () => {
    expect(days.find('I volunteer Wednesday through Friday. Could I come in on Sunday afternoon?', NOW)?.date).toBe('2026-12-06');
    expect(days.find('Are you open on Saturday? I can only come then.', NOW)?.date).toBe('2026-12-05');
  });

  it('takes the day of the visit the story plans when the question names none', () => {
    expect(days.find("Our train gets in Thursday and leaves Saturday. I'd like to visit the local history room on Friday. When do you open?", NOW)?.date).toBe('2026-12-04');
    expect(days.find('Trabajo el lunes y el martes. Quiero pasar el miércoles por la tarde. ¿A qué hora cierran?', NOW)?.date).toBe('2026-12-02');
    // No visit planned: the first day the story names, as before.
    expect(days.find('My books are due Monday, and I work Thursday. What are your hours?', NOW)?.date).toBe('2026-12-07');
  });

  it('reads a day of a month named apart from it, and the week of a day as that day', () => {
    expect(days.find('Is the Eastside Branch closed in March for repairs? the 4th?', NOW)?.date).toBe('2027-03-04');
    expect(days.find('open the week of jan 11?', NOW)?.date).toBe('2027-01-11');
  });

  it('finds no day in "the hours"', () => {
    expect(days.find('What are the hours?', NOW)).toBeUndefined();
    expect(days.find('what r the hrs on saturday', NOW)?.date).toBe('2026-12-05');
    expect(days.find('We would like to come on Sunday. What are the hours?', NOW)?.date).toBe('2026-12-06');
  });

  it('reads a span back from now as when something happened, not the day asked', () => {
    expect(days.find('we came by three days ago and it was shut, will you be open friday?', NOW)?.date).toBe('2026-12-04');
    expect(days.find('llegamos hace un mes, ¿qué horario tienen el lunes?', NOW)?.date).toBe('2026-12-07');
    expect(days.find('my card expired a couple of weeks ago', NOW)).toBeUndefined();
    expect(days.find('are you open in three days', NOW)?.date).toBe('2026-12-04');
  });

  it('reads a weekday counted from a holiday in its short form, and a day to come over a day gone by', () => {
    expect(days.find('any hours on the sat after new years', NOW)?.date).toBe('2027-01-02');
    expect(days.find('is main open the sun before xmas', NOW)?.date).toBe('2026-12-20');
    expect(days.find('you were shut yesterday when i came, will you be open tomorrow?', NOW)?.date).toBe('2026-12-02');
    expect(days.find('were you closed yesterday?', NOW)?.date).toBe('2026-11-30');
    // A week gone by in the story; the date to confirm is the one written out.
    expect(days.find('A clerk told me last week that you shut at 5 on Fridays. Kindly confirm the hours for Friday, 11 December 2026.', NOW)?.date).toBe('2026-12-11');
  });

  it('reads a weekday with its day of the month, and a weekday with a time as the weekday', () => {
    expect(days.find('is eastside open thurs the 17 in the evening', NOW)?.date).toBe('2026-12-17');
    expect(days.find('¿abren el domingo 13?', NOW)?.date).toBe('2026-12-13');
    expect(days.find('can i come in friday 11 or is that too late', NOW)?.date).toBe('2026-12-11');
    // The next Saturday the 9th is six weeks away: nine o'clock on Saturday.
    expect(days.find('are you there saturday 9?', NOW)?.date).toBe('2026-12-05');
    expect(days.find('open saturday 10 to 4?', NOW)?.date).toBe('2026-12-05');
  });

  it('takes the day after a turn to the question over the day told before it', () => {
    expect(days.find('my friend says eastside is shut on mondays, but what about next tuesday?', NOW)?.date).toBe('2026-12-08');
    expect(days.find('el sábado sé que abren, ¿y el domingo 13?', NOW)?.date).toBe('2026-12-13');
    // A turn that names no day leaves the day before it.
    expect(days.find('open on the 22nd, and until what time?', NOW)?.date).toBe('2026-12-22');
  });

  it('counts weeks from a day, and names days the library does not close for', () => {
    expect(days.find('are you open 2 weeks from saturday', NOW)?.date).toBe('2026-12-19');
    expect(days.find('same hours this time next week?', NOW)?.date).toBe('2026-12-08');
    expect(days.find('open on new years eve eve? i mean the last day of the year', NOW)?.date).toBe('2026-12-31');
    expect(days.find('kwanzaa starts soon, is main open that day', NOW)?.date).toBe('2026-12-26');
    expect(days.find('hours the day before xmas eve?', NOW)?.date).toBe('2026-12-23');
    expect(days.find('¿abren el feriado de los presidentes?', NOW)?.date).toBe('2027-02-15');
  });

  it('takes a date the story writes out over a holiday the question names to place it', () => {
    expect(days.find('Necesito el horario del 4 de enero. ¿Abren normal después de Año Nuevo?', NOW)?.date).toBe('2027-01-04');
    expect(days.find('¿abren el día de reyes?', NOW)?.date).toBe('2027-01-06');
  });

  it('takes the date the story gives for the weekday the question asks about', () => {
    expect(days.find('Our group meets Saturday the 19th. Do you open early on Saturdays?', NOW)?.date).toBe('2026-12-19');
    expect(days.find('el jueves 17 tengo examen, ¿a qué hora cierran el viernes?', NOW)?.date).toBe('2026-12-04');
  });

  it('reads "day after tomorrow" with or without its article', () => {
    expect(days.find('is main open day after tmrw', NOW)?.date).toBe('2026-12-03');
  });

  it('takes a date written out over the holiday named beside it', () => {
    expect(days.find('are you open the christmas weekend, sunday dec 27?', NOW)?.date).toBe('2026-12-27');
    expect(days.find('new years weekend, saturday jan 2, open?', NOW)?.date).toBe('2027-01-02');
  });

  it('names the holiday it found', () => {
    expect(days.find('open on new years day', NOW)).toMatchObject({ date: '2027-01-01', holiday: "New Year's Day" });
  });

  it.each(['thx merry xmas', 'feliz navidad a todos', 'happy thanksgiving!!', 'PC on the 2nd floor is broken', 'may I renew this', 'renew it for 3 weeks', 'I sat by the window', 'money for fines', 'a 3rd edition', 'books about the sun', 'kids books about the sun and the moon'])('no day in "%s"', (text) => {
    expect(days.find(text, NOW)).toBeUndefined();
  });

  it('corrects weekday typos only', () => {
    expect(correctWeekday('mondy')).toBe('monday');
    expect(correctWeekday('thrusday')).toBe('thursday');
    expect(correctWeekday('sabados')).toBe('sabado');
    expect(correctWeekday('money')).toBe('money');
    expect(correctWeekday('someday')).toBe('someday');
  });
});
