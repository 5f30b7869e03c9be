import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inquiryInputSchema } from '../../core/inquiry.js';
import { parseInboundMail, stripReplyPrefix, toInquiryInput } from './inbound.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/email');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

describe('parseInboundMail', () => {
  it('keeps the sender, ids, subject and the patron’s words', async () => {
    const mail = await parseInboundMail(fixture('patron-question.eml'));
    expect(mail.envelope.from).toBe('anna.patron@example.org');
    expect(mail.messageId).toBe('<q1.anna@example.org>');
    expect(mail.externalId).toBe('<q1.anna@example.org>');
    expect(mail.threadKey).toBe('<q1.anna@example.org>');
    expect(mail.subject).toBe('Saturday hours');
    expect(mail.text).toContain('are you open on Saturday?');
  });

  it('strips the quoted earlier mail and the signature, and threads by the root of References', async () => {
    const mail = await parseInboundMail(fixture('patron-reply-quoted.eml'));
    expect(mail.text).toBe('And what about Sunday at the Eastside branch?');
    expect(mail.threadKey).toBe('<q1.anna@example.org>');
    expect(mail.references).toEqual(['<q1.anna@example.org>', '<libdesk.r1@riverside.example>']);
  });

  it('reads HTML-only mail as text', async () => {
    const mail = await parseInboundMail(fixture('patron-html-only.eml'));
    expect(mail.text).toContain('Can I renew a DVD online?');
    expect(mail.envelope.from).toBe('bo@example.net');
  });

  it('gives a mail without Message-ID a stable id from its bytes', async () => {
    const first = await parseInboundMail(fixture('no-message-id.eml'));
    const again = await parseInboundMail(fixture('no-message-id.eml'));
    expect(first.messageId).toBeUndefined();
    expect(first.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(again.externalId).toBe(first.externalId);
  });

  it('treats a broken Message-ID as missing, so different mails never share it', async () => {
    const mail = (body: string) => Buffer.from(`From: pat@example.org\r\nSubject: x\r\nMessage-ID: <>\r\n\r\n${body}\r\n`);
    const first = await parseInboundMail(mail('one'));
    const second = await parseInboundMail(mail('two'));
    expect(first.messageId).toBeUndefined();
    expect(first.externalId).not.toBe(second.externalId);
  });

  it('uses the subject when the body is empty', async () => {
    const raw = Buffer.from('From: pat@example.org\r\nSubject: RE: Fwd: Do you have wifi?\r\nMessage-ID: <e1@example.org>\r\n\r\n\r\n');
    const mail = await parseInboundMail(raw);
    expect(mail.text).toBe('Do you have wifi?');
  });
});

describe('toInquiryInput', () => {
  it('builds an e-mail inquiry that the inquiry schema accepts, with threading facts in meta', async () => {
    const input = toInquiryInput(await parseInboundMail(fixture('patron-reply-quoted.eml')));
    expect(inquiryInputSchema.parse(input)).toEqual(input);
    expect(input).toMatchObject({ channel: 'email', address: 'anna.patron@example.org', externalId: '<q2.anna@example.org>', threadKey: '<q1.anna@example.org>' });
    expect(input.meta).toEqual({
      messageId: '<q2.anna@example.org>',
      references: '<q1.anna@example.org> <libdesk.r1@riverside.example>',
      subject: 'Re: Saturday hours',
    });
  });
});

describe('stripReplyPrefix', () => {
  it('removes stacked reply and forward prefixes in several languages', () => {
    expect(stripReplyPrefix('Re: RE: Fwd: AW: Hours')).toBe('Hours');
    expect(stripReplyPrefix('Hours: Saturday')).toBe('Hours: Saturday');
  });
});
