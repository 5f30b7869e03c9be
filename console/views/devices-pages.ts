import { html, type SafeHtml } from '../../http/views/html.js';
import { ASSET_KINDS } from '../../core/assets.js';
import type { StaffIdentity } from '../../core/staff.js';
import type { ManagedDevice } from '../devices.repository.js';
import { renderConsolePage } from './console-layout.js';

interface Common {
  libraryName: string;
  staff: StaffIdentity;
  csrfToken: string;
  branches: Array<{ id: string; name: string }>;
}

const branchNameOf = (branches: Common['branches'], id: string) => branches.find((branch) => branch.id === id)?.name ?? id;
const qrPath = (tag: string, type: 'png' | 'svg') => `/staff/admin/devices/${encodeURIComponent(tag)}/qr.${type}`;

export function renderDevicesPage(input: Common & { devices: ManagedDevice[]; notice?: string }): string {
  return renderConsolePage({
    title: 'Devices',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'devices',
    body: html`<h1>Devices</h1>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
<p><a class="button" href="/staff/admin/devices/new">Add a device</a> <a class="button" href="/staff/admin/devices/labels">Print QR labels</a></p>
<div class="table-scroll"><table class="plain">
<caption>Public devices patrons can report</caption>
<thead><tr><th scope="col">Tag</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Branch</th><th scope="col">Where</th><th scope="col">State</th><th scope="col">QR code</th><th scope="col">Change</th></tr></thead>
<tbody>${input.devices.map(
      (device) => html`<tr data-device="${device.tag}"${device.active ? '' : html` class="retired"`}>
<th scope="row">${device.tag}</th><td>${device.name}</td><td>${device.kind}</td><td>${branchNameOf(input.branches, device.branchId)}</td><td>${device.location}</td>
<td>${device.active ? 'in use' : 'retired'}</td>
<td><a href="${qrPath(device.tag, 'png')}" download>PNG<span class="visually-hidden"> QR code of ${device.tag}</span></a> · <a href="${qrPath(device.tag, 'svg')}" download>SVG<span class="visually-hidden"> QR code of ${device.tag}</span></a></td>
<td><a href="/staff/admin/devices/${encodeURIComponent(device.tag)}/edit">Edit<span class="visually-hidden"> ${device.tag}</span></a>
<form class="inline-form" method="post" action="/staff/admin/devices/${encodeURIComponent(device.tag)}/${device.active ? 'retire' : 'restore'}">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<button type="submit">${device.active ? 'Retire' : 'Restore'}<span class="visually-hidden"> ${device.tag}</span></button>
</form></td>
</tr>`,
    )}</tbody>
</table></div>`,
  });
}

export function renderDeviceFormPage(input: Common & { device?: ManagedDevice; values?: Partial<Record<string, string>>; error?: string }): string {
  const editing = input.device !== undefined;
  const value = (key: string, fallback: string | number | undefined) => input.values?.[key] ?? (fallback === undefined ? '' : String(fallback));
  const selected = (key: string, option: string, fallback: string | undefined): SafeHtml | '' => (value(key, fallback) === option ? html` selected` : '');
  return renderConsolePage({
    title: editing ? `Edit ${input.device!.tag}` : 'Add a device',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'devices',
    body: html`<p><a href="/staff/admin/devices">← All devices</a></p>
<h1>${editing ? `Edit ${input.device!.tag}` : 'Add a device'}</h1>
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<form class="panel" method="post" action="${editing ? `/staff/admin/devices/${encodeURIComponent(input.device!.tag)}` : '/staff/admin/devices'}">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
${editing
  ? html`<p><strong>Tag:</strong> ${input.device!.tag} <span class="hint">The tag is printed on the device’s QR label, so it cannot change.</span></p>`
  : html`<label for="d-tag">Tag <span class="hint">Like PC-07 or PRINTER-2: letters, then a number.</span></label><input id="d-tag" name="tag" type="text" required value="${value('tag', undefined)}">`}
<label for="d-name">Name</label><input id="d-name" name="name" type="text" required value="${value('name', input.device?.name)}">
<label for="d-kind">Kind</label><select id="d-kind" name="kind">${ASSET_KINDS.map((kind) => html`<option value="${kind}"${selected('kind', kind, input.device?.kind)}>${kind}</option>`)}</select>
<label for="d-branch">Branch</label><select id="d-branch" name="branchId">${input.branches.map((branch) => html`<option value="${branch.id}"${selected('branchId', branch.id, input.device?.branchId)}>${branch.name}</option>`)}</select>
<label for="d-location">Where in the branch</label><input id="d-location" name="location" type="text" required value="${value('location', input.device?.location)}">
<label for="d-floor">Floor <span class="hint">Optional.</span></label><input id="d-floor" name="floor" type="text" inputmode="numeric" value="${value('floor', input.device?.floor)}">
<button class="primary" type="submit">${editing ? 'Save' : 'Add device'}</button>
</form>`,
  });
}

/** A sheet of labels for printing: the print stylesheet drops everything else and lays labels in a grid. */
export function renderLabelsPage(input: Common & { devices: ManagedDevice[]; publicUrl: string }): string {
  return renderConsolePage({
    title: 'QR labels',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'devices',
    body: html`<div class="no-print"><p><a href="/staff/admin/devices">← All devices</a></p>
<h1>QR labels</h1>
<p>Print this page (Ctrl+P or ⌘P): one label per device in use, to stick on it. Scanning a label opens that device’s report page.</p></div>
<ul class="labels">${input.devices.map(
      (device) => html`<li class="label">
<img src="${qrPath(device.tag, 'svg')}" alt="QR code opening ${input.publicUrl}/report/${device.tag}" width="132" height="132">
<div><p class="label-tag">${device.tag}</p><p class="label-name">${device.name}</p><p class="label-help">Not working? Scan to tell us.</p><p class="label-url">${input.publicUrl.replace(/^https?:\/\//, '')}/report/${device.tag}</p></div>
</li>`,
    )}</ul>`,
  });
}
