import { describe, expect, it } from 'vitest';
import { FAKE_ASSETS } from '../../test/fakes/fake-assets.js';
import { tagPrefixes } from '../skills/equipment.js';
import { parseAssetMention, resolveAsset } from './asset-mention.js';

const prefixes = tagPrefixes(FAKE_ASSETS);
const resolve = (text: string) => resolveAsset(parseAssetMention(text, prefixes), FAKE_ASSETS, text);

describe('asset mentions', () => {
  it('reads tags however they are typed', () => {
    expect(parseAssetMention('PC-07 wont turn on', prefixes).tag).toBe('PC-07');
    expect(parseAssetMention('pc 7 is frozen', prefixes).tag).toBe('PC-07');
    // A device said as what it does.
    expect(parseAssetMention('the machine for copies ate my quarters', prefixes).kind).toBe('copier');
    expect(parseAssetMention('the PRN02 jammed', prefixes).tag).toBe('PRN-02');
  });

  it('reads a tag whose prefix is a verb only when the number is joined to it', () => {
    const copyPrefixes = [...prefixes, 'COPY', 'SCAN'];
    expect(parseAssetMention('COPY-02 is jammed', copyPrefixes).tag).toBe('COPY-02');
    expect(parseAssetMention('copy02 says paper jam', copyPrefixes).tag).toBe('COPY-02');
    expect(parseAssetMention('the copier jammed and i have to copy 30 flyers', copyPrefixes).tag).toBeUndefined();
    expect(parseAssetMention('i want to scan 12 receipts but the scanner is off', copyPrefixes).tag).toBeUndefined();
  });

  it('reads a device that works only for a while as the one in trouble', () => {
    expect(parseAssetMention('the wifi works for like 2 minutes and then drops me', prefixes).kind).toBe('wifi');
    expect(parseAssetMention('the printer works fine but pc 3 is frozen', prefixes).tag).toBe('PC-03');
  });

  it('reads other words for a copier and a scanner, Spanish ones too', () => {
    expect(parseAssetMention('el copiador hace un ruido raro', prefixes).kind).toBe('copier');
    expect(parseAssetMention('the photocopy machine upstairs prints blank pages', prefixes).kind).toBe('copier');
    expect(parseAssetMention('la fotocopiadora no saca copias', prefixes).kind).toBe('copier');
    expect(parseAssetMention('los escáneres no guardan nada', prefixes).kind).toBe('scanner');
  });

  it('reads a Spanish "la 12" as a device by number, and a time of day as none', () => {
    expect(parseAssetMention('oigan, la 12 no prende', prefixes).number).toBe(12);
    expect(parseAssetMention('la impresora se trabó a las 3 de la tarde', prefixes).number).toBeUndefined();
    expect(parseAssetMention('the printer jammed around 3 pm', prefixes).number).toBeUndefined();
  });

  it('resolves "computer 12" by kind and number', () => {
    expect(resolve('computer 12 is frozen').asset?.tag).toBe('PC-12');
    expect(resolve('the computer at eastside, number twelve, is frozen').asset?.tag).toBe('PC-12');
  });

  it('resolves "the printer on the second floor" by kind and floor', () => {
    expect(resolve('the printer on the second floor is jammed').asset?.tag).toBe('PRN-02');
  });

  it('resolves a number spelled out after the kind', () => {
    expect(resolve('computer seven keeps logging me out').asset?.tag).toBe('PC-07');
    expect(resolve('la computadora doce no prende').asset?.tag).toBe('PC-12');
    expect(resolveAsset(parseAssetMention('pc twenty-five keeps freezing', prefixes), [...FAKE_ASSETS, { ...FAKE_ASSETS[0]!, tag: 'PC-25', name: 'Public PC 25' }], 'pc twenty-five keeps freezing').asset?.tag).toBe('PC-25');
  });

  it('picks a device out by a word of its own name, in either spelling', () => {
    expect(resolve('the colour printer smears everything').asset?.tag).toBe('PRN-02');
    expect(resolve('black and white printer is out of toner').asset?.tag).toBe('PRN-01');
    expect(resolve('la impresora en blanco y negro no saca nada').asset?.tag).toBe('PRN-01');
  });

  it('reads "compu 12" and "station 7" as computers, and a place called a station as no computer', () => {
    expect(resolve('la compu 12 no prende').asset?.tag).toBe('PC-12');
    expect(resolve('station 7 is stuck on the login screen').asset?.tag).toBe('PC-07');
    expect(resolve('comp 12 has no internet').asset?.tag).toBe('PC-12');
    expect(parseAssetMention('the printer at the print station is jammed', prefixes).kind).toBe('printer');
  });

  it('picks a device out by a word of its own location', () => {
    const assets = [...FAKE_ASSETS, { tag: 'SCN-02', kind: 'scanner' as const, name: 'Flatbed scanner', branchId: 'main', location: 'Local history room, 3rd floor', floor: 3 }];
    const text = 'the scanner in the local history room is not turning on';
    expect(resolveAsset(parseAssetMention(text, prefixes), assets, text).asset?.tag).toBe('SCN-02');
    // Said in Spanish: the words of an English location still pick the device.
    const copyCenter = [...FAKE_ASSETS, { tag: 'SCN-01', kind: 'scanner' as const, name: 'Scanner', branchId: 'main', location: 'Print & copy center', floor: 1 }, { tag: 'SCN-02', kind: 'scanner' as const, name: 'Scanner', branchId: 'main', location: 'Local history room', floor: 3 }];
    const spanish = 'se trabó el escáner de la sala de historia, no guarda nada';
    expect(resolveAsset(parseAssetMention(spanish, prefixes), copyCenter, spanish).asset?.tag).toBe('SCN-02');
    const copies = 'el escáner al lado de las copias no enciende';
    expect(resolveAsset(parseAssetMention(copies, prefixes), copyCenter, copies).asset?.tag).toBe('SCN-01');
    // The floor said outright beats a word the message shares with another device's location.
    const printers = [
      { tag: 'PRN-01', kind: 'printer' as const, name: 'Laser printer', branchId: 'main', location: 'Reading room, 2nd floor', floor: 2 },
      { tag: 'PRN-02', kind: 'printer' as const, name: 'Colour printer', branchId: 'main', location: 'Print & copy center, 1st floor', floor: 1 },
    ];
    const upstairs = 'the 2nd floor printer is holding my print job';
    expect(resolveAsset(parseAssetMention(upstairs, prefixes), printers, upstairs).asset?.tag).toBe('PRN-01');
  });

  it('reads "downstairs" as a branch with stairs when no branch is named', () => {
    // Main has two floors, Eastside one: both have a printer on the ground floor.
    expect(resolve('the printer downstairs is jammed')).toMatchObject({ asset: { tag: 'PRN-01' } });
    expect(resolveAsset(parseAssetMention('the printer is jammed', prefixes), FAKE_ASSETS, 'the printer is jammed').asset).toBeUndefined();
  });

  it('reports the printer a job was sent to, found by the computer it was sent from', () => {
    expect(parseAssetMention('the printer ate my job from pc 12', prefixes)).toMatchObject({ kind: 'printer', sentFrom: 12 });
    expect(parseAssetMention('the printer ate my job from pc 12', prefixes).tag).toBeUndefined();
    // PC-12 stands at Eastside, which has one printer; PC-02 is on Main's 2nd floor, with the colour printer.
    expect(resolve('the printer ate my job from pc 12')).toMatchObject({ asset: { tag: 'PRN-03' } });
    expect(resolve('sent it from computer 2 and the printer never printed it')).toMatchObject({ asset: { tag: 'PRN-02' } });
    // A computer that is itself the trouble stays the device.
    expect(resolve('pc 12 will not print anything')).toMatchObject({ asset: { tag: 'PC-12' } });
  });

  it('reads the only number of a short message as a device number only when asked to (right after a device report)', () => {
    expect(parseAssetMention('and 4 is stuck too', prefixes, { loneNumber: true }).number).toBe(4);
    // Said in a longer sentence, a move to another device still names it by number.
    expect(parseAssetMention('ok so i switched over to 11 and that one keeps freezing on me as well', prefixes, { loneNumber: true }).number).toBe(11);
    expect(parseAssetMention('me cambié a la 3 y tampoco funciona, qué hago ahora con mi tarea', prefixes, { loneNumber: true }).number).toBe(3);
    expect(parseAssetMention('i moved to 2 minutes ago and it still is not working at all here', prefixes, { loneNumber: true }).number).toBeUndefined();
    // The kind named first is the device; a number said apart from its kind word still counts.
    expect(parseAssetMention('the copier next to the computers jams', prefixes).kind).toBe('copier');
    expect(parseAssetMention('the pc by the window, number 4, froze', prefixes)).toMatchObject({ kind: 'pc', number: 4 });
    expect(parseAssetMention('the computer in the teen room (7 i think) is slow', prefixes)).toMatchObject({ kind: 'pc', number: 7 });
    // A place only one device stands in names it without its kind.
    const placed = 'the one in the teen room';
    expect(resolveAsset(parseAssetMention(placed, prefixes), FAKE_ASSETS, placed).asset?.tag).toBe('PC-07');
    expect(parseAssetMention('and 4 is stuck too', prefixes).number).toBeUndefined();
    // An amount or a length is no device number.
    expect(parseAssetMention('and it ate $3 of my copy money', prefixes, { loneNumber: true }).number).toBeUndefined();
    expect(parseAssetMention('still nothing after 20 min', prefixes, { loneNumber: true }).number).toBeUndefined();
    // An error code on the screen is no device number.
    expect(parseAssetMention('the scanner keeps showing error 17', prefixes).number).toBeUndefined();
    expect(parseAssetMention('copier keeps saying error E-14', prefixes).number).toBeUndefined();
    expect(parseAssetMention('the printer shows code P-2 again', prefixes).number).toBeUndefined();
    expect(parseAssetMention('it has been frozen for 20 minutes and i have a job interview at 3', prefixes, { loneNumber: true }).number).toBeUndefined();
  });

  it('reads a bare "number 7" without a kind, and a phone number as none', () => {
    expect(parseAssetMention('now the one next to it, number 7', prefixes)).toMatchObject({ number: 7 });
    expect(parseAssetMention('call me back at number 555-0142', prefixes).number).toBeUndefined();
  });

  it('resolves a kind at a branch with one device of that kind', () => {
    const text = 'wifi keeps dropping at this branch';
    expect(resolveAsset(parseAssetMention(text, prefixes), FAKE_ASSETS, text, 'eastside').asset?.tag).toBe('WIFI-02');
  });

  it('reports a tag no device has', () => {
    expect(resolve('PC-99 is broken')).toEqual({ candidates: [], unknownTag: 'PC-99' });
  });

  it('offers the candidates when several fit', () => {
    const result = resolve('the computer i was on froze');
    expect(result.asset).toBeUndefined();
    expect(result.candidates.map((asset) => asset.kind)).toEqual(['pc', 'pc', 'pc', 'pc', 'pc']);
  });

  it('ranks a described place first', () => {
    const result = resolve('the computer near the front entrance keeps going black');
    expect(result.candidates[0]?.tag).toBe('PC-03');
  });
});

