import type { FieldProblem, LibraryFile } from '../knowledge/index.js';

/**
 * The library settings page's form, both ways: settings → the values a page shows, and posted fields →
 * settings in library.yaml's own shape (so the same schema validates them) plus where each error goes.
 * Field names are flat ("b0.sat.opens", "c3.note") because forms post flat pairs.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const EXCEPTION_TYPES = ['closed', 'hours', 'closes', 'opens'] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

export interface DayForm {
  closed: boolean;
  opens: string;
  closes: string;
}

export interface ExceptionForm {
  date: string;
  to: string;
  type: ExceptionType;
  opens: string;
  closes: string;
  note: string;
}

export interface BranchForm {
  id: string;
  name: string;
  hours: Record<Weekday, DayForm>;
  exceptions: ExceptionForm[];
}

export interface LibraryForm {
  /** The revision the page was made from (0: the shipped file), so a save cannot undo someone else's. */
  revision: number;
  timeZone: string;
  branches: BranchForm[];
  closures: ExceptionForm[];
}

type Exception = LibraryFile['closures'][number];

function dayForm(text: string): DayForm {
  if (text === 'closed') return { closed: true, opens: '', closes: '' };
  const [opens = '', closes = ''] = text.split('-').map((part) => part.trim());
  return { closed: false, opens, closes };
}

function exceptionForm(exception: Exception): ExceptionForm {
  const base = { date: exception.date, to: exception.to ?? '', note: exception.note, opens: '', closes: '' };
  if (exception.closed) return { ...base, type: 'closed' };
  if (exception.hours !== undefined) {
    const day = dayForm(exception.hours);
    return day.closed ? { ...base, type: 'closed' } : { ...base, type: 'hours', opens: day.opens, closes: day.closes };
  }
  if (exception.closes !== undefined) return { ...base, type: 'closes', closes: exception.closes };
  return { ...base, type: 'opens', opens: exception.opens ?? '' };
}

export function formOfSettings(settings: LibraryFile, revision: number): LibraryForm {
  return {
    revision,
    timeZone: settings.time_zone,
    branches: settings.branches.map((branch) => ({
      id: branch.id,
      name: branch.name,
      hours: Object.fromEntries(WEEKDAYS.map((day) => [day, dayForm(branch.hours[day])])) as Record<Weekday, DayForm>,
      exceptions: branch.exceptions.map(exceptionForm),
    })),
    closures: settings.closures.map(exceptionForm),
  };
}

const emptyException = (): ExceptionForm => ({ date: '', to: '', type: 'closed', opens: '', closes: '', note: '' });

/** Rows posted with these prefixes, in index order ("c0.", "c4." → [0, 4]). */
function rowIndexes(fields: Record<string, string>, prefix: string): number[] {
  const pattern = new RegExp(`^${prefix.replace('.', '\\.')}(\\d{1,4})\\.`);
  return [...new Set(Object.keys(fields).map((key) => pattern.exec(key)?.[1]).filter((index): index is string => index !== undefined).map(Number))].sort((a, b) => a - b);
}

function exceptionOf(fields: Record<string, string>, prefix: string): ExceptionForm {
  const field = (name: string) => (fields[`${prefix}.${name}`] ?? '').trim();
  const type = field('type');
  return {
    date: field('date'),
    to: field('to'),
    type: (EXCEPTION_TYPES as readonly string[]).includes(type) ? (type as ExceptionType) : 'closed',
    opens: field('opens'),
    closes: field('closes'),
    note: field('note'),
  };
}

/** A row nobody filled in (an added row left empty) is no row. */
const isBlank = (row: ExceptionForm) => !row.date && !row.to && !row.note && !row.opens && !row.closes;

/**
 * The posted form, with the branches the settings have (branches themselves are added on the YAML page).
 * Row buttons ("add a closure", "remove this one") change the rows without saving.
 */
