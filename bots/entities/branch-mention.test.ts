import { describe, expect, it } from 'vitest';
import type { Branch, LibraryCalendarWithHelpers } from '../../core/calendar.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { createBranchFinder } from './branch-mention.js';

describe('createBranchFinder', () => {
  it('finds branches by name, alias or a one-letter typo', () => {
    const finder = createBranchFinder(createFakeCalendar());
    expect(finder.find('is eastside open sunday')?.id).toBe('eastside');
    expect(finder.find('main library hours')?.id).toBe('main');
    expect(finder.find('hours at the eastsde branch')?.id).toBe('eastside');
    expect(finder.find('downtwon open?')?.id).toBe('main');
    // A possessive: "main's copier" names Main.
    expect(finder.find("main's scanner is jammed")?.id).toBe('main');
    expect(finder.find('eastside’s wifi keeps dropping')?.id).toBe('eastside');
    // The branch one comes from is not the one asked about.
    expect(finder.find('best bus to main library from eastside?')?.id).toBe('main');
    expect(finder.find('how do i walk from main to eastside')?.id).toBe('eastside');
  });

  it('names no branch for generic words or near-misses of short names', () => {
    const finder = createBranchFinder(createFakeCalendar());
    expect(finder.find('Is the library open on Sunday?')).toBeUndefined();
    expect(finder.find('can i return books at any branch')).toBeUndefined();
    expect(finder.find('last month I paid a fine')).toBeUndefined();
  });

  it('finds a branch by its street, and names none for the street words alone', async () => {
    const { createLibraryCalendar } = await import('../../knowledge/library-calendar.js');
    const calendar = await createLibraryCalendar({ file: new URL('../../knowledge/library.yaml', import.meta.url).pathname });
    const finder = createBranchFinder(calendar);
    expect(finder.find('where exactly is the maple ave library')?.id).toBe('eastside');
    expect(finder.find('is the library on river street open late')?.id).toBe('main');
    expect(finder.find('is there street parking near the library')).toBeUndefined();
    // Everyday words a letter-drop from a branch word: a drive, the senior center, an Apple ID.
    expect(finder.find('it is a long drive for me, can I renew online')).toBeUndefined();
    expect(finder.find('the seniors center bus brings us on tuesdays')).toBeUndefined();
    expect(finder.find('my apple id is not working on the library ipad')).toBeUndefined();
    // "side" is a word of the alias "east side", not a branch on its own.
    expect(finder.find('every copy has a grey stripe down the left side')).toBeUndefined();
    expect(finder.find('is the east side one open saturday')?.id).toBe('eastside');
    // A name typed in two pieces with a typo; the library's own name, which is every branch's.
    expect(finder.find('can i get to the eest side one by bus')?.id).toBe('eastside');
    expect(finder.find('is the down twon library busy')?.id).toBe('main');
    expect(finder.find('where is the riverside public library')).toBeUndefined();
    expect(finder.find('what time does riverside main close')?.id).toBe('main');
    // "este" is "this" in Spanish: only "sucursal del este" and the like name Eastside.
    expect(finder.find('la impresora de este piso no imprime')).toBeUndefined();
    expect(finder.find('¿abre la sucursal del este el sábado?')?.id).toBe('eastside');
    await calendar.close();
  });

  it('asks the calendar only when a branch word is present, and never takes a branch no word named', () => {
    const calendar = createFakeCalendar();
    let calls = 0;
    const eastside = calendar.branches().find((branch) => branch.id === 'eastside')!;
    const counting: Pick<LibraryCalendarWithHelpers, 'branches' | 'findBranch' | 'library'> = {
      branches: () => calendar.branches(),
      library: () => calendar.library(),
      findBranch: (): Branch => {
        calls += 1;
        return eastside; // a calendar whose fuzzy match is too generous
      },
    };
    const finder = createBranchFinder(counting);
    expect(finder.find('how do i renew my books')).toBeUndefined();
    expect(calls).toBe(0);
    expect(finder.find('is main open')?.id).toBe('main');
    expect(calls).toBe(1);
  });
});