describe('ranking with a reused index', () => {
  const text = 'the printer by the front desk is jammed';
  const mention = () => parseAssetMention(text, prefixes);

  it('ranks the same when asked again with fresh copies of the same devices', () => {
    const first = resolveAsset(mention(), FAKE_ASSETS, text).candidates.map((asset) => asset.tag);
    const copies = FAKE_ASSETS.map((asset) => ({ ...asset }));
    const again = resolveAsset(mention(), copies, text).candidates;
    expect(again.map((asset) => asset.tag)).toEqual(first);
    expect(first[0]).toBe('PRN-03');
    // The devices handed back are the caller's, not the ones an earlier call indexed.
    for (const asset of again) expect(copies).toContain(asset);
  });

  it('ranks by the current description after a device is moved', () => {
    expect(resolveAsset(mention(), FAKE_ASSETS, text).candidates[0]?.tag).toBe('PRN-03');
    const moved = FAKE_ASSETS.map((asset) =>
      asset.tag === 'PRN-03' ? { ...asset, location: 'Back office' } : asset.tag === 'PRN-01' ? { ...asset, location: 'Front desk, 1st floor' } : asset,
    );
    expect(resolveAsset(mention(), moved, text).candidates[0]?.tag).toBe('PRN-01');
  });

  it('ranks each list of candidates on its own', () => {
    const pcs = 'the computer near the front entrance keeps going black';
    expect(resolve(pcs).candidates[0]?.tag).toBe('PC-03');
    const eastOnly = resolveAsset(parseAssetMention(pcs, prefixes), FAKE_ASSETS, pcs, 'eastside');
    expect(eastOnly).toMatchObject({ asset: { tag: 'PC-12' } });
    expect(resolve(pcs).candidates[0]?.tag).toBe('PC-03');
  });
});

