import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AssetPort } from '../core/assets.js';
import type { Clock } from '../core/clock.js';
import { LibdeskError } from '../core/errors.js';
import type { StaffRole } from '../core/staff.js';
import {
  formatTicketNumber,
  parseTicketNumber,
  TICKET_KINDS,
  TICKET_STATUSES,
  type TicketConversationReader,
  type TicketFilter,
  type TicketPort,
  type TicketStatus,
} from '../core/tickets.js';
import { openEventStream } from '../http/event-stream.js';
import type { RouteRateLimit } from '../http/plugins/rate-limit.js';
import type { CannedReply } from './canned-replies.js';
import type { ConsoleAccounts, ConsoleSession } from './console-accounts.js';
import type { ConsoleStore } from './console-store.js';
import type { QueueFeed } from './queue-feed.js';
import { REPORT_TABLES, reportCsv, type Report, type ReportRange } from '../reports/index.js';
import { renderReportsPage } from './views/reports-page.js';
import QRCode from 'qrcode';
import { ASSET_KINDS, normalizeAssetTag, type Asset } from '../core/assets.js';
import type { DeviceAdminStore } from './devices.repository.js';
import type { KnowledgeAdmin } from '../knowledge/index.js';
import { registerLibraryAdminRoutes } from './library-admin-routes.js';
import { renderApiPage, type OpenApiSummary } from './views/api-page.js';
import { renderDeviceFormPage, renderDevicesPage, renderLabelsPage } from './views/devices-pages.js';
import { renderQueuePage, type QueueFilterValues } from './views/queue-page.js';
import { renderSignInPage } from './views/sign-in-page.js';
import { renderStaffListPage } from './views/staff-list-page.js';
import { renderTicketPage } from './views/ticket-page.js';

/** What the composition root gives the console (the HTTP app adds the shared services). */
export interface ConsoleDeps {
  accounts: ConsoleAccounts;
  store: Pick<ConsoleStore, 'listStaffNames' | 'listMembers' | 'setReadScale' | 'readScaleOf'>;
  queueFeed: QueueFeed;
  cannedReplies: CannedReply[];
  /** Cookies get `Secure` (PUBLIC_URL is https). */
  secureCookies: boolean;
  /** The HMAC key binding CSRF tokens to the session (32+ characters, from SESSION_SECRET). */
  csrfKey: string;
  /** The library's time zone now, for dates on the pages: read at each use, so a change applies at once. */
  timeZone: () => string;
  clock: Clock;
  /** Where patrons reach Libdesk: QR labels open `${publicUrl}/report/<tag>`. */
  publicUrl: string;
  /** The devices admin (add, edit, retire, QR labels); absent: no devices pages. */
  devices?: DeviceAdminStore;
  /** Library hours, closures, time zone and articles, saved in the database; absent: no such pages. */
  libraryAdmin?: KnowledgeAdmin;
  /** The statistics behind the reports page (reports/); absent: no reports page. */
  reports?: { build(range: ReportRange): Promise<Report> };
}

export interface ConsoleRoutesOptions extends ConsoleDeps {
  libraryName: string;
  tickets: TicketPort;
  conversations?: TicketConversationReader;
  assets: Pick<AssetPort, 'findByTag'>;
  branches: () => Array<{ id: string; name: string }>;
  rateLimit?: RouteRateLimit;
  heartbeatMs?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in console session, inside the console's routes (null elsewhere or signed out). */
    consoleSession: ConsoleSession | null;
  }
}

export const CONSOLE_SESSION_COOKIE = 'libdesk_staff_session';
export const CONSOLE_CSRF_COOKIE = 'libdesk_staff_csrf';
const COOKIE_PATH = '/staff';
const HTML = 'text/html; charset=utf-8';
const ANONYMOUS = 'signed-out';

const STYLESHEET = readFileSync(new URL('./static/console.css', import.meta.url), 'utf8');
const SCRIPT = readFileSync(new URL('./static/console.js', import.meta.url), 'utf8');
const REPORTS_SCRIPT = readFileSync(new URL('./static/console-reports.js', import.meta.url), 'utf8');
/** Chart.js's UMD build, from the installed package: served by Libdesk itself, never from a CDN. */
const CHART_JS = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'), 'utf8');

