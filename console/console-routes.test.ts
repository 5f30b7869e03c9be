import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../core/clock.js';
import { build, type BuiltApp } from '../http/test-support/build.js';
import { createStaffRepository, createStaffService, type StaffService } from '../staff/index.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createConsoleAccounts, type ConsoleAccounts } from './console-accounts.js';
import { createConsoleRepository } from './console.repository.js';
import type { ConsoleDeps } from './console-routes.js';
import { createMemoryQueueFeed } from './queue-feed.js';
import { createDevicesRepository } from './devices.repository.js';

/**
 * The console over `inject`, with real sessions and passwords in a temporary SQLite database and the
 * fake ticket port: who gets in, which forms are refused, and what each refusal answers.
 */
let database: TemporaryDatabase;
let staff: StaffService;
let accounts: ConsoleAccounts;
let consoleDeps: ConsoleDeps;
let staffToken: string;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await openTemporarySqlite();
  const store = createConsoleRepository(database.db.prisma);
  staff = createStaffService({ repository: createStaffRepository(database.db.prisma), clock, cacheMs: 0 });
  accounts = createConsoleAccounts({ store, staff, clock });
  staffToken = (await staff.addStaff('ann', 'staff')).token;
  await staff.addStaff('root', 'admin');
  await accounts.setPassword('ann', 'ann-password-123');
  await accounts.setPassword('root', 'root-password-123');
  consoleDeps = {
    accounts,
    store,
    queueFeed: createMemoryQueueFeed(),
    cannedReplies: [{ id: 'pc-restarted', title: 'Computer restarted', text: 'We restarted the computer.' }],
    secureCookies: false,
    publicUrl: 'https://libdesk.example.org',
    devices: createDevicesRepository(database.db.prisma),
    csrfKey: 'test-console-csrf-key-0123456789abcdef',
    timeZone: () => 'America/New_York',
    clock,
  };
});
afterAll(async () => {
  await database?.close();
});

interface Browser {
  cookies: Map<string, string>;
}

function cookieHeader(browser: Browser): string {
  return [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Keeps cookies as a browser would (only what the server set; cleared ones removed). */
function remember(browser: Browser, response: LightMyRequestResponse): void {
  for (const cookie of response.cookies) {
    if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0) || (cookie.expires && cookie.expires.getTime() < Date.now())) browser.cookies.delete(cookie.name);
    else browser.cookies.set(cookie.name, cookie.value);
  }
}

async function get(app: FastifyInstance, browser: Browser, url: string) {
  const response = await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(browser), accept: 'text/html' } });
  remember(browser, response);
  return response;
}

async function post(app: FastifyInstance, browser: Browser, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(browser), ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
  remember(browser, response);
  return response;
}

