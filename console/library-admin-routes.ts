import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { z } from 'zod';
import { LibdeskError } from '../core/errors.js';
import type { StaffIdentity } from '../core/staff.js';
import { articleFileName, type FieldProblem, type KnowledgeAdmin } from '../knowledge/index.js';
import { formMessage, formOfFields, formOfSettings, isRowAction, settingsOfForm, type LibraryForm } from './library-settings-form.js';
import { renderArticleFormPage, renderArticlesPage, type ArticleProblem } from './views/article-pages.js';
import { renderLibrarySettingsPage, renderLibraryYamlPage, type SettingsOrigin } from './views/library-pages.js';

/** What the console hands the library admin pages: its checks and helpers, so there is one of each. */
export interface LibraryAdminRouteOptions {
  admin: KnowledgeAdmin;
  libraryName: string;
  timeZone: () => string;
  /** Signed in as an administrator (pages redirect to sign-in; others 401/403). */
  adminOnly: preHandlerHookHandler;
  /** adminOnly, then same-origin and CSRF checks: every POST. */
  adminForm: preHandlerHookHandler[];
  csrfToken(request: FastifyRequest, reply: FastifyReply): string;
  staffOf(request: FastifyRequest): StaffIdentity;
}

const HTML = 'text/html; charset=utf-8';
/** The console's forms are small; a whole settings file or a long article is not (URL-encoded, ×3 at worst). */
const DOCUMENT_BODY_LIMIT = 1024 * 1024;
const LIBRARY_NOTICES: Record<string, string> = { saved: 'Saved. Every Libdesk process answers with these hours within seconds.' };
const ARTICLE_NOTICES: Record<string, string> = {
  added: 'Article added.',
  retired: 'Article retired: patrons are no longer answered from it.',
  restored: 'Article back in use.',
};
const noticeQuery = z.object({ done: z.string().max(20).optional() });
const articleParams = z.object({ name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'is not an article name') });
const revisionField = z.coerce.number().int().min(0).default(0);
const articleForm = z.object({ text: z.string().max(100_000, 'is longer than 100,000 characters'), revision: revisionField });
const yamlForm = z.object({ yaml: z.string().max(200_000, 'is longer than 200,000 characters'), revision: revisionField });
/** The library form's fields: flat names, short values; anything else is refused whole. */
const libraryFields = z.record(z.string().max(80), z.string().max(2000)).refine((fields) => Object.keys(fields).length <= 2000, 'has too many fields');

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new LibdeskError('LD_VALIDATION', result.error.issues.map((issue) => `${issue.path.join('.') || 'form'}: ${issue.message}`).join('; '), {
      details: { fields: result.error.issues.map((issue) => issue.path.join('.')) },
    });
  }
  return result.data;
}

