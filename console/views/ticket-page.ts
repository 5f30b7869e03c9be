import { html, type SafeHtml } from '../../http/views/html.js';
import type { Asset } from '../../core/assets.js';
import type { ConversationEntry } from '../../core/inquiry-service.js';
import type { StaffIdentity } from '../../core/staff.js';
import { ticketActionAllowedFrom, type TicketDetail, type TicketEventView, type TicketRef } from '../../core/tickets.js';
import type { CannedReply } from '../canned-replies.js';
import { renderConsolePage } from './console-layout.js';
import { formatWhen, isoOf, KIND_LABELS, STATUS_LABELS } from './format.js';

export interface TicketPageInput {
  libraryName: string;
  staff: StaffIdentity;
  csrfToken: string;
  ticket: TicketDetail;
  /** The patron conversation (patron, assistant and staff messages), oldest first; absent when unknown. */
  conversation?: ConversationEntry[];
  device?: Asset;
  /** Other tickets about the same device, newest first. */
  deviceHistory: TicketRef[];
  branchName?: string;
  staffNames: string[];
  cannedReplies: CannedReply[];
  readScale?: number;
  /** A confirmation of the action just done, chosen by the server (never reflected input). */
  notice?: string;
  timeZone: string;
}

/** The READ scale's six levels, as the scale's authors describe them in short. */
export const READ_SCALE_LEVELS: Record<number, string> = {
  1: '1 — Answer with no specialised knowledge (directions, hours)',
  2: '2 — Some knowledge of the library’s resources',
  3: '3 — Reference knowledge, a few sources',
  4: '4 — Several sources, some consultation',
  5: '5 — Substantial research, specialist knowledge',
  6: '6 — In-depth research, collaboration, follow-up',
};

const FROM_LABELS: Record<ConversationEntry['from'], string> = { patron: 'Patron', assistant: 'Assistant', staff: 'Staff' };

const EVENT_LABELS: Record<string, string> = {
  opened: 'Opened',
  comment: 'Patron wrote',
  reply: 'Reply to patron',
  note: 'Internal note',
  claimed: 'Claimed',
  assigned: 'Assigned',
  priority: 'Priority changed',
  waiting: 'Waiting on patron',
  resolved: 'Resolved',
  reopened: 'Reopened',
  closed: 'Closed',
  escalated: 'Missed its due time',
  status: 'Status changed',
};

function can(ticket: TicketRef, action: Parameters<typeof ticketActionAllowedFrom>[0]): boolean {
  return ticketActionAllowedFrom(action).includes(ticket.status);
}

