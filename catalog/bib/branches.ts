/**
 * Holdings name branches by the ILS's codes ("MAIN", "ESB", "Eastside Branch"); the assistant knows
 * branch ids. Unknown codes fall back to the default branch, so no copy is lost from availability.
 */
export type BranchAliases = Record<string, string[]>;

export const DEFAULT_BRANCH_ALIASES: BranchAliases = {
  main: ['main', 'mn', 'mainlib', 'main library', 'central', 'cen', 'ctrl', 'hq', 'downtown'],
  eastside: ['eastside', 'east', 'es', 'esb', 'east branch', 'eastside branch', 'eastside library', 'east side'],
};

export type BranchResolver = (code: string | undefined) => string;

export function createBranchResolver(aliases: BranchAliases = DEFAULT_BRANCH_ALIASES, fallback = 'main'): BranchResolver {
  const lookup = new Map<string, string>();
  for (const [branchId, names] of Object.entries(aliases)) {
    lookup.set(branchId.toLowerCase(), branchId);
    for (const name of names) lookup.set(name.toLowerCase(), branchId);
  }
  return (code) => {
    if (!code) return fallback;
    const key = code.trim().toLowerCase().replace(/[_-]+/g, ' ');
    return lookup.get(key) ?? lookup.get(key.replace(/\s+(branch|library)$/, '')) ?? fallback;
  };
}
