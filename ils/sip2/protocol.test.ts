import { describe, expect, it } from 'vitest';
import { buildMessage, checksum, field, fieldList, formatSipDate, MessageSplitter, parseMessage, parseSipDate, withErrorDetection } from './protocol.js';

const utf8 = { delimiter: '|', encoding: 'utf8' as const };

describe('SIP2 checksum', () => {
  it('is the two’s complement of the byte sum through "AZ" (the specification’s "96AZFEF6")', () => {
    expect(withErrorDetection('96', undefined, 'utf8')).toBe('96AZFEF6');
    expect(checksum(Buffer.from('96AZ'))).toBe('FEF6');
  });

  it('makes the 16-bit sum of message and checksum value zero', () => {
    const text = buildMessage('23', '001' + '20261201   Z120000', [['AO', 'RPL'], ['AA', '21234000000017']], { format: utf8, errorDetection: true, sequence: 3 });
    expect(text).toMatch(/AY3AZ[0-9A-F]{4}$/);
    const head = Buffer.from(text.slice(0, -4));
    const sum = [...head].reduce((total, byte) => (total + byte) & 0xffff, 0);
    expect((sum + Number.parseInt(text.slice(-4), 16)) & 0xffff).toBe(0);
  });
});

describe('parseMessage', () => {
  it('reads fields in any order, keeps repeated ones and unknown ones without failing', () => {
    const text = buildMessage('64', '              001' + '20261201   Z120000' + '000100000002000000000000', [['ZZ', 'vendor'], ['AU', 'one'], ['AA', '2123'], ['AU', 'two'], ['AO', 'RPL']], { format: utf8, errorDetection: true, sequence: 1 });
    const parsed = parseMessage(Buffer.from(text), utf8);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.message.sequence).toBe(1);
    expect(fieldList(parsed.message, 'AU')).toEqual(['one', 'two']);
    expect(field(parsed.message, 'AA')).toBe('2123');
  });

  it('rejects a bad checksum, a cut-off message and an unknown code', () => {
    const good = buildMessage('18', '030001' + '20261201   Z120000', [['AB', 'x']], { format: utf8, errorDetection: true, sequence: 0 });
    expect(parseMessage(Buffer.from(good.slice(0, -1) + (good.endsWith('0') ? '1' : '0')), utf8)).toEqual({ ok: false, reason: 'bad_checksum' });
    expect(parseMessage(Buffer.from('1803'), utf8)).toEqual({ ok: false, reason: 'too_short' });
    expect(parseMessage(Buffer.from('\u00ff\u0013garbage'), utf8)).toMatchObject({ ok: false });
  });

  it('honours another delimiter and Latin-1 (checksum over Latin-1 bytes)', () => {
    const latin = { delimiter: '^', encoding: 'latin1' as const };
    const text = buildMessage('18', '030001' + '20261201   Z120000', [['AJ', 'Cien años de soledad'], ['AB', 'x']], { format: latin, errorDetection: true, sequence: 4 });
    const parsed = parseMessage(Buffer.from(text, 'latin1'), latin);
    expect(parsed.ok && field(parsed.message, 'AJ')).toBe('Cien años de soledad');
  });
});

describe('MessageSplitter', () => {
  it('splits at CR, drops the LF of CRLF and keeps an unfinished tail', () => {
    const splitter = new MessageSplitter();
    expect(splitter.push(Buffer.from('941\r\n98YY')).map(String)).toEqual(['941']);
    expect(splitter.pending).toBe(5);
    expect(splitter.push(Buffer.from('YY\r')).map(String)).toEqual(['98YYYY']);
  });
});

describe('SIP2 dates', () => {
  it('round-trips UTC and reads local dates in the ILS’s zone', () => {
    const at = new Date('2026-12-01T17:05:09Z');
    expect(formatSipDate(at)).toBe('20261201   Z170509');
    expect(parseSipDate(formatSipDate(at), 'America/New_York')).toEqual(at);
    expect(parseSipDate('20261201    120509', 'America/New_York')).toEqual(new Date('2026-12-01T17:05:09Z'));
    expect(parseSipDate('2026-12-01 12:05:09', 'America/New_York')).toEqual(new Date('2026-12-01T17:05:09Z'));
  });
});
