import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
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
      ...form({ problem: 'frozen', details: 'stuck on the login screen', contact: 'ann@example.org', submission: 'sub-0000000000000001' }),
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
    const first = await app.inject({ method: 'POST', url: '/report/PC-07', ...form(fields) });
    const second = await app.inject({ method: 'POST', url: '/report/PC-07', ...form(fields) });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('T-12');
    expect(tickets.all).toHaveLength(1);
  });

  it.each([
    ['no problem chosen', { details: 'x' }, 'Choose what is wrong with the device.'],
    ['"other" without details', { problem: 'other' }, 'Tell us a little about the problem'],
    ['a contact that is neither phone nor e-mail', { problem: 'frozen', contact: 'call me maybe' }, 'Enter a phone number or an e-mail address'],
    ['a problem that is not on the list', { problem: 'on-fire' }, 'Choose what is wrong with the device.'],
  ])('shows the form again with a reason for %s', async (_label, fields, message) => {
    const { app, inquiries } = await build();
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form(fields as Record<string, string>) });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain(message.replaceAll('"', '&quot;'));
    expect(response.body).toContain('role="alert"');
    expect(inquiries.received).toHaveLength(0);
  });

  it('keeps what the patron typed when the form comes back', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'other', contact: 'call me maybe' }) });
    expect(response.body).toContain('value="call me maybe"');
    expect(response.body).toMatch(/value="other" required checked/);
  });

  it('answers a report for an unknown tag with a 404 page and files nothing', async () => {
    const { app, inquiries } = await build();
    const response = await app.inject({ method: 'POST', url: '/report/XX-99', ...form({ problem: 'frozen' }) });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('No device has the tag XX-99');
    expect(inquiries.received).toHaveLength(0);
  });

  it('limits reports per IP and says so on a page', async () => {
    const { app } = await build({ options: { rateLimit: { max: 1, timeWindowMs: 60_000 } } });
    expect((await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'frozen' }) })).statusCode).toBe(201);
    const limited = await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'frozen' }) });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/text\/html/);
    expect(limited.body).toContain('Too many tries');
  });

  it('shows a plain error page when filing fails, without the cause', async () => {
    const { app, inquiries } = await build();
    inquiries.failNextWith(new Error('database is locked at /var/lib/libdesk'));
    const response = await app.inject({ method: 'POST', url: '/report/PC-07', ...form({ problem: 'frozen' }) });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).not.toContain('/var/lib/libdesk');
  });
});
