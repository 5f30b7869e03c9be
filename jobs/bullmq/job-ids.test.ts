import { describe, expect, it } from 'vitest';
import { fromBullmqJobId, toBullmqJobId } from './job-ids.js';

describe('BullMQ job ids', () => {
  const ids = ['42', 'ticket:42', 'ticket%3A42', '%', 'a:b:c', 'c-1', 'plain'];

  it('turns every custom id into one BullMQ accepts: never an integer, no colon', () => {
    for (const id of ids) {
      const encoded = toBullmqJobId(id);
      expect(encoded).not.toContain(':');
      expect(`${parseInt(encoded, 10)}`).not.toBe(encoded);
    }
  });

  it('maps ids one-to-one and back', () => {
    const encoded = ids.map(toBullmqJobId);
    expect(new Set(encoded).size).toBe(ids.length);
    expect(encoded.map(fromBullmqJobId)).toEqual(ids);
  });

  it('leaves ids BullMQ generated as they are', () => {
    expect(fromBullmqJobId('17')).toBe('17');
  });
});
