import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7, splitSegments } from './segments.js';

describe('SMS segment counting', () => {
  it('counts a plain message as GSM-7, one segment up to 160 septets', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
  });

  it('uses 153 septets per part once a message is concatenated', () => {
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
    expect(countSegments('a'.repeat(459)).segments).toBe(3);
    expect(countSegments('a'.repeat(460)).segments).toBe(4);
  });

  it('counts GSM-7 extension characters as two septets', () => {
    expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('€'.repeat(81)).segments).toBe(2);
    expect(countSegments('[]{}~^|\\').units).toBe(16);
    // 152 plain + one escape pair cannot share a 153-septet part: the pair moves to the next part.
    const parts = splitSegments(`${'a'.repeat(152)}€${'b'.repeat(10)}`).parts;
    expect(parts[0]).toBe('a'.repeat(152));
    expect(parts[1]!.startsWith('€')).toBe(true);
  });

  it('keeps accented letters of the GSM alphabet in GSM-7', () => {
    expect(isGsm7('Ça va? Ñandú, über, à la fête é')).toBe(false); // ê is not in GSM 03.38
    expect(isGsm7('Ça va? Ñ, ü, à, é, è')).toBe(true);
  });

  it('lets one emoji force the whole message into UCS-2, 70 units alone and 67 per part', () => {
    expect(countSegments(`${'a'.repeat(68)}😀`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSegments(`${'a'.repeat(69)}😀`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(countSegments(`${'a'.repeat(100)}😀`).segments).toBe(2);
    expect(countSegments('ä'.repeat(70)).encoding).toBe('GSM-7');
    expect(countSegments('ą'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
  });

  it('never splits a surrogate pair across parts', () => {
    const { parts } = splitSegments(`${'a'.repeat(66)}😀${'b'.repeat(10)}`);
    expect(parts[0]).toBe('a'.repeat(66));
    expect(parts[1]!.startsWith('😀')).toBe(true);
    expect(parts.join('')).toBe(`${'a'.repeat(66)}😀${'b'.repeat(10)}`);
  });
});
