import type { Branch } from '../../core/calendar.js';
import { html } from './html.js';
import { renderPage } from './layout.js';

/** The demo page: who we are, what to ask, and the chat widget embedded as any library site would. */
export function renderHomePage(input: { libraryName: string; branches: Branch[] }): string {
  return renderPage({
    title: 'Ask the library',
    libraryName: input.libraryName,
    body: html`<h1>Ask ${input.libraryName}</h1>
<p>Our assistant answers around the clock: opening hours, where to find a book, renewing your loans, placing a hold,
or telling staff about a computer or printer that is not working. When it cannot help, it passes your question to a librarian.</p>
<p>Open the chat with the <strong>Chat with us</strong> button in the corner of the page.</p>
${
  input.branches.length > 0
    ? html`<h2>Our branches</h2><ul class="branches">${input.branches.map(
        (branch) => html`<li><strong>${branch.name}</strong>${branch.address ? html` — ${branch.address}` : ''}</li>`,
      )}</ul>`
    : ''
}`,
    tail: html`<script src="/widget.js" defer data-title="${input.libraryName}"></script>`,
  });
}
