import type { CatalogRecord, ItemStatus } from '../../core/catalog.js';

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

/** A record ready to store and index: every field already normalized, with its copies. */
export type BibInput = Omit<CatalogRecord, 'callNumber'> & {
  controlNumber?: string;
  /** Sort key of the preferred call number, so shelf order is one ORDER BY. */
  callNumberSort?: string;
  items: ItemInput[];
};
