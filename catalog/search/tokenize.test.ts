import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('folds case, diacritics and possessives', () => {
    expect(tokenize("García Márquez's Cien años")).toEqual(['garcia', 'marquez', 'cien', 'anos']);
  });
  it('keeps words of every alphabet', () => {
    // Diacritics fold in every script (й → и), on the query side too, so "Война" still finds "Война".
    expect(tokenize('Война и мир')).toEqual(['воина', 'и', 'мир']);
    expect(tokenize('ספר הדקדוק')).toEqual(['ספר', 'הדקדוק']);
  });
  it('cuts text written without spaces into character pairs', () => {
    expect(tokenize('红楼梦')).toEqual(['红楼', '楼梦']);
    expect(tokenize('村上春樹 1Q84')).toEqual(['村上', '上春', '春樹', '1q84']);
    expect(tokenize('猫')).toEqual(['猫']);
  });
});
