import type { Db } from '../db/index.js';
import type { Asset } from '../core/assets.js';

export interface SeedDeps {
  prisma: Db;
  assets: { upsert(asset: Asset): Promise<void> };
  /** Loads the demo catalog; returns how many records it wrote. */
  seedCatalog?: () => Promise<number>;
  /** Seeds the demo patrons with loans, holds and fines (embedded ILS); runs after the catalog. */
  seedPatrons?: () => Promise<number>;
  now: () => Date;
}

export interface SeedReport {
  seeded: boolean;
  assets: number;
  catalogRecords: number;
}

const SEEDED_KEY = 'demo.seeded';

/**
 * Seeds the demo library ("Riverside Public Library") once. Safe when several processes start at
 * the same time: every step is an upsert, and the marker is written last.
 */
export async function seedDemoLibrary(deps: SeedDeps, demoAssets: Asset[], options: { force?: boolean } = {}): Promise<SeedReport> {
  const marker = await deps.prisma.setting.findUnique({ where: { key: SEEDED_KEY } });
  if (marker && !options.force) return { seeded: false, assets: 0, catalogRecords: 0 };
  for (const asset of demoAssets) await deps.assets.upsert(asset);
  // A library that already imported its own catalog gets no made-up demo records mixed into it.
  const ownRecords = await deps.prisma.bibRecord.count({ where: { OR: [{ source: null }, { source: { not: 'demo' } }] } });
  const catalogRecords = deps.seedCatalog && ownRecords === 0 ? await deps.seedCatalog() : 0;
  if (deps.seedPatrons) await deps.seedPatrons();
  const seededAt = deps.now().toISOString();
  await deps.prisma.setting.upsert({
    where: { key: SEEDED_KEY },
    create: { key: SEEDED_KEY, value: seededAt },
    update: { value: seededAt },
  });
  return { seeded: true, assets: demoAssets.length, catalogRecords };
}
