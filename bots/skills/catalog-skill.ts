import type { Reply } from '../../core/reply.js';
import { redactPatronText } from '../entities/secret.js';
import { correctedPart } from '../text/correction.js';
import { foldText } from '../text/normalize.js';
import { searchAndAnswer, branchName, clip, SMS_LIMIT } from './catalog.js';
import { locateDevice } from './device-location.js';
import { answerLocation } from './location.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

/** "Where is it?" (the widget's quick reply after a catalog answer) and the ways patrons type it. */
const WHERE_IS_IT = /^(?:where\s*(?:is|s)\s+(?:it|that(?: one)?|this(?: one)?|the first one)|where can i find (?:it|that|them)|where do i find (?:it|that|them)|where are they|where is it located|donde esta|donde lo encuentro|donde la encuentro|donde estan)$/;

export function asksWhereItIs(text: string): boolean {
  return WHERE_IS_IT.test(foldText(text).replace(/[’']/g, '').replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim());
}

/** "Do you have …?": the catalog answer, remembering the records shown for "Where is it?" and "put it on hold". */
export async function catalogSkill(turn: Turn, deps: SkillDeps): Promise<SkillResult> {
  const catalog = deps.catalog!;
  const search = (text: string) =>
    searchAndAnswer(
      { catalog, calendar: deps.calendar },
      { query: redactPatronText(text), channel: turn.inquiry.channel, language: turn.language, now: turn.now, ...(turn.branch ? { branchId: turn.branch.id } : {}) },
    );
  // "A Time to Kill — wait no, I've read that one. The Firm please": the book after the correction.
  const correction = correctedPart(turn.text);
  const corrected = correction !== undefined ? await search(correction) : undefined;
  const { reply, records } = corrected && corrected.records.length > 0 ? corrected : await search(turn.text);
  const lastCatalog = records.length > 0 ? { query: turn.safeText, recordIds: records.map((record) => record.id), titles: records.map((record) => record.title) } : undefined;
  return {
    intent: 'catalog',
    outcome: 'answered',
    reply,
    details: { recordIds: records.map((record) => record.id) },
    state: { ...turn.state, lastIntent: 'catalog', pending: undefined, ...(lastCatalog ? { lastCatalog } : {}) },
  };
}

/**
 * "Where is …?" on the shelves. Right after a catalog answer, "Where is it?" means the first record
 * listed: its call number at the branch that has a copy, never a guess from the words "where is it".
 */
export async function locationSkill(turn: Turn, deps: SkillDeps): Promise<SkillResult> {
  const catalog = deps.catalog!;
  const { language } = turn;
  const state = { ...turn.state, lastIntent: 'location' as const, pending: undefined };
  const recordId = turn.state.lastCatalog?.recordIds[0];
  if (recordId && asksWhereItIs(turn.text)) {
    const reply = await locateRecord(turn, deps, recordId);
    return { intent: 'location', outcome: 'answered', reply, details: { recordIds: [recordId] }, state };
  }
  const device = await locateDevice(turn, deps);
  if (device) return { intent: 'location', outcome: 'answered', reply: device.reply, state: device.asset ? { ...state, lastAsset: device.asset.tag } : state };
  const reply = await answerLocation(
    { catalog, calendar: deps.calendar },
    { query: redactPatronText(turn.text), channel: turn.inquiry.channel, language, now: turn.now, ...(turn.branch ? { branchId: turn.branch.id } : {}) },
  );
  return { intent: 'location', outcome: 'answered', reply, state };
}

async function locateRecord(turn: Turn, deps: SkillDeps, recordId: string): Promise<Reply> {
  const catalog = deps.catalog!;
  const { language } = turn;
  const record = await catalog.get(recordId);
  const availability = (await catalog.availability([recordId])).get(recordId);
  const branches = availability?.branches ?? [];
  const preferred = (turn.branch ? branches.find((b) => b.branchId === turn.branch!.id) : undefined) ?? branches.find((b) => b.available > 0) ?? branches[0];
  const callNumber = preferred?.callNumber ?? record?.callNumber;
  const title = record?.title ?? turn.state.lastCatalog?.titles[0] ?? '';
  if (record?.format === 'ebook') {
    const text = say(language, `${title} is an e-book: borrow it from our digital library with your card.`, `${title} es un libro electrónico: préstelo desde nuestra biblioteca digital con su tarjeta.`);
    return { text, language };
  }
  const place = callNumber ? catalog.locate(callNumber, preferred ? { branchId: preferred.branchId } : {}) : undefined;
  const at = place?.places.filter((p) => !preferred || p.branchId === preferred.branchId).map((p) => `${branchName(p.branchId, deps.calendar)}${p.floor !== undefined ? say(language, `, floor ${p.floor}`, `, piso ${p.floor}`) : ''}: ${p.area}`);
  const where = at && at.length > 0 ? at.join('; ') : preferred ? branchName(preferred.branchId, deps.calendar) : '';
  const copies = preferred ? say(language, ` (${preferred.available} of ${preferred.total} in)`, ` (${preferred.available} de ${preferred.total} disponibles)`) : '';
  const text = callNumber
    ? say(language, `${title}: call number ${callNumber}${where ? `, at ${where}` : ''}${copies}.`, `${title}: signatura ${callNumber}${where ? `, en ${where}` : ''}${copies}.`)
    : say(language, `I don't have a shelf location for ${title}; please ask at the information desk.`, `No tengo la ubicación de ${title}; pregunte en el mostrador de información.`);
  return { text, smsText: clip(text, SMS_LIMIT), language };
}
