import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { LibraryCalendarWithHelpers } from '../../core/calendar.js';
import { questionPart, sentencesOf } from '../text/question-part.js';
import { foldText, foldToWords } from '../text/normalize.js';

/**
 * The day a message asks about, read by chrono-node (English and Spanish) with the library's own
 * refinements chrono does not know: the holidays named in library.yaml ("christmas eve", "nochebuena"),
 * weekday typos ("mondy", "saterday"), a bare day of the month ("the 26th" is the next 26th, and "saturday
 * the 26th" the next 26th that is a Saturday), "this weekend", and Spanish plurals ("los sábados").
 */
export interface DayMention {
  /** Local date, YYYY-MM-DD, in the library's time zone. */
  date: string;
  /** The last day of a range ("dec 24-26", "friday to sunday"). */
  to?: string;
  /** The holiday the date was named by ("Christmas Eve"), when it was. */
  holiday?: string;
}

const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAYS_ES = ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo'];

/** Holiday words patrons use that the yaml notes do not spell the same way; value: a note's folded name. */
const HOLIDAY_ALIASES: Array<[RegExp, string]> = [
  [/\b(?:christmas|xmas|x-mas|navidad)\s+eve\b|\bnochebuena\b|\bday before (?:christmas|xmas)\b(?!\s+eve)|\bvispera de navidad\b/, 'christmas eve'],
  [/\b(?:new\s*years?|new\s*yrs?|new\s*yea?rs?|new\s*year s)\s+eve\b|\bnye\b|\bnochevieja\b|\bfin de ano\b|\bhogmanay\b/, 'new years eve'],
  [/\bday after thanksgiving\b|\bblack friday\b/, 'day after thanksgiving'],
  [/\bday before thanksgiving\b/, 'day before thanksgiving'],
  [/\bthanksgiving\b|\baccion de gracias\b/, 'thanksgiving'],
  [/\b(?:christmas|xmas|x-mas|navidad|nabidad)(?:\s+day)?\b|\bdia de (?:navidad|nabidad)\b|\bbirth(?:day)? of (?:jesus|christ)\b/, 'christmas day'],
  [/\bnew\s*(?:years?|yrs?|yea?rs?|yeers?)(?:\s+day)?\b|\bnyd\b|\bnew (?:year|yer|yr) s(?:\s+day)?\b|\bano nuevo\b/, 'new years day'],
  [/\bmlk\b|\bmartin luther king\b/, 'martin luther king jr day'],
  [/\bpresiden(?:t|ts|s|t s)?\s*day\b|\b(?:dia|festivo|feriado|lunes festivo|lunes) de (?:los )?presidentes\b/, 'presidents day'],
  [/\bmemorial day\b|\bdia de (?:los caidos|conmemoracion)\b/, 'memorial day'],
  [/\bjuneteenth\b/, 'juneteenth'],
  [/\b(?:independence day|(?:the\s+)?(?:4th|fourth) of july|july (?:4th|4|fourth)|dia de la independencia|(?:4|cuatro) de julio)\b/, 'independence day'],
  [/\blabor day\b|\bdia del trabajo\b/, 'labor day'],
];
/** "the sunday of memorial day weekend", "labor day weekend, the saturday": that weekday of the long weekend around the holiday. */
const WEEKDAY_OF_HOLIDAY_WEEKEND = /\b(friday|saturday|sunday|monday)s? (?:of|on|during|over) (?:the )?(?:\w+ ){1,4}weekend\b|\bweekend\b\W*(?:\w+\W+){0,3}?the (friday|saturday|sunday|monday)\b/;
const RELATIVE_TO_HOLIDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s? (?:(?:right|just|directly|immediately) )?(after|before)\b/;
/** "the day after new year's", "the day before MLK day": a day counted from a holiday no closure names that way. */
const DAY_AROUND_HOLIDAY = /\b(?:the )?day (after|before)\b|\bel dia (?:despues|antes) de\b|\bel dia siguiente a\b/;
const HOLIDAY_HINT = /caidos|birth of|birthday of|hogmanay|stephen|conmemoracion|independencia|julio|boxing|nye|nyd|christmas|xmas|navidad|nabidad|nochebuena|nochevieja|new ?years?|new ?yrs?|new ?yea?rs?|new ?yeers?|ano nuevo|fin de ano|thanksgiving|gracias|black friday|mlk|luther|presiden|memorial|juneteenth|independence|july|labor|trabajo/;

/** Damerau-Levenshtein distance, bounded: stops early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Words near a weekday that are other words: "money" is not "monday", "someday" is no day. */
const NOT_WEEKDAYS = new Set(['money', 'monkey', 'someday', 'sundae', 'sunday', 'friday', 'today', 'todays', 'thursday', 'tuesday', 'mundane', 'sunny', 'frida', 'satur']);

/** "mondy" → "monday", "saterday" → "saturday", "sabados" → "sabado"; other words unchanged. */
export function correctWeekday(token: string): string {
  if (token.length < 5 || /\d/.test(token)) return token;
  const plural = token.endsWith('s') ? token.slice(0, -1) : token;
  if (WEEKDAYS_ES.includes(plural) || WEEKDAYS_EN.includes(plural)) return plural;
  if (NOT_WEEKDAYS.has(token)) return token;
  for (const day of [...WEEKDAYS_EN, ...WEEKDAYS_ES]) {
    const max = day.length >= 7 && token.length >= 7 ? 2 : 1;
    if (token[0] === day[0] && distance(token, day, max) <= max) return day;
  }
  return token;
}

/** How patrons spell relative days that chrono knows only in full. */
const RELATIVE_DAY_SPELLINGS: Record<string, string> = {
  tomorow: 'tomorrow', tommorow: 'tomorrow', tommorrow: 'tomorrow', tomoro: 'tomorrow', tomorrw: 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow', tmw: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow', '2mrw': 'tomorrow',
  tomoz: 'tomorrow', tmrow: 'tomorrow', tmrrw: 'tomorrow', tomrw: 'tomorrow',
  // "mñn", folded: the Spanish text-speak for mañana.
  mnn: 'tomorrow',
  tonite: 'tonight', '2nite': 'tonight', '2night': 'tonight', '2day': 'today', tday: 'today',
};
/** Weekday abbreviations that are no other word. */
const WEEKDAY_ABBREVIATIONS: Record<string, string> = { tues: 'tuesday', tue: 'tuesday', weds: 'wednesday', thurs: 'thursday', thur: 'thursday', thu: 'thursday' };
/** Ones that are other words too ("the sun", "i sat"), read as days only after a word that asks for one. */
const AMBIGUOUS_WEEKDAYS: Record<string, string> = { mon: 'monday', wed: 'wednesday', fri: 'friday', sat: 'saturday', sun: 'sunday' };
const SPANISH_MONTHS: Record<string, string> = {
  ene: 'enero', feb: 'febrero', mar: 'marzo', abr: 'abril', may: 'mayo', jun: 'junio', jul: 'julio', ago: 'agosto', sep: 'septiembre', sept: 'septiembre', oct: 'octubre', nov: 'noviembre', dic: 'diciembre',
};