describe('numbers and names that do not pick the device', () => {
  it('reads no device number from a count, a tray or a page count', () => {
    expect(resolveAsset(parseAssetMention('la impresora no imprime, lo mandé 3 veces', prefixes), FAKE_ASSETS, 'la impresora no imprime, lo mandé 3 veces', 'eastside').asset?.tag).toBe('PRN-03');
    expect(parseAssetMention('the printer says jam in tray 2', prefixes).number).toBeUndefined();
    const pages = 'the eastside printer ate my 12-page resume';
    expect(resolveAsset(parseAssetMention(pages, prefixes), FAKE_ASSETS, pages, 'eastside').asset?.tag).toBe('PRN-03');
  });

  it('drops a number said apart from the kind word when no such device exists', () => {
    const text = 'the printer at the front desk, I think it was 40 something';
    const resolved = resolveAsset(parseAssetMention(text, prefixes), FAKE_ASSETS, text, 'eastside');
    expect(resolved.unknownTag).toBeUndefined();
    expect(resolved.asset?.tag).toBe('PRN-03');
  });

  it('takes the name word said with the kind word over another device name mentioned later', () => {
    expect(resolve('the color printer gave me black and white pages').asset?.tag).toBe('PRN-02');
    expect(resolve('la impresora a color sale en black and white').asset?.tag).toBe('PRN-02');
    expect(resolve('la impresora de colores otra vez no imprime nada').asset?.tag).toBe('PRN-02');
  });

  it('reads no device number from "printer 3 times", and b&w as black and white, "on 2" as the floor', () => {
    expect(resolve('i sent it to the color printer 4 times, nothing, and paid $2.25').asset?.tag).toBe('PRN-02');
    expect(resolve('the b&w printer on 1 is jammed').asset?.tag).toBe('PRN-01');
  });

  it('skips a kind said to work for the one that does not', () => {
    expect(resolve('the copier is fine but the scanner beside it just beeps').asset?.tag).toBe('SCN-01');
  });

  it('skips a numbered device said to work again', () => {
    expect(resolve('pc 3 is working again but computer 12 froze').asset?.tag).toBe('PC-12');
    expect(resolve('computer 7 is fine now, pc 1 is stuck on the login screen').asset?.tag).toBe('PC-01');
    expect(resolve('computer 7 froze and then computer 12 did too').asset?.tag).toBe('PC-07');
  });
});
