import type { BibInput } from '../bib/bib-input.js';
import type { IndexDoc } from './search-index.js';

export function toIndexDoc(bib: BibInput): IndexDoc {
  return {
    id: bib.id,
    title: bib.title,
    subtitle: bib.subtitle ?? null,
    alternateTitles: bib.alternateTitles ?? [],
    summary: bib.summary ?? null,
    authors: bib.authors,
    subjects: bib.subjects,
    series: bib.series,
    isbns: bib.isbns,
    format: bib.format,
    language: bib.language ?? null,
    holdings: bib.items.map((item) => ({ branchId: item.branchId, available: item.status === 'available' })),
  };
}
