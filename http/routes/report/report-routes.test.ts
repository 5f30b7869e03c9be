import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';

interface Csrf {
  token: string;
  cookie: string;
}

/** Opens the report page as a browser would and keeps what the form needs: its token and cookie. */
async function openForm(app: FastifyInstance, tag = 'PC-07'): Promise<Csrf> {
  const page = await app.inject({ method: 'GET', url: `/report/${tag}` });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const cookie = page.cookies.find((candidate) => candidate.name === 'libdesk_report_csrf');
  if (!token || !cookie) throw new Error('the report page carried no CSRF token or cookie');
  return { token, cookie: `${cookie.name}=${cookie.value}` };
}

const form = (fields: Record<string, string>, csrf?: Csrf, extraHeaders: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(csrf ? { cookie: csrf.cookie } : {}), ...extraHeaders },
  payload: new URLSearchParams({ ...fields, ...(csrf ? { _csrf: csrf.token } : {}) }).toString(),
});

describe('GET /report/:tag', () => {
  it('shows the form with the device filled in', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/report/PC-07' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    for (const text of ['PC-07', 'Public PC 7', 'Main Library', 'Adult computer area, 2nd floor', "Won&#39;t turn on", 'Out of paper or toner']) {
      expect(response.body).toContain(text);
    }
    expect(response.body).toMatch(/<form method="post" action="\/report\/PC-07"/);
    expect(response.body).toMatch(/name="submission" value="[A-Za-z0-9_-]{16,}"/);
  });

  it('understands the tag written the way people type it', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/report/pc7' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Public PC 7');
  });

  it('answers an unknown tag with a 404 page that says so', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/report/XX-99' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('No device has the tag XX-99');
  });

  it('escapes a hostile tag on the 404 page', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: `/report/${encodeURIComponent('<img src=x onerror=alert(1)>')}` });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<img src=x');
  });
});

describe('POST /report/:tag', () => {
  it('files the report through the InquiryService and shows the ticket number', async () => {
    const { app, inquiries } = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/report/PC-07',
      ...form({ problem: 'frozen', details: 'stuck on the login screen', contact: 'ann@example.org', submission: 'sub-0000000000000001' }, await openForm(app)),
    });
    expect(response.statusCode).toBe(201);
    expect(inquiries.received).toEqual([
      {
        channel: 'report',
        address: 'ann@example.org',
        threadKey: 'report:sub-0000000000000001',
        text: 'PC-07: frozen — stuck on the login screen',
        externalId: 'report:sub-0000000000000001',
        meta: { assetTag: 'PC-07', problem: 'frozen', contactKind: 'email' },
      },
    ]);
    expect(response.body).toMatch(/data-ticket-number>T-12</);
  });

  it('shows the same ticket when the same form is sent twice', async () => {
    const { app, tickets } = await build();
    const fields = { problem: 'printer-jam', submission: 'sub-0000000000000002' };
    const csrf = await openForm(app);
    const first = await app.inject({ method: 'POST', url: '/report/PC-07', ...form(fields, csrf) });
    const second = await app.inject({ method: 'POST', url: '/report/PC-07', ...form(fields, csrf) });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('T-12');
    expect((await tickets.list()).tickets).toHaveLength(1);
  });

  it.each([
    ['no problem chosen', { details: 'x' }, 'Choose what is wrong with the device.'],
    ['"other" without details', { problem: 'other' }, 'Tell us a little about the problem'],
    ['a contact that is neither phone nor e-mail', { problem: 'frozen', contact: 'call me maybe' }, 'Enter a phone number or an e-mail address'],
    ['a problem that is not on the list', { problem: 'on-fire' }, 'Choose what is wrong with the device.'],
  ])('shows the form again with a reason for %s', async (_label, fields, message) => {
    const { app, inquiries } = await build();
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form(fields as Record<string, string>, await openForm(app)) });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain(message.replaceAll('"', '&quot;'));
    expect(response.body).toContain('role="alert"');
    expect(inquiries.received).toHaveLength(0);
  });

  it('keeps what the patron typed when the form comes back', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'other', contact: 'call me maybe' }, await openForm(app)) });
    expect(response.body).toContain('value="call me maybe"');
    expect(response.body).toMatch(/value="other" required checked/);
  });

  it('answers a report for an unknown tag with a 404 page and files nothing', async () => {
    const { app, inquiries } = await build();
    const response = await app.inject({ method: 'POST', url: '/report/XX-99', ...form({ problem: 'frozen' }, await openForm(app)) });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('No device has the tag XX-99');
    expect(inquiries.received).toHaveLength(0);
  });

  it('limits reports per IP and says so on a page', async () => {
    const { app } = await build({ options: { rateLimit: { max: 1, timeWindowMs: 60_000 } } });
    const csrf = await openForm(app);
    expect((await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'frozen' }, csrf) })).statusCode).toBe(201);
    const limited = await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'frozen' }, csrf) });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/text\/html/);
    expect(limited.body).toContain('Too many tries');
  });

  it('shows a plain error page when filing fails, without the cause', async () => {
    const { app, inquiries } = await build();
    const csrf = await openForm(app);
    inquiries.failNextWith(new Error('database is locked at /var/lib/libdesk'));
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'frozen' }, csrf) });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).not.toContain('/var/lib/libdesk');
  });
});

