import { html } from '../../http/views/html.js';
import type { StaffIdentity } from '../../core/staff.js';
import { renderConsolePage } from './console-layout.js';

export interface StaffListEntry {
  name: string;
  role: string;
  hasPassword: boolean;
  disabled: boolean;
}

/** Admin only: who may use the console, and whether they can sign in with a password yet. */
export function renderStaffListPage(input: { libraryName: string; staff: StaffIdentity; csrfToken: string; members: StaffListEntry[] }): string {
  return renderConsolePage({
    title: 'Staff',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'staff',
    body: html`<h1>Staff</h1>
<p>Members are added on the server with <code>libdesk staff add NAME</code>; <code>libdesk staff password NAME</code> sets a console password.</p>
<table class="plain">
<caption class="visually-hidden">Staff members</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Password</th><th scope="col">State</th></tr></thead>
<tbody>${input.members.map(
      (member) => html`<tr><th scope="row">${member.name}</th><td>${member.role}</td><td>${member.hasPassword ? 'set' : 'not set'}</td><td>${member.disabled ? 'disabled' : 'active'}</td></tr>`,
    )}</tbody>
</table>`,
  });
}
