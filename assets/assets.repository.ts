import type { Db } from '../db/index.js';
import { normalizeAssetTag, type Asset, type AssetKind, type AssetPort } from '../core/assets.js';

type AssetRow = Awaited<ReturnType<Db['asset']['findFirstOrThrow']>>;

function toAsset(row: AssetRow): Asset {
  return {
    tag: row.tag,
    kind: row.kind as AssetKind,
    name: row.name,
    branchId: row.branchId,
    location: row.location,
    ...(row.floor != null ? { floor: row.floor } : {}),
  };
}

/** The registry of public devices. Tags are stored normalized ("PC-07"). */
export function createAssetsRepository(prisma: Db): AssetPort & { upsert(asset: Asset): Promise<void> } {
  return {
    async findByTag(tag) {
      const normalized = normalizeAssetTag(tag);
      if (!normalized) return undefined;
      const row = await prisma.asset.findFirst({ where: { tag: normalized, active: true } });
      return row ? toAsset(row) : undefined;
    },
    async list(filter = {}) {
      const rows = await prisma.asset.findMany({
        where: { active: true, ...(filter.branchId ? { branchId: filter.branchId } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
        orderBy: { tag: 'asc' },
      });
      return rows.map(toAsset);
    },
    async upsert(asset) {
      const tag = normalizeAssetTag(asset.tag);
      if (!tag) throw new Error(`not an asset tag: ${asset.tag}`);
      const data = { kind: asset.kind, name: asset.name, branchId: asset.branchId, location: asset.location, floor: asset.floor ?? null, active: true };
      await prisma.asset.upsert({ where: { tag }, create: { tag, ...data }, update: data });
    },
  };
}
