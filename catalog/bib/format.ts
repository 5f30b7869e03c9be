import type { CatalogFormat } from '../../core/catalog.js';

/**
 * What a patron would call the item, from leader/06 (type of record), leader/07 (bibliographic level),
 * 007/00 (category of material) and 008 "form of item" (position 23 for books, music and serials;
 * 29 for maps and visual materials).
 */
export function detectFormat(leader: string, fixed007: string[], fixed008: string | undefined): CatalogFormat {
  const type = leader[6] ?? ' ';
  const level = leader[7] ?? ' ';
  const f008 = fixed008 ?? '';
  const categories = fixed007.map((f) => f[0] ?? '');
  const isOnline = categories.includes('c');
  switch (type) {
    case 'a':
    case 't': {
      if (level === 's' || level === 'i') return 'serial';
      const form = f008[23];
      if (form === 'd') return 'large_print';
      if (form === 'o' || form === 'q' || form === 's' || isOnline) return 'ebook';
      return 'book';
    }
    case 'm':
      // Computer files: an electronic document is an e-book; software and games are something else.
      return f008[26] === 'd' ? 'ebook' : 'other';
    case 'g': {
      const video = fixed007.find((f) => f[0] === 'v');
      // 007/04 videorecording format: v DVD, s Blu-ray, b VHS, others tapes and film.
      if (video && ['b', 'c', 'f', 'a', 'd', 'e', 'h', 'i', 'j', 'k', 'm', 'o', 'p', 'q'].includes(video[4] ?? '')) return 'other';
      const form = f008[29];
      if (form === 'o' || form === 'q') return 'other';
      return 'dvd';
    }
    case 'i':
      return 'audiobook';
    case 'j':
    case 'c':
    case 'd':
      return 'music';
    case 'e':
    case 'f':
      return 'map';
    default:
      return level === 's' ? 'serial' : 'other';
  }
}
