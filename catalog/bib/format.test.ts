import { describe, expect, it } from 'vitest';
import { detectFormat } from './format.js';

const f008 = (form23 = ' ', form29 = ' ', pos26 = ' '): string => {
  const chars = '261129s2019    xxu           000 1 eng d'.split('');
  chars[23] = form23;
  chars[26] = pos26;
  chars[29] = form29;
  return chars.join('');
};

describe('detectFormat', () => {
  it('reads books, large print and e-books from leader/06 and 008/23', () => {
    expect(detectFormat('00000nam a2200000 i 4500', [], f008())).toBe('book');
    expect(detectFormat('00000nam a2200000 i 4500', [], f008('d'))).toBe('large_print');
    expect(detectFormat('00000nam a2200000 i 4500', [], f008('o'))).toBe('ebook');
    expect(detectFormat('00000nam a2200000 i 4500', ['cr |n|||||||||'], f008())).toBe('ebook');
  });
  it('reads serials from leader/07', () => {
    expect(detectFormat('00000nas a2200000 i 4500', [], f008())).toBe('serial');
  });
  it('tells DVDs from videotapes by 007/04', () => {
    expect(detectFormat('00000ngm a2200000 i 4500', ['vd cvaizq'], f008())).toBe('dvd');
    expect(detectFormat('00000ngm a2200000 i 4500', ['vf cbahos'], f008())).toBe('other');
  });
  it('reads sound recordings, scores and maps', () => {
    expect(detectFormat('00000nim a2200000 i 4500', ['sd fsngnnmmned'], f008())).toBe('audiobook');
    expect(detectFormat('00000njm a2200000 i 4500', [], f008())).toBe('music');
    expect(detectFormat('00000ncm a2200000 i 4500', [], f008())).toBe('music');
    expect(detectFormat('00000nem a2200000 i 4500', [], f008())).toBe('map');
    expect(detectFormat('00000nmm a2200000 i 4500', [], f008(' ', ' ', 'd'))).toBe('ebook');
  });
});