export function formOfFields(fields: Record<string, string>, settings: LibraryFile): LibraryForm {
  const action = fields.action ?? 'save';
  const form: LibraryForm = {
    revision: Number.parseInt(fields.revision ?? '0', 10) || 0,
    timeZone: (fields.time_zone ?? '').trim(),
    branches: settings.branches.map((branch, b) => ({
      id: branch.id,
      name: branch.name,
      hours: Object.fromEntries(
        WEEKDAYS.map((day) => [
          day,
          { closed: fields[`b${b}.${day}.closed`] !== undefined, opens: (fields[`b${b}.${day}.opens`] ?? '').trim(), closes: (fields[`b${b}.${day}.closes`] ?? '').trim() },
        ]),
      ) as Record<Weekday, DayForm>,
      exceptions: rowIndexes(fields, `b${b}.x`).map((index) => exceptionOf(fields, `b${b}.x${index}`)),
    })),
    closures: rowIndexes(fields, 'c').map((index) => exceptionOf(fields, `c${index}`)),
  };
  const remove = /^remove:(c|b(\d+)\.x)(\d+)$/.exec(action);
  if (remove) {
    const rows = remove[1] === 'c' ? form.closures : form.branches[Number(remove[2])]?.exceptions;
    rows?.splice(Number(remove[3]), 1);
  }
  if (action === 'add:c') form.closures.push(emptyException());
  const addException = /^add:b(\d+)$/.exec(action);
  if (addException) form.branches[Number(addException[1])]?.exceptions.push(emptyException());
  return form;
}

/** Whether the post asks to change the rows on the page rather than save. */
export const isRowAction = (fields: Record<string, string>) => /^(add|remove):/.test(fields.action ?? '');

function rawException(row: ExceptionForm): Record<string, unknown> {
  const base = { date: row.date, ...(row.to ? { to: row.to } : {}), note: row.note };
  switch (row.type) {
    case 'closed':
      return { ...base, closed: true };
    case 'hours':
      return { ...base, hours: `${row.opens}-${row.closes}` };
    case 'closes':
      return { ...base, closes: row.closes };
    case 'opens':
      return { ...base, opens: row.opens };
  }
}

/**
 * Settings in library.yaml's shape, for the schema to judge: what the form changes laid over what it
 * does not show (name, phone, aliases, directions…). `fieldOf` turns a schema path back into the form
 * field to show its error beside (blank rows are dropped, so indexes are mapped back).
 */
export function settingsOfForm(form: LibraryForm, current: LibraryFile): { raw: Record<string, unknown>; fieldOf(path: string): string } {
  const keptClosures = form.closures.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row));
  const keptExceptions = form.branches.map((branch) => branch.exceptions.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row)));
  const raw = {
    ...structuredClone(current),
    time_zone: form.timeZone,
    branches: current.branches.map((branch, b) => ({
      ...structuredClone(branch),
      hours: Object.fromEntries(
        WEEKDAYS.map((day) => {
          const hours = form.branches[b]!.hours[day];
          return [day, hours.closed ? 'closed' : `${hours.opens}-${hours.closes}`];
        }),
      ),
      exceptions: keptExceptions[b]!.map(({ row }) => rawException(row)),
    })),
    closures: keptClosures.map(({ row }) => rawException(row)),
  };
  const fieldOf = (path: string): string => {
    const parts = path.split('.');
    if (parts[0] === 'closures' && parts[1] !== undefined) return `c${keptClosures[Number(parts[1])]?.index ?? parts[1]}`;
    if (parts[0] === 'branches' && parts[1] !== undefined) {
      const b = Number(parts[1]);
      if (parts[2] === 'hours' && parts[3]) return `b${b}.${parts[3]}`;
      if (parts[2] === 'exceptions' && parts[3] !== undefined) return `b${b}.x${keptExceptions[b]?.[Number(parts[3])]?.index ?? parts[3]}`;
      return `b${b}`;
    }
    return parts[0] === 'time_zone' ? 'time_zone' : 'form';
  };
  return { raw, fieldOf };
}

/** Schema messages in the words of the form (the schema's own speak of the YAML file). */
export function formMessage(problem: FieldProblem): string {
  const what = problem.field.split('.').at(-1);
  if (problem.message.startsWith('use "HH:mm-HH:mm"')) return 'Give the opening and closing times (HH:mm), or tick Closed.';
  if (what === 'note' && /at least|too small|expected string/i.test(problem.message)) return 'Say what the day is (a note for patrons).';
  if ((what === 'date' || what === 'to') && /YYYY-MM-DD/.test(problem.message)) return `${what === 'to' ? 'The last day' : 'The date'} must be a day (YYYY-MM-DD).`;
  if (what === 'opens' || what === 'closes') return `Give the time it ${what === 'opens' ? 'opens' : 'closes'} (HH:mm).`;
  return problem.message;
}
