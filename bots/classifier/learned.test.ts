import { describe, expect, it } from 'vitest';
import { messageFeatures } from './features.js';
import { predict, trainModel, type TrainingExample } from './learned.js';
import { createWordClassFinder } from './word-classes.js';

describe('word classes', () => {
  const finder = createWordClassFinder({ elsewhere: ['bank', 'post office'], chat: ['lol'] });

  it('finds one-word and two-word members, each class once', () => {
    expect(finder.classesOf(['is', 'the', 'post', 'office', 'or', 'the', 'bank', 'open']).sort()).toEqual(['elsewhere']);
    expect(finder.classesOf(['lol', 'bank']).sort()).toEqual(['chat', 'elsewhere']);
    expect(finder.classesOf(['is', 'the', 'library', 'open'])).toEqual([]);
  });

  it('lets a class speak for members no example used', () => {
    // Trained on two shops only; "walmart" is never seen, but shares the class with them.
    const read = (text: string): string[] => text.split(' ');
    const example = (text: string, intent: 'hours' | 'unknown'): TrainingExample => ({ features: messageFeatures(read(text), {}), intent });
    const examples = [
      example('library open today', 'hours'),
      example('are you open sunday', 'hours'),
      example('what time does the library close', 'hours'),
      example('is the bank open today', 'unknown'),
      example('what time does the pharmacy close', 'unknown'),
      example('is the dmv open sunday', 'unknown'),
      example('are the courthouse offices open today', 'unknown'),
    ];
    expect(messageFeatures(read('is walmart open sunday'), {})).toContainEqual(['class:elsewhere', 1]);
    const model = trainModel(examples, ['hours', 'unknown'], { epochs: 20 });
    expect(predict(model, messageFeatures(read('is walmart open sunday'), {})).intent).toBe('unknown');
    expect(predict(model, messageFeatures(read('is the library open sunday'), {})).intent).toBe('hours');
  });
});

describe('trainModel', () => {
  const examples: TrainingExample[] = [
    { features: [['w:renew', 1], ['w:my', 1]], intent: 'renew' },
    { features: [['w:renew', 1], ['question', 1]], intent: 'faq' },
    { features: [['w:hours', 1]], intent: 'hours' },
  ];

  it('is deterministic for a seed, with or without averaging over shuffles', () => {
    expect(trainModel(examples, ['renew', 'faq', 'hours'], { seed: 3 })).toEqual(trainModel(examples, ['renew', 'faq', 'hours'], { seed: 3 }));
    expect(trainModel(examples, ['renew', 'faq', 'hours'], { seed: 3, shuffles: 3 })).toEqual(trainModel(examples, ['renew', 'faq', 'hours'], { seed: 3, shuffles: 3 }));
  });

  it('averages the shuffles into one model of the same shape', () => {
    const single = trainModel(examples, ['renew', 'faq', 'hours'], { seed: 3 });
    const averaged = trainModel(examples, ['renew', 'faq', 'hours'], { seed: 3, shuffles: 4 });
    expect(Object.keys(averaged.weights).sort()).toEqual(Object.keys(single.weights).sort());
    expect(predict(averaged, [['w:renew', 1], ['w:my', 1]]).intent).toBe('renew');
    expect(predict(averaged, [['w:renew', 1], ['question', 1]]).intent).toBe('faq');
  });
});
