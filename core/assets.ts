export const ASSET_KINDS = ['pc', 'printer', 'copier', 'scanner', 'wifi', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** A public device that patrons can report trouble with. */
export interface Asset {
  tag: string;
  kind: AssetKind;
  name: string;
  branchId: string;
  /** Where in the branch, said as staff say it: "Adult computer area, 2nd floor". */
  location: string;
  floor?: number;
}

export interface AssetPort {
  findByTag(tag: string): Promise<Asset | undefined>;
  list(filter?: { branchId?: string; kind?: AssetKind }): Promise<Asset[]>;
}

/** Asset tags are written as KIND-NN: "pc 7", "pc-07" and "PC07" all mean PC-07. */
export function normalizeAssetTag(raw: string): string | undefined {
  const match = /^\s*([a-z]{2,8})[\s\-_#]*0*(\d{1,4})\s*$/i.exec(raw);
  if (!match) return undefined;
  const digits = match[2]!.padStart(2, '0');
  return `${match[1]!.toUpperCase()}-${digits}`;
}
