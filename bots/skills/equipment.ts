import type { Asset, AssetKind } from '../../core/assets.js';
import { kindsNamed, parseAssetMention, resolveAsset, type AssetMention } from '../entities/asset-mention.js';
import { correctedPart } from '../text/correction.js';
import { YES_NO } from './handoff.js';
import { canReachPatron, whenStaffFixDevice } from './staff-availability.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

const MAX_CHOICES = 5;

function summary(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine;
}

/** A button label that names the device and still carries its tag back when tapped. */
export function assetChoice(asset: Asset): string {
  return `${asset.tag} – ${asset.location}`;
}

/** The tag prefixes in use ("PC", "PRN"), so a mention is only read as a tag when the library uses it. */
export function tagPrefixes(assets: Asset[]): string[] {
  return [...new Set(assets.map((asset) => asset.tag.replace(/[-\s]?\d+$/, '')))];
}

/** Files the equipment ticket and says its number; a second report of the same device joins the first. */
export async function fileEquipmentTicket(turn: Turn, deps: SkillDeps, request: string, asset?: Asset, unknownTag?: string): Promise<SkillResult> {
  const { language } = turn;
  const device = asset ? `${asset.name} (${asset.tag})` : unknownTag ? `Device ${unknownTag} (tag not on file)` : 'Unidentified device';
  const branchId = asset?.branchId ?? turn.branch?.id;
  const ticket = await deps.tickets.open({
    kind: 'equipment',
    subject: `${device}: ${summary(request)}`,
    description: request,
    intent: 'equipment',
    ...(asset ? { assetTag: asset.tag } : {}),
    ...(branchId ? { branchId } : {}),
    requester: { channel: turn.inquiry.channel, address: turn.inquiry.address, threadKey: turn.inquiry.threadKey },
    conversationId: turn.conversationId,
  });
  const name = asset ? `${asset.tag} (${asset.location})` : unknownTag ?? say(language, 'the device', 'el equipo');
  const reported = ticket.existing
    ? say(language, `Thanks — staff already know about ${name}; I've added your report to ticket ${ticket.number}.`, `Gracias: el personal ya sabe lo de ${name}; he añadido su aviso al ticket ${ticket.number}.`)
    : say(language, `Thanks — I've reported the problem with ${name} to staff. Your ticket number is ${ticket.number}.`, `Gracias: he avisado al personal del problema con ${name}. Su número de ticket es ${ticket.number}.`);
  const when = whenStaffFixDevice(deps.calendar, turn.now, language, { ticket, reachable: canReachPatron(turn.inquiry) });
  const text = when ? `${reported} ${when}` : reported;
  return {
    intent: 'equipment',
    outcome: 'ticket',
    reply: { text, language, cards: [{ title: ticket.number, lines: [ticket.subject] }] },
    ticket,
    state: { ...turn.state, lastIntent: 'equipment', pending: undefined, lastAsset: asset?.tag },
  };
}

/**
 * A message may name two kinds, the first not the broken one: an e-mail headed "Wi-Fi in the local history
 * room" about "the flatbed scanner up there". When the first kind fits no single device, another kind
 * named whose device the message's place words pick out (not merely the only one at the branch) is it.
 */
function deviceOfAnotherKind(turn: Turn, mention: AssetMention, assets: Asset[]): Asset | undefined {
  for (const kind of kindsNamed(turn.text).filter((named) => named !== mention.kind)) {
    const placed = resolveAsset({ kind, floor: mention.floor }, assets, turn.text, turn.branch?.id).asset;
    const alone = resolveAsset({ kind }, assets, '', turn.branch?.id).asset;
    if (placed && !alone) return placed;
  }
  return undefined;
}

/**
 * "pc 6 is missing keys — no wait it's 9": the tag or number after a self-correction replaces the one
 * before it; the kind said first still holds when the correction names none, and a kind alone
 * replaces the device said first.
 */