function csrfOf(body: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

async function signedIn(built: BuiltApp, name = 'ann', password = `${name}-password-123`): Promise<Browser> {
  const browser: Browser = { cookies: new Map() };
  const form = await get(built.app, browser, '/staff/sign-in');
  const response = await post(built.app, browser, '/staff/sign-in', { name, password, _csrf: csrfOf(form.body), next: '/staff/queue' });
  if (response.statusCode !== 303) throw new Error(`sign-in answered ${response.statusCode}`);
  return browser;
}

async function openTicket(built: BuiltApp, subject = 'Needs a librarian') {
  return built.tickets.open({
    kind: 'handoff',
    subject,
    description: 'Can a person help me find local history records?',
    requester: { channel: 'web', address: 'web:abc', threadKey: 'abc' },
    conversationId: 'conversation-1',
  });
}

const appWithConsole = (options: Partial<ConsoleDeps> = {}) => build({ deps: { console: { ...consoleDeps, ...options } } });

describe('staff console: signing in', () => {
  it('sends a signed-out visitor to the sign-in page, and refuses forms and the live feed with 401', async () => {
    const built = await appWithConsole();
    const ticket = await openTicket(built);
    const anonymous: Browser = { cookies: new Map() };
    const page = await get(built.app, anonymous, `/staff/queue/${ticket.number}`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/staff/sign-in?next=${encodeURIComponent(`/staff/queue/${ticket.number}`)}`);
    const claim = await post(built.app, anonymous, `/staff/queue/${ticket.number}/claim`, { _csrf: 'x' });
    expect(claim.statusCode).toBe(401);
    const feed = await built.app.inject({ method: 'GET', url: '/staff/queue/events' });
    expect(feed.statusCode).toBe(401);
    expect((await built.tickets.get(ticket.id))?.status).toBe('open');
  });

  it('signs in with a password into an HttpOnly, SameSite=Strict session cookie kept for /staff only', async () => {
    const built = await appWithConsole();
    const browser: Browser = { cookies: new Map() };
    const form = await get(built.app, browser, '/staff/sign-in?next=/staff/queue');
    expect(form.statusCode).toBe(200);
    const response = await post(built.app, browser, '/staff/sign-in', { name: 'ann', password: 'ann-password-123', _csrf: csrfOf(form.body), next: '/staff/queue' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/queue');
    const session = response.cookies.find((cookie) => cookie.name === 'libdesk_staff_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/staff' });
    expect(session?.secure).toBeFalsy();
    const queue = await get(built.app, browser, '/staff/queue');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('ann (staff)');
  });

  it('marks cookies Secure when the console is served over https', async () => {
    const built = await appWithConsole({ secureCookies: true });
    const browser: Browser = { cookies: new Map() };
    const form = await get(built.app, browser, '/staff/sign-in');
    expect(form.cookies.find((cookie) => cookie.name === 'libdesk_staff_csrf')?.secure).toBe(true);
    const response = await post(built.app, browser, '/staff/sign-in', { name: 'ann', password: 'ann-password-123', _csrf: csrfOf(form.body) });
    expect(response.cookies.find((cookie) => cookie.name === 'libdesk_staff_session')?.secure).toBe(true);
  });

  it('refuses a wrong password, an unknown name and a forged sign-in, setting no session', async () => {
    const built = await appWithConsole();
    const browser: Browser = { cookies: new Map() };
    const form = await get(built.app, browser, '/staff/sign-in');
    const token = csrfOf(form.body);
    const attempts: Array<Record<string, string>> = [
      { name: 'ann', password: 'not-her-password' },
      { name: 'nobody', password: 'ann-password-123' },
      { token: 'lds_not-a-real-token' },
    ];
    for (const fields of attempts) {
      const response = await post(built.app, browser, '/staff/sign-in', { ...fields, _csrf: token });
      expect(response.statusCode).toBe(401);
      expect(response.cookies.find((cookie) => cookie.name === 'libdesk_staff_session')).toBeUndefined();
    }
    const forged = await post(built.app, { cookies: new Map() }, '/staff/sign-in', { name: 'ann', password: 'ann-password-123' });
    expect(forged.statusCode).toBe(403);
    expect(forged.cookies.find((cookie) => cookie.name === 'libdesk_staff_session')).toBeUndefined();
  });

  it('signs in with a staff token too, and never sends anyone outside the console afterwards', async () => {
    const built = await appWithConsole();
    const browser: Browser = { cookies: new Map() };
    const form = await get(built.app, browser, '/staff/sign-in');
    const response = await post(built.app, browser, '/staff/sign-in', { token: staffToken, _csrf: csrfOf(form.body), next: 'https://evil.example/' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/queue');
  });

  it('ends the session on the server at sign-out: the old cookie no longer opens anything', async () => {
    const built = await appWithConsole();
    const browser = await signedIn(built);
    const oldCookie = cookieHeader(browser);
    const queue = await get(built.app, browser, '/staff/queue');
    const out = await post(built.app, browser, '/staff/sign-out', { _csrf: csrfOf(queue.body) });
    expect(out.statusCode).toBe(303);
    const replay = await built.app.inject({ method: 'GET', url: '/staff/queue', headers: { cookie: oldCookie, accept: 'text/html' } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toMatch(/^\/staff\/sign-in/);
  });
});

describe('staff console: CSRF and roles', () => {
  it('refuses a ticket action without a CSRF token, with another session’s token, or from another site (403), changing nothing', async () => {
    const built = await appWithConsole();
    const ticket = await openTicket(built);
    const ann = await signedIn(built);
    const root = await signedIn(built, 'root');
    const rootToken = csrfOf((await get(built.app, root, '/staff/queue')).body);
    const annToken = csrfOf((await get(built.app, ann, `/staff/queue/${ticket.number}`)).body);
    const url = `/staff/queue/${ticket.number}/claim`;
    expect((await post(built.app, ann, url, {})).statusCode).toBe(403);
    expect((await post(built.app, ann, url, { _csrf: rootToken })).statusCode).toBe(403);
    expect((await post(built.app, ann, url, { _csrf: annToken }, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await built.tickets.get(ticket.id))?.status).toBe('open');

    const claimed = await post(built.app, ann, url, { _csrf: annToken });
    expect(claimed.statusCode).toBe(303);
    expect(claimed.headers.location).toBe(`/staff/queue/${ticket.number}?done=claimed`);
    expect(await built.tickets.get(ticket.id)).toMatchObject({ status: 'claimed', assignee: 'ann' });
  });

  it('keeps admin pages from the staff role (403) and shows them to an admin', async () => {
    const built = await appWithConsole();
    const ann = await signedIn(built);
    expect((await get(built.app, ann, '/staff/admin/staff')).statusCode).toBe(403);
    const root = await signedIn(built, 'root');
    const page = await get(built.app, root, '/staff/admin/staff');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="row">ann</th>');
  });
});

describe('staff console: working a ticket', () => {
  it('replies (a canned reply works without JavaScript), notes, records the READ scale and resolves, each attributed to the member', async () => {
    const built = await appWithConsole();
    const ticket = await openTicket(built, 'Printer <script>alert(1)</script> jammed');
    const ann = await signedIn(built);
    const page = await get(built.app, ann, `/staff/queue/${ticket.number}`);
    expect(page.body).toContain('Printer &lt;script&gt;alert(1)&lt;/script&gt; jammed');
    expect(page.body).not.toMatch(/<script>(?!<\/script>)/);
    const token = csrfOf(page.body);

    expect((await post(built.app, ann, `/staff/queue/${ticket.number}/reply`, { _csrf: token, body: '', canned: 'pc-restarted' })).statusCode).toBe(303);
    expect((await post(built.app, ann, `/staff/queue/${ticket.number}/note`, { _csrf: token, body: 'Called IT about it' })).statusCode).toBe(303);
    expect((await post(built.app, ann, `/staff/queue/${ticket.number}/read-scale`, { _csrf: token, scale: '7' })).statusCode).toBe(400);
    expect((await post(built.app, ann, `/staff/queue/${ticket.number}/resolve`, { _csrf: token, body: 'Fixed.' })).statusCode).toBe(303);

    const events = (await built.tickets.get(ticket.id))!.events;
    expect(events.find((event) => event.type === 'reply')).toMatchObject({ actor: 'ann', body: 'We restarted the computer.', internal: false, origin: 'console' });
    expect(events.find((event) => event.type === 'note')).toMatchObject({ actor: 'ann', body: 'Called IT about it', internal: true });
    expect((await built.tickets.get(ticket.id))?.status).toBe('resolved');

    const after = await get(built.app, ann, `/staff/queue/${ticket.number}?done=resolved`);
    expect(after.body).toContain('Ticket resolved; the patron is told.');
    expect(after.body).toContain('Internal note (staff only)');
    // Resolving again is an illegal transition: 409, shown as a page.
    const again = await post(built.app, ann, `/staff/queue/${ticket.number}/resolve`, { _csrf: csrfOf(after.body) });
    expect(again.statusCode).toBe(409);
  });

  it('filters the queue and sends the same security headers as the rest of the app (no inline script)', async () => {
    const built = await appWithConsole();
    const mine = await openTicket(built, 'Mine');
    await openTicket(built, 'Someone else’s');
    await built.tickets.claim(mine.id, 'ann');
    const ann = await signedIn(built);
    const queue = await get(built.app, ann, '/staff/queue?assignee=me');
    expect(queue.body).toContain(`>${mine.number}</a>`);
    expect(queue.body).not.toContain('Someone else’s');
    expect(queue.headers['content-security-policy']).toContain("script-src 'self'");
    expect(queue.headers['cache-control']).toBe('no-store');
    expect(queue.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect((await get(built.app, ann, '/staff/queue?status=bogus')).statusCode).toBe(400);
  });
});

describe('staff console: reports', () => {
  it('shows a seeded week with its known counts as tables, charts and CSV, to staff only', async () => {
    const prisma = database.db.prisma;
    const at = (iso: string) => new Date(iso);
    const conversation = await prisma.conversation.create({ data: { channel: 'web', threadKey: 'report-seed', address: 'report-seed' } });
    const inquiry = (receivedAt: string, channel: string, intent: string, outcome: string) =>
      prisma.inquiry.create({ data: { conversationId: conversation.id, channel, text: 'question', receivedAt: at(receivedAt), status: 'answered', intent, outcome } });
    await inquiry('2026-11-02T15:00:00Z', 'web', 'hours', 'answered');
    await inquiry('2026-11-02T16:00:00Z', 'sms', 'faq', 'answered');
    await inquiry('2026-11-03T15:00:00Z', 'web', 'equipment', 'ticket');
    await inquiry('2026-11-20T15:00:00Z', 'web', 'hours', 'answered'); // outside the range asked for
    const ticket = (data: Record<string, unknown>) =>
      prisma.ticket.create({ data: { subject: 's', description: 'd', requesterChannel: 'web', requesterThread: 't', ...data } as never });
    await ticket({ kind: 'equipment', branchId: 'main', assetTag: 'PC-07', createdAt: at('2026-11-03T15:00:00Z'), status: 'open', readScale: 2 });
    await ticket({ kind: 'equipment', branchId: 'main', assetTag: 'PC-07', createdAt: at('2026-11-04T15:00:00Z'), status: 'open', readScale: 2 });
    await ticket({ kind: 'handoff', branchId: 'east', createdAt: at('2026-11-05T15:00:00Z'), status: 'open', readScale: 5 });

    const { createReportService, createReportsRepository } = await import('../reports/index.js');
    const reports = createReportService({ repository: createReportsRepository(prisma, 'sqlite'), timeZone: () => 'America/New_York', now: () => at('2026-11-30T12:00:00Z') });
    const built = await appWithConsole({ reports });
    const ann = await signedIn(built);
    const page = await get(built.app, ann, '/staff/reports?from=2026-11-01&to=2026-11-07&period=day');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<strong id="inquiries-total">3</strong>');
    expect(page.body).toContain('<strong id="tickets-total">3</strong>');
    // READ scale table: two tickets at level 2, one at 5.
    expect(page.body).toMatch(/<tr><th scope="row">2<\/th><td>2<\/td><\/tr>/);
    expect(page.body).toMatch(/<tr><th scope="row">5<\/th><td>1<\/td><\/tr>/);
    expect(page.body).toMatch(/<tr><th scope="row">PC-07<\/th><td>Main Library<\/td><td>2<\/td><\/tr>/);
    expect(page.body).toContain('<script src="/staff/assets/chart.umd.min.js" defer></script>');
    expect(page.body).toContain('data-chart="');

    const csv = await get(built.app, ann, '/staff/reports/csv/read-scale?from=2026-11-01&to=2026-11-07&period=day');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('libdesk-read-scale-2026-11-01-to-2026-11-07.csv');
    expect(csv.body).toBe('read_scale,tickets\n1,0\n2,2\n3,0\n4,0\n5,1\n6,0\n');
    const devices = await get(built.app, ann, '/staff/reports/csv/devices?from=2026-11-01&to=2026-11-07');
    expect(devices.body).toBe('asset,branch,tickets\nPC-07,main,2\n');
    const chart = await get(built.app, ann, '/staff/assets/chart.umd.min.js');
    expect(chart.statusCode).toBe(200);
    expect(chart.body).toContain('Chart');

    expect((await get(built.app, ann, '/staff/reports?from=2026-11-07&to=2026-11-01')).statusCode).toBe(400);
    const anonymous = await built.app.inject({ method: 'GET', url: '/staff/reports/csv/devices' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('staff console: devices (admin)', () => {
  it('adds, edits, retires and restores a device, with QR codes of its report page; staff get 403', async () => {
    const built = await appWithConsole();
    const ann = await signedIn(built);
    expect((await get(built.app, ann, '/staff/admin/devices')).statusCode).toBe(403);
    expect((await get(built.app, ann, '/staff/admin/devices/PC-07/qr.svg')).statusCode).toBe(403);
    const root = await signedIn(built, 'root');
    const form = await get(built.app, root, '/staff/admin/devices/new');
    const token = csrfOf(form.body);
    const fields = { tag: 'scan 3', name: 'Scanner 3', kind: 'scanner', branchId: 'main', location: 'Media lab', floor: '2' };
    expect((await post(built.app, root, '/staff/admin/devices', fields)).statusCode).toBe(403);
    const added = await post(built.app, root, '/staff/admin/devices', { ...fields, _csrf: token });
    expect(added.statusCode).toBe(303);
    expect(await createDevicesRepository(database.db.prisma).find('SCAN-03')).toMatchObject({ name: 'Scanner 3', branchId: 'main', floor: 2, active: true });
    const duplicate = await post(built.app, root, '/staff/admin/devices', { ...fields, _csrf: token });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('There is already a device SCAN-03.');
    expect((await post(built.app, root, '/staff/admin/devices', { ...fields, branchId: 'mars', tag: 'SCAN-04', _csrf: token })).statusCode).toBe(400);

    expect((await post(built.app, root, '/staff/admin/devices/SCAN-03', { ...fields, name: 'Flatbed scanner', floor: '', _csrf: token })).statusCode).toBe(303);
    expect(await createDevicesRepository(database.db.prisma).find('SCAN-03')).toMatchObject({ name: 'Flatbed scanner', active: true });

    const svg = await get(built.app, root, '/staff/admin/devices/SCAN-03/qr.svg');
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg[^>]*viewBox/);
    const png = await get(built.app, root, '/staff/admin/devices/SCAN-03/qr.png');
    expect(png.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const { default: QRCode } = await import('qrcode');
    const expected = await QRCode.toString('https://libdesk.example.org/report/SCAN-03', { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    expect(svg.body).toBe(expected);
    const labels = await get(built.app, root, '/staff/admin/devices/labels');
    expect(labels.body).toContain('libdesk.example.org/report/SCAN-03');

    expect((await post(built.app, root, '/staff/admin/devices/SCAN-03/retire', { _csrf: token })).statusCode).toBe(303);
    expect(await createDevicesRepository(database.db.prisma).find('SCAN-03')).toMatchObject({ active: false });
    expect((await get(built.app, root, '/staff/admin/devices/labels')).body).not.toContain('/report/SCAN-03');
    expect((await post(built.app, root, '/staff/admin/devices/SCAN-03/restore', { _csrf: token })).statusCode).toBe(303);
    expect(await createDevicesRepository(database.db.prisma).find('SCAN-03')).toMatchObject({ active: true });
  });
});
