import { describe, expect, it } from 'vitest';
import { FAKE_SATURDAY_HOURS } from '../test-support/fakes.js';
import { build } from '../test-support/build.js';

const url = '/api/v1/inquiries';

describe('POST /api/v1/inquiries', () => {
  it('hands the message to the InquiryService and answers 201 with the reply', async () => {
    const { app, inquiries } = await build();
    const response = await app.inject({
      method: 'POST',
      url,
      payload: { channel: 'sms', address: '+15551234567', text: '  are you open on Saturday? ', threadKey: 'thread-1' },
    });
    expect(response.statusCode).toBe(201);
    expect(inquiries.received).toEqual([{ channel: 'sms', address: '+15551234567', text: 'are you open on Saturday?', threadKey: 'thread-1' }]);
    const body = response.json();
    expect(body).toMatchObject({ inquiryId: 'inq-1', intent: 'hours', confidence: 0.93, duplicate: false });
    expect(body.reply).toMatchObject({ text: FAKE_SATURDAY_HOURS, quickReplies: ['Hours for Eastside', 'Thanks!'] });
    expect(body.reply.cards[0]).toEqual({ title: 'Main Library', lines: ['Sat 10:00–17:00', 'Sun closed'], url: 'https://library.example/hours' });
  });

  it('returns the stored answer with 200 when the externalId was seen before', async () => {
    const { app, inquiries } = await build();
    const payload = { channel: 'sms', address: '+15551234567', text: 'are you open today?', externalId: 'SM123' };
    const first = await app.inject({ method: 'POST', url, payload });
    const second = await app.inject({ method: 'POST', url, payload });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ ...first.json(), duplicate: true });
    expect(inquiries.received).toHaveLength(2);
  });

  it('includes the ticket, with ISO dates and without the requester', async () => {
    const { app } = await build();
    const response = await app.inject({
      method: 'POST',
      url,
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
      slaDueAt: '2026-03-07T19:00:00.000Z',
    });
    expect(response.body).not.toContain('ann@example.org');
  });

  it.each([
    ['empty text', { channel: 'web', address: 'a-session', text: '   ' }, 'text', 'text is empty'],
    ['text over 8000 characters', { channel: 'web', address: 'a-session', text: 'a'.repeat(10_001) }, 'text', 'text is longer than 8000 characters'],
    ['an unknown channel', { channel: 'fax', address: 'a-session', text: 'hello' }, 'channel', 'channel: '],
    ['a missing address', { channel: 'web', text: 'hello' }, 'address', 'address: '],
    ['text that is not a string', { channel: 'web', address: 'a', text: 42 }, 'text', 'text: '],
  ])('refuses %s with 400 naming the field', async (_label, payload, field, message) => {
    const { app, inquiries } = await build();
    const response = await app.inject({ method: 'POST', url, payload });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('LD_VALIDATION');
    expect(error.message).toContain(message);
    expect(error.details.issues).toContainEqual({ field, message: expect.any(String) });
    expect(error.details.fields).toContain(field);
    expect(inquiries.received).toHaveLength(0);
  });

  it('refuses a request without a body with 400', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('LD_VALIDATION');
  });

  it('refuses an empty JSON body with 400', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/empty/i);
  });
});