const text = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);
const queueQuerySchema = z.object({
  status: z.enum(['active', 'all', ...TICKET_STATUSES]).optional(),
  kind: z.union([z.enum(TICKET_KINDS), z.literal('')]).optional(),
  branch: text(64).optional(),
  assignee: text(64).optional(),
  overdue: z.literal('true').optional(),
  cursor: text(200).optional(),
});
const ticketParamsSchema = z.object({ number: z.string().max(16) });
const noticeQuerySchema = z.object({ done: z.string().max(20).optional() });
const signInSchema = z.object({
  name: text(64).optional(),
  password: z.string().max(256).optional(),
  token: text(512).optional(),
  next: z.string().max(300).optional(),
});
const bodySchema = z.object({ body: text(4000).min(1, 'Write something first') });
const replySchema = z.object({ body: text(4000).optional(), canned: z.string().max(40).optional() });
const resolveSchema = z.object({ body: text(4000).optional() });
const reopenSchema = z.object({ reason: text(500).min(1, 'Say why the ticket is reopened') });
const assignSchema = z.object({ assignee: text(64).min(1) });
const readScaleSchema = z.object({ scale: z.coerce.number().int().min(1).max(6) });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is a day written YYYY-MM-DD');
const reportQuerySchema = z.object({ from: isoDay.optional(), to: isoDay.optional(), period: z.enum(['day', 'week', 'month']).optional() });
const CSV_TABLES = [...REPORT_TABLES, 'intents', 'read-scale'] as const;
const csvParamsSchema = z.object({ table: z.enum(CSV_TABLES) });
const deviceFormSchema = z.object({
  tag: text(40).optional(),
  name: text(120).min(1, 'Give the device a name'),
  kind: z.enum(ASSET_KINDS),
  branchId: text(64).min(1),
  location: text(200).min(1, 'Say where the device is'),
  floor: z.union([z.literal(''), z.coerce.number().int().min(-5).max(200)]).optional(),
});
const deviceParamsSchema = z.object({ tag: z.string().max(40) });
const DEVICE_NOTICES: Record<string, string> = { added: 'Device added.', saved: 'Device saved.', retired: 'Device retired: its QR code now says the device is unknown.', restored: 'Device back in use.' };

/** The longest range one report covers: enough for a fiscal year and a bit. */
const MAX_REPORT_DAYS = 400;

/** Confirmations shown after an action: fixed text chosen by key, never echoed input. */
const NOTICES: Record<string, string> = {
  claimed: 'You claimed this ticket.',
  assigned: 'Ticket assigned.',
  replied: 'Reply sent to the patron.',
  unreachable: 'Reply recorded. The patron left no way to reach them, so it was not sent.',
  noted: 'Internal note added.',
  resolved: 'Ticket resolved; the patron is told.',
  reopened: 'Ticket reopened.',
  'read-scale': 'READ scale recorded.',
};

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const message = [...new Set(result.error.issues.map((issue) => `${issue.path.join('.') || 'form'}: ${issue.message}`))].join('; ');
    throw new LibdeskError('LD_VALIDATION', message, { details: { fields: result.error.issues.map((issue) => issue.path.join('.')) } });
  }
  return result.data;
}

/** Only paths inside the console may be returned to after sign-in (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && /^\/staff\/[A-Za-z0-9/_\-?=&.%]*$/.test(next) && !next.startsWith('//') ? next : '/staff/queue';
}

/** A form posted from another site is refused before its token is even looked at. */
async function refuseForeignOrigin(request: FastifyRequest): Promise<void> {
  const origin = request.headers.origin;
  const sameOrigin = origin === undefined || (URL.canParse(origin) && new URL(origin).host === request.host);
  if (!sameOrigin || request.headers['sec-fetch-site'] === 'cross-site') {
    throw new LibdeskError('LD_FORBIDDEN', 'Console forms can only be sent from the console itself.');
  }
}

/**
 * The staff console under `/staff`: sign-in, the queue (live over SSE), the ticket page with every staff
 * action, and admin pages. Server-rendered HTML with auto-escaping templates, forms that work without
 * JavaScript, and one small script file for live updates and canned replies.
 *
 * Sessions live in the database (a cookie holds a random token: HttpOnly, SameSite=Strict, Secure on
 * https); every form carries a CSRF token from @fastify/csrf-protection bound to the session.
 */
