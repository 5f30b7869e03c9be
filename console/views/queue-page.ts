import { html, type SafeHtml } from '../../http/views/html.js';
import type { StaffIdentity } from '../../core/staff.js';
import { TICKET_KINDS, TICKET_STATUSES, type TicketRef } from '../../core/tickets.js';
import { renderConsolePage } from './console-layout.js';
import { formatWhen, isoOf, KIND_LABELS, STATUS_LABELS } from './format.js';

/** The queue's filters as the form sends them (every one optional). */
export interface QueueFilterValues {
  status?: string;
  kind?: string;
  branch?: string;
  assignee?: string;
  overdue?: boolean;
}

export interface QueuePageInput {
  libraryName: string;
  staff: StaffIdentity;
  csrfToken: string;
  filters: QueueFilterValues;
  tickets: TicketRef[];
  nextPageHref?: string;
  branches: Array<{ id: string; name: string }>;
  staffNames: string[];
  now: Date;
  timeZone: string;
}

/** The status choices: single statuses plus the everyday "still to do" set. */
export const QUEUE_STATUS_CHOICES: Array<{ value: string; label: string }> = [
  { value: 'active', label: 'To do (open, claimed, waiting)' },
  { value: 'all', label: 'Any status' },
  ...TICKET_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status]! })),
];

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${value === (selected ?? '') ? html` selected` : ''}>${label}</option>`;
}

function row(ticket: TicketRef, input: QueuePageInput): SafeHtml {
  const overdue = ticket.slaDueAt !== undefined && ticket.slaDueAt <= input.now;
  const branch = input.branches.find((candidate) => candidate.id === ticket.branchId)?.name ?? ticket.branchId ?? '—';
  return html`<tr data-ticket="${ticket.number}"${overdue ? html` class="overdue"` : ''}>
<th scope="row" data-label="Ticket"><a href="/staff/queue/${ticket.number}">${ticket.number}</a></th>
<td data-label="Subject">${ticket.subject}</td>
<td data-label="Status"><span class="status status-${ticket.status}">${STATUS_LABELS[ticket.status] ?? ticket.status}</span></td>
<td data-label="Kind">${KIND_LABELS[ticket.kind] ?? ticket.kind}${ticket.assetTag ? html` · ${ticket.assetTag}` : ''}</td>
<td data-label="Branch">${branch}</td>
<td data-label="Assignee">${ticket.assignee ?? html`<span class="muted">nobody</span>`}</td>
<td data-label="Due">${ticket.slaDueAt
    ? html`<time datetime="${isoOf(ticket.slaDueAt)}">${formatWhen(ticket.slaDueAt, input.timeZone)}</time>${overdue ? html` <strong class="late">overdue</strong>` : ''}`
    : html`<span class="muted">—</span>`}</td>
</tr>`;
}

export function renderQueueList(input: QueuePageInput): SafeHtml {
  return html`<div id="queue-list">
${input.tickets.length === 0
  ? html`<p class="empty">No tickets match these filters.</p>`
  : html`<table class="queue">
<caption class="visually-hidden">Tickets, newest first</caption>
<thead><tr><th scope="col">Ticket</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Kind</th><th scope="col">Branch</th><th scope="col">Assignee</th><th scope="col">Due</th></tr></thead>
<tbody>
${input.tickets.map((ticket) => row(ticket, input))}
</tbody>
</table>`}
${input.nextPageHref ? html`<p><a class="button" href="${input.nextPageHref}">Older tickets</a></p>` : ''}
</div>`;
}

export function renderQueuePage(input: QueuePageInput): string {
  const f = input.filters;
  return renderConsolePage({
    title: 'Queue',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'queue',
    body: html`<h1>Queue</h1>
<form class="filters" method="get" action="/staff/queue" aria-label="Filter tickets">
<div><label for="f-status">Status</label>
<select id="f-status" name="status">${QUEUE_STATUS_CHOICES.map((choice) => option(choice.value, choice.label, f.status ?? 'active'))}</select></div>
<div><label for="f-kind">Kind</label>
<select id="f-kind" name="kind">${option('', 'Any kind', f.kind)}${TICKET_KINDS.map((kind) => option(kind, KIND_LABELS[kind]!, f.kind))}</select></div>
<div><label for="f-branch">Branch</label>
<select id="f-branch" name="branch">${option('', 'Any branch', f.branch)}${input.branches.map((branch) => option(branch.id, branch.name, f.branch))}</select></div>
<div><label for="f-assignee">Assignee</label>
<select id="f-assignee" name="assignee">${option('', 'Anyone', f.assignee)}${option('me', 'Me', f.assignee)}${option('none', 'Nobody', f.assignee)}${input.staffNames.map((name) => option(name, name, f.assignee))}</select></div>
<div class="check"><input id="f-overdue" name="overdue" type="checkbox" value="true"${f.overdue ? html` checked` : ''}><label for="f-overdue">Overdue only</label></div>
<div><button type="submit">Show</button></div>
</form>
<p id="queue-status" class="live" role="status" aria-live="polite"></p>
${renderQueueList(input)}
<div id="queue-feed" data-events="/staff/queue/events" hidden></div>`,
  });
}
