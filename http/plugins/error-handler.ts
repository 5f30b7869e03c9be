import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorCode } from '../../core/errors.js';
import { isLibdeskError } from '../../core/errors.js';
import type { ErrorBody } from '../schemas/error.js';
import { renderErrorPage } from '../views/error-page.js';

/**
 * Codes only the HTTP layer raises (the request never reached a service). Each is listed in
 * docs/errors.md beside the codes of `LibdeskError`.
 */
export const HTTP_ERROR_CODES = {
  LD_BAD_REQUEST: 'The request could not be read (invalid JSON, a malformed header).',
  LD_PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts (64 KiB).',
  LD_UNSUPPORTED_MEDIA_TYPE: 'The request body has a content type this route does not read.',
  LD_RATE_LIMITED: 'Too many requests from one address; try again later.',
} as const;
export type HttpErrorCode = ErrorCode | keyof typeof HTTP_ERROR_CODES;

const STATUS_BY_LIBDESK_CODE: Partial<Record<ErrorCode, number>> = {
  LD_VALIDATION: 400,
  LD_NOT_FOUND: 404,
  LD_UNKNOWN_ASSET: 404,
  LD_CONFLICT: 409,
  LD_UNAUTHORIZED: 401,
  LD_FORBIDDEN: 403,
  LD_SESSION_EXPIRED: 401,
  LD_TICKET_TRANSITION: 409,
  LD_CHANNEL_BAD_SIGNATURE: 401,
  LD_TWILIO_BAD_SIGNATURE: 403,
};

const CODE_BY_CLIENT_STATUS: Record<number, HttpErrorCode> = {
  400: 'LD_BAD_REQUEST',
  401: 'LD_UNAUTHORIZED',
  403: 'LD_FORBIDDEN',
  404: 'LD_NOT_FOUND',
  409: 'LD_CONFLICT',
  413: 'LD_PAYLOAD_TOO_LARGE',
  415: 'LD_UNSUPPORTED_MEDIA_TYPE',
  429: 'LD_RATE_LIMITED',
};

const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

export interface HttpProblem {
  status: number;
  body: ErrorBody;
}

/** Turns anything thrown in a request into a status and a body that is safe to show. */
export function toHttpProblem(error: unknown): HttpProblem {
  if (isLibdeskError(error)) {
    const status = STATUS_BY_LIBDESK_CODE[error.code];
    if (status === undefined) return internalProblem();
    return problem(status, error.code, error.message, error.details);
  }
  const fastifyError = error as Partial<FastifyError> | undefined;
  if (fastifyError?.validation && fastifyError.validation.length > 0) {
    const issues = fastifyError.validation.map((issue) => ({
      field: fieldName(issue.instancePath, fastifyError.validationContext),
      message: issue.message ?? 'is invalid',
    }));
    const message = issues.map(({ field, message: text }) => (text.startsWith(field) ? text : `${field}: ${text}`)).join('; ');
    return problem(400, 'LD_VALIDATION', message, { fields: [...new Set(issues.map((issue) => issue.field))], issues });
  }
  if (fastifyError?.code === 'FST_CSRF_INVALID_TOKEN' || fastifyError?.code === 'FST_CSRF_MISSING_SECRET') {
    return problem(403, 'LD_FORBIDDEN', 'This form has expired or was not sent from this site. Please open the page again and resend it.');
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own 4xx errors (bad JSON, body too large, wrong content type, rate limit) carry
    // messages written for the caller, so they are passed on.
    return problem(status, CODE_BY_CLIENT_STATUS[status] ?? 'LD_BAD_REQUEST', fastifyError?.message ?? 'Bad request');
  }
  return internalProblem();
}

function fieldName(instancePath: string | undefined, context: string | undefined): string {
  const path = (instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  return path || context || 'body';
}

function problem(status: number, code: HttpErrorCode, message: string, details?: Record<string, unknown>): HttpProblem {
  return { status, body: { error: { code, message, ...(details ? { details } : {}) } } };
}

function internalProblem(): HttpProblem {
  return problem(500, 'LD_INTERNAL', INTERNAL_MESSAGE);
}

/** Routes that answer people rather than programs set `config: { html: true }` and get error pages. */
declare module 'fastify' {
  interface FastifyContextConfig {
    html?: boolean;
  }
}

function wantsHtml(request: FastifyRequest): boolean {
  if (request.routeOptions.config?.html) return true;
  const accept = request.headers.accept ?? '';
  return request.method === 'GET' && accept.includes('text/html');
}

function send(request: FastifyRequest, reply: FastifyReply, { status, body }: HttpProblem, libraryName: string): FastifyReply {
  reply.code(status);
  if (wantsHtml(request)) {
    return reply.type('text/html; charset=utf-8').send(renderErrorPage({ libraryName, status, message: body.error.message }));
  }
  return reply.type('application/json; charset=utf-8').send(body);
}

export interface ErrorHandlerOptions {
  libraryName: string;
}

/** The one place where errors become status codes (STYLE rule 14). */
export const errorHandlerPlugin = fp<ErrorHandlerOptions>(
  async (app: FastifyInstance, options) => {
    app.setErrorHandler((error, request, reply) => {
      const result = toHttpProblem(error);
      if (result.status >= 500) {
        request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
      }
      return send(request, reply, result, options.libraryName);
    });

    app.setNotFoundHandler((request, reply) =>
      send(request, reply, problem(404, 'LD_NOT_FOUND', `There is no page at ${request.method} ${request.url.split('?')[0]}`), options.libraryName),
    );
  },
  { name: 'libdesk-error-handler' },
);
