/** A MARC record after decoding: text is Unicode (NFC) whatever the source character set was. */
export interface MarcSubfield {
  code: string;
  value: string;
}

export interface MarcControlField {
  tag: string;
  value: string;
}

export interface MarcDataField {
  tag: string;
  ind1: string;
  ind2: string;
  subfields: MarcSubfield[];
}

export type MarcField = MarcControlField | MarcDataField;

export interface MarcRecord {
  leader: string;
  fields: MarcField[];
  /** What the reader had to repair to read the record (bytes it could not decode, control characters it removed). */
  warnings?: string[];
}

/**
 * Control characters have no place in catalog text: a stray ESC or a C1 byte from a badly converted file
 * would otherwise reach a terminal or a patron's screen.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function stripControlCharacters(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(CONTROL_CHARACTERS, () => {
    removed += 1;
    return '';
  });
  return { text: cleaned, removed };
}

export function isControlField(field: MarcField): field is MarcControlField {
  return 'value' in field;
}

export function controlField(record: MarcRecord, tag: string): string | undefined {
  for (const field of record.fields) if (field.tag === tag && isControlField(field)) return field.value;
  return undefined;
}

export function dataFields(record: MarcRecord, tags: string | RegExp): MarcDataField[] {
  const out: MarcDataField[] = [];
  for (const field of record.fields) {
    if (isControlField(field)) continue;
    if (typeof tags === 'string' ? field.tag === tags : tags.test(field.tag)) out.push(field);
  }
  return out;
}

export function subfield(field: MarcDataField | undefined, code: string): string | undefined {
  if (!field) return undefined;
  for (const sub of field.subfields) if (sub.code === code) return sub.value;
  return undefined;
}

export function subfields(field: MarcDataField, codes: string): string[] {
  return field.subfields.filter((sub) => codes.includes(sub.code)).map((sub) => sub.value);
}

/** Why one record of a file could not be read; the import skips it and goes on. */
export class MarcRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarcRecordError';
  }
}