describe('the report form against forgery and framing', () => {
  it('refuses a form posted without the CSRF token and cookie with 403, filing nothing', async () => {
    const { app, inquiries } = await build();
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'frozen' }) });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('That could not be sent');
    expect(inquiries.received).toHaveLength(0);
  });

  it('refuses a token that does not belong to the cookie (another visitor’s form)', async () => {
    const { app, inquiries } = await build();
    const mine = await openForm(app);
    const theirs = await openForm(app);
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'frozen' }, { token: theirs.token, cookie: mine.cookie }) });
    expect(response.statusCode).toBe(403);
    expect(inquiries.received).toHaveLength(0);
  });

  it.each([
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['the literal Origin null (a sandboxed frame)', { origin: 'null' }],
  ])('refuses a valid form sent from %s with 403, filing nothing', async (_label, headers) => {
    const { app, inquiries } = await build();
    const csrf = await openForm(app);
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'frozen' }, csrf, headers) });
    expect(response.statusCode).toBe(403);
    expect(inquiries.received).toHaveLength(0);
  });

  it('accepts the form from its own page (same Origin)', async () => {
    const { app } = await build();
    const csrf = await openForm(app);
    const response = await app.inject({
      method: 'POST',
      url: '/report/PC-07',
      ...form({ problem: 'frozen' }, csrf, { origin: 'http://libdesk.example:3000', host: 'libdesk.example:3000', 'sec-fetch-site': 'same-origin' }),
    });
    expect(response.statusCode).toBe(201);
  });

  it('sets the CSRF cookie only for /report, HttpOnly and SameSite=Lax', async () => {
    const { app } = await build();
    const page = await app.inject({ method: 'GET', url: '/report/PC-07' });
    const cookie = page.cookies.find((candidate) => candidate.name === 'libdesk_report_csrf');
    expect(cookie).toMatchObject({ path: '/report', httpOnly: true, sameSite: 'Lax' });
  });

  it('cannot be shown in another site’s frame, and runs no inline script', async () => {
    const { app } = await build();
    const page = await app.inject({ method: 'GET', url: '/report/PC-07' });
    expect(page.headers['x-frame-options']).toBe('DENY');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("form-action 'self'");
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it.each([
    ['a NUL byte in the details', { problem: 'other', details: 'paper\u0000jam' }],
    // (A form body cannot carry a lone surrogate: URL encoding turns it into U+FFFD. JSON can; see chat.)
    ['a NUL byte in the contact', { problem: 'frozen', contact: 'ann@example.org\u0000' }],
  ])('refuses %s with 400, filing nothing', async (_label, fields) => {
    const { app, inquiries } = await build();
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form(fields, await openForm(app)) });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('a character we cannot store');
    expect(inquiries.received).toHaveLength(0);
  });
});
