import { html } from './html.js';
import { renderPage } from './layout.js';

const TITLES: Record<number, string> = {
  400: 'Something in the form needs fixing',
  403: 'That could not be sent',
  404: 'Page not found',
  413: 'That was too much text',
  429: 'Too many tries',
};

export function renderErrorPage(input: { libraryName: string; status: number; message: string }): string {
  const title = TITLES[input.status] ?? (input.status >= 500 ? 'Something went wrong' : 'That did not work');
  return renderPage({
    title,
    libraryName: input.libraryName,
    body: html`<h1>${title}</h1>
<p role="alert" class="error">${input.message}</p>
<p><a href="/">Back to the start page</a></p>`,
  });
}