/** Any of a table's words, whole ("2moro" starts with a digit, so word edges are spelled out, not `\b`). */
const anyOf = (table: Record<string, string>): string => `(?<![a-z0-9])(${Object.keys(table).sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9])`;
const RELATIVE_DAY = new RegExp(anyOf(RELATIVE_DAY_SPELLINGS), 'g');
const WEEKDAY_ABBREVIATION = new RegExp(anyOf(WEEKDAY_ABBREVIATIONS), 'g');
const NEXT_WEEK = /\b(?:next|following)\s+(?:week|wk)\b|\b(?:la\s+)?(?:semana\s+que\s+viene|proxima\s+semana|semana\s+proxima)\b/;
const ANY_WEEKDAY = new RegExp(`\\b(?:${[...WEEKDAYS_EN, ...WEEKDAYS_ES].join('|')})s?\\b|\\b\\d`);
const WEEKDAY_NAME = new RegExp(`\\b(?:${[...WEEKDAYS_EN, ...WEEKDAYS_ES].join('|')})s?\\b`);
/** "sat hrs", "sun hours", "sat am": a short weekday asked about by the word after it. */
const AMBIGUOUS_WEEKDAY_BEFORE_HOURS = new RegExp(`${anyOf(AMBIGUOUS_WEEKDAYS)}(?=\\s+(?:hrs|hours|hr|horario|am|pm|morning|mornin|afternoon|evening|night)\\b)`, 'g');
const ASKED_AMBIGUOUS_WEEKDAY = new RegExp(`\\b(on|next|this|last|every|open|closed|until|till|til|by|before|after|morning|afternoon|evening|night|hours|hrs|horario)\\s+${anyOf(AMBIGUOUS_WEEKDAYS)}`, 'g');
/** Spanish weekdays cut short ("el vier", "este sab"), read as days after a word that asks for one. */
const SPANISH_WEEKDAY_ABBREVIATIONS: Record<string, string> = { lun: 'lunes', mie: 'miercoles', mier: 'miercoles', mierc: 'miercoles', jue: 'jueves', juev: 'jueves', vie: 'viernes', vier: 'viernes', sab: 'sabado', dom: 'domingo' };
const ASKED_SPANISH_WEEKDAY = new RegExp(`\\b(el|los|este|prox|proximo|hasta|abren|abre|cierran|cierra)\\s+${anyOf(SPANISH_WEEKDAY_ABBREVIATIONS)}`, 'g');
const SPANISH_DAY_OF_MONTH = new RegExp(`\\b(\\d{1,2})\\s+de\\s+${anyOf(SPANISH_MONTHS)}`, 'g');

/** "tomorow" → "tomorrow", "next tues" → "next tuesday", "24 de dic" → "24 de diciembre". */
export function spellOutDayWords(words: string): string {
  return words
    .replace(RELATIVE_DAY, (word) => RELATIVE_DAY_SPELLINGS[word]!)
    .replace(WEEKDAY_ABBREVIATION, (word) => WEEKDAY_ABBREVIATIONS[word]!)
    .replace(ASKED_AMBIGUOUS_WEEKDAY, (_all, before: string, day: string) => `${before} ${AMBIGUOUS_WEEKDAYS[day]!}`)
    .replace(AMBIGUOUS_WEEKDAY_BEFORE_HOURS, (day) => AMBIGUOUS_WEEKDAYS[day]!)
    .replace(ASKED_SPANISH_WEEKDAY, (_all, before: string, day: string) => `${before} ${SPANISH_WEEKDAY_ABBREVIATIONS[day]!}`)
    .replace(SPANISH_DAY_OF_MONTH, (_all, day: string, month: string) => `${day} de ${SPANISH_MONTHS[month]!}`);
}

/** Well-known days that fall on the same date every year and that no closure names. */
const NAMED_DAYS: Array<[RegExp, number, number]> = [
  [/\bvalentine s(?: day)?\b|\bsan valentin\b|\bdia de los enamorados\b/, 2, 14],
  [/\b(?:st\.?|saint) patrick s(?: day)?\b|\bsan patricio\b/, 3, 17],
  [/\bhalloween\b/, 10, 31],
  [/\blast day of the year\b|\bultimo dia del ano\b/, 12, 31],
  [/\bdia de (?:los )?(?:santos )?reyes\b|\bthree kings(?: day)?\b|\bepiphany\b/, 1, 6],
  [/\bwinter solstice\b|\bsolsticio de invierno\b/, 12, 21],
  [/\b(?:first day of )?kwanzaa\b/, 12, 26],
  // Feast days Latin American patrons plan around: La Purísima (Nicaragua), the Virgin of Guadalupe (Mexico).
  [/\b(?:dia de )?la purisima\b|\binmaculada concepcion\b|\bimmaculate conception\b/, 12, 8],
  [/\b(?:dia de )?(?:la )?virgen de guadalupe\b|\bdia de (?:la )?guadalupe\b/, 12, 12],
  [/\bgroundhog day\b/, 2, 2],
  [/\bapril fools(?: day)?\b/, 4, 1],
  [/\bearth day\b/, 4, 22],
  [/\bcinco de mayo\b/, 5, 5],
  [/\bflag day\b/, 6, 14],
  [/\bveterans day\b/, 11, 11],
];
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: -1,
  primer: 1, primero: 1, segundo: 2, tercer: 3, tercero: 3, cuarto: 4, ultimo: -1,
};
const NTH_WEEKDAY_OF_MONTH = new RegExp(
  `\\b(${Object.keys(ORDINAL_WORDS).join('|')}) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo) (?:in|of|de|del mes de) ([a-z]+)\\b`,
);
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SPANISH_MONTH_NAMES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/**
 * A month named ("feb", "february", "febrero"; "marzo" reads as "mar"): the whole word, so "novel",
 * "decide" and "market" name none, and "may" not as a verb ("so that I may plan", "may I"); "is that january 28th" names January.
 */
