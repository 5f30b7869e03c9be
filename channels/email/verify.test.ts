import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInboundMail } from './inbound.js';
import { screenMail, type IgnoreReason } from './verify.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/email');
const OWN = { ownAddresses: ['ask@riverside.example'] };

async function verdictOf(fixture: string) {
  const mail = await parseInboundMail(readFileSync(path.join(FIXTURES, fixture)));
  return screenMail(mail.envelope, OWN);
}

describe('screenMail: mail we answer', () => {
  it.each(['patron-question.eml', 'patron-reply-quoted.eml', 'patron-html-only.eml', 'no-message-id.eml', 'auto-submitted-no.eml'])('%s', async (fixture) => {
    expect(await verdictOf(fixture)).toEqual({ answer: true });
  });
});

describe('screenMail: every ignored kind has its fixture', () => {
  const cases: Array<[string, IgnoreReason]> = [
    ['auto-submitted-vacation.eml', 'auto_submitted'],
    ['x-autoreply.eml', 'auto_reply_header'],
    ['precedence-bulk.eml', 'precedence'],
    ['precedence-junk.eml', 'precedence'],
    ['precedence-list.eml', 'precedence'],
    ['mailing-list.eml', 'mailing_list'],
    ['null-return-path-bounce.eml', 'null_return_path'],
    ['delivery-status-report.eml', 'delivery_report'],
    ['own-address.eml', 'own_address'],
    ['own-header.eml', 'own_message'],
  ];
  it.each(cases)('%s is ignored as %s', async (fixture, reason) => {
    expect(await verdictOf(fixture)).toEqual({ answer: false, reason });
  });
});

describe('screenMail rules', () => {
  const envelope = (headers: Record<string, string>, from: string | null = 'pat@example.org') => ({
    headers: new Map(Object.entries(headers)),
    from: from ?? undefined,
  });

  it('a mail without a usable sender is not answered', () => {
    expect(screenMail(envelope({}, null), OWN)).toEqual({ answer: false, reason: 'no_sender' });
  });

  it('reads Auto-Submitted and Precedence case-insensitively and with parameters', () => {
    expect(screenMail(envelope({ 'auto-submitted': 'Auto-Generated; owner-email="x@y.z"' }), OWN)).toEqual({ answer: false, reason: 'auto_submitted' });
    expect(screenMail(envelope({ 'auto-submitted': 'No' }), OWN)).toEqual({ answer: true });
    expect(screenMail(envelope({ precedence: 'BULK' }), OWN)).toEqual({ answer: false, reason: 'precedence' });
    expect(screenMail(envelope({ precedence: 'first-class' }), OWN)).toEqual({ answer: true });
  });

  it('a Return-Path with an address is an ordinary mail; only the empty one is a bounce', () => {
    expect(screenMail(envelope({ 'return-path': '<pat@example.org>' }), OWN)).toEqual({ answer: true });
    expect(screenMail(envelope({ 'return-path': '< >' }), OWN)).toEqual({ answer: false, reason: 'null_return_path' });
  });
});
