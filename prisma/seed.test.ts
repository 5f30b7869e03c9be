import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { createAssetsRepository, DEMO_ASSETS } from '../assets/index.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { seedDemoLibrary, type SeedDeps } from './seed.js';

describe('seedDemoLibrary', () => {
  let temporary: TemporaryDatabase;
  let db: Database;
  let catalogSeeds = 0;
  let deps: SeedDeps;
  beforeAll(async () => {
    temporary = await openTemporarySqlite();
    db = temporary.db;
    deps = {
      prisma: db.prisma,
      assets: createAssetsRepository(db.prisma),
      now: () => new Date('2026-12-01T12:00:00Z'),
      seedCatalog: async () => {
        catalogSeeds += 1;
        return 10;
      },
    };
  });
  afterAll(async () => {
    await temporary.close();
  });

  it('seeds the demo devices and catalog on first start only', async () => {
    expect(await seedDemoLibrary(deps, DEMO_ASSETS)).toEqual({ seeded: true, assets: DEMO_ASSETS.length, catalogRecords: 10 });
    expect(await db.prisma.asset.count()).toBe(DEMO_ASSETS.length);
    expect((await db.prisma.setting.findUnique({ where: { key: 'demo.seeded' } }))?.value).toBe('2026-12-01T12:00:00.000Z');

    expect(await seedDemoLibrary(deps, DEMO_ASSETS)).toEqual({ seeded: false, assets: 0, catalogRecords: 0 });
    expect(catalogSeeds).toBe(1);
  });

  it('seeds again when forced, without duplicating devices', async () => {
    await db.prisma.asset.update({ where: { tag: 'PC-07' }, data: { location: 'moved' } });
    expect((await seedDemoLibrary(deps, DEMO_ASSETS, { force: true })).seeded).toBe(true);
    expect(await db.prisma.asset.count()).toBe(DEMO_ASSETS.length);
    expect((await db.prisma.asset.findUniqueOrThrow({ where: { tag: 'PC-07' } })).location).toBe('Adult computer area, 2nd floor');
    expect(catalogSeeds).toBe(2);
  });

  it('leaves the demo catalog out of a database that holds the library\'s own records', async () => {
    await db.prisma.bibRecord.create({ data: { id: 'OCoLC:1', title: 'Our own record', format: 'book', source: 'export.mrc' } });
    const report = await seedDemoLibrary(deps, DEMO_ASSETS, { force: true });
    expect(report).toMatchObject({ seeded: true, catalogRecords: 0 });
    expect(catalogSeeds).toBe(2);
  });
});
