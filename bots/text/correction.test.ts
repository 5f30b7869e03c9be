import { describe, expect, it } from 'vitest';
import { correctedPart } from './correction.js';

describe('correctedPart', () => {
  it('is what follows the last self-correction', () => {
    expect(correctedPart('open late on monday, sorry i meant tuesday')).toBe('tuesday');
    expect(correctedPart('printer PRN-05... my apologies, I believe it is PRN-02 by the copy center')).toBe('PRN-02 by the copy center');
    expect(correctedPart('the printer - no wait, the copier')).toBe('the copier');
    expect(correctedPart('Dune... wait no. scratch that: Sapiens')).toBe('Sapiens');
    expect(correctedPart('el lunes, perdón, quise decir el martes')).toBe('el martes');
    expect(correctedPart('computer 3, make that 4')).toBe('4');
  });

  it('is nothing without a correction or with only a filler "I mean"', () => {
    expect(correctedPart('I mean, the printer is jammed again')).toBeUndefined();
    expect(correctedPart('are you open on sunday?')).toBeUndefined();
    expect(correctedPart('that is what I meant')).toBeUndefined();
  });
});
