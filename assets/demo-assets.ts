import type { Asset } from '../core/assets.js';

function range(prefix: string, from: number, to: number, make: (tag: string, n: number) => Omit<Asset, 'tag'>): Asset[] {
  const out: Asset[] = [];
  for (let n = from; n <= to; n += 1) {
    const tag = `${prefix}-${String(n).padStart(2, '0')}`;
    out.push({ tag, ...make(tag, n) });
  }
  return out;
}

/** The demo library's public devices; the asset tags are printed on each device with its QR code. */
export const DEMO_ASSETS: Asset[] = [
  ...range('PC', 1, 12, (_tag, n) => ({
    kind: 'pc',
    name: `Public computer ${n}`,
    branchId: 'main',
    location: n <= 8 ? 'Adult computer area, 2nd floor' : "Children's room, 1st floor",
    floor: n <= 8 ? 2 : 1,
  })),
  ...range('PC', 20, 25, (_tag, n) => ({
    kind: 'pc',
    name: `Public computer ${n}`,
    branchId: 'eastside',
    location: 'Computer corner by the front windows',
    floor: 1,
  })),
  { tag: 'PRN-01', kind: 'printer', name: 'Black & white printer', branchId: 'main', location: 'Adult computer area, 2nd floor', floor: 2 },
  { tag: 'PRN-02', kind: 'printer', name: 'Colour printer', branchId: 'main', location: 'Print & copy center, 1st floor', floor: 1 },
  { tag: 'PRN-03', kind: 'printer', name: 'Printer', branchId: 'eastside', location: 'Behind the service desk', floor: 1 },
  { tag: 'COPY-01', kind: 'copier', name: 'Copier', branchId: 'main', location: 'Print & copy center, 1st floor', floor: 1 },
  { tag: 'COPY-02', kind: 'copier', name: 'Copier', branchId: 'eastside', location: 'Next to the service desk', floor: 1 },
  { tag: 'SCAN-01', kind: 'scanner', name: 'Self-service scanner', branchId: 'main', location: 'Print & copy center, 1st floor', floor: 1 },
  { tag: 'SCAN-02', kind: 'scanner', name: 'Flatbed scanner', branchId: 'main', location: 'Local history room, 2nd floor', floor: 2 },
  { tag: 'WIFI-01', kind: 'wifi', name: 'Public Wi-Fi (RiversidePL-Public)', branchId: 'main', location: 'Whole building', floor: 1 },
  { tag: 'WIFI-02', kind: 'wifi', name: 'Public Wi-Fi (RiversidePL-Public)', branchId: 'eastside', location: 'Whole building', floor: 1 },
];
