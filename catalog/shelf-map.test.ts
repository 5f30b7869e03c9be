import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { createShelfMap, loadShelfMap } from './shelf-map.js';

const map = loadShelfMap(path.resolve(import.meta.dirname, '../knowledge/shelf-map.yaml'));

describe('shelf map (knowledge/shelf-map.yaml)', () => {
  it('answers "where is 641.5?" with the cookbooks on Main 2nd floor', () => {
    const answer = map.locate('641.5');
    expect(answer?.label).toBe('Cookbooks');
    expect(answer?.places.find((p) => p.branchId === 'main')).toMatchObject({ floor: 2 });
  });
  it('picks the narrowest range that holds a call number', () => {
    expect(map.locate('641.5945 ROS')?.label).toBe('Cookbooks');
    expect(map.locate('641.3 SMI')?.label).toBe('Food and drink');
    expect(map.locate('598.097 SIB')?.label).toBe('Adult nonfiction 500-999');
    expect(map.locate('QA76.73.P98 L88 2019')?.label).toBe('Computers and programming');
    expect(map.locate('BF575.L7 T68 1962')?.label).toMatch(/Research collection/);
  });
  it('lets a collection prefix win over the number', () => {
    expect(map.locate('J 567.9 DIN')?.label).toBe("Kids' books");
    expect(map.locate('GN 940.5318 SPI')?.label).toBe('Graphic novels');
    expect(map.locate('LP FIC GRISHAM')?.label).toBe('Large print');
    expect(map.locate('E CAR')?.label).toBe("Kids' picture books");
  });
  it('answers named collections, with small misspellings', () => {
    expect(map.locate('cookbooks')?.label).toBe('Cookbooks');
    expect(map.locate('graphic novels')?.label).toBe('Graphic novels');
    expect(map.locate('the teen section')?.label).toBe('Teen');
    expect(map.locate('grafic novels')?.label).toBe('Graphic novels');
    expect(map.locate('dvds')?.label).toBe('DVDs and Blu-rays');
    expect(map.locate('quantum chromodynamics')).toBeUndefined();
  });
  it('reads "<collection> books" and books described by a collection name as that collection', () => {
    expect(map.locate('large print books')?.label).toBe('Large print');
    expect(map.locate('books with large letters for my dad')?.label).toBe('Large print');
    // A name of its own that ends in "books" stays whole.
    expect(map.locate('picture books')?.label).toBe("Kids' picture books");
  });
  it('narrows places to one branch when asked', () => {
    expect(map.locate('cookbooks', { branchId: 'eastside' })?.places.map((p) => p.branchId)).toEqual(['eastside']);
    expect(map.locate('reference', { branchId: 'eastside' })).toBeUndefined();
  });
  it('refuses a range that ends before it starts', () => {
    try {
      createShelfMap({ areas: [{ id: 'x', label: 'X', names: [], prefixes: [], ranges: ['700-600'], places: [{ branch: 'main', area: 'x' }] }] });
      expect.unreachable();
    } catch (error) {
      expect(isLibdeskError(error, 'LD_KNOWLEDGE_INVALID')).toBe(true);
    }
  });
});
