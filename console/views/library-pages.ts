import { html, type SafeHtml } from '../../http/views/html.js';
import type { StaffIdentity } from '../../core/staff.js';
import { EXCEPTION_TYPES, WEEKDAYS, type ExceptionForm, type LibraryForm } from '../library-settings-form.js';
import { renderConsolePage } from './console-layout.js';
import { formatWhen } from './format.js';

interface Common {
  libraryName: string;
  staff: StaffIdentity;
  csrfToken: string;
}

/** Who saved the settings last, or that they are the shipped file's. */
export interface SettingsOrigin {
  source: 'file' | 'database';
  updatedBy?: string;
  updatedAt?: Date;
  timeZone: string;
}

const DAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const TYPE_LABELS: Record<(typeof EXCEPTION_TYPES)[number], string> = { closed: 'Closed all day', hours: 'Special hours', closes: 'Closes early', opens: 'Opens late' };

function origin(input: SettingsOrigin): SafeHtml {
  return input.source === 'database' && input.updatedAt
    ? html`<p class="muted">Last saved by ${input.updatedBy ?? 'someone'} on ${formatWhen(input.updatedAt, input.timeZone)}.</p>`
    : html`<p class="muted">These are the settings shipped in <code>library.yaml</code>; saving here keeps them in the database for every Libdesk process.</p>`;
}

/** A message next to a field, tied to it with aria-describedby. */
function fieldError(errors: Record<string, string>, key: string): SafeHtml | '' {
  const message = errors[key];
  return message ? html`<p class="field-error" id="${errorId(key)}">${message}</p>` : '';
}
const errorId = (key: string) => `err-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;
const describedBy = (errors: Record<string, string>, key: string): SafeHtml | '' => (errors[key] ? html` aria-describedby="${errorId(key)}" aria-invalid="true"` : '');

function exceptionRow(prefix: string, row: ExceptionForm, heading: string, errors: Record<string, string>): SafeHtml {
  const id = (name: string) => `${prefix}-${name}`.replace(/\./g, '-');
  const name = (field: string) => `${prefix}.${field}`;
  return html`<fieldset class="row"${errors[prefix] ? html` aria-describedby="${errorId(prefix)}"` : ''}>
<legend>${heading}</legend>
${fieldError(errors, prefix)}
<div class="row-fields">
<div><label for="${id('date')}">Date</label><input id="${id('date')}" name="${name('date')}" type="date" value="${row.date}"></div>
<div><label for="${id('to')}">Until <span class="hint">Optional, for several days.</span></label><input id="${id('to')}" name="${name('to')}" type="date" value="${row.to}"></div>
<div><label for="${id('type')}">What happens</label><select id="${id('type')}" name="${name('type')}">${EXCEPTION_TYPES.map(
    (type) => html`<option value="${type}"${row.type === type ? html` selected` : ''}>${TYPE_LABELS[type]}</option>`,
  )}</select></div>
<div><label for="${id('opens')}">Opens <span class="hint">Special hours or opens late.</span></label><input id="${id('opens')}" name="${name('opens')}" type="time" value="${row.opens}"></div>
<div><label for="${id('closes')}">Closes <span class="hint">Special hours or closes early.</span></label><input id="${id('closes')}" name="${name('closes')}" type="time" value="${row.closes}"></div>
<div class="wide"><label for="${id('note')}">Note for patrons</label><input id="${id('note')}" name="${name('note')}" type="text" value="${row.note}"></div>
</div>
<button type="submit" name="action" value="remove:${prefix}" formnovalidate>Remove<span class="visually-hidden"> ${heading}</span></button>
</fieldset>`;
}

export function renderLibrarySettingsPage(
  input: Common & { form: LibraryForm; origin: SettingsOrigin; timeZones: string[]; errors?: Record<string, string>; notice?: string; error?: string },
): string {
  const errors = input.errors ?? {};
  const { form } = input;
  const zones = input.timeZones.includes(form.timeZone) || !form.timeZone ? input.timeZones : [form.timeZone, ...input.timeZones];
  return renderConsolePage({
    title: 'Library hours and closures',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'library',
    body: html`<h1>Library hours and closures</h1>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
