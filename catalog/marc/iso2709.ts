import { isUtf8 } from 'node:buffer';
import { decodeMarc8 } from './marc8.js';
import { isControlField, MarcRecordError, stripControlCharacters, type MarcField, type MarcRecord } from './record.js';

/**
 * ISO 2709 (binary MARC) read and written at the byte level. The directory gives byte offsets, and a
 * MARC-8 record has to be decoded field by field after slicing, so records are never turned into a
 * string first (marcjs and @natlibfi/marc-record-serializers both decode the whole record as UTF-8
 * before slicing, which loses MARC-8 text).
 */

/** `auto` follows leader/09; any other value forces it (`windows-1251`, `latin1`: any TextDecoder label). */
export type MarcEncoding = 'auto' | 'utf8' | 'marc8' | (string & {});

const RECORD_TERMINATOR = 0x1d;
const FIELD_TERMINATOR = 0x1e;
const SUBFIELD_DELIMITER = 0x1f;


/** Splits a buffer of ISO 2709 records on the record terminator; tolerates line breaks between records. */
export function* splitIso2709(data: Uint8Array): Generator<Uint8Array> {
  let start = 0;
  while (start < data.length) {
    while (start < data.length && (data[start] === 0x0a || data[start] === 0x0d || data[start] === 0x20 || data[start] === 0x1a)) start += 1;
    if (start >= data.length) return;
    let end = data.indexOf(RECORD_TERMINATOR, start);
    if (end === -1) end = data.length;
    yield data.subarray(start, end);
    start = end + 1;
  }
}

interface RawField {
  tag: string;
  bytes: Uint8Array;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to && i < bytes.length; i += 1) out += String.fromCharCode(bytes[i]!);
  return out;
}

function readRawFields(bytes: Uint8Array): { leader: string; fields: RawField[] } {
  if (bytes.length < 25) throw new MarcRecordError(`record is ${bytes.length} bytes, shorter than a leader and directory`);
  const leader = ascii(bytes, 0, 24);
  const baseText = leader.slice(12, 17);
  if (!/^\d{5}$/.test(baseText)) throw new MarcRecordError(`leader/12-16 (base address) is not a number: "${baseText}"`);
  const base = Number(baseText);
  const directoryEnd = bytes.indexOf(FIELD_TERMINATOR, 24);
  if (directoryEnd === -1) throw new MarcRecordError('directory has no field terminator');
  if (base !== directoryEnd + 1 && base > bytes.length) throw new MarcRecordError(`base address ${base} is past the end of the record`);
  // The directory ends at the first field terminator; trust it over a miscounted base address.
  const dataStart = directoryEnd + 1;
  const directoryLength = directoryEnd - 24;
  if (directoryLength % 12 !== 0) throw new MarcRecordError(`directory length ${directoryLength} is not a multiple of 12`);
  const fields: RawField[] = [];
  for (let entry = 24; entry < directoryEnd; entry += 12) {
    const tag = ascii(bytes, entry, entry + 3);
    const lengthText = ascii(bytes, entry + 3, entry + 7);
    const startText = ascii(bytes, entry + 7, entry + 12);
    if (!/^\d{4}$/.test(lengthText) || !/^\d{5}$/.test(startText)) {
      throw new MarcRecordError(`directory entry for ${JSON.stringify(tag)} is malformed: "${ascii(bytes, entry, entry + 12)}"`);
    }
    const from = dataStart + Number(startText);
    let to = from + Number(lengthText);
    if (from > bytes.length || to > bytes.length + 1) {
      throw new MarcRecordError(`field ${tag} (bytes ${from}-${to}) runs past the end of the record (${bytes.length} bytes)`);
    }
    to = Math.min(to, bytes.length);
    let fieldBytes = bytes.subarray(from, to);
    if (fieldBytes.length > 0 && fieldBytes[fieldBytes.length - 1] === FIELD_TERMINATOR) fieldBytes = fieldBytes.subarray(0, -1);
    fields.push({ tag, bytes: fieldBytes });
  }
  return { leader, fields };
}

type TextDecoderFn = (bytes: Uint8Array) => string;

class DecodeFailure extends Error {}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i]! >= 0x80 || bytes[i] === 0x1b) return false;
  return true;
}

