/**
 * How the catalog skills compare a patron's words with a record's: no accents, lower case, split on
 * anything that is not a letter or digit in any script ("Zeṿin" stays one word).
 */
export function foldCatalogText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function catalogWords(text: string): string[] {
  return foldCatalogText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
