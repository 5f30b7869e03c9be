import { html } from '../../http/views/html.js';
import { renderConsolePage } from './console-layout.js';

export interface SignInPageInput {
  libraryName: string;
  csrfToken: string;
  /** Where to go after signing in (a console path). */
  next: string;
  error?: string;
  name?: string;
}

export function renderSignInPage(input: SignInPageInput): string {
  return renderConsolePage({
    title: 'Sign in',
    libraryName: input.libraryName,
    body: html`<h1>Sign in to the staff console</h1>
${input.error ? html`<p class="error" role="alert" id="sign-in-error">${input.error}</p>` : ''}
<form class="panel" method="post" action="/staff/sign-in">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<input type="hidden" name="next" value="${input.next}">
<h2>With your password</h2>
<label for="name">Staff name</label>
<input id="name" name="name" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" value="${input.name ?? ''}"${input.error ? html` aria-describedby="sign-in-error"` : ''}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<button class="primary" type="submit">Sign in</button>
</form>
<form class="panel" method="post" action="/staff/sign-in">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<input type="hidden" name="next" value="${input.next}">
<h2>Or with your staff token</h2>
<label for="token">Staff token <span class="hint">From <code>libdesk staff add</code> or <code>libdesk staff rotate</code>.</span></label>
<input id="token" name="token" type="password" autocomplete="off" spellcheck="false">
<button type="submit">Sign in with token</button>
</form>
<p class="hint">No password yet? An administrator sets one with <code>libdesk staff password NAME</code>.</p>`,
  });
}
