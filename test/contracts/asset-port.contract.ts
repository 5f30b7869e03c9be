import { describe, expect, it } from 'vitest';
import type { Asset, AssetPort } from '../../core/assets.js';

export const CONTRACT_ASSETS: Asset[] = [
  { tag: 'PC-07', kind: 'pc', name: 'Public PC 7', branchId: 'main', location: 'Teen room, 1st floor', floor: 1 },
  { tag: 'PC-12', kind: 'pc', name: 'Public PC 12', branchId: 'eastside', location: 'Computer lab', floor: 1 },
  { tag: 'PRN-01', kind: 'printer', name: 'Printer', branchId: 'main', location: 'Print station, 1st floor', floor: 1 },
];

/** What every AssetPort does, the database registry and the test fake alike. */
export function runAssetPortContract(name: string, make: (assets: Asset[]) => Promise<AssetPort>): void {
  describe(`AssetPort: ${name}`, () => {
    it('finds a device by any spelling of its tag', async () => {
      const port = await make(CONTRACT_ASSETS);
      for (const spelling of ['PC-07', 'pc 7', 'PC07', 'pc-7']) expect((await port.findByTag(spelling))?.tag).toBe('PC-07');
      expect((await port.findByTag('PC-99'))).toBeUndefined();
    });

    it('lists by branch and by kind', async () => {
      const port = await make(CONTRACT_ASSETS);
      expect((await port.list({ branchId: 'eastside' })).map((asset) => asset.tag)).toEqual(['PC-12']);
      expect((await port.list({ kind: 'printer' })).map((asset) => asset.tag)).toEqual(['PRN-01']);
      expect((await port.list()).map((asset) => asset.tag).sort()).toEqual(['PC-07', 'PC-12', 'PRN-01']);
    });
  });
}
