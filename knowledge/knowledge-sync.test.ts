import { describe, expect, it } from 'vitest';
import { startKnowledgeSync } from './knowledge-sync.js';

describe('knowledge sync', () => {
  it('reloads when the revision moved, once, and tries again after a reload that failed', async () => {
    let revision = 3;
    let reloads = 0;
    let failNext = false;
    const sync = startKnowledgeSync({
      store: { latestRevision: async () => revision },
      loadedRevision: 3,
      everyMs: 60_000,
      reload: async () => {
        reloads += 1;
        if (failNext) {
          failNext = false;
          throw new Error('library.yaml no longer parses');
        }
      },
    });
    try {
      expect(await sync.check()).toBe(false);
      revision = 4;
      failNext = true;
      await expect(sync.check()).rejects.toThrow('no longer parses');
      // The failed revision is not taken as loaded: the next look reloads it.
      expect(await sync.check()).toBe(true);
      expect(await sync.check()).toBe(false);
      expect(reloads).toBe(2);
    } finally {
      sync.stop();
    }
  });
});