const MONTH_WORD = new RegExp(
  `\\b((?<!\\b(?:i|you|we|they|he|she|it|that|which|who|u|or|might) )may|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|${SPANISH_MONTH_NAMES.join('|')})(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\\b(?! (?:i|we|you|be|have|need|want|ask|come)\\b)`,
);
/** "dec 29 hours", "jan 2 hrs": a date followed by the word hours. */
const MONTH_DAY_HOURS = new RegExp(`\\b((?:${MONTH_PREFIXES.join('|')})[a-z]*\\s+\\d{1,2})(?:st|nd|rd|th)?\\s+(?:hours?|hrs?)\\b`, 'g');
/** "el 10 de febrero": a Spanish date, read by chrono's Spanish parser. */
const SPANISH_DAY_OF_MONTH_ONCE = new RegExp(`\\b\\d{1,2}\\s+de\\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\\b`);
/** A question about a weekday in general, with no date ("when do you open on sundays?", "¿abren los domingos?"). */
const WEEKDAYS_ASKED = new RegExp(`\\b(?:${WEEKDAYS_EN.map((day) => `${day}s`).join('|')}|los (?:${WEEKDAYS_ES.join('|')})s?)\\b(?![\\s\\S]*\\d)`);

/** A comma and a turn to what is asked: "…, but what about", "…, y el". The last one counts. */
const TURN_TO_THE_QUESTION = /,\s*[¿¡]?\s*(?:and |but |so |y |pero |entonces )?(?:what about|how about|and|but|y|pero|que tal|qué tal)\b/gi;

/** A month with its day beside it ("feb 9", "9 de febrero"): a date chrono reads whole. */
const MONTH_WITH_DAY = new RegExp(`\\b(?:${MONTH_PREFIXES.join('|')})[a-z]*\\s+\\d|\\d{1,2}\\s+de\\s+[a-z]+`);

/**
 * The first date on or after `from` that is day `dayOfMonth` of its month and that `accept` takes, looking
 * a year ahead: "the 26th", and "the 2nd" after New Year's Day (follow-up-day.ts).
 */
export function nextDayOfMonth(from: DateTime, dayOfMonth: number, accept: (date: DateTime) => boolean = () => true): DateTime | undefined {
  if (dayOfMonth < 1 || dayOfMonth > 31) return undefined;
  let month = from.startOf('month');
  for (let i = 0; i < 13; i++, month = month.plus({ months: 1 })) {
    if (dayOfMonth > month.daysInMonth!) continue;
    const candidate = month.set({ day: dayOfMonth });
    if (candidate >= from && accept(candidate)) return candidate;
  }
  return undefined;
}

/** 1–12 for a month word as matched ("feb", "february", "febrero"). */
function monthNumber(word: string): number | undefined {
  const spanish = SPANISH_MONTH_NAMES.indexOf(word);
  if (spanish >= 0) return spanish + 1;
  const english = MONTH_PREFIXES.indexOf(word.slice(0, 3));
  return english >= 0 ? english + 1 : undefined;
}

/** "january 28th", "28 jan", "the 3rd": a day of a month written out. */
const DATE_WRITTEN = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\bthe \d{1,2}(?:st|nd|rd|th)\b/;
/** "the 26th", "on the 3rd" — but not "2nd floor" or "3rd edition". */
const ORDINAL_DAY = /\b(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:floor|fl|edition|ed|grade|time|place|street|st|ave|avenue|century|year|row|shelf|aisle))/;
/**
 * Words without which chrono finds no day in a message: digits, weekdays, months, relative days and the
 * units of "in 2 weeks" (English and Spanish, after weekday typos are corrected). Most messages have none,
 * and chrono's parsers are the router's most expensive step, so those messages skip it. A superset on
 * purpose: a word here that names no day only costs a parse.
 */
const MAY_NAME_A_DAY = new RegExp(
  [
    '\\d',
    '\\b(?:' +
      [
        'mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun',
        '(?:mon|tues|wednes|thurs|fri|satur|sun)day',
        'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec',
        'january|february|march|april|june|july|august|september|october|november|december',
        'today|tonight|tonite|rn|tomorrow|tmr|tmrw|yesterday|now|noon|midnight|morning|afternoon|evening|night|weekend|fortnight',
        '(?:sec|second|min|minute|hour|hr|day|week|wk|month|mo|year|yr)s?',
        'lunes|martes|miercoles|jueves|viernes|sabado|domingo',
        'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
        'hoy|manana|ayer|anoche|noche|tarde|ahorita|ahora|mediodia|medianoche|madrugada|semanas?|mes|meses|anos?|dias?|horas?|minutos?',
      ].join('|') +
      ')\\b',
  ].join('|'),
);

