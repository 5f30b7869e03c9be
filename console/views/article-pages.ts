import { html } from '../../http/views/html.js';
import type { StaffIdentity } from '../../core/staff.js';
import type { ArticleEntry } from '../../knowledge/index.js';
import { renderConsolePage } from './console-layout.js';
import { formatWhen, isoOf } from './format.js';

interface Common {
  libraryName: string;
  staff: StaffIdentity;
  csrfToken: string;
  timeZone: string;
}

/** A problem `libdesk kb check` found, as the editor shows it. */
export interface ArticleProblem {
  severity: 'error' | 'warning';
  message: string;
}

const slugOf = (name: string) => name.replace(/\.md$/, '');
const sourceLabel = (entry: ArticleEntry) => (entry.source === 'file' ? 'shipped file' : entry.shipped ? 'edited here' : 'added here');

export function renderArticlesPage(input: Common & { articles: ArticleEntry[]; notice?: string; error?: string }): string {
  return renderConsolePage({
    title: 'Articles',
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'articles',
    body: html`<h1>Articles</h1>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<p><a class="button" href="/staff/admin/articles/new">Write a new article</a></p>
<div class="table-scroll"><table class="plain">
<caption>Articles the assistant answers from</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">Language</th><th scope="col">Source</th><th scope="col">Updated</th><th scope="col">State</th><th scope="col">Change</th></tr></thead>
<tbody>${input.articles.map((entry) => {
      const slug = slugOf(entry.name);
      const id = entry.article?.id ?? slug;
      return html`<tr data-article="${slug}"${entry.retired ? html` class="retired"` : ''}>
<th scope="row">${id}</th><td>${entry.article?.title ?? html`<span class="late">does not load</span>`}</td><td>${entry.article?.language ?? ''}</td>
<td>${sourceLabel(entry)}</td>
<td>${entry.updatedAt ? html`${entry.updatedBy ?? ''}, <time datetime="${isoOf(entry.updatedAt)}">${formatWhen(entry.updatedAt, input.timeZone)}</time>` : '—'}</td>
<td>${entry.retired ? 'retired' : 'in use'}</td>
<td><a href="/staff/admin/articles/${encodeURIComponent(slug)}/edit">Edit<span class="visually-hidden"> ${id}</span></a>
<form class="inline-form" method="post" action="/staff/admin/articles/${encodeURIComponent(slug)}/${entry.retired ? 'restore' : 'retire'}">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<button type="submit">${entry.retired ? 'Restore' : 'Retire'}<span class="visually-hidden"> ${id}</span></button>
</form></td>
</tr>`;
    })}</tbody>
</table></div>`,
  });
}

export function renderArticleFormPage(
  input: Common & { entry?: ArticleEntry; text: string; revision: number; problems?: ArticleProblem[]; saved?: boolean; preview?: string },
): string {
  const editing = input.entry !== undefined;
  const slug = editing ? slugOf(input.entry!.name) : undefined;
  const title = editing ? `Edit ${slug}` : 'Write a new article';
  const errors = (input.problems ?? []).filter((problem) => problem.severity === 'error');
  const warnings = (input.problems ?? []).filter((problem) => problem.severity === 'warning');
  return renderConsolePage({
    title,
    libraryName: input.libraryName,
    staff: input.staff,
    csrfToken: input.csrfToken,
    current: 'articles',
    body: html`<p><a href="/staff/admin/articles">← All articles</a></p>
<h1>${title}</h1>
${input.saved ? html`<p class="notice" role="status">Article saved. Every Libdesk process answers with it within seconds.</p>` : ''}
${errors.length ? html`<div class="error" role="alert" id="article-problems"><p>Nothing was saved. <code>libdesk kb check</code> found:</p><ul>${errors.map((problem) => html`<li>${problem.message}</li>`)}</ul></div>` : ''}
${warnings.length ? html`<div class="panel warnings" id="article-warnings"><p>Worth a look (these do not stop a save):</p><ul>${warnings.map((problem) => html`<li>${problem.message}</li>`)}</ul></div>` : ''}
${input.entry?.retired ? html`<p class="muted">This article is retired: patrons are not answered from it until it is restored.</p>` : ''}
<p>Front matter (between the <code>---</code> lines: id, title, questions, tags, short_answer, language, translation_of) and then the article in Markdown. Placeholders filled from the library settings: <code>{{hours}}</code> (each branch's weekly hours), <code>{{hours_summary}}</code> (the same in one paragraph, for short_answer) and <code>{{closures}}</code> (upcoming closures and special hours).</p>
<form method="post" action="${editing ? `/staff/admin/articles/${encodeURIComponent(slug!)}` : '/staff/admin/articles'}">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<input type="hidden" name="revision" value="${String(input.revision)}">
<label for="article-text">Article</label>
<textarea id="article-text" name="text" rows="28" spellcheck="true"${errors.length ? html` aria-describedby="article-problems" aria-invalid="true"` : ''}>${input.text}</textarea>
<button class="primary" type="submit">${editing ? 'Save article' : 'Add article'}</button>
</form>
${input.preview ? html`<section aria-labelledby="preview"><h2 id="preview">Short answer as patrons get it today</h2><p class="patron-words">${input.preview}</p></section>` : ''}`,
  });
}
