import type { Asset } from '../../core/assets.js';
import type { Reply } from '../../core/reply.js';
import { parseAssetMention, resolveAsset, type AssetMention } from '../entities/asset-mention.js';
import { branchName } from './catalog.js';
import { tagPrefixes } from './equipment.js';
import { say, type SkillDeps, type Turn } from './types.js';

/** Where the device or devices a message asks about stand; `asset` when it named one. */
export interface DeviceLocation {
  reply: Reply;
  asset?: Asset;
}

/**
 * "where is PC 9?", "¿dónde está la computadora 21?": where one of the library's own devices stands.
 * Asked first because "PC 5" is also a Library of Congress call number (Romance languages), and the
 * patron means the computer. The device is remembered, so "found it, but it's stuck" reports it.
 * "where are the printers at eastside?": where that kind of device stands. Undefined when the message
 * names no device the library has, by tag, number or kind.
 */
export async function locateDevice(turn: Turn, deps: SkillDeps): Promise<DeviceLocation | undefined> {
  const assets = await deps.assets.list();
  const mention = parseAssetMention(turn.text, tagPrefixes(assets));
  if (!mention.tag && mention.number === undefined) {
    const reply = devicesOfKind(turn, deps, mention, assets);
    return reply ? { reply } : undefined;
  }
  const { asset } = resolveAsset(mention, assets, turn.text, turn.branch?.id);
  if (!asset) return undefined;
  const branch = branchName(asset.branchId, deps.calendar);
  const text = say(turn.language, `${asset.tag} (${asset.name}) is at ${branch}: ${asset.location}.`, `${asset.tag} (${asset.name}) está en ${branch}: ${asset.location}.`);
  return { reply: { text, language: turn.language }, asset };
}

/** Words that make "where are the printers" a question about books or a shelf: "books about 3d printers". */
const ABOUT_BOOKS = /\b(?:books?|about|section|shelf|shelves|magazines?|manuals?|libros?|sobre|revistas?)\b/;
/** How each kind of device is called in a list's heading. */
const KIND_NAMES: Record<string, [en: string, es: string]> = {
  pc: ['Public computers', 'Computadoras públicas'],
  printer: ['Printers', 'Impresoras'],
  copier: ['Copiers', 'Fotocopiadoras'],
  scanner: ['Scanners', 'Escáneres'],
};

/**
 * "where are the printers at eastside?", "¿dónde están las computadoras?": where that kind of device
 * stands, at the branch named or at each, one line per place with the tags found there. Undefined when the
 * message names no kind of device, or asks about books on it.
 */
function devicesOfKind(turn: Turn, deps: SkillDeps, mention: AssetMention, assets: Asset[]): Reply | undefined {
  const names = mention.kind ? KIND_NAMES[mention.kind] : undefined;
  if (!names || ABOUT_BOOKS.test(turn.text.toLowerCase())) return undefined;
  const ofKind = assets.filter((asset) => asset.kind === mention.kind && (!turn.branch || asset.branchId === turn.branch.id));
  if (ofKind.length === 0) return undefined;
  const places = new Map<string, string[]>();
  for (const asset of ofKind) {
    const place = `${branchName(asset.branchId, deps.calendar)}: ${asset.location}`;
    places.set(place, [...(places.get(place) ?? []), asset.tag]);
  }
  const lines = [...places].map(([place, tags]) => `• ${place} (${tags.length > 2 ? `${tags[0]}–${tags.at(-1)}` : tags.join(', ')})`);
  return { text: `${say(turn.language, names[0], names[1])}:\n${lines.join('\n')}`, language: turn.language };
}