${input.error ? html`<div class="error" role="alert" id="form-errors"><p>${input.error}</p>${Object.keys(errors).length ? html`<ul>${Object.entries(errors).map(([key, message]) => html`<li><a href="#${fieldAnchor(key)}">${fieldName(key, form)}</a>: ${message}</li>`)}</ul>` : ''}</div>` : ''}
${origin(input.origin)}
<p>Patrons are answered from these hours at once, and the hours article reads them. Address, phone, parking, directions and branches themselves: <a href="/staff/admin/library/yaml">edit the settings as YAML</a>.</p>
<form method="post" action="/staff/admin/library" class="library-form" novalidate>
<!-- Enter in a field saves: a form's first submit button is the one Enter presses, not a row's Remove. -->
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<input type="hidden" name="revision" value="${String(form.revision)}">
<button type="submit" name="action" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">Save</button>
<div class="panel">
<label for="time_zone">Time zone <span class="hint">Opening times are wall-clock times in this zone.</span></label>
<select id="time_zone" name="time_zone"${describedBy(errors, 'time_zone')}>${zones.map((zone) => html`<option${zone === form.timeZone ? html` selected` : ''}>${zone}</option>`)}</select>
${fieldError(errors, 'time_zone')}
</div>
${form.branches.map(
  (branch, b) => html`<section class="branch" aria-labelledby="branch-${b}">
<h2 id="branch-${b}">${branch.name}</h2>
<div class="table-scroll"><table class="plain hours">
<caption>Weekly hours of ${branch.name}</caption>
<thead><tr><th scope="col">Day</th><th scope="col">Closed</th><th scope="col">Opens</th><th scope="col">Closes</th></tr></thead>
<tbody>${WEEKDAYS.map((day) => {
    const key = `b${b}.${day}`;
    const hours = branch.hours[day];
    const label = `${DAY_LABELS[day]}, ${branch.name}`;
    return html`<tr${errors[key] ? html` class="invalid"` : ''}>
<th scope="row" id="${key.replace('.', '-')}">${DAY_LABELS[day]}${fieldError(errors, key)}</th>
<td><input type="checkbox" id="${key}.closed" name="${key}.closed"${hours.closed ? html` checked` : ''} aria-label="${label}: closed"></td>
<td><input type="time" id="${key}.opens" name="${key}.opens" value="${hours.opens}" aria-label="${label}: opens"${describedBy(errors, key)}></td>
<td><input type="time" id="${key}.closes" name="${key}.closes" value="${hours.closes}" aria-label="${label}: closes"${describedBy(errors, key)}></td>
</tr>`;
  })}</tbody>
</table></div>
<h3>Exceptions at ${branch.name}</h3>
<p class="hint">A day this branch differs from its week (a branch's own exception wins over a library-wide one).</p>
${branch.exceptions.map((row, x) => exceptionRow(`b${b}.x${x}`, row, `${branch.name} exception ${x + 1}`, errors))}
<button type="submit" name="action" value="add:b${b}" formnovalidate>Add an exception at ${branch.name}</button>
</section>`,
)}
<section aria-labelledby="closures">
<h2 id="closures">Library-wide closures and holidays</h2>
${form.closures.map((row, c) => exceptionRow(`c${c}`, row, `Closure ${c + 1}`, errors))}
<button type="submit" name="action" value="add:c" formnovalidate>Add a closure</button>
</section>
<p><button class="primary" type="submit" name="action" value="save">Save hours and closures</button></p>
</form>`,
  });
}

/** Where an error's link jumps: the row's fieldset or the day's first field. */
function fieldAnchor(key: string): string {
  if (key === 'time_zone') return 'time_zone';
  if (/^b\d+\.(mon|tue|wed|thu|fri|sat|sun)$/.test(key)) return `${key}.opens`;
  if (/^(c|b\d+\.x)\d+$/.test(key)) return `${key}-date`.replace(/\./g, '-');
  return 'main';
}

function fieldName(key: string, form: LibraryForm): string {
  if (key === 'time_zone') return 'Time zone';
  const day = /^b(\d+)\.(mon|tue|wed|thu|fri|sat|sun)$/.exec(key);
  if (day) return `${DAY_LABELS[day[2] as (typeof WEEKDAYS)[number]]}, ${form.branches[Number(day[1])]?.name ?? ''}`;
  const exception = /^b(\d+)\.x(\d+)$/.exec(key);
  if (exception) return `${form.branches[Number(exception[1])]?.name ?? ''} exception ${Number(exception[2]) + 1}`;
  const closure = /^c(\d+)$/.exec(key);
  if (closure) return `Closure ${Number(closure[1]) + 1}`;
  return 'Settings';
}

export function renderLibraryYamlPage(input: Common & { text: string; revision: number; origin: SettingsOrigin; problems?: Array<{ field: string; message: string }> }): string {
  return renderConsolePage({
    title: 'Library settings as YAML',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'library',
    body: html`<p><a href="/staff/admin/library">← Hours and closures</a></p>
<h1>Library settings as YAML</h1>
${input.problems?.length ? html`<div class="error" role="alert" id="yaml-errors"><p>Nothing was saved. Fix these first:</p><ul>${input.problems.map((problem) => html`<li><code>${problem.field}</code>: ${problem.message}</li>`)}</ul></div>` : ''}
${origin(input.origin)}
<p>Everything in <code>library.yaml</code>: branches (add one here), their address, phone, parking and directions in English and Spanish, the safety numbers, hours and closures. It is checked exactly as the file is.</p>
<form method="post" action="/staff/admin/library/yaml">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<input type="hidden" name="revision" value="${String(input.revision)}">
<label for="settings-yaml">Settings</label>
<textarea id="settings-yaml" name="yaml" rows="30" spellcheck="false"${input.problems?.length ? html` aria-describedby="yaml-errors" aria-invalid="true"` : ''}>${input.text}</textarea>
<button class="primary" type="submit">Save settings</button>
</form>`,
  });
}
