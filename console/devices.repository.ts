import type { Db } from '../db/index.js';
import type { Asset, AssetKind } from '../core/assets.js';

/** A device as the admin page sees it: retired ones too (their QR code no longer opens a report form). */
export interface ManagedDevice extends Asset {
  active: boolean;
}

/** The devices admin: every device, saved as edited, retired and restored. Reads go to the database each time, so every process sees a change at once. */
export interface DeviceAdminStore {
  listAll(): Promise<ManagedDevice[]>;
  find(tag: string): Promise<ManagedDevice | undefined>;
  /** Creates a device; false when the tag is taken. */
  create(device: Asset): Promise<boolean>;
  /** Updates a device (not its tag, not whether it is retired); false when there is none. */
  update(device: Asset): Promise<boolean>;
  setActive(tag: string, active: boolean): Promise<boolean>;
}

type Row = { tag: string; kind: string; name: string; branchId: string; location: string; floor: number | null; active: boolean };

function toDevice(row: Row): ManagedDevice {
  return { tag: row.tag, kind: row.kind as AssetKind, name: row.name, branchId: row.branchId, location: row.location, ...(row.floor != null ? { floor: row.floor } : {}), active: row.active };
}

export function createDevicesRepository(prisma: Db): DeviceAdminStore {
  const fields = (device: Asset) => ({ kind: device.kind, name: device.name, branchId: device.branchId, location: device.location, floor: device.floor ?? null });
  return {
    async listAll() {
      return (await prisma.asset.findMany({ orderBy: [{ active: 'desc' }, { tag: 'asc' }] })).map(toDevice);
    },
    async find(tag) {
      const row = await prisma.asset.findUnique({ where: { tag } });
      return row ? toDevice(row) : undefined;
    },
    async create(device) {
      try {
        await prisma.asset.create({ data: { tag: device.tag, ...fields(device), active: true } });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002') return false;
        throw error;
      }
    },
    async update(device) {
      const { count } = await prisma.asset.updateMany({ where: { tag: device.tag }, data: fields(device) });
      return count > 0;
    },
    async setActive(tag, active) {
      const { count } = await prisma.asset.updateMany({ where: { tag }, data: { active } });
      return count > 0;
    },
  };
}
