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
