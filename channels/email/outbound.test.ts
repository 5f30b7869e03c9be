import nodemailer, { type SendMailOptions } from 'nodemailer';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../core/delivery.js';
import { createEmailSender, referencesFor, subjectFor } from './outbound.js';
import { renderReplyMail } from './render.js';

function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    id: 'r-123',
    kind: 'assistant',
    target: { channel: 'email', address: 'anna.patron@example.org', threadKey: '<q1.anna@example.org>' },
    reply: { text: 'Main is open 10:00–17:00 on Saturday.' },
    internal: false,
    origin: 'assistant',
    threadMeta: { messageId: '<q2.anna@example.org>', references: '<q1.anna@example.org>', subject: 'Saturday hours' },
    ...overrides,
  };
}

describe('renderReplyMail', () => {
  it('renders cards as HTML and quick replies as a reply-with list, escaping everything', () => {
    const rendered = renderReplyMail({
      text: 'Found <1> title & more',
      cards: [{ title: 'Dune <script>', lines: ['Main: 2 available'], url: 'https://riverside.example/catalog/1' }, { title: 'Bad link', lines: [], url: 'javascript:alert(1)' }],
      quickReplies: ['Place a hold', 'Other <branch>'],
    });
    expect(rendered.html).toContain('Found &#60;1&#62; title &#38; more');
    expect(rendered.html).toContain('<a href="https://riverside.example/catalog/1">Dune &#60;script&#62;</a>');
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).not.toContain('javascript:');
    expect(rendered.html).toContain('<li>Other &#60;branch&#62;</li>');
    expect(rendered.text).toContain('You can reply with one of these:\n- Place a hold\n- Other <branch>');
    expect(rendered.text).toContain('Dune <script>\nMain: 2 available\nhttps://riverside.example/catalog/1');
  });

  it('speaks Spanish when the reply does', () => {
    expect(renderReplyMail({ text: 'Hola', quickReplies: ['Sí'], language: 'es' }).text).toContain('Puede responder con una de estas opciones:');
  });
});

describe('threading helpers', () => {
  it('prefixes Re: once', () => {
    expect(subjectFor('Re: re: Saturday hours', 'x')).toBe('Re: Saturday hours');
    expect(subjectFor(undefined, 'Your message')).toBe('Re: Your message');
  });

  it('appends the patron mail to References and trims long chains to the first and latest ids', () => {
    expect(referencesFor({ references: '<a@x> <b@x>', messageId: '<c@x>' })).toEqual(['<a@x>', '<b@x>', '<c@x>']);
    const long = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`).join(' ');
    const trimmed = referencesFor({ references: long, messageId: '<last@x>' });
    expect(trimmed).toHaveLength(10);
    expect(trimmed[0]).toBe('<m0@x>');
    expect(trimmed.at(-1)).toBe('<last@x>');
  });
});

describe('createEmailSender', () => {
  async function sendAndParse(overrides: Partial<OutboundMessage> = {}) {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const sent: Buffer[] = [];
    const capturing = {
      async sendMail(options: SendMailOptions) {
        const info = (await transport.sendMail(options)) as { message: Buffer; messageId: string };
        sent.push(info.message);
        return info;
      },
    };
    const sender = createEmailSender({ transport: capturing, from: { name: 'Riverside Library', address: 'ask@riverside.example' } });
    const result = await sender.send(message(overrides));
    return { result, mail: sent[0] ? await simpleParser(sent[0]) : undefined };
  }

  it('sends a threaded answer from the library mailbox, marked as ours and as automatic', async () => {
    const { result, mail } = await sendAndParse();
    expect(result).toEqual({ status: 'sent', externalId: '<libdesk.r-123@riverside.example>' });
    expect(mail?.from?.value[0]).toEqual({ name: 'Riverside Library', address: 'ask@riverside.example' });
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined).toBe('anna.patron@example.org');
    expect(mail?.subject).toBe('Re: Saturday hours');
    expect(mail?.messageId).toBe('<libdesk.r-123@riverside.example>');
    expect(mail?.inReplyTo).toBe('<q2.anna@example.org>');
    expect(mail?.references).toEqual(['<q1.anna@example.org>', '<q2.anna@example.org>']);
    expect(mail?.headers.get('x-libdesk')).toBe('assistant');
    expect(mail?.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail?.text).toContain('Main is open 10:00–17:00 on Saturday.');
    expect(mail?.html).toContain('<p>Main is open 10:00–17:00 on Saturday.</p>');
  });

  it('does not mark a staff answer as automatic', async () => {
    const { mail } = await sendAndParse({ kind: 'staff_reply', origin: 'slack' });
    expect(mail?.headers.get('auto-submitted')).toBeUndefined();
    expect(mail?.headers.get('x-libdesk')).toBe('staff_reply');
  });

  it('skips a target whose address was purged', async () => {
    const { result, mail } = await sendAndParse({ target: { channel: 'email', address: null, threadKey: 't' } });
    expect(result).toEqual({ status: 'skipped' });
    expect(mail).toBeUndefined();
  });
});
