import { DateTime } from 'luxon';

/**
 * SIP2 message framing, written from the 3M Standard Interchange Protocol v2.00 specification:
 * a two-digit command code, a fixed-length part, then variable fields (two-letter id, value, delimiter),
 * optionally `AY<seq>AZ<checksum>` (error detection), ended by a carriage return.
 */

export type Sip2Encoding = 'utf8' | 'latin1';

export interface Sip2Format {
  /** Field delimiter; `|` everywhere in practice, configurable for the odd system. */
  delimiter: string;
  encoding: Sip2Encoding;
}

export const DEFAULT_FORMAT: Sip2Format = { delimiter: '|', encoding: 'utf8' };

/** Length of the fixed part after the two-digit code, for every message either side sends. */
export const FIXED_LENGTHS: Record<string, number> = {
  // Requests (SC → ACS)
  '93': 2, '99': 8, '23': 21, '63': 31, '11': 38, '09': 37, '29': 38, '65': 18, '15': 19, '17': 18, '37': 25, '35': 18, '97': 0, '96': 0,
  // Responses (ACS → SC)
  '94': 1, '98': 34, '24': 35, '64': 59, '12': 22, '10': 22, '30': 22, '66': 27, '16': 20, '18': 24, '38': 19, '36': 19,
};

export interface Sip2Message {
  code: string;
  /** The fixed-length part, unparsed (its layout depends on the message). */
  fixed: string;
  /** Variable fields by id; repeatable ones (AS, AU, AF, BM…) keep every value in order. */
  fields: Map<string, string[]>;
  sequence?: number;
}

