import { IANAZone } from 'luxon';

/**
 * Luxon asks Intl for a zone's UTC offset on every DateTime it makes in that zone (a formatToParts call,
 * the costliest step of an hours answer). An offset can only change at a zone transition, and every
 * transition of every zone in use today falls on a quarter hour, so the offset at any instant of a
 * quarter hour is the offset at its start: remembered per zone and quarter hour, it is asked once.
 * Installed once, for every Luxon caller, when this module is first imported.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** A year of quarter hours per zone is 35,040 entries; far fewer are ever asked for in practice. */
const MAX_ENTRIES_PER_ZONE = 50_000;

const uncachedOffset = IANAZone.prototype.offset;
const cache = new WeakMap<IANAZone, Map<number, number>>();

IANAZone.prototype.offset = function cachedOffset(this: IANAZone, ts: number): number {
  if (!Number.isFinite(ts)) return uncachedOffset.call(this, ts);
  const quarter = Math.floor(ts / QUARTER_HOUR_MS);
  let offsets = cache.get(this);
  if (!offsets) cache.set(this, (offsets = new Map()));
  const known = offsets.get(quarter);
  if (known !== undefined) return known;
  const offset = uncachedOffset.call(this, quarter * QUARTER_HOUR_MS);
  if (offsets.size >= MAX_ENTRIES_PER_ZONE) offsets.clear();
  offsets.set(quarter, offset);
  return offset;
};

export {};
