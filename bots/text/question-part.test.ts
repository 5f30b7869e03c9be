import { describe, expect, it } from 'vitest';
import { questionPart } from './question-part.js';

describe('questionPart', () => {
  it('keeps the questions of a message that tells a story around them', () => {
    expect(questionPart("My aunt can't get to the library anymore. Could someone bring books to her? Thanks!")).toBe('Could someone bring books to her?');
    // A Spanish question opened mid-sentence.
    expect(questionPart('mi hijo tiene tarea de ciencias, ¿tienen libros de volcanes?')).toBe('¿tienen libros de volcanes?');
    // A question told without a mark is one of them.
    expect(questionPart('My son comes on Fridays. He would like to know where the bikes go. Are they safe there? He worries.')).toBe('He would like to know where the bikes go. Are they safe there?');
  });

  it('keeps the whole text when every sentence asks, or none does, or there is one sentence', () => {
    expect(questionPart('Are you open? Is parking free?')).toBe('Are you open? Is parking free?');
    expect(questionPart('PC 4 is frozen. The mouse does nothing.')).toBe('PC 4 is frozen. The mouse does nothing.');
    expect(questionPart('where do i park')).toBe('where do i park');
  });
});
