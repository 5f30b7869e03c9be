import { describe, expect, it } from 'vitest';
import { FAKE_SATURDAY_HOURS } from '../test-support/fakes.js';
import { build } from '../test-support/build.js';

const url = '/api/v1/inquiries';

describe('POST /api/v1/inquiries', () => {
  it('hands the message to the InquiryService and answers 201 with the reply', async () => {
    const { app, inquiries, apiKeyHeaders: headers } = await build();
    const response = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { channel: 'cli', address: 'kiosk-3', text: '  are you open on Saturday? ', threadKey: 'thread-1' },
    });
    expect(response.statusCode).toBe(201);
    expect(inquiries.received).toEqual([{ channel: 'cli', address: 'kiosk-3', text: 'are you open on Saturday?', threadKey: 'thread-1' }]);
    const body = response.json();
    expect(body).toMatchObject({ inquiryId: 'inq-1', intent: 'hours', confidence: 0.93, duplicate: false });
    expect(body.reply).toMatchObject({ text: FAKE_SATURDAY_HOURS, quickReplies: ['Hours for Eastside', 'Thanks!'] });
    expect(body.reply.cards[0]).toEqual({ title: 'Main Library', lines: ['Sat 10:00–17:00', 'Sun closed'], url: 'https://library.example/hours' });
  });

  it('returns the stored answer with 200 when the externalId was seen before', async () => {
    const { app, inquiries, apiKeyHeaders: headers } = await build();
    const payload = { channel: 'web', address: 'integration-session-1', text: 'are you open today?', externalId: 'kiosk-123' };
    const first = await app.inject({ method: 'POST', url, headers, payload });
    const second = await app.inject({ method: 'POST', url, headers, payload });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ ...first.json(), duplicate: true });
    expect(inquiries.received).toHaveLength(2);
  });

  it('includes the ticket, with ISO dates and without the requester', async () => {
    const { app, apiKeyHeaders: headers } = await build();
    const response = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { channel: 'report', address: 'ann@example.org', text: 'PC-07: frozen', meta: { assetTag: 'PC-07' } },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().ticket).toEqual({
      id: 12,
      number: 'T-12',
      kind: 'equipment',
      status: 'open',
      priority: 'normal',
      subject: 'PC-07: frozen',
      assetTag: 'PC-07',
      createdAt: '2026-03-07T15:00:00.000Z',
      updatedAt: '2026-03-07T15:00:00.000Z',
      // The SLA rules of an equipment ticket at normal priority, counted in opening hours.
      firstResponseDueAt: '2026-03-07T17:00:00.000Z',
      resolutionDueAt: '2026-03-08T15:00:00.000Z',
      slaDueAt: '2026-03-07T17:00:00.000Z',
    });
    expect(response.body).not.toContain('ann@example.org');
  });

  it.each([
    ['empty text', { channel: 'web', address: 'a-session', text: '   ' }, 'text', 'text is empty'],
    ['text over 8000 characters', { channel: 'web', address: 'a-session', text: 'a'.repeat(10_001) }, 'text', 'text is longer than 8000 characters'],
    ['an unknown channel', { channel: 'fax', address: 'a-session', text: 'hello' }, 'channel', 'channel: '],
    ['a missing address', { channel: 'web', text: 'hello' }, 'address', 'address: '],
    ['text that is not a string', { channel: 'web', address: 'a', text: 42 }, 'text', 'text: '],
    ['a NUL byte in the text', { channel: 'web', address: 'a-session', text: 'hello\u0000' }, 'text', 'NUL'],
    ['a NUL byte in the address', { channel: 'web', address: 'a\u0000b', text: 'hello' }, 'address', 'NUL'],
    ['a lone surrogate in the text', { channel: 'web', address: 'a-session', text: 'broken \ud83d emoji' }, 'text', 'surrogates'],
    ['a lone surrogate in the thread key', { channel: 'web', address: 'a-session', text: 'hi', threadKey: '\udc00' }, 'threadKey', 'surrogates'],
    ['a NUL byte inside meta', { channel: 'report', address: 'a-session', text: 'hi', meta: { note: 'x\u0000' } }, 'meta', 'NUL'],
  ])('refuses %s with 400 naming the field', async (_label, payload, field, message) => {
    const { app, inquiries, apiKeyHeaders: headers } = await build();
    const response = await app.inject({ method: 'POST', url, headers, payload });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('LD_VALIDATION');
    expect(error.message).toContain(message);
    expect(error.details.issues).toContainEqual({ field, message: expect.any(String) });
    expect(error.details.fields).toContain(field);
    expect(inquiries.received).toHaveLength(0);
  });

  it('refuses a request without a body with 400', async () => {
    const { app, apiKeyHeaders: headers } = await build();
    const response = await app.inject({ method: 'POST', url, headers });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('LD_VALIDATION');
  });

  it('refuses an empty JSON body with 400', async () => {
    const { app, apiKeyHeaders: headers } = await build();
    const response = await app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/empty/i);
  });
});

describe('POST /api/v1/inquiries is for trusted integrations', () => {
  const victim = { channel: 'sms', address: '+15551234567', text: 'yes' };

  it.each([
    ['no credential', {}],
    ['an unknown key', { authorization: 'Bearer ldk_guessed-key-000000000000000000000000000000' }],
    ['a staff token', { authorization: 'Bearer lds_test-staff-token-0123456789abcdefghijklmnopq' }],
  ])('refuses a caller with %s with 401 and stores nothing', async (_label, headers) => {
    const { app, inquiries } = await build();
    for (const payload of [victim, { channel: 'web', address: 'someone', text: 'hello' }]) {
      const response = await app.inject({ method: 'POST', url, headers, payload });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('LD_UNAUTHORIZED');
    }
    expect(inquiries.received).toHaveLength(0);
  });

  it.each([
    ['sms', '+15551234567'],
    ['email', 'ann@example.org'],
    ['discord', '123456789012345678'],
  ])('refuses channel %s even with a valid key (only its verified webhook may speak for that address)', async (channel, address) => {
    const { app, inquiries, apiKeyHeaders } = await build();
    const response = await app.inject({ method: 'POST', url, headers: apiKeyHeaders, payload: { channel, address, text: 'yes', threadKey: address } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'LD_FORBIDDEN', details: { channel } });
    expect(inquiries.received).toHaveLength(0);
  });

  it('stops accepting a key once it is disabled', async () => {
    const { app, credentials, apiKeyHeaders } = await build();
    const payload = { channel: 'cli', address: 'kiosk', text: 'hello' };
    expect((await app.inject({ method: 'POST', url, headers: apiKeyHeaders, payload })).statusCode).toBe(201);
    credentials.disable(credentials.apiKey);
    expect((await app.inject({ method: 'POST', url, headers: apiKeyHeaders, payload })).statusCode).toBe(401);
  });
});