/** Plain ASCII is the same in every MARC character set: most fields take this fast path. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

function marc8Strict(bytes: Uint8Array): string {
  if (isAscii(bytes)) return latin1(bytes);
  const result = decodeMarc8(bytes);
  if (result.unmapped > 0) throw new DecodeFailure(`${result.unmapped} byte(s) are not MARC-8`);
  return result.text;
}

function utf8(bytes: Uint8Array): string {
  if (isAscii(bytes)) return latin1(bytes);
  if (!isUtf8(bytes)) throw new DecodeFailure('text is not valid UTF-8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8').normalize('NFC');
}

function decoderFor(label: string): TextDecoderFn {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new MarcRecordError(`unknown character set "${label}"`);
  }
  return (bytes) => {
    try {
      return decoder.decode(bytes).normalize('NFC');
    } catch {
      throw new DecodeFailure(`text is not valid ${label}`);
    }
  };
}

function isControlTag(tag: string): boolean {
  return tag.startsWith('00') && /^\d{3}$/.test(tag);
}

/** Decodes whatever it can, replacing what it cannot; returns how many characters it had to give up on. */
type LenientDecoderFn = (bytes: Uint8Array) => { text: string; lost: number };

function marc8Lenient(bytes: Uint8Array): { text: string; lost: number } {
  const result = decodeMarc8(bytes);
  return { text: result.text, lost: result.unmapped };
}

function utf8Lenient(bytes: Uint8Array): { text: string; lost: number } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8').normalize('NFC');
  return { text, lost: (text.match(/\uFFFD/g) ?? []).length };
}

function lenientDecoderFor(label: string): LenientDecoderFn {
  const decoder = new TextDecoder(label, { fatal: false });
  return (bytes) => {
    const text = decoder.decode(bytes).normalize('NFC');
    return { text, lost: (text.match(/\uFFFD/g) ?? []).length };
  };
}

interface DecodePlan {
  decode: TextDecoderFn;
  /** Set on the last attempt: a field that does not decode is read with replacements instead of failing the record. */
  lenient?: { name: string; decode: LenientDecoderFn };
}

function buildRecord(leader: string, raw: RawField[], plan: DecodePlan): MarcRecord {
  const fields: MarcField[] = [];
  const warnings: string[] = [];
  let controlRemoved = 0;
  const decodeField = (tag: string, bytes: Uint8Array): string => {
    try {
      return plan.decode(bytes);
    } catch (error) {
      // The title is what a record is found and shown by: garbled, it would be imported wrong without anyone
      // noticing, so a title no character set reads still refuses the record (and names --encoding).
      if (!(error instanceof DecodeFailure) || !plan.lenient || tag === '245') throw error;
      const { text, lost } = plan.lenient.decode(bytes);
      warnings.push(`field ${tag}: ${lost || 'some'} character(s) could not be read as ${plan.lenient.name} and were replaced`);
      return text;
    }
  };
  const clean = (text: string): string => {
    const { text: cleaned, removed } = stripControlCharacters(text);
    controlRemoved += removed;
    return cleaned;
  };
  for (const field of raw) {
    if (isControlTag(field.tag)) {
      fields.push({ tag: field.tag, value: clean(decodeField(field.tag, field.bytes)) });
      continue;
    }
    const first = field.bytes.indexOf(SUBFIELD_DELIMITER);
    // Indicators are the bytes before the first delimiter; a few files carry one or three.
    const indicatorBytes = first === -1 ? field.bytes : field.bytes.subarray(0, first);
    const indicators = ascii(indicatorBytes, 0, indicatorBytes.length).padEnd(2, ' ');
    const subfields = [];
    if (first !== -1) {
      for (const part of decodeField(field.tag, field.bytes.subarray(first + 1)).split('\x1f')) {
        if (part.length === 0) continue;
        subfields.push({ code: part[0]!, value: clean(part.slice(1)) });
      }
    }
    fields.push({ tag: field.tag, ind1: indicators[0]!, ind2: indicators[1]!, subfields });
  }
  if (controlRemoved > 0) warnings.push(`${controlRemoved} control character(s) removed`);
  return warnings.length > 0 ? { leader, fields, warnings } : { leader, fields };
}