function csrf(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

function eventItem(event: TicketEventView, timeZone: string): SafeHtml {
  return html`<li class="event${event.internal ? ' internal' : ''}">
<p class="meta"><strong>${event.internal ? 'Internal note (staff only)' : (EVENT_LABELS[event.type] ?? event.type)}</strong> · ${event.actor} · <time datetime="${isoOf(event.createdAt)}">${formatWhen(event.createdAt, timeZone)}</time></p>
${event.body ? html`<p class="body">${event.body}</p>` : ''}
</li>`;
}

export function renderTicketPage(input: TicketPageInput): string {
  const { ticket, csrfToken: token, timeZone } = input;
  const action = (name: string) => `/staff/queue/${ticket.number}/${name}`;
  const notes = ticket.events.filter((event) => event.internal);
  return renderConsolePage({
    title: `${ticket.number} ${ticket.subject}`,
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: token,
    current: 'queue',
    body: html`<p><a href="/staff/queue">← Back to the queue</a></p>
<h1><span class="number">${ticket.number}</span> ${ticket.subject}</h1>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
<dl class="facts">
<dt>Status</dt><dd><span class="status status-${ticket.status}" id="ticket-status">${STATUS_LABELS[ticket.status] ?? ticket.status}</span></dd>
<dt>Kind</dt><dd>${KIND_LABELS[ticket.kind] ?? ticket.kind}</dd>
<dt>Priority</dt><dd>${ticket.priority}</dd>
<dt>Branch</dt><dd>${input.branchName ?? ticket.branchId ?? '—'}</dd>
<dt>Assignee</dt><dd id="ticket-assignee">${ticket.assignee ?? 'nobody'}</dd>
<dt>Patron wrote by</dt><dd>${ticket.requesterChannel}</dd>
<dt>Opened</dt><dd><time datetime="${isoOf(ticket.createdAt)}">${formatWhen(ticket.createdAt, timeZone)}</time></dd>
${ticket.slaDueAt ? html`<dt>Due</dt><dd><time datetime="${isoOf(ticket.slaDueAt)}">${formatWhen(ticket.slaDueAt, timeZone)}</time></dd>` : ''}
<dt>READ scale</dt><dd>${input.readScale ? READ_SCALE_LEVELS[input.readScale] : 'not recorded'}</dd>
</dl>

<div class="columns">
<section aria-labelledby="conversation-heading">
<h2 id="conversation-heading">Conversation</h2>
<p class="patron-words"><span class="visually-hidden">The patron wrote: </span>${ticket.description}</p>
${input.conversation && input.conversation.length > 0
  ? html`<ol class="conversation">${input.conversation.map(
      (entry) => html`<li class="msg from-${entry.from}"><p class="meta"><strong>${FROM_LABELS[entry.from]}</strong> · <time datetime="${isoOf(entry.at)}">${formatWhen(entry.at, timeZone)}</time></p><p class="body">${entry.text}</p></li>`,
    )}</ol>`
  : html`<p class="muted">No chat messages to show (the patron wrote by ${ticket.requesterChannel}).</p>`}
${notes.length > 0
  ? html`<h3>Internal notes</h3><ol class="timeline">${notes.map((event) => eventItem(event, timeZone))}</ol>`
  : ''}
<h2>History</h2>
<ol class="timeline">${ticket.events.map((event) => eventItem(event, timeZone))}</ol>
</section>

<section aria-labelledby="actions-heading" class="actions">
<h2 id="actions-heading">Work on this ticket</h2>
${can(ticket, 'claim') && ticket.assignee !== input.staff.name
  ? html`<form method="post" action="${action('claim')}">${csrf(token)}<button class="primary" type="submit">Claim</button></form>`
  : ''}
${can(ticket, 'reply')
  ? html`<form method="post" action="${action('reply')}" class="panel">${csrf(token)}
<h3>Reply to the patron</h3>
${input.cannedReplies.length > 0
  ? html`<label for="canned">Canned reply</label>
<select id="canned" name="canned" data-fills="reply-body">
<option value="">— none —</option>
${input.cannedReplies.map((reply) => html`<option value="${reply.id}" data-text="${reply.text}">${reply.title}</option>`)}
</select>`
  : ''}
<label for="reply-body">Reply text <span class="hint">The patron reads this in ${ticket.requesterChannel === 'web' ? 'the web chat' : `their ${ticket.requesterChannel} conversation`}.</span></label>
<textarea id="reply-body" name="body" rows="4"></textarea>
<button class="primary" type="submit">Send reply</button>
</form>`
  : ''}
<form method="post" action="${action('note')}" class="panel">${csrf(token)}
<h3>Internal note</h3>
<label for="note-body">Note <span class="hint">Staff only; never sent to the patron.</span></label>
<textarea id="note-body" name="body" rows="3" required></textarea>
<button type="submit">Add note</button>
</form>
${can(ticket, 'assign')
  ? html`<form method="post" action="${action('assign')}" class="panel inline">${csrf(token)}
<label for="assignee">Assign to</label>
<select id="assignee" name="assignee">${input.staffNames.map((name) => html`<option value="${name}"${name === ticket.assignee ? html` selected` : ''}>${name}</option>`)}</select>
<button type="submit">Assign</button>
</form>`
  : ''}
${can(ticket, 'resolve')
  ? html`<form method="post" action="${action('resolve')}" class="panel">${csrf(token)}
<h3>Resolve</h3>
<label for="resolve-body">Message to the patron <span class="hint">Optional; without it they get the standard notice.</span></label>
<textarea id="resolve-body" name="body" rows="2"></textarea>
<button type="submit">Resolve</button>
</form>`
  : ''}
${can(ticket, 'reopen')
  ? html`<form method="post" action="${action('reopen')}" class="panel">${csrf(token)}
<h3>Reopen</h3>
<label for="reopen-reason">Reason</label>
<input id="reopen-reason" name="reason" type="text" required>
<button type="submit">Reopen</button>
</form>`
  : ''}
<form method="post" action="${action('read-scale')}" class="panel inline">${csrf(token)}
<label for="read-scale">READ scale <span class="hint">Effort this question took (1–6).</span></label>
<select id="read-scale" name="scale">${[1, 2, 3, 4, 5, 6].map((level) => html`<option value="${level}"${level === input.readScale ? html` selected` : ''}>${READ_SCALE_LEVELS[level]}</option>`)}</select>
<button type="submit">Record</button>
</form>
${input.device
  ? html`<section aria-labelledby="device-heading" class="panel">
<h3 id="device-heading">Device ${input.device.tag}</h3>
<dl class="facts"><dt>Name</dt><dd>${input.device.name}</dd><dt>Where</dt><dd>${input.device.location}</dd></dl>
<h4>Other tickets about it</h4>
${input.deviceHistory.length === 0
  ? html`<p class="muted">None.</p>`
  : html`<ul>${input.deviceHistory.map(
      (other) => html`<li><a href="/staff/queue/${other.number}">${other.number}</a> ${other.subject} · ${STATUS_LABELS[other.status] ?? other.status} · <time datetime="${isoOf(other.createdAt)}">${formatWhen(other.createdAt, timeZone)}</time></li>`,
    )}</ul>`}
</section>`
  : ''}
</section>
</div>`,
  });
}
