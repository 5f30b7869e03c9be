import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { redactText, redactValue } from './redact.js';

describe('redactText', () => {
  it.each([
    ['my card is 21234000123456 and pin 1234', ['21234000123456', '1234']],
    ['card 2123 4000 1234 56', ['2123 4000 1234 56']],
    ['text me at (555) 201-3344 or +1 555 201 3344', ['201-3344', '201 3344']],
    ['write to jane.doe@example.org please', ['jane.doe@example.org']],
  ])('scrubs %s', (input, secrets) => {
    const out = redactText(input);
    for (const secret of secrets) expect(out).not.toContain(secret);
  });

  it('keeps ordinary words, call numbers and dates', () => {
    expect(redactText('where is 641.5945 ROS on Dec 24 2026?')).toBe('where is 641.5945 ROS on Dec 24 2026?');
  });
});

describe('redactValue', () => {
  it('replaces sensitive keys at any depth and scrubs other strings', () => {
    const out = redactValue({ inquiry: { address: '+15552013344', channel: 'sms', note: 'card 21234000123456' } }) as {
      inquiry: { address: string; channel: string; note: string };
    };
    expect(out.inquiry.address).toBe('[redacted]');
    expect(out.inquiry.channel).toBe('sms');
    expect(out.inquiry.note).not.toContain('21234000123456');
  });
});

describe('createLogger', () => {
  it('never writes a card number, PIN, phone or e-mail to the log stream', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'debug', destination });
    logger.info({ address: 'patron@example.org', text: 'renew please 21234000123456' }, 'from +1 555 201 3344');
    logger.error({ err: new Error('lookup failed for card 21234000123456 pin 9876') }, 'ILS error');
    const all = lines.join('');
    expect(lines).toHaveLength(2);
    for (const secret of ['patron@example.org', '21234000123456', '201 3344', '9876']) expect(all).not.toContain(secret);
    expect(all).toContain('ILS error');
  });
});
