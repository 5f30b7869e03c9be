import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { LibdeskError } from '../../core/errors.js';
import type { InquiryInput } from '../../core/inquiry.js';
import { silentLogger } from '../../core/logger.js';
import { createMailIntake } from './mail-intake.js';
import { createSenderRateLimit } from './sender-rate-limit.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/email');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

/** Stands in for InquiryService.accept: dedupes by (channel, externalId) as the inquiry log does. */
function recordingAccept() {
  const stored = new Map<string, InquiryInput>();
  return {
    stored,
    async accept(input: InquiryInput) {
      const key = input.externalId ?? '';
      const duplicate = stored.has(key);
      if (!duplicate) stored.set(key, input);
      return { inquiryId: `inq-${[...stored.keys()].indexOf(key)}`, conversationId: 'c', duplicate };
    },
  };
}

function intakeWith(accept: (input: InquiryInput) => Promise<{ inquiryId: string; conversationId: string; duplicate: boolean }>, max = 20) {
  return createMailIntake({
    accept,
    ownAddresses: ['ask@riverside.example'],
    rateLimit: createSenderRateLimit({ max, windowMs: 3_600_000, clock: fixedClock('2026-12-01T10:00:00Z') }),
    logger: silentLogger,
  });
}

describe('createMailIntake', () => {
  it('stores a patron mail as an e-mail inquiry, and a re-read of it as a duplicate', async () => {
    const log = recordingAccept();
    const intake = intakeWith(log.accept);
    expect(await intake(fixture('patron-question.eml'))).toEqual({ kind: 'accepted', inquiryId: 'inq-0', duplicate: false });
    expect(await intake(fixture('patron-question.eml'))).toEqual({ kind: 'accepted', inquiryId: 'inq-0', duplicate: true });
    expect([...log.stored.values()]).toMatchObject([{ channel: 'email', address: 'anna.patron@example.org', externalId: '<q1.anna@example.org>' }]);
  });

  it('stores nothing for a mail the checks refuse', async () => {
    const log = recordingAccept();
    const intake = intakeWith(log.accept);
    expect(await intake(fixture('null-return-path-bounce.eml'))).toEqual({ kind: 'ignored', reason: 'null_return_path' });
    expect(await intake(fixture('own-header.eml'))).toEqual({ kind: 'ignored', reason: 'own_message' });
    expect(log.stored.size).toBe(0);
  });

  it('caps answers per sender', async () => {
    const log = recordingAccept();
    const intake = intakeWith(log.accept, 2);
    const mail = (n: number) => Buffer.from(`From: loop@example.org\r\nSubject: ping\r\nMessage-ID: <loop${n}@example.org>\r\n\r\nping ${n}\r\n`);
    expect((await intake(mail(1))).kind).toBe('accepted');
    expect((await intake(mail(2))).kind).toBe('accepted');
    expect(await intake(mail(3))).toEqual({ kind: 'ignored', reason: 'rate_limited' });
    expect(log.stored.size).toBe(2);
  });

  it('passes over a mail the inquiry schema refuses, so it cannot stall the mailbox', async () => {
    const intake = intakeWith(async () => {
      throw new LibdeskError('LD_VALIDATION', 'text: text is longer than 8000 characters');
    });
    expect(await intake(fixture('patron-question.eml'))).toEqual({ kind: 'ignored', reason: 'invalid' });
  });

  it('throws when the message cannot be stored, so the consumer keeps its place', async () => {
    const intake = intakeWith(async () => {
      throw new Error('database is down');
    });
    await expect(intake(fixture('patron-question.eml'))).rejects.toThrow('database is down');
  });
});
