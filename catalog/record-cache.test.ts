import { describe, expect, it } from 'vitest';
import type { CatalogRecord } from '../core/catalog.js';
import { createRecordCache } from './record-cache.js';

const record = (id: string, title = `Title ${id}`): CatalogRecord => ({ id, title, authors: [], subjects: [], isbns: [], series: [], format: 'book' });

function countingLoader(titles: Map<string, string>) {
  const calls: string[][] = [];
  const load = async (ids: string[]): Promise<CatalogRecord[]> => {
    calls.push([...ids]);
    return ids.filter((id) => titles.has(id)).map((id) => record(id, titles.get(id)));
  };
  return { calls, load };
}

describe('record cache', () => {
  it('loads only the records it does not hold, in one call', async () => {
    const cache = createRecordCache({ capacity: 10 });
    const { calls, load } = countingLoader(new Map([['a', 'A'], ['b', 'B'], ['c', 'C']]));
    await cache.getMany(['a', 'b'], load);
    const found = await cache.getMany(['a', 'b', 'c', 'missing'], load);
    expect(calls).toEqual([['a', 'b'], ['c', 'missing']]);
    expect([...found.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(found.get('c')?.title).toBe('C');
  });

  it('drops the least recently used record beyond its capacity', async () => {
    const cache = createRecordCache({ capacity: 2 });
    const { calls, load } = countingLoader(new Map([['a', 'A'], ['b', 'B'], ['c', 'C']]));
    await cache.getMany(['a', 'b'], load);
    await cache.getMany(['a'], load); // a is now the most recent, b the least
    await cache.getMany(['c'], load);
    expect(cache.size).toBe(2);
    calls.length = 0;
    await cache.getMany(['a', 'b', 'c'], load);
    expect(calls).toEqual([['b']]);
  });

  it('reads an invalidated record again', async () => {
    const cache = createRecordCache({ capacity: 10 });
    const titles = new Map([['a', 'Old']]);
    const { load } = countingLoader(titles);
    expect((await cache.getMany(['a'], load)).get('a')?.title).toBe('Old');
    titles.set('a', 'New');
    expect((await cache.getMany(['a'], load)).get('a')?.title).toBe('Old');
    cache.invalidate(['a']);
    expect((await cache.getMany(['a'], load)).get('a')?.title).toBe('New');
  });

  it('does not keep a record read while an invalidation arrived', async () => {
    const cache = createRecordCache({ capacity: 10 });
    const titles = new Map([['a', 'Old']]);
    const { load } = countingLoader(titles);
    // The read sees the old row, then the re-import commits and invalidates before the read returns.
    const racing = cache.getMany(['a'], async (ids) => {
      const rows = await load(ids);
      titles.set('a', 'New');
      cache.invalidate(['a']);
      return rows;
    });
    expect((await racing).get('a')?.title).toBe('Old');
    expect((await cache.getMany(['a'], load)).get('a')?.title).toBe('New');
  });

  it('hands out frozen records, so one caller cannot change what another sees', async () => {
    const cache = createRecordCache({ capacity: 10 });
    const { load } = countingLoader(new Map([['a', 'A']]));
    const a = (await cache.getMany(['a'], load)).get('a')!;
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.authors)).toBe(true);
  });

  it('with capacity 0 reads every time', async () => {
    const cache = createRecordCache({ capacity: 0 });
    const { calls, load } = countingLoader(new Map([['a', 'A']]));
    await cache.getMany(['a'], load);
    await cache.getMany(['a'], load);
    expect(calls).toEqual([['a'], ['a']]);
    expect(cache.size).toBe(0);
  });
});
