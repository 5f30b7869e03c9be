import { describe, expect, it } from 'vitest';
import { answerReplyId } from './answer-reply-id.js';

describe('answerReplyId', () => {
  it('is the same UUID-shaped id for the same inquiry and another for another', () => {
    const id = answerReplyId('4a4f3c1e-0a9b-4c6e-9a52-3f1d2b7c8e90');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(answerReplyId('4a4f3c1e-0a9b-4c6e-9a52-3f1d2b7c8e90')).toBe(id);
    expect(answerReplyId('4a4f3c1e-0a9b-4c6e-9a52-3f1d2b7c8e91')).not.toBe(id);
  });
});
