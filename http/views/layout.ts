import { html, type SafeHtml, unsafeRaw } from './html.js';

/** Plain, readable pages that work without JavaScript and on a phone held up to a device's QR code. */
const STYLES = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --accent: #0b5cad; --line: #d0d7de; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header.site { background: var(--accent); color: #fff; padding: 1rem 1.25rem; }
header.site a { color: #fff; text-decoration: none; }
header.site .name { font-size: 1.25rem; font-weight: 700; }
main { max-width: 40rem; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
.muted { color: var(--muted); }
.box { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
dl.device { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.device dt { font-weight: 600; }
dl.device dd { margin: 0; }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: 0.75rem 1rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
.choice { display: flex; gap: 0.6rem; align-items: center; padding: 0.35rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; }
label.field { display: block; font-weight: 600; margin-top: 1rem; }
.hint { display: block; font-weight: 400; color: var(--muted); font-size: 0.9rem; }
input[type=text], input[type=email], input[type=tel], textarea { width: 100%; font: inherit; padding: 0.6rem; border: 1px solid #8c959f; border-radius: 6px; margin-top: 0.35rem; }
textarea { min-height: 6rem; resize: vertical; }
:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
button.primary { margin-top: 1.25rem; font: inherit; font-weight: 600; background: var(--accent); color: #fff; border: 0; border-radius: 6px; padding: 0.75rem 1.5rem; min-height: 44px; cursor: pointer; }
.error { border: 1px solid #cf222e; background: #ffebe9; color: #82071e; border-radius: 8px; padding: 0.75rem 1rem; }
.ticket-number { font-size: 2rem; font-weight: 700; letter-spacing: 0.02em; margin: 0.25rem 0 0.5rem; }
ul.branches { padding-left: 1.2rem; }
.lead { font-size: 1.1rem; }
main table { border-collapse: collapse; margin: 1rem 0; }
main th, main td { border: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
main a { color: var(--accent); }
`;

export interface PageInput {
  title: string;
  libraryName: string;
  body: SafeHtml;
  /** The page's language (`lang` on <html>), for pages written in the patron's language; default English. */
  lang?: string;
  /** Markup that goes at the end of <body>, such as the chat widget's script tag. */
  tail?: SafeHtml;
}

export function renderPage({ title, libraryName, body, lang = 'en', tail }: PageInput): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${libraryName}</title>
<style>${unsafeRaw(STYLES)}</style>
</head>
<body>
<header class="site"><a class="name" href="/">${libraryName}</a></header>
<main id="main">
${body}
</main>
${tail}
</body>
</html>
`.value;
}
