import type { CatalogFormat, ItemStatus } from '../../core/catalog.js';

/** One copy as imported (from 852 or Koha's 952) or generated. */
export interface ItemInput {
  /** The barcode, or "<bibId>#<n>" when the holding has none. */
  id: string;
  barcode?: string;
  branchId: string;
  location?: string;
  callNumber?: string;
  status: ItemStatus;
  dueAt?: Date;
}

/** A record ready to store and index: every field already normalized. */
export interface BibInput {
  id: string;
  controlNumber?: string;
  title: string;
  subtitle?: string;
  authors: string[];
  subjects: string[];
  isbns: string[];
  publisher?: string;
  year?: number;
  edition?: string;
  series: string[];
  summary?: string;
  language?: string;
  format: CatalogFormat;
  deweyCallNumber?: string;
  lcCallNumber?: string;
  callNumberSort?: string;
  items: ItemInput[];
}
