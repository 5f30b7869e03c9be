import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Asset, AssetPort } from '../../../core/assets.js';
import { normalizeAssetTag } from '../../../core/assets.js';
import type { LibraryCalendar } from '../../../core/calendar.js';
import { LibdeskError } from '../../../core/errors.js';
import type { InquiryService } from '../../../core/inquiry-service.js';
import { storableText } from '../../../core/text.js';
import type { RouteRateLimit } from '../../plugins/rate-limit.js';
import { renderReportConfirmationPage, renderReportFormPage, renderUnknownAssetPage } from '../../views/report-pages.js';
import { reportFormSchema, type ReportFormValues, toReportInquiry } from './report-form.js';

export interface ReportRoutesOptions {
  inquiries: InquiryService;
  assets: Pick<AssetPort, 'findByTag'>;
  calendar: Pick<LibraryCalendar, 'branches'>;
  libraryName: string;
  rateLimit: RouteRateLimit;
}

const HTML = 'text/html; charset=utf-8';
const reportParamsSchema = z.object({ tag: storableText(z.string().max(40, 'tag is longer than 40 characters')) });

/**
 * `GET /report/:tag` is what the QR code on a device opens; `POST` files the report through the same
 * InquiryService path as every other message, with channel `report`.
 */
export const reportRoutes: FastifyPluginAsync<ReportRoutesOptions> = async (app, options) => {
  // Only this plugin reads HTML forms; the JSON API keeps refusing url-encoded bodies with a 415.
  await app.register(formbody, { bodyLimit: 16 * 1024 });
  // CSRF: @fastify/csrf-protection's double submit. The form page sets a random secret in a cookie
  // (SameSite=Lax, HttpOnly, only under /report) and puts a token derived from it in a hidden field; a
  // POST needs both to match. Another site can neither read the token nor, with SameSite, send the cookie.
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'libdesk_report_csrf',
    cookieOpts: { path: '/report', sameSite: 'lax', httpOnly: true, secure: 'auto' },
  });

  async function findAsset(rawTag: string): Promise<Asset | undefined> {
    const tag = normalizeAssetTag(rawTag);
    return tag ? options.assets.findByTag(tag) : undefined;
  }

  function branchName(asset: Asset): string | undefined {
    return options.calendar.branches().find((branch) => branch.id === asset.branchId)?.name;
  }

  app.get<{ Params: { tag: string } }>('/report/:tag', { config: { html: true, ...options.rateLimit }, schema: { params: reportParamsSchema } }, async (request, reply) => {
    const asset = await findAsset(request.params.tag);
    reply.type(HTML);
    if (!asset) return reply.code(404).send(renderUnknownAssetPage({ libraryName: options.libraryName, tag: request.params.tag }));
    return renderReportFormPage({
      libraryName: options.libraryName,
      asset,
      branchName: branchName(asset),
      submissionId: newSubmissionId(),
      csrfToken: reply.generateCsrf(),
    });
  });

  app.post<{ Params: { tag: string }; Body: unknown }>(
    '/report/:tag',
    {
      config: { html: true, ...options.rateLimit },
      schema: { params: reportParamsSchema },
      // A report sent from another site's page is refused before its token is even looked at.
      preHandler: [refuseForeignOrigin, app.csrfProtection],
    },
    async (request, reply) => {
      const asset = await findAsset(request.params.tag);
      reply.type(HTML);
      if (!asset) return reply.code(404).send(renderUnknownAssetPage({ libraryName: options.libraryName, tag: request.params.tag }));

      const parsed = reportFormSchema.safeParse(request.body ?? {});
      if (!parsed.success) {
        return reply.code(400).send(
          renderReportFormPage({
            libraryName: options.libraryName,
            asset,
            branchName: branchName(asset),
            submissionId: submissionOf(request.body) ?? newSubmissionId(),
            csrfToken: reply.generateCsrf(),
            values: formValues(request.body),
            errors: [...new Set(parsed.error.issues.map((issue) => issue.message))],
          }),
        );
      }

      const submissionId = parsed.data.submission ?? newSubmissionId();
      const result = await options.inquiries.handle(toReportInquiry(asset, parsed.data, submissionId));
      return reply.code(result.duplicate ? 200 : 201).send(
        renderReportConfirmationPage({ libraryName: options.libraryName, asset, ticket: result.ticket, replyText: result.reply.text }),
      );
    },
  );
};

/** `Origin` (sent by browsers on every POST) must be this server: a form posted from elsewhere is a forgery. */
async function refuseForeignOrigin(request: FastifyRequest): Promise<void> {
  const origin = request.headers.origin;
  const sameOrigin = origin === undefined || (URL.canParse(origin) && new URL(origin).host === request.host);
  if (!sameOrigin || request.headers['sec-fetch-site'] === 'cross-site') {
    throw new LibdeskError('LD_FORBIDDEN', 'This report form can only be sent from the library’s own report page.');
  }
}

function newSubmissionId(): string {
  return randomBytes(16).toString('base64url');
}

function formValues(body: unknown): ReportFormValues {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  return { problem: text('problem'), details: text('details'), contact: text('contact') };
}

function submissionOf(body: unknown): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).submission : undefined;
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : undefined;
}
