import sax from 'sax';
import type { MarcDataField, MarcRecord } from './record.js';

/** One record read from a file: either the record or why it was skipped. */
export type MarcReadResult = { index: number; record: MarcRecord } | { index: number; error: string };

/**
 * A streaming MARCXML reader on `sax` (a real XML parser: entities, CDATA, any namespace prefix).
 * Feed it text chunks; it returns the records completed so far. A record with broken XML or without a
 * leader is returned as an error and reading goes on with the next record.
 */
export function createMarcXmlReader(): { write(chunk: string): MarcReadResult[]; end(): MarcReadResult[] } {
  const parser = sax.parser(true, { xmlns: true, position: true });
  let done: MarcReadResult[] = [];
  let index = 0;
  let current: { leader?: string; record: MarcRecord; error?: string } | undefined;
  let field: MarcDataField | undefined;
  let controlTag: string | undefined;
  let subfieldCode: string | undefined;
  let text = '';
  let inLeader = false;

  const finishRecord = (): void => {
    if (!current) return;
    index += 1;
    if (current.error) done.push({ index, error: current.error });
    else if (current.leader === undefined) done.push({ index, error: 'record has no leader' });
    else if (current.leader.length !== 24) done.push({ index, error: `leader is ${current.leader.length} characters, not 24` });
    else {
      current.record.leader = current.leader;
      done.push({ index, record: current.record });
    }
    current = undefined;
  };

  parser.onopentag = (node) => {
    const name = (node as sax.QualifiedTag).local ?? node.name;
    const attr = (key: string): string | undefined => {
      const value = node.attributes[key];
      if (value === undefined) return undefined;
      return typeof value === 'string' ? value : value.value;
    };
    text = '';
    switch (name) {
      case 'record':
        current = { record: { leader: '', fields: [] } };
        break;
      case 'leader':
        inLeader = true;
        break;
      case 'controlfield':
        controlTag = attr('tag') ?? '';
        break;
      case 'datafield':
        field = { tag: attr('tag') ?? '', ind1: (attr('ind1') ?? ' ').padEnd(1, ' '), ind2: (attr('ind2') ?? ' ').padEnd(1, ' '), subfields: [] };
        break;
      case 'subfield':
        subfieldCode = attr('code') ?? '';
        break;
      default:
        break;
    }
  };
  parser.ontext = (chunk) => {
    text += chunk;
  };
  parser.oncdata = (chunk) => {
    text += chunk;
  };
  parser.onclosetag = (tagName) => {
    const name = tagName.includes(':') ? tagName.slice(tagName.indexOf(':') + 1) : tagName;
    if (!current) return;
    switch (name) {
      case 'leader':
        if (inLeader) current.leader = text;
        inLeader = false;
        break;
      case 'controlfield':
        if (controlTag !== undefined) current.record.fields.push({ tag: controlTag, value: text.normalize('NFC') });
        controlTag = undefined;
        break;
      case 'subfield':
        if (field && subfieldCode !== undefined) field.subfields.push({ code: subfieldCode, value: text.normalize('NFC') });
        subfieldCode = undefined;
        break;
      case 'datafield':
        if (field) current.record.fields.push(field);
        field = undefined;
        break;
      case 'record':
        finishRecord();
        break;
      default:
        break;
    }
    text = '';
  };
  parser.onerror = (error) => {
    const reason = `malformed XML: ${error.message.split('\n')[0]} (line ${parser.line + 1})`;
    if (current) current.error ??= reason;
    else done.push({ index: ++index, error: reason });
    // Keep reading: the next record may be fine.
    (parser as unknown as { error: Error | null }).error = null;
    parser.resume();
  };

  const take = (): MarcReadResult[] => {
    const out = done;
    done = [];
    return out;
  };
  return {
    write(chunk) {
      parser.write(chunk);
      return take();
    },
    end() {
      try {
        parser.close();
      } catch {
        // close reports unclosed tags through onerror already
      }
      if (current) {
        current.error ??= 'file ends inside a record';
        finishRecord();
      }
      return take();
    },
  };
}
