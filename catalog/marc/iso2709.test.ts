import { describe, expect, it } from 'vitest';
import { parseIso2709, splitIso2709, writeIso2709 } from './iso2709.js';
import type { MarcRecord } from './record.js';

const record: MarcRecord = {
  leader: '00000nam a2200000 i 4500',
  fields: [
    { tag: '001', value: 'ocm123' },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Cien años de soledad /' }, { code: 'c', value: 'Gabriel García Márquez.' }] },
  ],
};

describe('ISO 2709', () => {
  it('writes UTF-8 records that read back the same, with byte-correct lengths', () => {
    const bytes = writeIso2709(record);
    expect(Number(new TextDecoder().decode(bytes.subarray(0, 5)))).toBe(bytes.length);
    const back = parseIso2709(bytes);
    expect(back.leader[9]).toBe('a');
    expect(back.fields).toEqual(record.fields);
  });
  it('splits a stream of records and tolerates line breaks between them', () => {
    const one = writeIso2709(record);
    const joined = new Uint8Array([...one, 0x0a, ...one]);
    expect([...splitIso2709(joined)].length).toBe(2);
  });
  it('explains a broken directory instead of guessing', () => {
    const bytes = writeIso2709(record);
    bytes[24 + 3] = 0x39; // field length of the first entry now runs past the end
    bytes[24 + 4] = 0x39;
    expect(() => parseIso2709(bytes)).toThrow(/runs past the end/);
    expect(() => parseIso2709(new Uint8Array(10))).toThrow(/shorter than a leader/);
  });
  it('reads a record in another charset when told to, and refuses to guess otherwise', () => {
    const cp1251 = Uint8Array.from([0xcc, 0xe8, 0xf0]); // "Мир" in windows-1251
    const base = writeIso2709({ leader: '00000nam  2200000 i 4500', fields: [{ tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'XXX' }] }] });
    const at = base.indexOf(0x58); // the "XXX"
    base.set(cp1251, at);
    base[9] = 0x20; // leader/09 blank: MARC-8
    expect(() => parseIso2709(base)).toThrow(/--encoding/);
    const parsed = parseIso2709(base, 'windows-1251');
    expect(parsed.fields[0]).toMatchObject({ subfields: [{ code: 'a', value: 'Мир' }] });
  });
});

describe('ISO 2709 leniency', () => {
  const withBytes = (fields: Array<{ tag: string; value: string }>, patch: (bytes: Uint8Array) => void) => {
    const bytes = writeIso2709({
      leader: '00000nam a2200000 i 4500',
      fields: fields.map((field) => ({ tag: field.tag, ind1: '0', ind2: '0', subfields: [{ code: 'a', value: field.value }] })),
    });
    patch(bytes);
    return bytes;
  };

  it('keeps a record whose unused field has an undecodable byte, and says what it replaced', () => {
    const bytes = withBytes([{ tag: '245', value: 'Good title' }, { tag: '880', value: 'QQQ' }], (b) => {
      b[b.indexOf(0x51)] = 0xff; // not UTF-8, not MARC-8
    });
    const parsed = parseIso2709(bytes);
    expect(parsed.fields.find((field) => field.tag === '245')).toMatchObject({ subfields: [{ code: 'a', value: 'Good title' }] });
    expect(parsed.warnings?.join(' ')).toMatch(/field 880: .*replaced/);
  });

  it('removes control characters such as a stray ESC and reports them', () => {
    const bytes = withBytes([{ tag: '245', value: 'Bad Zbyte' }], (b) => {
      b[b.indexOf(0x5a)] = 0x07; // BEL where the Z was
    });
    const parsed = parseIso2709(bytes, 'utf8');
    expect(parsed.fields[0]).toMatchObject({ subfields: [{ code: 'a', value: 'Bad byte' }] });
    expect(parsed.warnings).toContain('1 control character(s) removed');
  });
});
