import type { Asset } from '../../core/assets.js';
import type { Reply } from '../../core/reply.js';
import { parseAssetMention, resolveAsset } from '../entities/asset-mention.js';
import { branchName } from './catalog.js';
import { tagPrefixes } from './equipment.js';
import { say, type SkillDeps, type Turn } from './types.js';

/**
 * "where is PC 9?", "¿dónde está la computadora 21?": where one of the library's own devices stands.
 * Asked first because "PC 5" is also a Library of Congress call number (Romance languages), and the
 * patron means the computer. The device is remembered, so "found it, but it's stuck" reports it. Undefined when the message names no device the library has by tag or number.
 */
export async function locateDevice(turn: Turn, deps: SkillDeps): Promise<{ reply: Reply; asset: Asset } | undefined> {
  const assets = await deps.assets.list();
  const mention = parseAssetMention(turn.text, tagPrefixes(assets));
  if (!mention.tag && mention.number === undefined) return undefined;
  const { asset } = resolveAsset(mention, assets, turn.text, turn.branch?.id);
  if (!asset) return undefined;
  const branch = branchName(asset.branchId, deps.calendar);
  const text = say(turn.language, `${asset.tag} (${asset.name}) is at ${branch}: ${asset.location}.`, `${asset.tag} (${asset.name}) está en ${branch}: ${asset.location}.`);
  return { reply: { text, language: turn.language }, asset };
}
