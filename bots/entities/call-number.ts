/** Dewey and Library of Congress call numbers as patrons type them. */
export interface CallNumberMention {
  scheme: 'dewey' | 'lc';
  /** As written, tidied: "641.5", "973.7 LIN", "QA76.73 .P98". */
  value: string;
}

// "641.5", "813.54", "973.7 LIN": three digits, a decimal part, optionally a cutter of capitals.
const DEWEY_DECIMAL = /(?<![\d$.,:])\b(\d{3}\.\d{1,6})(?:\s+([A-Z]{2,4})\b)?(?![\d.]*%)/;
// A bare class such as "the 796 section" or "call number 616": only with a word that says so.
const DEWEY_BARE = /\b(?:section|call number|dewey|shelf|number)\s+(\d{3})\b|\b(\d{3})\s+(?:section|shelf|area)\b/i;
// "QA76.73 .P98", "PS3545.I345", "HV 6432": class letters, a number without a leading zero, then a
// decimal part or a cutter, or at least three digits. "PC-07" and "PC09" are asset tags, not LC.
const LC = /\b([A-HJ-NP-VZ][A-Z]{0,2})\s?([1-9]\d{0,3}(?:\.\d+)?)(\s*\.?[A-Z]\d+(?:\s*\.?[A-Z]\d+)?)?(?:\s+(\d{4}))?\b/;

export function findCallNumber(text: string): CallNumberMention | undefined {
  const decimal = DEWEY_DECIMAL.exec(text);
  if (decimal) return { scheme: 'dewey', value: decimal[2] ? `${decimal[1]} ${decimal[2]}` : decimal[1]! };
  const lc = LC.exec(text);
  if (lc) {
    const [, letters, number, cutter, year] = lc;
    const strong = number!.includes('.') || cutter !== undefined || number!.length >= 3;
    if (strong) {
      const tidyCutter = cutter ? ` ${cutter.trim().startsWith('.') ? cutter.trim() : `.${cutter.trim()}`}` : '';
      return { scheme: 'lc', value: `${letters}${number}${tidyCutter}${year ? ` ${year}` : ''}` };
    }
  }
  const bare = DEWEY_BARE.exec(text);
  if (bare) return { scheme: 'dewey', value: (bare[1] ?? bare[2])! };
  return undefined;
}
