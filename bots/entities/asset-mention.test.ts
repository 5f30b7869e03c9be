import { describe, expect, it } from 'vitest';
import { FAKE_ASSETS } from '../../test/fakes/fake-assets.js';
import { tagPrefixes } from '../skills/equipment.js';
import { parseAssetMention, resolveAsset } from './asset-mention.js';

const prefixes = tagPrefixes(FAKE_ASSETS);
const resolve = (text: string) => resolveAsset(parseAssetMention(text, prefixes), FAKE_ASSETS, text);

describe('asset mentions', () => {
  it('reads tags however they are typed', () => {
    expect(parseAssetMention('PC-07 wont turn on', prefixes).tag).toBe('PC-07');
    expect(parseAssetMention('pc 7 is frozen', prefixes).tag).toBe('PC-07');
    expect(parseAssetMention('the PRN02 jammed', prefixes).tag).toBe('PRN-02');
  });

  it('resolves "computer 12" by kind and number', () => {
    expect(resolve('computer 12 is frozen').asset?.tag).toBe('PC-12');
  });

  it('resolves "the printer on the second floor" by kind and floor', () => {
    expect(resolve('the printer on the second floor is jammed').asset?.tag).toBe('PRN-02');
  });

  it('reports a tag no device has', () => {
    expect(resolve('PC-99 is broken')).toEqual({ candidates: [], unknownTag: 'PC-99' });
  });

  it('offers the candidates when several fit', () => {
    const result = resolve('the computer i was on froze');
    expect(result.asset).toBeUndefined();
    expect(result.candidates.map((asset) => asset.kind)).toEqual(['pc', 'pc', 'pc', 'pc', 'pc']);
  });

  it('ranks a described place first', () => {
    const result = resolve('the computer near the front entrance keeps going black');
    expect(result.candidates[0]?.tag).toBe('PC-03');
  });
});
