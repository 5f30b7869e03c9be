import { readFile } from 'node:fs/promises';
import { IANAZone } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LibdeskError } from '../core/errors.js';

/**
 * The shape of knowledge/library.yaml, the file librarians edit for hours and closures.
 * Times are local wall-clock times in the library's time zone.
 */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const RANGE = /^(([01]\d|2[0-3]):[0-5]\d)\s*-\s*(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dayHoursSchema = z.union([
  z.literal('closed'),
  z
    .string()
    .regex(RANGE, 'use "HH:mm-HH:mm" or "closed"')
    .refine((value) => {
      const [opens, closes] = value.split('-').map((part) => part.trim());
      return opens! < closes!;
    }, 'closing time must be after opening time'),
]);

const weeklySchema = z.object({
  mon: dayHoursSchema,
  tue: dayHoursSchema,
  wed: dayHoursSchema,
  thu: dayHoursSchema,
  fri: dayHoursSchema,
  sat: dayHoursSchema,
  sun: dayHoursSchema,
});

const localDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  // YAML reads an unquoted 2026-12-24 as a Date at UTC midnight; keep the calendar date it names.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!DATE.test(text)) ctx.addIssue({ code: 'custom', message: 'use YYYY-MM-DD' });
  return text;
});

/**
 * A dated exception: closed all day, fixed hours, an early close or a late opening. `to` makes it a range
 * of days (inclusive), for a closure such as a week of renovation.
 */
const exceptionSchema = z
  .object({
    date: localDate,
    to: localDate.optional(),
    note: z.string().min(1),
    closed: z.boolean().optional(),
    hours: dayHoursSchema.optional(),
    opens: z.string().regex(TIME, 'use HH:mm').optional(),
    closes: z.string().regex(TIME, 'use HH:mm').optional(),
  })
  .refine((value) => [value.closed, value.hours, value.opens ?? value.closes].filter((part) => part !== undefined).length === 1, {
    message: 'give exactly one of closed, hours, or opens/closes',
  });

const branchSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  address: z.string().optional(),
  phone: z.string().optional(),
  /** Where to park, how to get there: answered when patrons ask, in English and (optionally) Spanish. */
  parking: z.string().optional(),
  parking_es: z.string().optional(),
  directions: z.string().optional(),
  directions_es: z.string().optional(),
  hours: weeklySchema,
  exceptions: z.array(exceptionSchema).default([]),
});

export const libraryFileSchema = z
  .object({
    name: z.string().min(1),
    time_zone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'not a known IANA time zone'),
    phone: z.string().optional(),
    email: z.string().optional(),
    website: z.string().optional(),
    /** What a patron in danger is told to call; US defaults. */
    safety: z
      .object({ emergency_number: z.string().min(1).default('911'), crisis_line: z.string().min(1).default('988'), shelter_line: z.string().min(1).default('211') })
      .default({ emergency_number: '911', crisis_line: '988', shelter_line: '211' }),
    branches: z.array(branchSchema).min(1),
    closures: z.array(exceptionSchema).default([]),
  })
  .refine((value) => new Set(value.branches.map((branch) => branch.id)).size === value.branches.length, {
    message: 'branch ids must be unique',
    path: ['branches'],
  });

export type LibraryFile = z.infer<typeof libraryFileSchema>;
export type BranchFile = LibraryFile['branches'][number];
export type HoursException = BranchFile['exceptions'][number];
export type DayHoursText = z.infer<typeof dayHoursSchema>;

/** Parses library.yaml text; throws LD_KNOWLEDGE_INVALID naming the file and the field that is wrong. */
export function parseLibraryFile(text: string, file: string): LibraryFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new LibdeskError('LD_KNOWLEDGE_INVALID', `${file}: not valid YAML (${(error as Error).message})`, { cause: error });
  }
  const result = libraryFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || '(top level)';
    throw new LibdeskError('LD_KNOWLEDGE_INVALID', `${file}: ${field}: ${issue.message}`, {
      details: { file, field },
    });
  }
  return result.data;
}

export async function readLibraryFile(file: string): Promise<LibraryFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new LibdeskError('LD_KNOWLEDGE_INVALID', `${file}: cannot be read`, { cause: error, details: { file } });
  }
  return parseLibraryFile(text, file);
}
