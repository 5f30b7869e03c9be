import type { Asset } from '../../core/assets.js';
import type { TicketRef } from '../../core/tickets.js';
import { REPORT_PROBLEMS, type ReportFormValues } from '../routes/report/report-form.js';
import { html } from './html.js';
import { renderPage } from './layout.js';

export interface ReportFormPageInput {
  libraryName: string;
  asset: Asset;
  branchName: string | undefined;
  submissionId: string;
  /** The CSRF token that must come back with the form. */
  csrfToken: string;
  values?: ReportFormValues;
  errors?: string[];
}

/** The form a QR code on a device opens; it works without JavaScript. */
export function renderReportFormPage(input: ReportFormPageInput): string {
  const { asset, values = {}, errors = [] } = input;
  const choices = Object.entries(REPORT_PROBLEMS).map(
    ([value, label]) => html`<div class="choice"><input type="radio" id="problem-${value}" name="problem" value="${value}" required${
      values.problem === value ? html` checked` : ''
    }><label for="problem-${value}">${capitalize(label)}</label></div>`,
  );
  const errorBox =
    errors.length > 0
      ? html`<div class="error" role="alert" id="form-errors"><p><strong>Please check the form:</strong></p><ul>${errors.map(
          (error) => html`<li>${error}</li>`,
        )}</ul></div>`
      : '';
  return renderPage({
    title: `Report a problem with ${asset.tag}`,
    libraryName: input.libraryName,
    body: html`<h1>Report a problem with ${asset.name}</h1>
${errorBox}
<section class="box" aria-labelledby="device-heading">
<h2 id="device-heading" style="margin-top:0">Device</h2>
<dl class="device">
<dt>Tag</dt><dd>${asset.tag}</dd>
<dt>Device</dt><dd>${asset.name}</dd>
${input.branchName ? html`<dt>Branch</dt><dd>${input.branchName}</dd>` : ''}
<dt>Where</dt><dd>${asset.location}</dd>
</dl>
</section>
<form method="post" action="/report/${encodeURIComponent(asset.tag)}" novalidate>
<input type="hidden" name="submission" value="${input.submissionId}">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<fieldset>
<legend>What is wrong?</legend>
${choices}
</fieldset>
<label class="field" for="details">Tell us more <span class="hint">Optional, unless you chose "other".</span></label>
<textarea id="details" name="details" maxlength="2000">${values.details ?? ''}</textarea>
<label class="field" for="contact">Phone or e-mail <span class="hint">Optional: we will let you know when it is fixed.</span></label>
<input type="text" id="contact" name="contact" autocomplete="email" inputmode="email" value="${values.contact ?? ''}">
<button type="submit" class="primary">Send report</button>
</form>`,
  });
}

export interface ReportConfirmationInput {
  libraryName: string;
  asset: Asset;
  ticket: TicketRef | undefined;
  replyText: string;
}

export function renderReportConfirmationPage(input: ReportConfirmationInput): string {
  const { ticket } = input;
  return renderPage({
    title: ticket ? `Report received: ${ticket.number}` : 'Report received',
    libraryName: input.libraryName,
    body: html`<h1>Thank you, we have your report</h1>
${
  ticket
    ? html`<div class="box"><p class="muted" style="margin:0">Your ticket number</p><p class="ticket-number" data-ticket-number>${ticket.number}</p>
<p style="margin:0">${ticket.existing ? 'Someone already reported this device; we added your report to that ticket.' : 'Staff have been told about it.'}</p></div>`
    : ''
}
<p>${input.replyText}</p>
<p class="muted">Device: ${input.asset.tag}, ${input.asset.name}, ${input.asset.location}.</p>
<p><a href="/report/${encodeURIComponent(input.asset.tag)}">Report another problem with this device</a></p>`,
  });
}

export function renderUnknownAssetPage(input: { libraryName: string; tag: string }): string {
  return renderPage({
    title: 'Device not found',
    libraryName: input.libraryName,
    body: html`<h1>We don't know a device called “${input.tag}”</h1>
<p class="error" role="alert">No device has the tag ${input.tag}. Check the label on the device (it looks like PC-07), or ask at the front desk.</p>
<p><a href="/">Ask us in the chat instead</a></p>`,
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
