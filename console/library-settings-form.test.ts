import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { libraryFileSchema, parseLibraryFile } from '../knowledge/library-config.js';
import { formMessage, formOfFields, formOfSettings, isRowAction, settingsOfForm } from './library-settings-form.js';

const settings = parseLibraryFile(readFileSync(new URL('../knowledge/library.yaml', import.meta.url), 'utf8'), 'library.yaml');

/** The fields a browser posts for a form (text as typed, a ticked box as "on", an unticked one absent). */
function fieldsOf(form: ReturnType<typeof formOfSettings>): Record<string, string> {
  const fields: Record<string, string> = { revision: String(form.revision), time_zone: form.timeZone };
  const row = (prefix: string, r: (typeof form.closures)[number]) => {
    for (const [key, value] of Object.entries(r)) fields[`${prefix}.${key}`] = value;
  };
  form.branches.forEach((branch, b) => {
    for (const [day, hours] of Object.entries(branch.hours)) {
      if (hours.closed) fields[`b${b}.${day}.closed`] = 'on';
      fields[`b${b}.${day}.opens`] = hours.opens;
      fields[`b${b}.${day}.closes`] = hours.closes;
    }
    branch.exceptions.forEach((r, x) => row(`b${b}.x${x}`, r));
  });
  form.closures.forEach((r, c) => row(`c${c}`, r));
  return fields;
}

describe('the library settings form', () => {
  it('round-trips the shipped settings unchanged through the form', () => {
    const form = formOfSettings(settings, 7);
    expect(form.branches[1]!.hours.mon).toEqual({ closed: true, opens: '', closes: '' });
    expect(form.branches[0]!.exceptions[0]).toEqual({ date: '2027-01-28', to: '', type: 'closes', opens: '', closes: '17:00', note: 'Main Library closes early for a staff training evening' });
    const back = formOfFields(fieldsOf(form), settings);
    expect(back).toEqual(form);
    const { raw } = settingsOfForm(back, settings);
    expect(libraryFileSchema.parse(raw)).toEqual(settings);
  });

  it('adds and removes rows without saving, and drops a row left blank', () => {
    const fields = fieldsOf(formOfSettings(settings, 0));
    expect(isRowAction({ ...fields, action: 'add:c' })).toBe(true);
    expect(isRowAction({ ...fields, action: 'save' })).toBe(false);
    const added = formOfFields({ ...fields, action: 'add:c' }, settings);
    expect(added.closures).toHaveLength(settings.closures.length + 1);
    const removed = formOfFields({ ...fields, action: 'remove:b1.x0' }, settings);
    expect(removed.branches[1]!.exceptions).toHaveLength(0);
    const { raw } = settingsOfForm(added, settings);
    expect((raw.closures as unknown[]).length).toBe(settings.closures.length);
  });

  it('points each schema error back at the form field, past rows that were dropped', () => {
    const form = formOfFields({ ...fieldsOf(formOfSettings(settings, 0)), action: 'add:c' }, settings);
    // A blank row first, then a row with a bad note: the schema sees it as closures.N-1, the form as cN.
    form.closures.splice(0, 0, { date: '', to: '', type: 'closed', opens: '', closes: '', note: '' });
    form.closures[1]!.note = '';
    form.branches[1]!.hours.sat = { closed: false, opens: '17:00', closes: '10:00' };
    const { raw, fieldOf } = settingsOfForm(form, settings);
    const result = libraryFileSchema.safeParse(raw);
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => fieldOf(issue.path.join('.')));
    expect(fields).toEqual(expect.arrayContaining(['c1', 'b1.sat']));
    expect(formMessage({ field: 'branches.0.hours.mon', message: 'use "HH:mm-HH:mm" or "closed"' })).toBe('Give the opening and closing times (HH:mm), or tick Closed.');
  });
});
