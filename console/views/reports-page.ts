import { html, type SafeHtml } from '../../http/views/html.js';
import type { StaffIdentity } from '../../core/staff.js';
import type { Report } from '../../reports/index.js';
import { renderConsolePage } from './console-layout.js';

export interface ReportsPageInput {
  libraryName: string;
  staff: StaffIdentity;
  csrfToken: string;
  report: Report;
  /** The form's values: local days and the period. */
  from: string;
  to: string;
  period: 'day' | 'week' | 'month';
  branchName: (id: string) => string;
}

/** What a chart draws, read by console-reports.js from the canvas (no inline script). */
interface ChartSpec {
  type: 'bar';
  horizontal?: boolean;
  stacked?: boolean;
  labels: string[];
  datasets: Array<{ label: string; data: number[] }>;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const minutes = (value: number | null) => (value === null ? '—' : `${value} min`);

function sorted(record: Record<string, number>): Array<[string, number]> {
  return Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * One report section: a heading, the chart (a canvas with a text alternative that points at the table),
 * the same numbers as a table, and a CSV link.
 */
function section(input: { id: string; title: string; summary?: SafeHtml; chart?: ChartSpec; table: SafeHtml; csvHref: string; empty: boolean }): SafeHtml {
  return html`<section class="report" aria-labelledby="${input.id}-heading">
<h2 id="${input.id}-heading">${input.title}</h2>
${input.summary ?? ''}
${input.empty
  ? html`<p class="muted">Nothing in this range.</p>`
  : html`${input.chart
      ? html`<figure class="chart"><canvas id="${input.id}-chart" role="img" aria-label="${input.title}: chart; the same numbers are in the table below." data-chart="${JSON.stringify(input.chart)}"></canvas></figure>`
      : ''}
<div class="table-scroll">${input.table}</div>`}
<p><a href="${input.csvHref}" download>Download “${input.title}” as CSV</a></p>
</section>`;
}

function countTable(caption: string, head: [string, string], rows: Array<[string, number]>): SafeHtml {
  return html`<table class="plain"><caption>${caption}</caption>
<thead><tr><th scope="col">${head[0]}</th><th scope="col">${head[1]}</th></tr></thead>
<tbody>${rows.map(([label, count]) => html`<tr><th scope="row">${label}</th><td>${count}</td></tr>`)}</tbody></table>`;
}

export function renderReportsPage(input: ReportsPageInput): string {
  const { report } = input;
  const query = new URLSearchParams({ from: input.from, to: input.to, period: input.period }).toString();
  const csv = (table: string) => `/staff/reports/csv/${table}?${query}`;
  const channels = Object.keys(report.inquiries.byChannel).sort();
  const byPeriod = report.inquiries.byPeriod;
  const groups = report.tickets.byKindAndBranch;
  const readLevels = ['1', '2', '3', '4', '5', '6'] as const;

  return renderConsolePage({
    title: 'Reports',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'reports',
    body: html`<h1>Reports</h1>
<form class="filters" method="get" action="/staff/reports" aria-label="Report range">
<div><label for="r-from">From (day)</label><input id="r-from" name="from" type="date" value="${input.from}" required></div>
<div><label for="r-to">To (day, included)</label><input id="r-to" name="to" type="date" value="${input.to}" required></div>
<div><label for="r-period">Per</label><select id="r-period" name="period">${(['day', 'week', 'month'] as const).map(
      (period) => html`<option value="${period}"${period === input.period ? html` selected` : ''}>${period}</option>`,
    )}</select></div>
<div><button type="submit">Show report</button></div>
</form>
<p class="muted">Days in ${report.range.timeZone}. Counts, shares and times only: no message and no patron appears here.</p>

${section({
  id: 'inquiries',
  title: `Inquiries per ${input.period} by channel`,
  summary: html`<p><strong id="inquiries-total">${report.inquiries.total}</strong> inquiries · answered by the assistant <strong>${percent(report.inquiries.assistantShare)}</strong> · handed to staff <strong>${percent(report.inquiries.staffShare)}</strong></p>`,
  chart: { type: 'bar', stacked: true, labels: byPeriod.map((row) => row.period), datasets: channels.map((channel) => ({ label: channel, data: byPeriod.map((row) => row.byChannel[channel] ?? 0) })) },
  table: html`<table class="plain"><caption>Inquiries per ${input.period} and channel</caption>
<thead><tr><th scope="col">${input.period}</th>${channels.map((channel) => html`<th scope="col">${channel}</th>`)}<th scope="col">Total</th></tr></thead>
<tbody>${byPeriod.map((row) => html`<tr><th scope="row">${row.period}</th>${channels.map((channel) => html`<td>${row.byChannel[channel] ?? 0}</td>`)}<td>${row.total}</td></tr>`)}</tbody></table>`,
  csvHref: csv('inquiries'),
  empty: report.inquiries.total === 0,
})}

${section({
  id: 'outcomes',
  title: 'Outcomes',
  chart: { type: 'bar', labels: sorted(report.inquiries.byOutcome).map(([key]) => key), datasets: [{ label: 'Inquiries', data: sorted(report.inquiries.byOutcome).map(([, count]) => count) }] },
  table: countTable('Inquiries by outcome', ['Outcome', 'Inquiries'], sorted(report.inquiries.byOutcome)),
  csvHref: csv('inquiries'),
  empty: report.inquiries.total === 0,
})}

${section({
  id: 'intents',
  title: 'What patrons asked about',
  chart: { type: 'bar', horizontal: true, labels: sorted(report.inquiries.byIntent).map(([key]) => key), datasets: [{ label: 'Inquiries', data: sorted(report.inquiries.byIntent).map(([, count]) => count) }] },
  table: countTable('Inquiries by intent', ['Intent', 'Inquiries'], sorted(report.inquiries.byIntent)),
  csvHref: csv('intents'),
  empty: report.inquiries.total === 0,
})}

${section({
  id: 'tickets',
  title: 'Tickets: response and resolution by kind and branch',
  summary: html`<p><strong id="tickets-total">${report.tickets.total}</strong> tickets · first response median ${minutes(report.tickets.firstResponse.median)}, 90th percentile ${minutes(report.tickets.firstResponse.p90)} · resolution median ${minutes(report.tickets.resolution.median)}, 90th percentile ${minutes(report.tickets.resolution.p90)}</p>`,
  chart: {
    type: 'bar',
    labels: groups.map((row) => `${row.kind} · ${input.branchName(row.branchId)}`),
    datasets: [
      { label: 'Opened', data: groups.map((row) => row.opened) },
      { label: 'First-response breaches', data: groups.map((row) => row.firstResponseBreaches) },
      { label: 'Resolution breaches', data: groups.map((row) => row.resolutionBreaches) },
    ],
  },
  table: html`<table class="plain"><caption>Tickets by kind and branch</caption>
<thead><tr><th scope="col">Kind</th><th scope="col">Branch</th><th scope="col">Opened</th><th scope="col">Resolved</th><th scope="col">First response median</th><th scope="col">First response p90</th><th scope="col">Resolution median</th><th scope="col">Resolution p90</th><th scope="col">First-response breaches</th><th scope="col">Resolution breaches</th></tr></thead>
<tbody>${groups.map(
      (row) => html`<tr><th scope="row">${row.kind}</th><td>${input.branchName(row.branchId)}</td><td>${row.opened}</td><td>${row.resolved}</td><td>${minutes(row.firstResponse.median)}</td><td>${minutes(row.firstResponse.p90)}</td><td>${minutes(row.resolution.median)}</td><td>${minutes(row.resolution.p90)}</td><td>${row.firstResponseBreaches}</td><td>${row.resolutionBreaches}</td></tr>`,
    )}</tbody></table>`,
  csvHref: csv('tickets'),
  empty: report.tickets.total === 0,
})}

${section({
  id: 'read-scale',
  title: 'READ scale (effort per question, 1–6)',
  chart: { type: 'bar', labels: [...readLevels], datasets: [{ label: 'Tickets', data: readLevels.map((level) => report.tickets.readScale[level]) }] },
  table: countTable('Tickets by READ scale level', ['Level', 'Tickets'], readLevels.map((level) => [level, report.tickets.readScale[level]])),
  csvHref: csv('read-scale'),
  empty: readLevels.every((level) => report.tickets.readScale[level] === 0),
})}

${section({
  id: 'devices',
  title: 'Device tickets',
  chart: { type: 'bar', horizontal: true, labels: report.devices.map((row) => row.assetTag), datasets: [{ label: 'Tickets', data: report.devices.map((row) => row.tickets) }] },
  table: html`<table class="plain"><caption>Tickets per device</caption>
<thead><tr><th scope="col">Device</th><th scope="col">Branch</th><th scope="col">Tickets</th></tr></thead>
<tbody>${report.devices.map((row) => html`<tr><th scope="row">${row.assetTag}</th><td>${input.branchName(row.branchId)}</td><td>${row.tickets}</td></tr>`)}</tbody></table>`,
  csvHref: csv('devices'),
  empty: report.devices.length === 0,
})}

${section({
  id: 'unanswered',
  title: 'Questions the assistant could not answer',
  summary: html`<p>${report.unanswered.total} unanswered, grouped by the words they share: the articles worth writing.</p>`,
  chart: { type: 'bar', horizontal: true, labels: report.unanswered.topics.map((row) => row.topic), datasets: [{ label: 'Questions', data: report.unanswered.topics.map((row) => row.count) }] },
  table: countTable('Unanswered questions by topic', ['Topic', 'Questions'], report.unanswered.topics.map((row) => [row.topic, row.count])),
  csvHref: csv('unanswered'),
  empty: report.unanswered.topics.length === 0,
})}
<script src="/staff/assets/chart.umd.min.js" defer></script>
<script src="/staff/assets/console-reports.js" defer></script>`,
  });
}
