import type { Branch, LibraryCalendarWithHelpers } from '../../core/calendar.js';
import { createFuzzyWords, type FuzzyWords } from '../text/fuzzy-words.js';
import { foldText, tokenize } from '../text/normalize.js';

/**
 * The branch a message names, read through `calendar.findBranch`, which stays the one authority on
 * branch names. Most messages name no branch at all, so a cheap check runs first: does any word of the
 * message (or two neighbouring words read as one: "eest side") equal, or sit one edit from, a word of a
 * branch name or alias (one edit only from words of five letters or more: "last" is not "east")? Only
 * then is the calendar asked. Generic words ("library", "branch") and the words of the library's own
 * name ("Riverside") are left out of the check, or every message would pass it.
 *
 * The check also keeps the calendar's matching honest: "is the library open on Sunday?" must not answer
 * for one branch only. A branch counts only when one of its own distinctive words is in the message.
 */
/** The words of a branch's id, name and aliases, folded ("eastside", "maple", "avenue", …). */
export function branchWords(branch: Pick<Branch, 'id' | 'name' | 'aliases'>): Set<string> {
  return new Set(foldText([branch.id, branch.name, ...branch.aliases].join(' ')).split(/[^a-z0-9]+/).filter((word) => word.length > 0));
}

export interface BranchFinder {
  find(text: string): Branch | undefined;
  /** Every branch one of whose own words the message uses: "is 200 river st main or eastside?" names both. */
  findAll(text: string): Branch[];
}

/** Words too common to name a branch on their own ("street parking", "the avenue"). */
const GENERIC_WORDS = new Set(['library', 'branch', 'biblioteca', 'sucursal', 'public', 'the', 'of', 'de', 'la', 'el', 'on', 'street', 'st', 'avenue', 'ave', '200', 'side', 'del']);

/**
 * Everyday words one letter-drop away from a branch word, never read as a typo of it: "a 20 min drive"
 * is not River Street, "the print center" is not the "centro", an Apple ID is not Maple Avenue.
 */
const NOT_BRANCH_TYPOS = ['drive', 'drives', 'driver', 'liver', 'rover', 'rivet', 'giver', 'center', 'centre', 'centers', 'apple', 'apples', 'staple', 'mapped'];

/**
 * Words that name a branch only inside the alias they stand in: "sucursal del este" is Eastside, but
 * "este" alone is Spanish for "this" ("la impresora de este piso").
 */
const PHRASE_ONLY_WORDS = new Set(['este']);

interface Gate {
  key: string;
  /** Aliases holding a phrase-only word, folded, with their branch: matched as whole phrases. */
  phrases: Array<[phrase: string, branchId: string]>;
  words: FuzzyWords;
  /** Distinctive word → the branches whose names use it. */
  owners: Map<string, Set<string>>;
}

function namesKey(branches: Branch[]): string {
  return branches.map((branch) => [branch.id, branch.name, ...branch.aliases].join('\u0001')).join('\u0002');
}

function gateFor(branches: Branch[], key: string, libraryName: string): Gate {
  // "Riverside library" is the whole library: a word of its own name names no branch ("Riverside Main" still does, by "main").
  const libraryWords = new Set(foldText(libraryName).split(/[^a-z0-9]+/));
  const owners = new Map<string, Set<string>>();
  const phrases: Gate['phrases'] = [];
  for (const branch of branches) {
    for (const name of [branch.id, branch.name, ...branch.aliases]) {
      const words = foldText(name).split(/[^a-z0-9]+/).filter((word) => word.length > 0);
      if (words.some((word) => PHRASE_ONLY_WORDS.has(word))) phrases.push([words.join(' '), branch.id]);
      for (const word of words) {
        if (word.length < 2 || GENERIC_WORDS.has(word) || libraryWords.has(word) || PHRASE_ONLY_WORDS.has(word)) continue;
        let ids = owners.get(word);
        if (!ids) owners.set(word, (ids = new Set()));
        ids.add(branch.id);
      }
    }
  }
  return { key, owners, phrases, words: createFuzzyWords(owners.keys(), { protectedWords: NOT_BRANCH_TYPOS }) };
}

/** "main's copier": the branch's own word without the possessive, which the tokenizer would join ("mains"). */
function withoutPossessives(text: string): string {
  return text.replace(/(\p{L})['’]s\b/gu, '$1');
}

export function createBranchFinder(calendar: Pick<LibraryCalendarWithHelpers, 'branches' | 'findBranch' | 'library'>): BranchFinder {
  let gate: Gate | undefined;
  /** The ids of the branches whose distinctive words the message uses. */
  function candidatesIn(text: string, branches: Branch[]): Set<string> {
    // The calendar reloads when library.yaml changes; its branch list is two or three entries, so
    // comparing names each message is cheaper than any invalidation scheme.
    const libraryName = calendar.library().name;
    const key = `${libraryName}\u0003${namesKey(branches)}`;
    if (gate?.key !== key) gate = gateFor(branches, key, libraryName);
    const candidates = new Set<string>();
    const tokens = tokenize(text);
    const matched = tokens.map((token) => gate!.words.match(token));
    for (const word of matched) if (word !== undefined) for (const id of gate.owners.get(word) ?? []) candidates.add(id);
    const joined = ` ${tokens.join(' ')} `;
    for (const [phrase, id] of gate.phrases) if (joined.includes(` ${phrase} `)) candidates.add(id);
    // A name typed in two pieces with a typo, "eest side", "down twon": the two words read as one.
    for (let index = 0; index + 1 < tokens.length; index++) {
      if (matched[index] !== undefined || matched[index + 1] !== undefined) continue;
      const word = gate.words.match(tokens[index]! + tokens[index + 1]!);
      if (word !== undefined) for (const id of gate.owners.get(word) ?? []) candidates.add(id);
    }
    return candidates;
  }
  const finder: BranchFinder = {
    findAll(said) {
      const text = withoutPossessives(said);
      const branches = calendar.branches();
      const candidates = candidatesIn(text, branches);
      return branches.filter((branch) => candidates.has(branch.id));
    },
    find(said) {
      const text = withoutPossessives(said);
      const branches = calendar.branches();
      const candidates = candidatesIn(text, branches);
      if (candidates.size === 0) return undefined;
      // "directions to eastside from downtown": the branch the patron is coming from is not the one asked about.
      if (candidates.size > 1 && /\b(?:from|desde)\s/i.test(text)) {
        const destination = finder.find(text.replace(/\b(?:from|desde)\s+(?:the\s+|la\s+|el\s+)?\S+(?:\s+(?:library|branch|biblioteca|sucursal))?/gi, ' '));
        if (destination) return destination;
      }
      const found = calendar.findBranch(text);
      if (found && candidates.has(found.id)) return found;
      // The calendar matched a generic word to another branch: trust the word the patron typed.
      return candidates.size === 1 ? branches.find((branch) => candidates.has(branch.id)) : undefined;
    },
  };
  return finder;
}
