/**
 * SMS encoding and segment counting (3GPP TS 23.038). A message that fits the GSM 03.38 alphabet is sent
 * in GSM-7: 160 septets alone, 153 per part when concatenated (the user data header takes 7). One
 * character outside it — an emoji, a curly quote, most non-Latin letters — makes the whole message UCS-2:
 * 70 UTF-16 code units alone, 67 per part. Carriers bill per part, so replies are counted before sending.
 */

/** The GSM 03.38 basic character set (one septet each); ESC (0x1B) is left out on purpose. */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The basic extension table: each costs two septets (ESC + the character). */
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export const SINGLE_SEGMENT = { 'GSM-7': 160, 'UCS-2': 70 } as const;
export const CONCATENATED_SEGMENT = { 'GSM-7': 153, 'UCS-2': 67 } as const;

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM7_BASIC.has(char) && !GSM7_EXTENSION.has(char)) return false;
  return true;
}

export function smsEncodingOf(text: string): SmsEncoding {
  return isGsm7(text) ? 'GSM-7' : 'UCS-2';
}

/** The cost of one character in the given encoding. */
function unitsOf(char: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return char.length; // a character beyond the BMP is a surrogate pair
  return GSM7_EXTENSION.has(char) ? 2 : 1;
}

/**
 * Splits a message into the parts a phone reassembles. A part never ends in the middle of an escape pair
 * or a surrogate pair, which is why the count can exceed ceil(units / 153).
 */
export function splitSegments(text: string): { encoding: SmsEncoding; parts: string[] } {
  const encoding = smsEncodingOf(text);
  const chars = Array.from(text);
  const total = chars.reduce((sum, char) => sum + unitsOf(char, encoding), 0);
  if (total <= SINGLE_SEGMENT[encoding]) return { encoding, parts: text === '' ? [] : [text] };
  const size = CONCATENATED_SEGMENT[encoding];
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const char of chars) {
    const cost = unitsOf(char, encoding);
    if (used + cost > size) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += cost;
  }
  if (current) parts.push(current);
  return { encoding, parts };
}

export function countSegments(text: string): SegmentCount {
  const encoding = smsEncodingOf(text);
  let units = 0;
  for (const char of text) units += unitsOf(char, encoding);
  return { encoding, units, segments: splitSegments(text).parts.length };
}