/** An English weekday in full, and the words that change which one is meant. */
const LONE_WEEKDAY = new RegExp(`\\b(${WEEKDAYS_EN.join('|')})\\b`);
const WEEKDAY_AFTER_NEXT = new RegExp(`\\b(${WEEKDAYS_EN.join('|')}) after next\\b`);
const WEEKDAY_IN_WEEKS = new RegExp(`\\b(${WEEKDAYS_EN.join('|')}) in (a|one|1|two|2|three|3) weeks?\\b|\\bin (a|one|1|two|2|three|3) weeks? (?:on |,\\s*)?(${WEEKDAYS_EN.join('|')})\\b`);
/** "here until sunday", "in town till the 9th": the end of a stay, told beside the day asked about. */
const STAYING_UNTIL = /\b(?:in town|here|visiting|visitor|staying|stay|in (?:the|your) (?:city|area)|around|aqui|de visita)\b[^.?!]{0,30}?\b(?:until|till|til|thru|through|hasta)\s+(?:the\s+|this\s+|next\s+|el\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|\d{1,2}(?:st|nd|rd|th)?)\b(?:\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?)?/giu;
/** "merry xmas", "happy new year", "feliz navidad": said to someone, not asked about. */
const SEASONS_GREETING = /\b(?:merry|happy) (?:xmas|x mas|christmas|new year s?|new years|holidays|thanksgiving|hanukkah|kwanzaa)\b(?! (?:eve|day|weekend|week|hours))|\bfeliz (?:navidad|ano nuevo|dia de accion de gracias)\b|\bprospero ano nuevo\b/g;
/** "the Christmas Bird Count is Saturday the 19th", "our Christmas party", "a Christmas present": an event or a thing a holiday names, not the holiday. */
const HOLIDAY_IN_A_NAME = /\b(?:christmas|xmas|x mas|navidad|thanksgiving|new year s?|new years) (?:bird count|party|parties|concert|market|bazaar|fair|craft fair|parade|pageant|play|cards?|card making|cookies?|cookie swap|food drive|toy drive|coat drive|tree lighting|lights? (?:show|tour)|sing ?along|carol(?:ing|s)?|resolutions?|movie night|story ?time|presents?|gifts?|shopping|trees?|decorations?|lights|sweaters?|lists?|music|songs?|movies?|stockings?)\b/g;
const WEEKDAY_AFTER_THIS_ONE = new RegExp(`\\b(${WEEKDAYS_EN.join('|')}) after this(?: one)?\\b(?!\\s*(?:week|weekend|month|year))|\\bthis (${WEEKDAYS_EN.join('|')}),? but (?:the )?(?:one|next one) after\\b|\\bthe one after this (${WEEKDAYS_EN.join('|')})\\b`);
const WEEKDAY_QUALIFIER = /\b(?:next|this|last|past|previous|following|every|each|coming|after|before|since|until|till|til|from|by|to|through|thru|between)\b|-/;
/** Today by its name, which alone needs no parser. */
const TODAY_WORD = /\b(?:today|hoy)\b/g;
/** A visit the patron plans: "I'd like to use a computer…", "we're hoping to come in…", "quiero pasar…". */
const PLANNED_VISIT = /\b(?:i d like to|id like to|i would like to|we d like to|we would like to|i want to|we want to|i wanna|planning to|plan to|hoping to|hope to|i need to|we need to|i ll|we ll|i will|we will)\s+(?:\w+\s+)?(?:come|stop|drop|use|visit|print|pick|return|bring|go|head|be there|swing)\b|\b(?:quiero|quisiera|queremos|me gustaria|pienso|voy a|vamos a|necesito|tengo que)\s+(?:ir|venir|pasar|usar|imprimir|recoger|devolver|llevar)\b/;
/** Today said without its name: "tonight", "right now", "rn", "esta noche", "ahorita". */
export const TODAY_UNNAMED = /\b(?:tonight|tonite|right now|rn|this (?:evening|afternoon|morning)|esta noche|esta tarde|ahorita|ahora mismo)\b/;

/**
 * "wed the 16", "sábado 12", "friday 18": a weekday with its day of the month, not a time ("saturday 9am",
 * "friday 10 to 5", "sunday at 2"). Read only when that weekday falls on that day within a month: "saturday 9"
 * with the next Saturday the 9th six weeks away is nine o'clock.
 */
const WEEKDAY_DAY_NUMBER = new RegExp(
  `\\b(?:${[...WEEKDAYS_EN, ...WEEKDAYS_ES, 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'].join('|')})\\s+(?:the\\s+)?(\\d{1,2})\\b(?!\\s*(?:am|pm|a\\s?m|p\\s?m|:|\\.\\d|-|o\\s*clock|hours?|hrs?|horas?|y\\s+media|ish|(?:to|till|til|until|hasta|a)\\s+(?:las\\s+)?\\d))`,
);
const WEEKDAY_DAY_NUMBER_WITHIN_DAYS = 31;
/** "el 26" (a month named as well is chrono's business). */
const SPANISH_DAY_NUMBER = /\bel\s+(\d{1,2})\b(?!\s*(?:de|libros?|pisos?|:))/;

interface HolidayTable {
  day: string;
  byName: Map<string, { date: string; note: string }>;
}

export interface DayFinder {
  find(text: string, now: Date): DayMention | undefined;
}

/** A day a message points back to: "that day", "the same date", "that morning", "ese día". */
export const THAT_DAY = /\b(?:that|the same|that same|this same) (?:day|date|morning|afternoon|evening|night)\b|\b(?:ese|el mismo|ese mismo|aquel) dia\b|\b(?:esa|la misma|esa misma) fecha\b/;
/** The same, or a weekday or weekend pointed back to: "that saturday", "that weekend". */
/** "Memorial Day - are you open the Monday?": the weekday of a holiday named before the question. */
const THE_WEEKDAY = new RegExp(`\\bthe (?:${WEEKDAYS_EN.join('|')})\\b`);
const THAT_DAY_OR_WEEKDAY = new RegExp(`${THAT_DAY.source}|\\bthat (?:weekend|${WEEKDAYS_EN.join('|')})\\b`);

/** A day or week gone by: "yesterday", "last night", "last week", "ayer": told in a story, not asked about. */
const PAST_DAY = /\b(?:yesterday|yday|last night|last week|earlier this week|ayer|anoche|la semana pasada)\b/i;
const PAST_DAYS = new RegExp(PAST_DAY.source, 'gi');
/** Every short weekday, the unmistakable ones and those that are also words ("sat", "sun"). */
const SHORT_WEEKDAYS: Record<string, string> = { ...WEEKDAY_ABBREVIATIONS, ...AMBIGUOUS_WEEKDAYS };
const WEEKDAY_BEFORE_AFTER = new RegExp(`${anyOf(SHORT_WEEKDAYS)}(?=\\s+(?:right\\s+|just\\s+)?(?:after|before)\\b)`, 'g');

/** "two weeks ago", "3 days ago", "hace dos semanas", "hace un mes": a span back from now. */
const PAST_SPAN = /\b(?:a|an|one|two|three|four|five|six|a few|a couple(?: of)?|couple(?: of)?|several|\d{1,2})\s+(?:days?|weeks?|wks?|months?|years?|yrs?)\s+ago\b|\bhace\s+(?:un|una|unos|unas|dos|tres|cuatro|cinco|seis|varios|varias|pocos|pocas|\d{1,2})\s+(?:dias?|semanas?|mes|meses|anos?)\b/g;

/** How far ahead a named holiday is looked for: a whole year, so "thanksgiving" in December finds next year's. */
const HOLIDAY_LOOKAHEAD_DAYS = 370;

