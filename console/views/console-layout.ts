import { html, type SafeHtml } from '../../http/views/html.js';
import type { StaffIdentity } from '../../core/staff.js';

export interface ConsolePageInput {
  title: string;
  libraryName: string;
  body: SafeHtml;
  /** The signed-in member; absent on the sign-in page. */
  staff?: StaffIdentity;
  /** The CSRF token for the sign-out form in the header. */
  csrfToken?: string;
  /** Which nav item is the current page. */
  current?: 'queue' | 'reports' | 'api' | 'devices' | 'library' | 'articles' | 'staff';
}

/**
 * Every console page: a skip link, a header with real links (keyboard and screen-reader friendly), the
 * stylesheet and script as files (the CSP allows no inline script), and a layout that reflows on a phone.
 */
export function renderConsolePage(input: ConsolePageInput): string {
  const { staff } = input;
  const navLink = (href: string, label: string, key: ConsolePageInput['current']) =>
    html`<li><a href="${href}"${input.current === key ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · Staff console · ${input.libraryName}</title>
<link rel="stylesheet" href="/staff/assets/console.css">
<script src="/staff/assets/console.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="console">
<p class="brand"><span>${input.libraryName}</span> · Staff console</p>
${staff
  ? html`<nav aria-label="Console">
<ul>
${navLink('/staff/queue', 'Queue', 'queue')}
${navLink('/staff/reports', 'Reports', 'reports')}
${navLink('/staff/api', 'API', 'api')}
${staff.role === 'admin' ? html`${navLink('/staff/admin/devices', 'Devices', 'devices')}${navLink('/staff/admin/library', 'Hours', 'library')}${navLink('/staff/admin/articles', 'Articles', 'articles')}${navLink('/staff/admin/staff', 'Staff', 'staff')}` : ''}
</ul>
</nav>
<form class="sign-out" method="post" action="/staff/sign-out">
<input type="hidden" name="_csrf" value="${input.csrfToken ?? ''}">
<span class="who">${staff.name} (${staff.role})</span>
<button type="submit">Sign out</button>
</form>`
  : ''}
</header>
<main id="main" tabindex="-1">
${input.body}
</main>
</body>
</html>
`.value;
}