export const consoleRoutes: FastifyPluginAsync<ConsoleRoutesOptions> = async (app, options) => {
  const { accounts, tickets, store } = options;
  await app.register(formbody, { bodyLimit: 32 * 1024 });
  await app.register(cookie);
  const cookieOptions = { path: COOKIE_PATH, sameSite: 'strict' as const, httpOnly: true, secure: options.secureCookies };
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CONSOLE_CSRF_COOKIE,
    cookieOpts: cookieOptions,
    csrfOpts: { hmacKey: options.csrfKey },
    // A token made for one session is worthless in another (or before sign-in).
    getUserInfo: (request: FastifyRequest) => request.consoleSession?.id ?? ANONYMOUS,
  });
  if (!app.hasRequestDecorator('consoleSession')) app.decorateRequest('consoleSession', null);

  app.addHook('onRequest', async (request, reply) => {
    // Console pages carry personal data: never cached, never framed (the CSP says so for every page).
    reply.header('cache-control', 'no-store');
    // Static files need no session (and no database read).
    if (request.url.startsWith('/staff/assets/')) return;
    const token = request.cookies[CONSOLE_SESSION_COOKIE];
    if (token) request.consoleSession = (await accounts.resume(token)) ?? null;
  });

  const csrfToken = (request: FastifyRequest, reply: FastifyReply) => reply.generateCsrf({ userInfo: request.consoleSession?.id ?? ANONYMOUS });

  /** Signed out: pages redirect to the sign-in page, anything else gets 401. Wrong role: 403. */
  function requireRole(role: StaffRole) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const session = request.consoleSession;
      if (!session) {
        if (request.method === 'GET' && request.routeOptions.config?.html) {
          const next = encodeURIComponent(request.url);
          return reply.redirect(`/staff/sign-in?next=${next}`, 303);
        }
        throw new LibdeskError('LD_UNAUTHORIZED', 'Sign in to the staff console first.');
      }
      if (role === 'admin' && session.staff.role !== 'admin') {
        throw new LibdeskError('LD_FORBIDDEN', 'This page is for administrators.');
      }
      return undefined;
    };
  }
  const staffOnly = requireRole('staff');
  const adminOnly = requireRole('admin');
  const formChecks = [staffOnly, refuseForeignOrigin, app.csrfProtection];

  function session(request: FastifyRequest): ConsoleSession {
    if (!request.consoleSession) throw new LibdeskError('LD_UNAUTHORIZED', 'Sign in to the staff console first.');
    return request.consoleSession;
  }

  async function loadTicket(number: string) {
    const id = parseTicketNumber(number);
    const ticket = id === undefined ? undefined : await tickets.get(id);
    if (!ticket) throw new LibdeskError('LD_NOT_FOUND', `There is no ticket ${number}.`);
    return ticket;
  }

  // Static files: the stylesheet and the one script, served as written (no build step).
  app.get('/staff/assets/console.css', async (_request, reply) => reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(STYLESHEET));
  app.get('/staff/assets/console.js', async (_request, reply) => reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(SCRIPT));

  app.get('/staff', { config: { html: true } }, async (_request, reply) => reply.redirect('/staff/queue', 303));

  app.get('/staff/sign-in', { config: { html: true } }, async (request, reply) => {
    const next = safeNext(typeof (request.query as { next?: unknown }).next === 'string' ? (request.query as { next: string }).next : undefined);
    if (request.consoleSession) return reply.redirect(next, 303);
    return reply.type(HTML).send(renderSignInPage({ libraryName: options.libraryName, csrfToken: csrfToken(request, reply), next }));
  });

  app.post(
    '/staff/sign-in',
    { config: { html: true, ...options.rateLimit }, preHandler: [refuseForeignOrigin, app.csrfProtection] },
    async (request, reply) => {
      const form = parse(signInSchema, request.body);
      const next = safeNext(form.next);
      const signedIn = form.token
        ? await accounts.signInWithToken(form.token)
        : form.name && form.password
          ? await accounts.signInWithPassword(form.name, form.password)
          : undefined;
      if (!signedIn) {
        return reply
          .code(401)
          .type(HTML)
          .send(
            renderSignInPage({
              libraryName: options.libraryName,
              csrfToken: csrfToken(request, reply),
              next,
              name: form.name,
              error: 'That name and password (or token) were not accepted.',
            }),
          );
      }
      // A new session gets a new CSRF secret too: nothing from before sign-in carries over.
      reply.setCookie(CONSOLE_SESSION_COOKIE, signedIn.token, { ...cookieOptions, maxAge: 12 * 3600 });
      reply.clearCookie(CONSOLE_CSRF_COOKIE, { path: COOKIE_PATH });
      request.log.info({ staff: signedIn.session.staff.name }, 'staff console sign-in');
      return reply.redirect(next, 303);
    },
  );

  app.post('/staff/sign-out', { config: { html: true }, preHandler: formChecks }, async (request, reply) => {
    const token = request.cookies[CONSOLE_SESSION_COOKIE];
    if (token) await accounts.signOut(token);
    reply.clearCookie(CONSOLE_SESSION_COOKIE, { path: COOKIE_PATH });
    reply.clearCookie(CONSOLE_CSRF_COOKIE, { path: COOKIE_PATH });
    return reply.redirect('/staff/sign-in', 303);
  });

  app.get('/staff/queue', { config: { html: true }, preHandler: staffOnly }, async (request, reply) => {
    const me = session(request).staff;
    const query = parse(queueQuerySchema, request.query);
    const filters: QueueFilterValues = {
      status: query.status ?? 'active',
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.branch ? { branch: query.branch } : {}),
      ...(query.assignee ? { assignee: query.assignee } : {}),
      ...(query.overdue ? { overdue: true } : {}),
    };
    const status: TicketFilter['status'] =
      filters.status === 'all' ? undefined : filters.status === 'active' ? ['open', 'claimed', 'waiting'] : (filters.status as TicketStatus);
    const page = await tickets.list({
      ...(status ? { status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.branch ? { branchId: query.branch } : {}),
      ...(query.assignee ? { assignee: query.assignee === 'none' ? null : query.assignee === 'me' ? me.name : query.assignee } : {}),
      ...(query.overdue ? { overdue: true } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      limit: 50,
    });
    let nextPageHref: string | undefined;
    if (page.nextCursor) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
      params.set('cursor', page.nextCursor);
      nextPageHref = `/staff/queue?${params.toString()}`;
    }
    return reply.type(HTML).send(
      renderQueuePage({
        libraryName: options.libraryName,
        staff: me,
        csrfToken: csrfToken(request, reply),
        filters,
        tickets: page.tickets,
        ...(nextPageHref ? { nextPageHref } : {}),
        branches: options.branches(),
        staffNames: await store.listStaffNames(),
        now: options.clock.now(),
        timeZone: options.timeZone(),
      }),
    );
  });

  // Live updates: one event per ticket change; the page fetches its list again (one mechanism for every
  // change, and the list a member sees is always the one the server would render).
  app.get('/staff/queue/events', { preHandler: staffOnly }, async (request, reply) => {
    let unsubscribe: (() => void) | undefined;
    const stream = openEventStream(request, reply, {
      heartbeatMs: options.heartbeatMs ?? 25_000,
      onClose: () => unsubscribe?.(),
    });
    if (stream.closed) return;
    unsubscribe = options.queueFeed.subscribe((event) => stream.send('ticket', { ticket: formatTicketNumber(event.ticketId), change: event.change }));
  });

  app.get('/staff/queue/:number', { config: { html: true }, preHandler: staffOnly }, async (request, reply) => {
    const me = session(request).staff;
    const { number } = parse(ticketParamsSchema, request.params);
    const { done } = parse(noticeQuerySchema, request.query);
    const ticket = await loadTicket(number);
    const [conversation, device, history, staffNames, readScale] = await Promise.all([
      ticket.conversationId && options.conversations ? options.conversations.messages(ticket.conversationId, { limit: 200 }) : Promise.resolve(undefined),
      ticket.assetTag ? options.assets.findByTag(ticket.assetTag) : Promise.resolve(undefined),
      ticket.assetTag ? tickets.list({ assetTag: ticket.assetTag, limit: 20 }) : Promise.resolve(undefined),
      store.listStaffNames(),
      store.readScaleOf(ticket.id),
    ]);
    const branchName = options.branches().find((branch) => branch.id === ticket.branchId)?.name;
    const notice = done ? NOTICES[done] : undefined;
    return reply.type(HTML).send(
      renderTicketPage({
        libraryName: options.libraryName,
        staff: me,
        csrfToken: csrfToken(request, reply),
        ticket,
        ...(conversation ? { conversation } : {}),
        ...(device ? { device } : {}),
        deviceHistory: (history?.tickets ?? []).filter((other) => other.id !== ticket.id),
        ...(branchName ? { branchName } : {}),
        staffNames,
        cannedReplies: options.cannedReplies,
        ...(readScale ? { readScale } : {}),
        ...(notice ? { notice } : {}),
        timeZone: options.timeZone(),
      }),
    );
  });

  /** Every ticket action: checks, the change through TicketPort, then back to the ticket page (POST-redirect-GET). */
  function action(name: string, run: (ticketId: number, actor: string, body: unknown) => Promise<string>) {
    app.post(`/staff/queue/:number/${name}`, { config: { html: true }, preHandler: formChecks }, async (request, reply) => {
      const actor = session(request).staff.name;
      const { number } = parse(ticketParamsSchema, request.params);
      const ticket = await loadTicket(number);
      const done = await run(ticket.id, actor, request.body);
      return reply.redirect(`/staff/queue/${ticket.number}?done=${done}`, 303);
    });
  }

  action('claim', async (id, actor) => {
    await tickets.claim(id, actor);
    return 'claimed';
  });
  action('assign', async (id, actor, body) => {
    const { assignee } = parse(assignSchema, body);
    if (!(await store.listStaffNames()).includes(assignee)) throw new LibdeskError('LD_VALIDATION', `There is no staff member named ${assignee}.`, { details: { fields: ['assignee'] } });
    await tickets.assign(id, assignee, actor);
    return 'assigned';
  });
  action('reply', async (id, actor, body) => {
    const form = parse(replySchema, body);
    // With JavaScript the canned text is copied into the box to be edited; without it, it is sent as is.
    const text = form.body || options.cannedReplies.find((reply) => reply.id === form.canned)?.text;
    if (!text) throw new LibdeskError('LD_VALIDATION', 'Write a reply or pick a canned one.', { details: { fields: ['body'] } });
    const result = await tickets.reply(id, { actor, body: text, origin: 'console' });
    return result.delivery === 'queued' ? 'replied' : 'unreachable';
  });
  action('note', async (id, actor, body) => {
    await tickets.note(id, { actor, body: parse(bodySchema, body).body, origin: 'console' });
    return 'noted';
  });
  action('resolve', async (id, actor, body) => {
    const form = parse(resolveSchema, body);
    await tickets.resolve(id, { actor, origin: 'console', ...(form.body ? { body: form.body } : {}) });
    return 'resolved';
  });
  action('reopen', async (id, actor, body) => {
    await tickets.reopen(id, { actor, reason: parse(reopenSchema, body).reason });
    return 'reopened';
  });
  action('read-scale', async (id, actor, body) => {
    const { scale } = parse(readScaleSchema, body);
    if (!(await store.setReadScale(id, scale))) throw new LibdeskError('LD_NOT_FOUND', `There is no ticket ${formatTicketNumber(id)}.`);
    // The audit trail says who recorded it; a note is the trail's one entry type that changes no status.
    await tickets.note(id, { actor, body: `READ scale recorded: ${scale}`, origin: 'console' });
    return 'read-scale';
  });

  if (options.reports) registerReportPages(options.reports);

  function registerReportPages(reports: NonNullable<ConsoleDeps['reports']>): void {
    app.get('/staff/assets/chart.umd.min.js', async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=86400').type('text/javascript; charset=utf-8').send(CHART_JS),
    );
    app.get('/staff/assets/console-reports.js', async (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(REPORTS_SCRIPT),
    );

    /** Local days in the library's time zone, `to` included; default the last 30 days. */
    function rangeOf(query: unknown) {
      const form = parse(reportQuerySchema, query);
      const zone = options.timeZone();
      const today = DateTime.fromJSDate(options.clock.now(), { zone }).startOf('day');
      const day = (text: string | undefined, fallback: DateTime) => {
        if (!text) return fallback;
        const parsed = DateTime.fromISO(text, { zone });
        if (!parsed.isValid) throw new LibdeskError('LD_VALIDATION', `${text} is not a day`, { details: { fields: ['from', 'to'] } });
        return parsed.startOf('day');
      };
      const to = day(form.to, today);
      const from = day(form.from, to.minus({ days: 29 }));
      if (from > to) throw new LibdeskError('LD_VALIDATION', 'The first day comes after the last.', { details: { fields: ['from', 'to'] } });
      if (to.diff(from, 'days').days > MAX_REPORT_DAYS) throw new LibdeskError('LD_VALIDATION', `A report covers at most ${MAX_REPORT_DAYS} days.`, { details: { fields: ['from'] } });
      const period = form.period ?? 'day';
      return { fromDay: from.toISODate()!, toDay: to.toISODate()!, range: { from: from.toJSDate(), to: to.plus({ days: 1 }).toJSDate(), period } satisfies ReportRange };
    }

    app.get('/staff/reports', { config: { html: true }, preHandler: staffOnly }, async (request, reply) => {
      const { fromDay, toDay, range } = rangeOf(request.query);
      const report = await reports.build(range);
      const branches = options.branches();
      return reply.type(HTML).send(
        renderReportsPage({
          libraryName: options.libraryName,
          staff: session(request).staff,
          csrfToken: csrfToken(request, reply),
          report,
          from: fromDay,
          to: toDay,
          period: range.period,
          branchName: (id) => branches.find((branch) => branch.id === id)?.name ?? id,
        }),
      );
    });

    app.get('/staff/reports/csv/:table', { preHandler: staffOnly }, async (request, reply) => {
      const { table } = parse(csvParamsSchema, request.params);
      const { fromDay, toDay, range } = rangeOf(request.query);
      const report = await reports.build(range);
      const body =
        table === 'intents'
          ? stringify([['intent', 'inquiries'], ...Object.entries(report.inquiries.byIntent).sort()])
          : table === 'read-scale'
            ? stringify([['read_scale', 'tickets'], ...Object.entries(report.tickets.readScale)])
            : reportCsv(report, table);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="libdesk-${table}-${fromDay}-to-${toDay}.csv"`)
        .send(body);
    });
  }

  if (options.devices) registerDevicePages(options.devices);

  function registerDevicePages(devices: DeviceAdminStore): void {
    const publicUrl = options.publicUrl.replace(/\/+$/, '');
    const common = (request: FastifyRequest, reply: FastifyReply) => ({
      libraryName: options.libraryName,
      staff: session(request).staff,
      csrfToken: csrfToken(request, reply),
      branches: options.branches(),
    });
    async function deviceOf(params: unknown) {
      const tag = normalizeAssetTag(parse(deviceParamsSchema, params).tag);
      const device = tag ? await devices.find(tag) : undefined;
      if (!device) throw new LibdeskError('LD_NOT_FOUND', 'There is no such device.');
      return device;
    }
    /** The form's values as a device, or the form again with what is wrong. */
    function deviceFrom(body: unknown, tag: string | undefined): Asset | { error: string } {
      const result = deviceFormSchema.safeParse(body ?? {});
      if (!result.success) return { error: [...new Set(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`))].join('; ') };
      const form = result.data;
      const normalized = normalizeAssetTag(tag ?? form.tag ?? '');
      if (!normalized) return { error: 'A tag is letters then a number, like PC-07.' };
      if (!options.branches().some((branch) => branch.id === form.branchId)) return { error: 'Pick one of the branches.' };
      return { tag: normalized, kind: form.kind, name: form.name, branchId: form.branchId, location: form.location, ...(typeof form.floor === 'number' ? { floor: form.floor } : {}) };
    }
    const formValues = (body: unknown) =>
      Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([key, value]) => key !== '_csrf' && typeof value === 'string')) as Record<string, string>;

    app.get('/staff/admin/devices', { config: { html: true }, preHandler: adminOnly }, async (request, reply) => {
      const { done } = parse(noticeQuerySchema, request.query);
      const notice = done ? DEVICE_NOTICES[done] : undefined;
      return reply.type(HTML).send(renderDevicesPage({ ...common(request, reply), devices: await devices.listAll(), ...(notice ? { notice } : {}) }));
    });
    app.get('/staff/admin/devices/new', { config: { html: true }, preHandler: adminOnly }, async (request, reply) =>
      reply.type(HTML).send(renderDeviceFormPage(common(request, reply))),
    );
    app.post('/staff/admin/devices', { config: { html: true }, preHandler: [adminOnly, refuseForeignOrigin, app.csrfProtection] }, async (request, reply) => {
      const device = deviceFrom(request.body, undefined);
      const error = 'error' in device ? device.error : (await devices.create(device)) ? undefined : `There is already a device ${device.tag}.`;
      if (error) return reply.code(400).type(HTML).send(renderDeviceFormPage({ ...common(request, reply), values: formValues(request.body), error }));
      return reply.redirect('/staff/admin/devices?done=added', 303);
    });
    app.get('/staff/admin/devices/labels', { config: { html: true }, preHandler: adminOnly }, async (request, reply) =>
      reply.type(HTML).send(renderLabelsPage({ ...common(request, reply), devices: (await devices.listAll()).filter((device) => device.active), publicUrl })),
    );
    app.get('/staff/admin/devices/:tag/edit', { config: { html: true }, preHandler: adminOnly }, async (request, reply) =>
      reply.type(HTML).send(renderDeviceFormPage({ ...common(request, reply), device: await deviceOf(request.params) })),
    );
    app.post('/staff/admin/devices/:tag', { config: { html: true }, preHandler: [adminOnly, refuseForeignOrigin, app.csrfProtection] }, async (request, reply) => {
      const existing = await deviceOf(request.params);
      const device = deviceFrom(request.body, existing.tag);
      if ('error' in device) return reply.code(400).type(HTML).send(renderDeviceFormPage({ ...common(request, reply), device: existing, values: formValues(request.body), error: device.error }));
      await devices.update(device);
      return reply.redirect('/staff/admin/devices?done=saved', 303);
    });
    for (const [path, active, done] of [['retire', false, 'retired'], ['restore', true, 'restored']] as const) {
      app.post(`/staff/admin/devices/:tag/${path}`, { config: { html: true }, preHandler: [adminOnly, refuseForeignOrigin, app.csrfProtection] }, async (request, reply) => {
        const device = await deviceOf(request.params);
        await devices.setActive(device.tag, active);
        return reply.redirect(`/staff/admin/devices?done=${done}`, 303);
      });
    }
    // QR codes of `${PUBLIC_URL}/report/<tag>`, made with the qrcode package; medium error correction
    // survives a scratched label.
    app.get('/staff/admin/devices/:tag/qr.svg', { preHandler: adminOnly }, async (request, reply) => {
      const device = await deviceOf(request.params);
      const svg = await QRCode.toString(`${publicUrl}/report/${device.tag}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply.type('image/svg+xml').header('content-disposition', `inline; filename="${device.tag}.svg"`).send(svg);
    });
    app.get('/staff/admin/devices/:tag/qr.png', { preHandler: adminOnly }, async (request, reply) => {
      const device = await deviceOf(request.params);
      const png = await QRCode.toBuffer(`${publicUrl}/report/${device.tag}`, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 });
      return reply.type('image/png').header('content-disposition', `inline; filename="${device.tag}.png"`).send(png);
    });
  }

  if (options.libraryAdmin) registerLibraryAdminRoutes(app, { admin: options.libraryAdmin, libraryName: options.libraryName, timeZone: options.timeZone, adminOnly, adminForm: [adminOnly, refuseForeignOrigin, app.csrfProtection], csrfToken, staffOf: (request) => session(request).staff });

  // The API description, browsable; present when the app serves /api/openapi.json (@fastify/swagger).
  app.get('/staff/api', { config: { html: true }, preHandler: staffOnly }, async (request, reply) => {
    const describe = (app as unknown as { swagger?: () => OpenApiSummary }).swagger;
    if (!describe) throw new LibdeskError('LD_NOT_FOUND', 'This server does not describe its API.');
    return reply.type(HTML).send(renderApiPage({ libraryName: options.libraryName, staff: session(request).staff, csrfToken: csrfToken(request, reply), document: describe.call(app) }));
  });

  app.get('/staff/admin/staff', { config: { html: true }, preHandler: adminOnly }, async (request, reply) =>
    reply.type(HTML).send(
      renderStaffListPage({ libraryName: options.libraryName, staff: session(request).staff, csrfToken: csrfToken(request, reply), members: await store.listMembers() }),
    ),
  );
};
