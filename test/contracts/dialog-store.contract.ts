import { describe, expect, it } from 'vitest';
import type { DialogStore } from '../../core/dialog.js';

/** What every DialogStore does: JSON state per conversation that is gone once it expires. */
export function runDialogStoreContract(name: string, make: () => Promise<{ store: DialogStore; conversation(): Promise<string> }>): void {
  describe(`DialogStore: ${name}`, () => {
    const now = new Date('2026-12-01T15:00:00Z');
    const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

    it('keeps state until it expires, then forgets it', async () => {
      const { store, conversation } = await make();
      const id = await conversation();
      await store.save(id, { awaiting: 'branch', options: ['main', 'eastside'] }, later(15));
      expect(await store.load(id, later(5))).toEqual({ awaiting: 'branch', options: ['main', 'eastside'] });
      expect(await store.load(id, later(15))).toBeUndefined();
    });

    it('returns a copy, replaces on save and clears on request', async () => {
      const { store, conversation } = await make();
      const id = await conversation();
      await store.save(id, { step: 1 }, later(15));
      const loaded = (await store.load(id, now)) as { step: number };
      loaded.step = 99;
      expect(await store.load(id, now)).toEqual({ step: 1 });
      await store.save(id, { step: 2 }, later(15));
      expect(await store.load(id, now)).toEqual({ step: 2 });
      await store.clear(id);
      expect(await store.load(id, now)).toBeUndefined();
    });

    it('keeps conversations apart', async () => {
      const { store, conversation } = await make();
      const [a, b] = [await conversation(), await conversation()];
      await store.save(a, { who: 'a' }, later(15));
      expect(await store.load(b, now)).toBeUndefined();
    });
  });
}