function correctedMention(said: AssetMention, text: string, assets: Asset[]): AssetMention {
  const correction = correctedPart(text);
  if (correction === undefined) return said;
  const again = parseAssetMention(correction, tagPrefixes(assets), { loneNumber: true });
  // "printer 2 — sorry, I meant the copier": another kind, and the number went with the first one.
  if (again.tag === undefined && again.number === undefined) return again.kind && again.kind !== said.kind ? { kind: again.kind } : said;
  const kind = again.kind ?? said.kind;
  return { ...(said.floor !== undefined ? { floor: said.floor } : {}), ...again, ...(kind ? { kind } : {}) };
}

/** The device kind an article is about, for "it" in a report right after its answer. */
const ARTICLE_DEVICE_KINDS: Record<string, AssetKind> = { wifi: 'wifi', printing: 'printer', 'public-computers': 'pc' };

/**
 * Equipment trouble: finds the device from a tag ("PC-07", "pc 7"), a numbered kind ("computer 12") or a
 * description ("the printer on the second floor"), then opens a ticket tied to it. Several candidates →
 * asks which, with buttons; a tag nobody has → says so and offers to file the report anyway.
 */
export async function equipmentSkill(turn: Turn, deps: SkillDeps): Promise<SkillResult> {
  const { language } = turn;
  const assets = await deps.assets.list();
  const metaTag = typeof turn.inquiry.meta?.['assetTag'] === 'string' ? (turn.inquiry.meta['assetTag'] as string) : undefined;
  // The device just reported, or just located ("where is PC 9?" … "found it, but it's stuck").
  const previous = turn.state.lastIntent === 'equipment' || turn.state.lastIntent === 'location' ? assets.find((asset) => asset.tag === turn.state.lastAsset) : undefined;
  const said = correctedMention(parseAssetMention(metaTag ? `${metaTag} ${turn.text}` : turn.text, tagPrefixes(assets), { loneNumber: previous !== undefined }), turn.text, assets);
  // "it's not connecting at eastside" right after the Wi-Fi article: "it" is what the article was about.
  const topicKind = turn.state.lastIntent === 'faq' && turn.state.lastArticle ? ARTICLE_DEVICE_KINDS[turn.state.lastArticle] : undefined;
  const mention: AssetMention = !said.kind && !said.tag && topicKind ? { ...said, kind: topicKind } : said;
  // Right after a report of one device, words that name none are about it ("now it says no bootable
  // device"), and a number is another of its kind at its branch ("the one next to it, number 7").
  const last = previous && !mention.tag && !mention.kind ? previous : undefined;
  if (last && mention.number === undefined) return fileEquipmentTicket(turn, deps, turn.safeText, last);
  // "and the copier beside it won't feed" right after a report: another kind, at that device's branch,
  // standing where it stands when several would fit.
  const branchId = turn.branch?.id ?? previous?.branchId;
  const resolution = last ? resolveAsset({ ...mention, kind: last.kind }, assets, turn.text, last.branchId) : resolveAsset(mention, assets, turn.text, branchId);
  const besideLast = previous && !resolution.asset && resolution.candidates.filter((asset) => asset.location === previous.location);
  if (besideLast && besideLast.length === 1) return fileEquipmentTicket(turn, deps, turn.safeText, besideLast[0]!);

  if (resolution.asset) return fileEquipmentTicket(turn, deps, turn.safeText, resolution.asset);
  const placedOther = last || mention.tag ? undefined : deviceOfAnotherKind(turn, mention, assets);
  if (placedOther) return fileEquipmentTicket(turn, deps, turn.safeText, placedOther);

  if (resolution.unknownTag) {
    return {
      intent: 'equipment',
      outcome: 'clarified',
      reply: {
        text: say(language, `I can't find a device tagged ${resolution.unknownTag}. Shall I file the report anyway?`, `No encuentro ningún equipo con la etiqueta ${resolution.unknownTag}. ¿Envío el aviso de todos modos?`),
        quickReplies: [...YES_NO[language]],
        language,
      },
      state: { ...turn.state, lastIntent: 'equipment', pending: { kind: 'unknown-asset', request: turn.safeText, tag: resolution.unknownTag } },
    };
  }

  // Nothing named, or several fit: offer the likeliest devices (of the named kind, else all) as buttons.
  const choices = (resolution.candidates.length > 0 ? resolution.candidates : assets).slice(0, MAX_CHOICES);
  const notSure = say(language, 'Not sure', 'No lo sé');
  return {
    intent: 'equipment',
    outcome: 'clarified',
    reply: {
      text: say(language, 'Sorry about that! Which device is it? The tag is on a sticker on the front (like PC-07).', '¡Lo sentimos! ¿Qué equipo es? La etiqueta está en una pegatina en el frente (por ejemplo PC-07).'),
      quickReplies: [...choices.map(assetChoice), notSure],
      language,
    },
    state: { ...turn.state, lastIntent: 'equipment', pending: { kind: 'which-asset', request: turn.safeText, candidates: choices.map((asset) => asset.tag) } },
  };
}