export function createDayFinder(calendar: LibraryCalendarWithHelpers): DayFinder {
  let holidays: HolidayTable | undefined;

  /** Named closures from library.yaml ("Christmas Eve (closes early)" → "christmas eve"), first upcoming date each; built once a day. */
  function holidayTable(now: Date): HolidayTable {
    const today = calendar.localDate(now);
    if (holidays?.day === today) return holidays;
    const byName = new Map<string, { date: string; note: string }>();
    const branch = calendar.branches()[0];
    let date = DateTime.fromISO(today, { zone: calendar.timeZone });
    for (let i = 0; branch && i < HOLIDAY_LOOKAHEAD_DAYS; i++, date = date.plus({ days: 1 })) {
      const iso = date.toISODate()!;
      const note = calendar.hoursOn(branch.id, iso).note;
      if (!note) continue;
      // "Juneteenth (observed)" keeps its "observed": "juneteenth" is the day itself, not the Friday before.
      const name = foldText(note.replace(/\((?!observed\)).*?\)/g, ''))
        .replace(/[’'.]/g, '')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
      if (name && !byName.has(name)) byName.set(name, { date: iso, note: note.replace(/\s*\(.*?\)\s*/g, ' ').trim() });
    }
    holidays = { day: today, byName };
    return holidays;
  }

  function holidayIn(folded: string, now: Date): DayMention | undefined {
    if (!HOLIDAY_HINT.test(folded)) return undefined;
    const table = holidayTable(now);
    // "the day after christmas", "boxing day", Ireland's "St Stephen's Day": no closure names it, so count
    // from Christmas Day ("the day after christmas eve" is counted from the Eve, below).
    const after = /\bday after (?:christmas|xmas)\b(?!\s+eve)|\bboxing day\b|\b(?:st|saint)\.? stephen ?s day\b/.test(folded) ? table.byName.get('christmas day') : undefined;
    if (after) return { date: DateTime.fromISO(after.date, { zone: calendar.timeZone }).plus({ days: 1 }).toISODate()! };
    for (const [pattern, name] of HOLIDAY_ALIASES) {
      if (!pattern.test(folded)) continue;
      const found = table.byName.get(name) ?? [...table.byName.entries()].find(([key]) => key.startsWith(name))?.[1];
      if (!found) continue;
      // "the day after new year's": no closure is named so, so count from the holiday (Christmas and
      // Thanksgiving have their own aliases above, matched first).
      const around = DAY_AROUND_HOLIDAY.exec(folded);
      const aliasSaysIt = /\bday (?:after|before)\b/.test(pattern.exec(folded)![0]);
      if (around && !aliasSaysIt) return { date: DateTime.fromISO(found.date, { zone: calendar.timeZone }).plus({ days: /before|antes/.test(around[0]) ? -1 : 1 }).toISODate()! };
      const ofWeekend = WEEKDAY_OF_HOLIDAY_WEEKEND.exec(folded);
      if (ofWeekend) {
        const holidayDate = DateTime.fromISO(found.date, { zone: calendar.timeZone });
        const wanted = WEEKDAYS_EN.indexOf((ofWeekend[1] ?? ofWeekend[2])!) + 1;
        // The nearest such weekday, three days either side at most (a Monday holiday's Sunday is the day before).
        const offset = [0, -1, 1, -2, 2, -3, 3].find((days) => holidayDate.plus({ days }).weekday === wanted);
        if (offset !== undefined) return { date: holidayDate.plus({ days: offset }).toISODate()! };
      }
      // "the saturday after christmas", "the friday before thanksgiving": a weekday counted from the holiday.
      const relative = RELATIVE_TO_HOLIDAY.exec(folded);
      if (relative) {
        const wanted = WEEKDAYS_EN.indexOf(relative[1]!) + 1;
        const step = relative[2] === 'after' ? 1 : -1;
        let day = DateTime.fromISO(found.date, { zone: calendar.timeZone }).plus({ days: step });
        while (day.weekday !== wanted) day = day.plus({ days: step });
        return { date: day.toISODate()! };
      }
      return { date: found.date, holiday: found.note };
    }
    return undefined;
  }

  /**
   * A message that tells a story around its question ("I work Tuesday to Saturday … Is Eastside open on
   * Mondays?"): the day the question names is the one asked about, not the days of the story.
   */
  function find(text: string, now: Date): DayMention | undefined {
    const question = questionPart(text);
    // "they told me you close monday, but what about next tuesday?": the day after the turn is the one asked.
    const turn = [...question.matchAll(TURN_TO_THE_QUESTION)].at(-1);
    let found = (turn ? findIn(question.slice(turn.index + turn[0].length), now) : undefined) ?? (question !== text ? findIn(question, now) : undefined) ?? findIn(text, now);
    // "Landing Thursday night, flying out Friday. I'd like to print at the library Friday morning. What time
    // do you open?": a question naming no day, after a story naming several, asks about the planned visit.
    if (found && question !== text && !turn && findIn(question, now) === undefined) {
      const visit = sentencesOf(text)
        .filter((sentence) => sentence !== question && PLANNED_VISIT.test(foldToWords(sentence)))
        .map((sentence) => findIn(sentence, now))
        .filter((day): day is DayMention => day !== undefined)
        .at(-1);
      if (visit) found = visit;
    }
    // "…el horario para el 2 de enero, ¿abren con normalidad después de Año Nuevo?": a date written out in
    // the story beats a holiday the question names only to place it.
    // "open after christmas? like the 28th": a day of the month counted from the holiday, told after the question.
    if (found?.holiday && question !== text && (MONTH_WITH_DAY.test(foldText(text)) || ORDINAL_DAY.test(foldText(text)))) {
      const written = findIn(text, now);
      // "(may 30 31)" is no year 2031: a written date more than a year off is a misreading.
      const withinAYear = written !== undefined && DateTime.fromISO(written.date) <= DateTime.fromJSDate(now).plus({ years: 1 });
      if (written && withinAYear && !written.holiday) found = written;
    }
    // "open memorial day weekend? like the sunday": a weekday of the holiday's weekend, told after the question.
    if (found?.holiday && question !== text && WEEKDAY_OF_HOLIDAY_WEEKEND.test(foldText(text))) found = findIn(text, now) ?? found;
    // "…on the evening of January 28th… will you still be open late on the 28th?": the day of the month the
    // question names is the one of the month the story gave.
    if (found && !found.to && question !== text && MONTH_WITH_DAY.test(foldText(text)) && !MONTH_WORD.test(foldText(question))) {
      const written = findIn(text, now);
      if (written && !written.to && written.date.slice(8) === found.date.slice(8) && written.date !== found.date) found = written;
    }
    // "I'd like to come Sunday the 13th. When do you open on Sundays?": the Sunday the story names.
    if (found && !found.to && question !== text && WEEKDAYS_ASKED.test(foldText(question))) {
      const told = findIn(text, now);
      const sameWeekday = told !== undefined && DateTime.fromISO(told.date).weekday === DateTime.fromISO(found.date).weekday;
      if (told && sameWeekday && !told.to && !told.holiday && told.date > found.date) found = told;
    }
    // "Memorial Day - are you guys open the Monday?": the holiday's Monday, not the coming one.
    if (found && !found.holiday && !found.to && question !== text && THE_WEEKDAY.test(foldText(question))) {
      const holiday = findIn(text, now);
      if (holiday?.holiday && DateTime.fromISO(holiday.date).weekday === DateTime.fromISO(found.date).weekday) found = holiday;
    }
    // "…the weekend after next. Is Eastside open that Sunday?": the weekend the story names.
    if (found && question !== text && /\bweekend after next\b/.test(foldText(text))) found = findIn(text, now) ?? found;
    // "My day off is the 19th. Will you be open that Saturday?": "that" points back to the day the story names.
    // "Is that January 28th, and what time will you close that day?": a question that writes its own date
    // out points back to none.
    if (question !== text && THAT_DAY_OR_WEEKDAY.test(foldText(question)) && !MONTH_WITH_DAY.test(foldText(question)) && !ORDINAL_DAY.test(foldText(question))) {
      const story = text.slice(0, Math.max(0, text.indexOf(question.split(/\s+/)[0]!)));
      const told = story ? findIn(story, now) : undefined;
      // "the weekend after next … that sunday": the weekday named, within the days the story gave.
      const weekday = namedWeekday(foldText(question));
      if (told?.to && weekday) {
        for (let day = DateTime.fromISO(told.date); day.toISODate()! <= told.to; day = day.plus({ days: 1 })) {
          if (day.weekday === weekday) found = { date: day.toISODate()! };
        }
      } else if (told && told.date >= calendar.localDate(now)) found = told;
    }
    // "I am visitor in your city until the Sunday … opening in Saturday": how long the patron stays is no day asked.
    if (found && text.search(STAYING_UNTIL) >= 0) {
      const asked = find(text.replace(STAYING_UNTIL, ' '), now);
      if (asked) found = asked;
    }
    // "you were closed yesterday?? what about tomorrow": a day gone by, said beside one to come, is not the one asked.
    if (found && PAST_DAY.test(text)) {
      const ahead = findIn(text.replace(PAST_DAYS, ' '), now);
      if (ahead && ahead.date >= calendar.localDate(now)) return ahead;
    }
    return found;
  }

  /** The one weekday a message names (1 = Monday), English or Spanish; none when it names several. */
  function namedWeekday(words: string): number | undefined {
    const found = new Set<number>();
    WEEKDAYS_EN.forEach((day, index) => new RegExp(`\\b${day}s?\\b`).test(words) && found.add(index + 1));
    WEEKDAYS_ES.forEach((day, index) => new RegExp(`\\b${day}s?\\b`).test(words) && found.add(index + 1));
    return found.size === 1 ? [...found][0] : undefined;
  }

  /** The next time a month and day come round, counting today. */
  function nextMonthDay(now: Date, month: number, day: number): DayMention {
    const today = DateTime.fromJSDate(now, { zone: calendar.timeZone }).startOf('day');
    let date = today.set({ month, day });
    if (date < today) date = date.plus({ years: 1 });
    return { date: date.toISODate()! };
  }

  /** "the first saturday in january", "el segundo martes de febrero": that weekday of that month, next time round. */
  function nthWeekdayOf(folded: string, now: Date): DayMention | undefined {
    const found = NTH_WEEKDAY_OF_MONTH.exec(folded);
    if (!found) return undefined;
    const nth = ORDINAL_WORDS[found[1]!]!;
    const weekday = (WEEKDAYS_EN.indexOf(found[2]!) + 1) || WEEKDAYS_ES.indexOf(found[2]!) + 1;
    const month = monthNumber(found[3]!);
    if (!weekday || !month) return undefined;
    const today = DateTime.fromJSDate(now, { zone: calendar.timeZone }).startOf('day');
    for (const year of [today.year, today.year + 1]) {
      const first = DateTime.fromObject({ year, month, day: 1 }, { zone: calendar.timeZone });
      const firstOfKind = first.plus({ days: (weekday - first.weekday + 7) % 7 });
      let date = nth === -1 ? firstOfKind.plus({ weeks: 4 }) : firstOfKind.plus({ weeks: nth - 1 });
      if (nth === -1 && date.month !== month) date = date.minus({ weeks: 1 });
      if (date.month === month && date >= today) return { date: date.toISODate()! };
    }
    return undefined;
  }

  function findIn(text: string, now: Date): DayMention | undefined {
    const folded = foldText(text)
      .replace(/[’']/g, ' ')
      // "the first monday of the new year": January, not New Year's Day.
      .replace(/\b(?:of|in) the new year\b|\bdel ano nuevo\b/g, 'of january')
      // "por la mañana" is in the morning, not tomorrow ("mañana por la mañana" keeps its tomorrow).
      .replace(/\b(?:por|en|de|a)\s+la\s+manana\b|\bpor\s+las\s+mananas\b/g, ' ')
      // "I moved here two weeks ago", "hace 3 días fui": when something happened, not the day asked about.
      .replace(PAST_SPAN, ' ')
      // "thx merry xmas", "feliz navidad!": a season's greeting, not a day asked about.
      .replace(SEASONS_GREETING, ' ')
      .replace(HOLIDAY_IN_A_NAME, ' ')
      // "the sat after xmas": the weekday in full, so the holiday it counts from is read with it.
      .replace(WEEKDAY_BEFORE_AFTER, (day) => SHORT_WEEKDAYS[day]!);
    const local = DateTime.fromJSDate(now, { zone: calendar.timeZone });
    // "pasado mañana", and its word-for-word "tomorrow of tomorrow": the day after tomorrow (chrono reads
    // only its "mañana").
    if (/\bpasado\s+manana\b|\btomorrow of tomorrow\b|\bday after (?:tomorrow|tomorow|tmrw|tmr|tmrow|tommorow|tommorrow)\b/.test(folded)) return { date: local.startOf('day').plus({ days: 2 }).toISODate()! };
    // "a week from saturday", "two weeks from tomorrow", "this time next week", "a fortnight today": that
    // day, weeks on.
    const weekFrom = /\b(a|one|1|two|2|three|3) weeks? from (today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bdentro de (una|1|dos|2) semanas?\b|\bthis time next week\b|\b(?:a )?(fortnight) (?:from |on )?(today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bin a (fortnight)\b/.exec(folded);
    if (weekFrom) {
      const weeks = weekFrom[4] ?? weekFrom[6] ? 2 : ({ two: 2, '2': 2, dos: 2, three: 3, '3': 3 } as Record<string, number>)[weekFrom[1] ?? weekFrom[3] ?? ''] ?? 1;
      const from = weekFrom[2] ?? weekFrom[5];
      const offset = !from || from === 'today' ? 0 : from === 'tomorrow' ? 1 : (WEEKDAYS_EN.indexOf(from) + 1 - local.weekday + 7) % 7 || 7;
      return { date: local.startOf('day').plus({ days: offset + 7 * weeks }).toISODate()! };
    }
    // "saturday week", "a week on saturday": said the British way, a week from that day.
    const dayWeek = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday) week\b|\ba week (?:on|this) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/.exec(folded);
    if (dayWeek) {
      const offset = (WEEKDAYS_EN.indexOf((dayWeek[1] ?? dayWeek[2])!) + 1 - local.weekday + 7) % 7 || 7;
      return { date: local.startOf('day').plus({ days: offset + 7 }).toISODate()! };
    }
    // "memorial day weekend sunday, may 30": a date written out is the day asked about; the holiday
    // beside it only says which weekend.
    const holiday = MONTH_WITH_DAY.test(folded) ? undefined : holidayIn(folded, now);
    // "open after new year, like the 2nd?": the day of the month named, counted from the holiday.
    const dayAfterHoliday = holiday && /\b(?:after|since|despues de)\b/.test(folded) ? ORDINAL_DAY.exec(folded) : null;
    if (holiday && dayAfterHoliday) {
      const date = nextDayOfMonth(DateTime.fromISO(holiday.date, { zone: calendar.timeZone }).plus({ days: 1 }), Number(dayAfterHoliday[1]));
      if (date && date.diff(DateTime.fromISO(holiday.date), 'days').days <= 14) return { date: date.toISODate()! };
    }
    if (holiday) return holiday;
    // Days with a name the library does not close for ("valentine's day", "st. patrick's day").
    for (const [pattern, month, day] of NAMED_DAYS) if (pattern.test(folded)) return nextMonthDay(now, month, day);
    const nth = nthWeekdayOf(folded, now);
    if (nth) return nth;

    const named = spellOutDayWords(
      folded
        .replace(/\bthis\s+wk?nd\b/g, 'this weekend')
        // "the week of feb 9" asks about that day's week: the day, not chrono's "a week from now".
        .replace(/\b(?:the\s+)?week\s+of\b/g, ' ')
        // "the evening of march 3": the day (chrono reads the whole phrase as no date at all).
        .replace(/\b(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\b/g, ' ')
        // "open in the morning on saturday", "in the evening on january 28th": the day named, whatever time of
        // it (chrono loses the day).
        .replace(/\bin the (?:morning|afternoon|evening)\b/g, (time) => {
          const spelled = spellOutDayWords(folded).replace(/[a-z]+/g, (word) => correctWeekday(word));
          return WEEKDAY_NAME.test(spelled) || DATE_WRITTEN.test(spelled) ? ' ' : time;
        })
        .replace(/\b(i|we|he|she|they)\s+sat\b/g, '$1 seated')
        .replace(/\b(?:este\s+)?(?:fin\s+de\s+semana|finde)\b/g, 'sabado')
        // "quick question before the weekend: open this sunday?": the weekday named, not the weekend.
        .replace(/\b(?:the|this|next)?\s*weekend\b/g, (weekend) => (WEEKDAY_NAME.test(folded) ? ' ' : weekend))
        .replace(/[a-z]+/g, (word) => correctWeekday(word)),
    );
    if (!MAY_NAME_A_DAY.test(named)) return undefined;
    // "you close at 5 on saturdays now?": "now" is when it is said, not the day asked about (chrono would
    // read "saturday now" as this very moment).
    const words = WEEKDAY_NAME.test(named) ? named.replace(/\b(?:right )?now\b/g, ' ').replace(/\s+/g, ' ').trim() : named;

    // "today" or "hoy" the only word that may name a day: chrono's one reading is the reference day itself,
    // and chrono is the router's most expensive step.
    if (!MAY_NAME_A_DAY.test(words.replace(TODAY_WORD, ' '))) return { date: local.toISODate()! };
    // "tonight", "rn", "esta noche": today, which chrono reads as a time of day, not as a day. A weekday
    // named beside it is the day asked about ("she wants more books right now — open this Saturday?").
    if (TODAY_UNNAMED.test(words) && !WEEKDAY_NAME.test(words)) return { date: local.toISODate()! };
    // "are you open on tuesday", asked on a Tuesday: today (chrono would say a week from now).
    const todayName = WEEKDAYS_EN[local.weekday - 1]!;
    const todayNameEs = WEEKDAYS_ES[local.weekday - 1]!;
    if (new RegExp(`\\b(?:${todayName}|${todayNameEs})\\b`).test(words) && !/\b(?:next|following|proximo|que viene|siguiente)\b/.test(words) && !WEEKDAY_IN_WEEKS.test(words) && !ORDINAL_DAY.test(words) && !WEEKDAY_DAY_NUMBER.test(words) && !MONTH_WITH_DAY.test(words)) {
      return { date: local.toISODate()! };
    }
    // "your hours next week": that week, from its Monday (chrono counts seven days from today).
    if (NEXT_WEEK.test(words) && !ANY_WEEKDAY.test(words)) {
      const monday = local.startOf('week').plus({ weeks: 1 });
      return { date: monday.toISODate()!, to: monday.plus({ days: 6 }).toISODate()! };
    }
    // "the weekend after next": the weekend after the coming one; its Sunday when the message names Sunday.
    if (/\bweekend after next\b/.test(folded)) {
      const saturday = local.startOf('day').plus({ days: ((6 - local.weekday + 7) % 7 || 7) + 7 });
      const named = namedWeekday(folded);
      if (named === 7) return { date: saturday.plus({ days: 1 }).toISODate()! };
      return { date: saturday.toISODate()!, to: saturday.plus({ days: 1 }).toISODate()! };
    }
    // "tuesday in two weeks", "in 2 weeks on friday": that weekday, counting today, two weeks on.
    const inWeeks = WEEKDAY_IN_WEEKS.exec(words);
    if (inWeeks) {
      const weekday = WEEKDAYS_EN.indexOf((inWeeks[1] ?? inWeeks[4])!) + 1;
      const weeks = ({ a: 1, one: 1, '1': 1, two: 2, '2': 2, three: 3, '3': 3 } as Record<string, number>)[(inWeeks[2] ?? inWeeks[3])!]!;
      return { date: local.startOf('day').plus({ days: ((weekday - local.weekday + 7) % 7) + 7 * weeks }).toISODate()! };
    }
    // "the tuesday after next", "the saturday after this one", "not this saturday but the one after": the
    // one after the coming one.
    const afterNext = WEEKDAY_AFTER_NEXT.exec(words) ?? WEEKDAY_AFTER_THIS_ONE.exec(words);
    if (afterNext) {
      const weekday = WEEKDAYS_EN.indexOf((afterNext[1] ?? afterNext[2] ?? afterNext[3])!) + 1;
      return { date: local.startOf('day').plus({ days: ((weekday - local.weekday + 7) % 7 || 7) + 7 }).toISODate()! };
    }
    // "next week on monday", "el martes de la semana que viene": that weekday of next week.
    const weekdayNextWeek = NEXT_WEEK.test(words) ? namedWeekday(words) : undefined;
    if (weekdayNextWeek) return { date: local.startOf('week').plus({ weeks: 1, days: weekdayNextWeek - 1 }).toISODate()! };
    // One weekday named, alone and unqualified ("open on saturday?"): chrono's forward reading is its next
    // occurrence (today's own name was answered above), without chrono.
    const lone = LONE_WEEKDAY.exec(words);
    if (lone && !MAY_NAME_A_DAY.test(words.replace(LONE_WEEKDAY, ' ')) && !WEEKDAY_QUALIFIER.test(words)) {
      const weekday = WEEKDAYS_EN.indexOf(lone[1]!) + 1;
      return { date: local.startOf('day').plus({ days: (weekday - local.weekday + 7) % 7 || 7 }).toISODate()! };
    }
    // chrono reads wall-clock components: give it the library's wall clock as a local Date.
    const reference = new Date(local.year, local.month - 1, local.day, local.hour, local.minute);

    const weekdayWithNumber = WEEKDAY_DAY_NUMBER.exec(words);
    const ordinal = ORDINAL_DAY.exec(words) ?? SPANISH_DAY_NUMBER.exec(words) ?? weekdayWithNumber;
    const monthWord = MONTH_WORD.exec(words);
    // "closed in February? the 9th?": the ordinal is a day of the month named, even apart from it.
    const namedMonth = monthWord && !MONTH_WITH_DAY.test(words) ? monthNumber(monthWord[1]!) : undefined;
    if (ordinal && (!monthWord || namedMonth)) {
      const weekday = WEEKDAYS_EN.findIndex((day) => new RegExp(`\\b${day}\\b`).test(words));
      const weekdayEs = WEEKDAYS_ES.findIndex((day) => new RegExp(`\\b${day}\\b`).test(words));
      const wanted = weekday >= 0 ? weekday + 1 : weekdayEs >= 0 ? weekdayEs + 1 : 0;
      const candidate = nextDayOfMonth(local.startOf('day'), Number(ordinal[1]), (date) => (!wanted || date.weekday === wanted) && (!namedMonth || date.month === namedMonth));
      const tooFar = ordinal === weekdayWithNumber && candidate !== undefined && candidate.diff(local.startOf('day'), 'days').days > WEEKDAY_DAY_NUMBER_WITHIN_DAYS;
      if (candidate && !tooFar) return { date: candidate.toISODate()! };
    }

    const spanish = WEEKDAYS_ES.some((day) => words.includes(day)) || /\b(manana|hoy|pasado|proximo|que viene)\b/.test(words) || SPANISH_DAY_OF_MONTH_ONCE.test(words);
    const parser = spanish ? chrono.es : chrono.casual;
    // "we meet on Thursdays … is it true you close early on January 28?": a date with its month is the one
    // asked about, wherever it stands; a weekday around it is part of the story.
    // "dec 29 hours?": the hours of December 29 (chrono reads "29 hours" as a length of time).
    const results = parser.parse(words.replace(MONTH_DAY_HOURS, '$1'), reference, { forwardDate: true });
    const dated = results.filter((result) => result.start.isCertain('month') && result.start.isCertain('day'));
    for (const result of dated.length > 0 ? [...dated, ...results] : results) {
      // A month alone ("may I…") or a time ("at 9") names no day; "for 3 weeks" is a length, not a date.
      if (!result.start.isCertain('day') && !result.start.isCertain('weekday')) continue;
      if (/^(?:for|por)\s/.test(result.text)) continue;
      // A bare "sun" or "sat" is the sun or a past tense; asked as a day, it was spelled out above. "wed",
      // "mon" and "fri" are days however they stand ("main fri??").
      if (/^(?:sun|sat)$/.test(result.text)) continue;
      // "what are the hours" is no day: chrono reads "the hour" as this very hour, and "the day (room)" as tomorrow.
      if (/^(?:the|this|that|an?)?\s*(?:hours?|hrs?|minutes?|mins?|moment|time|day)$/.test(result.text)) continue;
      const start = DateTime.fromObject({ year: result.start.get('year')!, month: result.start.get('month')!, day: result.start.get('day')! }, { zone: calendar.timeZone });
      if (!start.isValid) continue;
      const mention: DayMention = { date: start.toISODate()! };
      if (result.end) {
        const end = DateTime.fromObject({ year: result.end.get('year')!, month: result.end.get('month')!, day: result.end.get('day')! }, { zone: calendar.timeZone });
        if (end.isValid && end > start) mention.to = end.toISODate()!;
      }
      return mention;
    }
    return undefined;
  }

  return { find };
}
