import { describe, expect, it } from 'vitest';
import { LibdeskError } from '../core/errors.js';
import { build } from './test-support/build.js';

const validInquiry = { channel: 'web', address: 'session-1234567890', text: 'are you open on Saturday?' };

describe('error handling', () => {
  it('answers invalid JSON with 400 and a reason, in the shared error shape', async () => {
    const { app, apiKeyHeaders } = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: { ...apiKeyHeaders, 'content-type': 'application/json' },
      payload: '{"channel": "web", "text": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'LD_BAD_REQUEST', message: expect.stringMatching(/JSON/i) } });
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const { app, inquiries, apiKeyHeaders } = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: { ...apiKeyHeaders, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...validInquiry, text: 'x'.repeat(70 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('LD_PAYLOAD_TOO_LARGE');
    expect(inquiries.received).toHaveLength(0);
  });

  it.each([
    ['text/plain', 'are you open?'],
    ['application/x-www-form-urlencoded', 'channel=web&address=a&text=hi'],
  ])('refuses a %s body on the JSON API with 415', async (contentType, payload) => {
    const { app, inquiries, apiKeyHeaders } = await build();
    const response = await app.inject({ method: 'POST', url: '/api/v1/inquiries', headers: { ...apiKeyHeaders, 'content-type': contentType }, payload });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'LD_UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) });
    expect(inquiries.received).toHaveLength(0);
  });

  it.each([
    [new LibdeskError('LD_VALIDATION', 'branch is unknown', { details: { field: 'branch' } }), 400, 'LD_VALIDATION'],
    [new LibdeskError('LD_NOT_FOUND', 'no such patron'), 404, 'LD_NOT_FOUND'],
    [new LibdeskError('LD_UNKNOWN_ASSET', 'no device XX-99'), 404, 'LD_UNKNOWN_ASSET'],
    [new LibdeskError('LD_CONFLICT', 'already resolved'), 409, 'LD_CONFLICT'],
  ])('maps %s to %i', async (error, status, code) => {
    const { app, inquiries, apiKeyHeaders } = await build();
    inquiries.failNextWith(error);
    const response = await app.inject({ method: 'POST', url: '/api/v1/inquiries', headers: apiKeyHeaders, payload: validInquiry });
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toEqual({ code, message: error.message, ...(error.details ? { details: error.details } : {}) });
  });

  it.each([
    ['an unexpected error', new Error('connect ECONNREFUSED 10.0.0.5:5432 patron=+15551234567')],
    ['a LibdeskError with a server-side code', new LibdeskError('LD_CONFIG_INVALID', 'DATABASE_URL=postgres://admin:secret@db/libdesk')],
  ])('answers %s with a 500 that reveals nothing', async (_label, error) => {
    const { app, inquiries, apiKeyHeaders } = await build();
    inquiries.failNextWith(error);
    const response = await app.inject({ method: 'POST', url: '/api/v1/inquiries', headers: apiKeyHeaders, payload: validInquiry });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body).toEqual({ error: { code: 'LD_INTERNAL', message: expect.any(String) } });
    expect(response.body).not.toMatch(/ECONNREFUSED|5551234567|secret|DATABASE_URL/);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing?session=abc' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'LD_NOT_FOUND', message: 'There is no page at GET /api/v1/nothing' });
  });

  it('answers an unknown page asked for by a browser with an HTML 404', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/nothing-here', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('Page not found');
  });
});

describe('GET /healthz', () => {
  it('reports ok with the version when every dependency answers', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok', queue: 'ok', version: '0.1.0-test' });
  });

  it('answers 503 and names the dependency that is down', async () => {
    const built = await build();
    built.setHealth({ database: 'ok', queue: 'down' });
    const response = await built.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'down', database: 'ok', queue: 'down', version: '0.1.0-test' });
  });

  it('answers 503 when the health check itself fails', async () => {
    const built = await build();
    built.setHealth(new Error('database unreachable'));
    const response = await built.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().status).toBe('down');
  });
});