/**
 * "never mind, it's working again", "ya funciona": the device just reported works now. Not said of it:
 * "stopped working again", "still not working", "ya no funciona".
 */
// "it work now" (as many write it), "someone fixed it", "ya la arreglaron": the device is fine again.
const WORKS_AGAIN = /\b(?:working|works|work|running|fine|ok|okay|good|back (?:up|on|online)|up and running)\s+(?:again|now)\b|\bfixed itself\b|\b(?:it|the (?:wifi|wi fi|internet|signal|connection)) (?:came|come|s|is) back(?: on| up)?\b(?! (?:with|to|and (?:it|then)))|\b(?:they|someone|somebody|staff|you|u|you guys|y all|yall|the (?:lady|guy|librarian|man|woman)) (?:just )?(?:fixed|sorted|repaired) it\b|\bya (?:la|lo|los|las) (?:arreglaron|arreglo|arreglaste|compusieron|repararon)\b|\bya (?:se )?(?:arreglo|quedo)\b|\b(?:started|starting) (?:to )?work(?:ing)?\b|\bvolvio a (?:funcionar|servir|andar)\b|\bya (?:funciona|sirve|anda|jala|agarro|agarra|conecto|conecta|prendio|prende|imprime|imprimio)\b/;
const STILL_BROKEN = /\b(?:not|isn t|isnt|is not|stopped|no longer|still|never|doesn t|doesnt|does not|won t|wont|no|broke|broken|again\?)\s+(?:\w+\s+)?(?:working|works|work|running|fine|funciona|sirve|anda)\b|\bbroke(?:n)? again\b/;

export function saysDeviceWorksAgain(folded: string): boolean {
  const words = folded.replace(/[’']/g, ' ');
  return WORKS_AGAIN.test(words) && !STILL_BROKEN.test(words);
}

/**
 * The patron says the device they just reported works again: no second report. The message itself goes
 * on the open ticket (every message of a conversation with an open ticket does), so staff can close it.
 */
export function deviceWorksAgain(turn: Turn, tag: string): SkillResult {
  const { language } = turn;
  return {
    // Said on the way out ("oh it works now, thanks"): the conversation closes, no question of equipment is asked.
    intent: 'smalltalk',
    outcome: 'answered',
    reply: {
      text: say(language, `Glad ${tag} is working again — I've passed that on to staff so they can check it and close the report.`, `Me alegra que ${tag} vuelva a funcionar: se lo he pasado al personal para que lo revise y cierre el aviso.`),
      language,
    },
    // The device stays the one talked about: "ugh, it stopped again" is about it.
    state: { ...turn.state, lastIntent: 'equipment', pending: undefined, lastAsset: tag },
  };
}