/** The zones a select offers: every IANA zone this Node knows. */
const TIME_ZONES: string[] = (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');

/**
 * The library admin under `/staff/admin`: hours, closures and time zone (a form, or the settings as
 * YAML), and articles (list, edit, new, retire, restore). Every save goes through KnowledgeAdmin, which
 * checks with library.yaml's schema and `libdesk kb check`'s own code and stores in the database; a
 * refused save answers 400 with the page again, each problem beside its field, and stores nothing.
 */
export function registerLibraryAdminRoutes(app: FastifyInstance, options: LibraryAdminRouteOptions): void {
  const { admin } = options;
  const common = (request: FastifyRequest, reply: FastifyReply) => ({
    libraryName: options.libraryName,
    staff: options.staffOf(request),
    csrfToken: options.csrfToken(request, reply),
  });
  const originOf = (document: { source: 'file' | 'database'; updatedBy?: string; updatedAt?: Date }): SettingsOrigin => ({
    source: document.source,
    ...(document.updatedBy ? { updatedBy: document.updatedBy } : {}),
    ...(document.updatedAt ? { updatedAt: document.updatedAt } : {}),
    timeZone: options.timeZone(),
  });

  function settingsPage(request: FastifyRequest, reply: FastifyReply, form: LibraryForm, origin: SettingsOrigin, extra: { errors?: Record<string, string>; notice?: string; error?: string } = {}) {
    return renderLibrarySettingsPage({ ...common(request, reply), form, origin, timeZones: TIME_ZONES, ...extra });
  }

  app.get('/staff/admin/library', { config: { html: true }, preHandler: options.adminOnly }, async (request, reply) => {
    const { done } = parse(noticeQuery, request.query);
    const { document, settings } = await admin.library();
    const notice = done ? LIBRARY_NOTICES[done] : undefined;
    return reply.type(HTML).send(settingsPage(request, reply, formOfSettings(settings, document.revision ?? 0), originOf(document), notice ? { notice } : {}));
  });

  app.post('/staff/admin/library', { config: { html: true }, bodyLimit: DOCUMENT_BODY_LIMIT, preHandler: options.adminForm }, async (request, reply) => {
    const fields = parse(libraryFields, request.body);
    const { document, settings } = await admin.library();
    const form = formOfFields(fields, settings);
    // Adding or removing a row only redraws the form; nothing is saved until "Save".
    if (isRowAction(fields)) return reply.type(HTML).send(settingsPage(request, reply, form, originOf(document)));
    const { raw, fieldOf } = settingsOfForm(form, settings);
    const result = await admin.saveLibrary(raw, options.staffOf(request).name, form.revision);
    if (!result.ok) {
      const errors: Record<string, string> = {};
      for (const problem of result.problems) errors[fieldOf(problem.field)] ??= formMessage(problem);
      return reply.code(400).type(HTML).send(settingsPage(request, reply, form, originOf(document), { errors, error: 'Nothing was saved. Fix what is marked below.' }));
    }
    return reply.redirect('/staff/admin/library?done=saved', 303);
  });

  app.get('/staff/admin/library/yaml', { config: { html: true }, preHandler: options.adminOnly }, async (request, reply) => {
    const { document } = await admin.library();
    return reply.type(HTML).send(renderLibraryYamlPage({ ...common(request, reply), text: document.text, revision: document.revision ?? 0, origin: originOf(document) }));
  });

  app.post('/staff/admin/library/yaml', { config: { html: true }, bodyLimit: DOCUMENT_BODY_LIMIT, preHandler: options.adminForm }, async (request, reply) => {
    const form = parse(yamlForm, request.body);
    const result = await admin.saveLibraryText(form.yaml, options.staffOf(request).name, form.revision);
    if (!result.ok) {
      const { document } = await admin.library();
      return reply
        .code(400)
        .type(HTML)
        .send(renderLibraryYamlPage({ ...common(request, reply), text: form.yaml, revision: form.revision, origin: originOf(document), problems: result.problems }));
    }
    return reply.redirect('/staff/admin/library?done=saved', 303);
  });

  // Articles. The URL names an article by its file name without ".md" (its id, for every shipped one).
  async function entryOf(params: unknown) {
    const name = articleFileName(parse(articleParams, params).name);
    const entry = await admin.article(name);
    if (!entry) throw new LibdeskError('LD_NOT_FOUND', 'There is no such article.');
    return entry;
  }
  const problemsOf = (findings: Array<{ severity: 'error' | 'warning'; message: string }>): ArticleProblem[] => findings.map(({ severity, message }) => ({ severity, message }));
  const asProblems = (problems: FieldProblem[]): ArticleProblem[] => problems.map((problem) => ({ severity: 'error', message: problem.field.endsWith('.md') || problem.field === 'id' ? `${problem.field}: ${problem.message}` : problem.message }));

  app.get('/staff/admin/articles', { config: { html: true }, preHandler: options.adminOnly }, async (request, reply) => {
    const { done } = parse(noticeQuery, request.query);
    const notice = done ? ARTICLE_NOTICES[done] : undefined;
    return reply.type(HTML).send(renderArticlesPage({ ...common(request, reply), timeZone: options.timeZone(), articles: await admin.articles(), ...(notice ? { notice } : {}) }));
  });

  app.get('/staff/admin/articles/new', { config: { html: true }, preHandler: options.adminOnly }, async (request, reply) =>
    reply.type(HTML).send(renderArticleFormPage({ ...common(request, reply), timeZone: options.timeZone(), text: NEW_ARTICLE, revision: 0 })),
  );

  app.post('/staff/admin/articles', { config: { html: true }, bodyLimit: DOCUMENT_BODY_LIMIT, preHandler: options.adminForm }, async (request, reply) => {
    const form = parse(articleForm, request.body);
    const id = /^id:\s*["']?([^"'\s]+)["']?\s*$/m.exec(form.text)?.[1] ?? '';
    const name = articleFileName(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) ? id : 'new-article');
    const result = await admin.saveArticle(name, form.text, options.staffOf(request).name, 0, true);
    if (!result.ok) {
      return reply.code(400).type(HTML).send(renderArticleFormPage({ ...common(request, reply), timeZone: options.timeZone(), text: form.text, revision: 0, problems: asProblems(result.problems) }));
    }
    return reply.redirect('/staff/admin/articles?done=added', 303);
  });

  app.get('/staff/admin/articles/:name/edit', { config: { html: true }, preHandler: options.adminOnly }, async (request, reply) => {
    const entry = await entryOf(request.params);
    const { done } = parse(noticeQuery, request.query);
    // The page always shows what the check says about the article as it is now.
    const findings = await admin.checkArticle(entry.name, entry.text);
    return reply.type(HTML).send(
      renderArticleFormPage({ ...common(request, reply), timeZone: options.timeZone(), entry, text: entry.text, revision: entry.revision ?? 0, problems: problemsOf(findings), saved: done === 'saved' }),
    );
  });

  app.post('/staff/admin/articles/:name', { config: { html: true }, bodyLimit: DOCUMENT_BODY_LIMIT, preHandler: options.adminForm }, async (request, reply) => {
    const entry = await entryOf(request.params);
    const form = parse(articleForm, request.body);
    const result = await admin.saveArticle(entry.name, form.text, options.staffOf(request).name, form.revision, false);
    if (!result.ok) {
      return reply
        .code(400)
        .type(HTML)
        .send(renderArticleFormPage({ ...common(request, reply), timeZone: options.timeZone(), entry, text: form.text, revision: form.revision, problems: asProblems(result.problems) }));
    }
    return reply.redirect(`/staff/admin/articles/${encodeURIComponent(entry.name.replace(/\.md$/, ''))}/edit?done=saved`, 303);
  });

  for (const [action, retired] of [['retire', true], ['restore', false]] as const) {
    app.post(`/staff/admin/articles/:name/${action}`, { config: { html: true }, preHandler: options.adminForm }, async (request, reply) => {
      const entry = await entryOf(request.params);
      const result = await admin.setRetired(entry.name, retired, options.staffOf(request).name);
      if (!result.ok) {
        const error = `Not ${retired ? 'retired' : 'restored'}: ${result.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`;
        return reply.code(400).type(HTML).send(renderArticlesPage({ ...common(request, reply), timeZone: options.timeZone(), articles: await admin.articles(), error }));
      }
      return reply.redirect(`/staff/admin/articles?done=${retired ? 'retired' : 'restored'}`, 303);
    });
  }
}

/** What "Write a new article" starts from: every field the check asks for, to be filled in. */
const NEW_ARTICLE = `---
id: new-topic
title: New topic
questions:
  - How do I ...?
tags: []
short_answer: "One or two sentences that answer the question (sent as one text message)."
language: en
---
The whole answer, in Markdown.
`;
