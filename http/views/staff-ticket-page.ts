import { html } from './html.js';
import { renderPage } from './layout.js';

/**
 * The page a ticket notice links to. It carries no ticket data at all: the script asks for the staff
 * token (kept only in this tab's sessionStorage), reads the ticket from the staff API with it and draws
 * it with textContent. Without a staff credential the page shows nothing but the sign-in box.
 */
export function renderStaffTicketPage(input: { libraryName: string; ticketNumber: string }): string {
  return renderPage({
    title: `Ticket ${input.ticketNumber}`,
    libraryName: input.libraryName,
    body: html`<h1>Ticket <span id="ticket-number">${input.ticketNumber}</span></h1>
<form id="staff-sign-in" class="box" hidden>
<label class="field" for="staff-token">Staff token<span class="hint">From your administrator (libdesk staff add). Kept in this tab only.</span></label>
<input type="text" id="staff-token" autocomplete="off" spellcheck="false">
<button class="primary" type="submit">Open ticket</button>
</form>
<p id="staff-error" class="error" hidden></p>
<section id="ticket" hidden>
<p class="muted" id="ticket-summary"></p>
<h2>Conversation</h2>
<ol id="ticket-conversation"></ol>
<h2>History</h2>
<ol id="ticket-events"></ol>
</section>`,
    tail: html`<script src="/staff/ticket-page.js" defer></script>`,
  });
}

/** The page's script: plain DOM, no inline code (the CSP allows only this server's script files). */
export const STAFF_TICKET_PAGE_SCRIPT = `(() => {
  const number = document.getElementById('ticket-number').textContent;
  const form = document.getElementById('staff-sign-in');
  const error = document.getElementById('staff-error');
  const show = (element, visible) => { element.hidden = !visible; };
  const line = (list, text) => { const item = document.createElement('li'); item.textContent = text; list.appendChild(item); };
  async function load(token) {
    const response = await fetch('/api/v1/tickets/' + encodeURIComponent(number), { headers: { authorization: 'Bearer ' + token } });
    if (response.status === 401) { sessionStorage.removeItem('libdesk-staff-token'); show(form, true); error.textContent = 'That token was not accepted.'; show(error, true); return; }
    if (!response.ok) { error.textContent = 'Could not load the ticket (' + response.status + ').'; show(error, true); return; }
    const ticket = await response.json();
    show(form, false); show(error, false);
    document.getElementById('ticket-summary').textContent = [ticket.subject, ticket.status, ticket.priority, ticket.assignee ? 'held by ' + ticket.assignee : 'unclaimed', ticket.slaDueAt ? 'due ' + new Date(ticket.slaDueAt).toLocaleString() : ''].filter(Boolean).join(' · ');
    const conversation = document.getElementById('ticket-conversation');
    for (const entry of ticket.conversation || []) line(conversation, new Date(entry.at).toLocaleString() + ' — ' + entry.from + ': ' + entry.text);
    const events = document.getElementById('ticket-events');
    for (const event of ticket.events) line(events, new Date(event.createdAt).toLocaleString() + ' — ' + event.type + ' by ' + event.actor + (event.internal ? ' (internal)' : '') + (event.body ? ': ' + event.body : ''));
    show(document.getElementById('ticket'), true);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = document.getElementById('staff-token').value.trim();
    if (!token) return;
    sessionStorage.setItem('libdesk-staff-token', token);
    load(token);
  });
  const saved = sessionStorage.getItem('libdesk-staff-token');
  if (saved) load(saved); else show(form, true);
})();
`;
