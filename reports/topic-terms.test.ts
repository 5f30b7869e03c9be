import { describe, expect, it } from 'vitest';
import { groupTopics, topicTerms } from './topic-terms.js';

describe('topicTerms', () => {
  it('keeps what the question is about and nothing that identifies the asker', () => {
    const terms = topicTerms('Hi, this is Maria Lopez. Do you have a 3D printer? Call me at 555-201-3344 or maria@example.org, card 21234000000017');
    expect(terms).toContain('printer');
    expect(terms.join(' ')).not.toMatch(/maria|lopez|555|example|2123/);
  });
  it('keeps an ordinary first word of a sentence', () => {
    expect(topicTerms('Passport photos? Notary service')).toEqual(['passport', 'photos', 'notary', 'service']);
  });
});

describe('groupTopics', () => {
  it('puts questions about the same thing together, biggest group first', () => {
    const groups = groupTopics([
      topicTerms('do you have a 3d printer'),
      topicTerms('is the 3D printer free to use'),
      topicTerms('printer for 3d models?'),
      topicTerms('can I get passport photos'),
    ]);
    expect(groups[0]).toEqual({ topic: 'printer', count: 3 });
    expect(groups.map((group) => group.count).reduce((a, b) => a + b)).toBe(4);
  });
});
