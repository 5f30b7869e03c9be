import { html } from '../../http/views/html.js';
import type { StaffIdentity } from '../../core/staff.js';
import { renderConsolePage } from './console-layout.js';

/** The parts of an OpenAPI 3 document this page shows. */
export interface OpenApiSummary {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, { summary?: string; description?: string; security?: Array<Record<string, unknown>>; parameters?: Array<{ name: string; in: string; required?: boolean }>; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; required?: string[] } }> } }>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The HTTP API, browsable: each path and method with its parameters and body fields, from the OpenAPI document. */
export function renderApiPage(input: { libraryName: string; staff: StaffIdentity; csrfToken: string; document: OpenApiSummary }): string {
  const entries = Object.entries(input.document.paths ?? {}).flatMap(([path, operations]) =>
    METHODS.filter((method) => operations[method]).map((method) => ({ path, method, operation: operations[method]! })),
  );
  return renderConsolePage({
    title: 'API',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'api',
    body: html`<h1>HTTP API</h1>
<p>${input.document.info?.title ?? 'Libdesk API'} ${input.document.info?.version ?? ''}. The full description, made from the routes’ own schemas: <a href="/api/openapi.json">OpenAPI 3 JSON</a> (open it in any OpenAPI viewer or client generator).</p>
<div class="table-scroll"><table class="plain">
<caption>Every operation</caption>
<thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Credential</th><th scope="col">Parameters</th><th scope="col">Body fields (required marked *)</th></tr></thead>
<tbody>${entries.map(({ path, method, operation }) => {
      const body = operation.requestBody?.content?.['application/json']?.schema;
      const required = new Set(body?.required ?? []);
      return html`<tr><td><code>${method.toUpperCase()}</code></td><th scope="row"><code>${path}</code></th>
<td>${(operation.security ?? []).flatMap((entry) => Object.keys(entry)).join(', ') || '—'}</td>
<td>${(operation.parameters ?? []).map((parameter) => `${parameter.name} (${parameter.in})`).join(', ') || '—'}</td>
<td>${Object.keys(body?.properties ?? {}).map((name) => (required.has(name) ? `${name}*` : name)).join(', ') || '—'}</td></tr>`;
    })}</tbody>
</table></div>`,
  });
}
