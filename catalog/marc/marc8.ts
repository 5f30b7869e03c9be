import { createRequire } from 'node:module';

/**
 * MARC-8 to Unicode, from the Library of Congress MARC-8 code tables (as transcribed by pymarc,
 * BSD-2-Clause): Basic and Extended Latin (ANSEL), Greek, Cyrillic, Hebrew, Arabic, subscripts,
 * superscripts, Greek symbols and East Asian (EACC). No npm package converts MARC-8, so this does.
 *
 * MARC-8 writes a combining diacritic before its base letter; Unicode after. The converter holds
 * combining marks until the next base character, then NFC-normalizes the result.
 */
interface Marc8Tables {
  /** Per character set (by its final byte): flat pairs [code, unicode * 2 + isCombining]. */
  sets: Record<string, number[]>;
  /** Three-byte codes some vendors (III) emit outside any set. */
  odd: Record<string, number>;
}

interface CodeSet {
  chars: Map<number, number>;
  combining: Set<number>;
}

const require = createRequire(import.meta.url);
const tables = require('./marc8-tables.json') as Marc8Tables;

const BASIC_LATIN = 0x42;
const ANSEL = 0x45;
const EACC = 0x31;
const ESC = 0x1b;

const codeSets = new Map<number, CodeSet>();
for (const [key, flat] of Object.entries(tables.sets)) {
  const set: CodeSet = { chars: new Map(), combining: new Set() };
  for (let i = 0; i < flat.length; i += 2) {
    const code = flat[i]!;
    const packed = flat[i + 1]!;
    set.chars.set(code, Math.floor(packed / 2));
    if (packed % 2 === 1) set.combining.add(code);
  }
  codeSets.set(Number(key), set);
}
const oddMap = new Map(Object.entries(tables.odd).map(([code, uni]) => [Number(code), uni]));

export interface Marc8Result {
  text: string;
  /** Bytes that no table maps (each became U+FFFD); non-zero means the data is probably not MARC-8. */
  unmapped: number;
}

/** Sets that are designated with ESC + one final byte (no intermediate): G0 only. */
const SINGLE_ESCAPES = new Set([0x67, 0x62, 0x70]);

export function decodeMarc8(bytes: Uint8Array): Marc8Result {
  let g0 = BASIC_LATIN;
  let g1 = ANSEL;
  const out: string[] = [];
  let pendingCombining: string[] = [];
  let unmapped = 0;
  let pos = 0;

  const emit = (codePoint: number, combining: boolean): void => {
    const char = String.fromCodePoint(codePoint);
    if (combining) {
      pendingCombining.push(char);
      return;
    }
    out.push(char);
    if (pendingCombining.length > 0) {
      out.push(...pendingCombining);
      pendingCombining = [];
    }
  };

  while (pos < bytes.length) {
    const byte = bytes[pos]!;
    if (byte === ESC) {
      const consumed = readEscape(bytes, pos, (set, target) => {
        if (target === 0) g0 = set;
        else g1 = set;
      });
      if (consumed > 0) {
        pos += consumed;
        continue;
      }
      // A stray ESC: keep nothing of it, but say so.
      unmapped += 1;
      pos += 1;
      continue;
    }
    if (byte < 0x20) {
      // Subfield delimiters and field terminators pass through; marks stay with the text before them.
      emit(byte, false);
      pos += 1;
      continue;
    }
    if (byte === 0x20) {
      emit(0x20, false);
      pos += 1;
      continue;
    }
    if (byte >= 0x80 && byte < 0xa0) {
      // C1 controls: only the joiners mean something in text; non-sort markers are dropped.
      if (byte === 0x8d) emit(0x200d, false);
      else if (byte === 0x8e) emit(0x200c, false);
      pos += 1;
      continue;
    }
    if (byte < 0x80 && g0 === EACC) {
      if (pos + 3 > bytes.length) {
        unmapped += 1;
        pos = bytes.length;
        break;
      }
      const code = (bytes[pos]! << 16) | (bytes[pos + 1]! << 8) | bytes[pos + 2]!;
      pos += 3;
      const set = codeSets.get(EACC)!;
      const uni = set.chars.get(code) ?? oddMap.get(code);
      if (uni === undefined) {
        unmapped += 1;
        emit(0xfffd, false);
      } else emit(uni, set.combining.has(code));
      continue;
    }
    pos += 1;
    const setId = byte < 0x80 ? g0 : g1;
    const set = codeSets.get(setId);
    // Tables list a set at the position it was published for (G0 low, G1 high); designated into the
    // other half, the same characters sit 0x80 away.
    let code = byte;
    let uni = set?.chars.get(code);
    if (uni === undefined && set) {
      code = byte ^ 0x80;
      uni = set.chars.get(code);
    }
    if (uni === undefined || !set) {
      unmapped += 1;
      emit(0xfffd, false);
      continue;
    }
    emit(uni, set.combining.has(code));
  }
  // Marks with no base letter after them (end of field): keep them rather than lose them.
  if (pendingCombining.length > 0) out.push(...pendingCombining);
  return { text: out.join('').normalize('NFC'), unmapped };
}

/** Reads one escape sequence at `pos`; returns how many bytes it used (0 if it is not one). */
function readEscape(bytes: Uint8Array, pos: number, designate: (set: number, target: 0 | 1) => void): number {
  const b1 = bytes[pos + 1];
  const b2 = bytes[pos + 2];
  const b3 = bytes[pos + 3];
  if (b1 === undefined) return 0;
  if (b1 === 0x73) {
    designate(BASIC_LATIN, 0);
    return 2;
  }
  if (SINGLE_ESCAPES.has(b1)) {
    designate(b1, 0);
    return 2;
  }
  if (b2 === undefined) return 0;
  // ESC ( F and ESC , F: G0; ESC ) F and ESC - F: G1.
  if (b1 === 0x28 || b1 === 0x2c) {
    designate(b2, 0);
    return 3;
  }
  if (b1 === 0x29 || b1 === 0x2d) {
    designate(b2, 1);
    return 3;
  }
  if (b1 === 0x24) {
    // Multibyte: ESC $ F (G0), ESC $ , F (G0), ESC $ ) F and ESC $ - F (G1).
    if (b2 === 0x2c || b2 === 0x28) {
      if (b3 === undefined) return 0;
      designate(b3, 0);
      return 4;
    }
    if (b2 === 0x29 || b2 === 0x2d) {
      if (b3 === undefined) return 0;
      designate(b3, 1);
      return 4;
    }
    designate(b2, 0);
    return 3;
  }
  return 0;
}