/**
 * Parses one ISO 2709 record. With `auto`, leader/09 `a` means UTF-8 and blank means MARC-8; a record
 * whose leader says MARC-8 but whose text is valid UTF-8 (a common export mistake) is read as UTF-8.
 * When no character set reads every field, the record is read anyway in the one its leader names, with
 * the bytes it cannot decode replaced and a warning: one bad byte in an 880 or a local field must not
 * lose the whole record. Throws `MarcRecordError` only when the record's structure is broken.
 */
export function parseIso2709(bytes: Uint8Array, encoding: MarcEncoding = 'auto'): MarcRecord {
  const { leader, fields } = readRawFields(bytes);
  const attempts: Array<[string, TextDecoderFn, LenientDecoderFn]> = [];
  if (encoding === 'auto') {
    if (leader[9] === 'a') attempts.push(['UTF-8', utf8, utf8Lenient], ['MARC-8', marc8Strict, marc8Lenient]);
    else attempts.push(['MARC-8', marc8Strict, marc8Lenient], ['UTF-8', utf8, utf8Lenient]);
  } else if (encoding === 'utf8') attempts.push(['UTF-8', utf8, utf8Lenient]);
  else if (encoding === 'marc8') attempts.push(['MARC-8', marc8Strict, marc8Lenient]);
  else attempts.push([encoding, decoderFor(encoding), lenientDecoderFor(encoding)]);

  const failures: string[] = [];
  for (const [name, decode] of attempts) {
    try {
      return unicodeLeader(buildRecord(leader, fields, { decode }));
    } catch (error) {
      if (!(error instanceof DecodeFailure)) throw error;
      failures.push(`${name}: ${error.message}`);
    }
  }
  const hint = encoding === 'auto' ? '; if the file uses another character set, import it with --encoding (e.g. windows-1251)' : '';
  const [name, decode, lenient] = attempts[0]!;
  try {
    const record = unicodeLeader(buildRecord(leader, fields, { decode, lenient: { name, decode: lenient } }));
    record.warnings = [...(record.warnings ?? []), `read as ${name} with replacements (${failures.join('; ')})`];
    return record;
  } catch (error) {
    if (!(error instanceof DecodeFailure)) throw error;
    throw new MarcRecordError(`cannot decode text (leader/09 "${leader[9]}"; ${failures.join('; ')})${hint}`);
  }
}

/** Once decoded, the record is Unicode: say so in the leader. */
function unicodeLeader(record: MarcRecord): MarcRecord {
  record.leader = `${record.leader.slice(0, 9)}a${record.leader.slice(10)}`;
  return record;
}

const encoder = new TextEncoder();

/** Writes a record as UTF-8 ISO 2709 (leader/09 `a`), recomputing lengths and the base address. */
export function writeIso2709(record: MarcRecord): Uint8Array {
  const bodies: Array<{ tag: string; bytes: Uint8Array }> = [];
  for (const field of record.fields) {
    let text: string;
    if (isControlField(field)) text = field.value;
    else text = `${field.ind1}${field.ind2}${field.subfields.map((s) => `\x1f${s.code}${s.value}`).join('')}`;
    bodies.push({ tag: field.tag, bytes: encoder.encode(`${text}\x1e`) });
  }
  const directoryLength = bodies.length * 12 + 1;
  const base = 24 + directoryLength;
  const dataLength = bodies.reduce((sum, body) => sum + body.bytes.length, 0);
  const total = base + dataLength + 1;
  const out = new Uint8Array(total);
  const leader = `${String(total).padStart(5, '0')}${record.leader.slice(5, 9)}a${record.leader.slice(10, 12)}${String(base).padStart(5, '0')}${record.leader.slice(17, 24)}`;
  out.set(encoder.encode(leader.padEnd(24, ' ').slice(0, 24)), 0);
  let entry = 24;
  let offset = 0;
  for (const body of bodies) {
    out.set(encoder.encode(`${body.tag}${String(body.bytes.length).padStart(4, '0')}${String(offset).padStart(5, '0')}`), entry);
    entry += 12;
    out.set(body.bytes, base + offset);
    offset += body.bytes.length;
  }
  out[entry] = FIELD_TERMINATOR;
  out[total - 1] = RECORD_TERMINATOR;
  return out;
}