/** Two's complement of the 16-bit sum of the bytes, as four upper-case hex digits. */
export function checksum(bytes: Uint8Array): string {
  let sum = 0;
  for (const byte of bytes) sum = (sum + byte) & 0xffff;
  return ((-sum) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

/** Appends `AY<seq>AZ` and the checksum over everything before it (including "AZ"). */
export function withErrorDetection(text: string, sequence: number | undefined, encoding: Sip2Encoding): string {
  const head = `${text}${sequence === undefined ? '' : `AY${sequence}`}AZ`;
  return head + checksum(Buffer.from(head, encoding));
}

export interface BuildOptions {
  format: Sip2Format;
  /** With error detection, the sequence number (0–9); undefined sends no AY (resend requests). */
  sequence?: number;
  errorDetection: boolean;
}

/** Builds one message (without the terminator). Values are cleaned of the delimiter and CR/LF. */
export function buildMessage(code: string, fixed: string, fields: Array<[string, string | undefined]>, options: BuildOptions): string {
  const { delimiter } = options.format;
  let text = code + fixed;
  for (const [id, value] of fields) {
    if (value === undefined) continue;
    text += id + value.replaceAll(delimiter, ' ').replace(/[\r\n]/g, ' ') + delimiter;
  }
  return options.errorDetection ? withErrorDetection(text, options.sequence, options.format.encoding) : text;
}

export type ParseResult =
  | { ok: true; message: Sip2Message; checksummed: boolean }
  | { ok: false; reason: 'bad_checksum' | 'too_short' | 'unknown_code' | 'empty' };

const TRAILER = /(?:AY(\d))?AZ([0-9A-Fa-f]{4})$/;

/** Parses one message (bytes without the terminator), checking the checksum when there is one. */
export function parseMessage(raw: Buffer, format: Sip2Format): ParseResult {
  let text = raw.toString(format.encoding);
  // Tolerate the LF of a CRLF ending and stray NULs some servers pad with.
  text = text.replace(/^[\n\0]+/, '').replace(/[\n\0]+$/, '');
  if (!text) return { ok: false, reason: 'empty' };
  let sequence: number | undefined;
  let checksummed = false;
  const trailer = TRAILER.exec(text);
  if (trailer) {
    const head = text.slice(0, trailer.index + trailer[0].length - 4);
    if (checksum(Buffer.from(head, format.encoding)) !== trailer[2]!.toUpperCase()) return { ok: false, reason: 'bad_checksum' };
    checksummed = true;
    if (trailer[1] !== undefined) sequence = Number(trailer[1]);
    text = text.slice(0, trailer.index);
  }
  const code = text.slice(0, 2);
  const fixedLength = FIXED_LENGTHS[code];
  if (fixedLength === undefined) return { ok: false, reason: 'unknown_code' };
  if (text.length < 2 + fixedLength) return { ok: false, reason: 'too_short' };
  const fixed = text.slice(2, 2 + fixedLength);
  const fields = new Map<string, string[]>();
  for (const part of text.slice(2 + fixedLength).split(format.delimiter)) {
    if (part.length < 2) continue;
    const id = part.slice(0, 2);
    const list = fields.get(id);
    if (list) list.push(part.slice(2));
    else fields.set(id, [part.slice(2)]);
  }
  return { ok: true, message: { code, fixed, fields, ...(sequence !== undefined ? { sequence } : {}) }, checksummed };
}

export function field(message: Sip2Message, id: string): string | undefined {
  return message.fields.get(id)?.[0];
}

export function fieldList(message: Sip2Message, id: string): string[] {
  return message.fields.get(id) ?? [];
}

/** "YYYYMMDDZZZZHHMMSS": we always send UTC (zone "   Z"). */
export function formatSipDate(date: Date): string {
  const dt = DateTime.fromJSDate(date, { zone: 'utc' });
  return `${dt.toFormat('yyyyMMdd')}   Z${dt.toFormat('HHmmss')}`;
}

/**
 * Reads a SIP2 date. Blank zone means the ILS's local time (`timeZone`); servers also send ISO dates or
 * a bare YYYYMMDD / "YYYY-MM-DD HH:MM" in due-date fields, which we accept too.
 */
export function parseSipDate(text: string | undefined, timeZone: string): Date | undefined {
  if (!text) return undefined;
  const value = text.trim();
  const sip = /^(\d{8})(.{4})(\d{6})$/.exec(text);
  if (sip) {
    const zone = sip[2]!.trim();
    const parsed = DateTime.fromFormat(`${sip[1]}${sip[3]}`, 'yyyyMMddHHmmss', { zone: zone === '' ? timeZone : zone === 'Z' || zone === 'UTC' ? 'utc' : zone });
    return parsed.isValid ? parsed.toJSDate() : undefined;
  }
  if (/^\d{8}$/.test(value)) {
    const parsed = DateTime.fromFormat(value, 'yyyyMMdd', { zone: timeZone }).endOf('day');
    return parsed.isValid ? parsed.toJSDate() : undefined;
  }
  const iso = DateTime.fromISO(value.replace(' ', 'T'), { zone: timeZone });
  return iso.isValid ? iso.toJSDate() : undefined;
}

/** Splits a byte stream into messages at CR, tolerating CRLF; keeps the incomplete tail. */
export class MessageSplitter {
  #buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    const out: Buffer[] = [];
    for (;;) {
      const end = this.#buffer.indexOf(0x0d);
      if (end < 0) break;
      const message = this.#buffer.subarray(0, end);
      this.#buffer = this.#buffer.subarray(end + 1);
      // Drop the LF of CRLF (it arrives first in the next message).
      const start = message[0] === 0x0a ? 1 : 0;
      if (message.length > start) out.push(Buffer.from(message.subarray(start)));
    }
    if (this.#buffer.length === 1 && this.#buffer[0] === 0x0a) this.#buffer = Buffer.alloc(0);
    return out;
  }

  /** Bytes received after the last terminator. */
  get pending(): number {
    return this.#buffer.length;
  }

  clear(): void {
    this.#buffer = Buffer.alloc(0);
  }
}

/** Y/N flags in fixed fields. */
export const yn = (flag: boolean): string => (flag ? 'Y' : 'N');
