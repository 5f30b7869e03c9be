import { describe, expect, it } from 'vitest';
import { decodeMarc8 } from './marc8.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('decodeMarc8', () => {
  it('moves ANSEL combining marks after their base letter and composes them (NFC)', () => {
    // MARC-8 "communaut\xE2e": acute (0xE2) before the e.
    const { text, unmapped } = decodeMarc8(bytes('De la solitude ', [0xe1], 'a la communaut', [0xe2], 'e.'));
    expect(text).toBe('De la solitude à la communauté.');
    expect(text).toBe(text.normalize('NFC'));
    expect(unmapped).toBe(0);
  });
  it('stacks two diacritics on one letter in order', () => {
    // ANSEL macron (0xE5) + acute (0xE2) before "a" → ā́ (a, macron, acute)
    const { text } = decodeMarc8(bytes([0xe5, 0xe2], 'a'));
    expect([...text.normalize('NFD')]).toEqual(['a', '\u0304', '\u0301']);
  });
  it('maps ANSEL spacing characters (Polish Ł, eszett, musical flat)', () => {
    expect(decodeMarc8(bytes([0xa1], 'od', [0xa1])).text).toBe('ŁodŁ');
    expect(decodeMarc8(bytes('Stra', [0xc7], 'e')).text).toBe('Straße');
  });
  it('switches to Cyrillic and Greek with escape sequences and back', () => {
    // ESC ( N basic Cyrillic (lower case at 0x40-0x5F): 0x4D м, 0x49 и, 0x52 р; ESC s back to ASCII
    const cyr = decodeMarc8(bytes([0x1b, 0x28, 0x4e], [0x4d, 0x49, 0x52], [0x1b, 0x73], ' ok'));
    expect(cyr.text).toBe('мир ok');
    // ESC g Greek symbols: 0x61 α
    expect(decodeMarc8(bytes([0x1b, 0x67, 0x61, 0x1b, 0x73], 'x')).text).toBe('αx');
  });
  it('decodes East Asian (EACC) three-byte characters', () => {
    // ESC $ 1 then 0x213021 = 一 (U+4E00)
    expect(decodeMarc8(bytes([0x1b, 0x24, 0x31, 0x21, 0x30, 0x21, 0x1b, 0x28, 0x42], 'A')).text).toBe('一A');
  });
  it('counts bytes no table maps, so callers can tell MARC-8 from other charsets', () => {
    expect(decodeMarc8(bytes([0xd0, 0xd1])).unmapped).toBeGreaterThan(0);
  });
});
