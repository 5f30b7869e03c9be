import { normalizeAssetTag, type Asset, type AssetPort } from '../../core/assets.js';

/** The devices of a small two-branch library, as the seed data describes them. */
export const FAKE_ASSETS: Asset[] = [
  { tag: 'PC-01', kind: 'pc', name: 'Public PC 1', branchId: 'main', location: 'Adult computer area, 2nd floor', floor: 2 },
  { tag: 'PC-02', kind: 'pc', name: 'Public PC 2', branchId: 'main', location: 'Adult computer area, 2nd floor', floor: 2 },
  { tag: 'PC-03', kind: 'pc', name: 'Public PC 3', branchId: 'main', location: 'Near the front entrance, 1st floor', floor: 1 },
  { tag: 'PC-07', kind: 'pc', name: 'Public PC 7', branchId: 'main', location: 'Teen room, 1st floor', floor: 1 },
  { tag: 'PC-12', kind: 'pc', name: 'Public PC 12', branchId: 'eastside', location: 'Computer lab', floor: 1 },
  { tag: 'PRN-01', kind: 'printer', name: 'Black-and-white printer', branchId: 'main', location: 'Print station, 1st floor', floor: 1 },
  { tag: 'PRN-02', kind: 'printer', name: 'Color printer', branchId: 'main', location: 'Print station, 2nd floor', floor: 2 },
  { tag: 'PRN-03', kind: 'printer', name: 'Printer', branchId: 'eastside', location: 'Front desk', floor: 1 },
  { tag: 'CPY-01', kind: 'copier', name: 'Copier', branchId: 'main', location: 'Print station, 1st floor', floor: 1 },
  { tag: 'SCN-01', kind: 'scanner', name: 'Scanner', branchId: 'main', location: 'Print station, 1st floor', floor: 1 },
  { tag: 'WIFI-01', kind: 'wifi', name: 'Public Wi-Fi', branchId: 'main', location: 'Whole building' },
  { tag: 'WIFI-02', kind: 'wifi', name: 'Public Wi-Fi', branchId: 'eastside', location: 'Whole building' },
];

export function createFakeAssets(assets: Asset[] = FAKE_ASSETS): AssetPort {
  return {
    async findByTag(tag) {
      const wanted = normalizeAssetTag(tag);
      return assets.find((asset) => asset.tag === wanted);
    },
    async list(filter = {}) {
      return assets
        .filter((asset) => !filter.branchId || asset.branchId === filter.branchId)
        .filter((asset) => !filter.kind || asset.kind === filter.kind);
    },
  };
}
