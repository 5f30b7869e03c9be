import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseIso2709, type MarcEncoding } from './iso2709.js';
import { createMarcXmlReader, type MarcReadResult } from './marcxml.js';
import { MarcRecordError } from './record.js';

export type { MarcReadResult } from './marcxml.js';
export type MarcFileFormat = 'iso2709' | 'marcxml';

export interface ReadMarcOptions {
  encoding?: MarcEncoding;
  /** Called with bytes read so far, for progress bars. */
  onBytes?: (bytesRead: number) => void;
}

/** MARCXML starts with `<` (after a byte-order mark or white space); anything else is read as ISO 2709. */
export function detectMarcFormat(head: Uint8Array): MarcFileFormat {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i += 1;
  return head[i] === 0x3c ? 'marcxml' : 'iso2709';
}

export async function detectMarcFileFormat(path: string): Promise<MarcFileFormat> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return detectMarcFormat(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function parseOne(bytes: Uint8Array, index: number, encoding: MarcEncoding): MarcReadResult {
  try {
    return { index, record: parseIso2709(bytes, encoding) };
  } catch (error) {
    if (error instanceof MarcRecordError) return { index, error: error.message };
    return { index, error: `unreadable record: ${(error as Error).message}` };
  }
}

/** Reads ISO 2709 records from a byte stream, one record at a time, without holding the whole file. */
export async function* readIso2709Stream(chunks: AsyncIterable<Uint8Array>, encoding: MarcEncoding = 'auto'): AsyncGenerator<MarcReadResult> {
  let carry: Uint8Array = new Uint8Array(0);
  let index = 0;
  for await (const chunk of chunks) {
    const data = carry.length > 0 ? concat(carry, chunk) : chunk;
    let start = 0;
    for (;;) {
      const end = data.indexOf(0x1d, start);
      if (end === -1) break;
      const bytes = trimStart(data.subarray(start, end));
      start = end + 1;
      if (bytes.length === 0) continue;
      index += 1;
      yield parseOne(bytes, index, encoding);
    }
    carry = data.slice(start);
  }
  const rest = trimStart(carry);
  if (rest.length > 0) {
    index += 1;
    yield { index, error: `file ends inside a record (${rest.length} bytes without a record terminator)` };
  }
}

export async function* readMarcXmlStream(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<MarcReadResult> {
  const reader = createMarcXmlReader();
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield* reader.write(decoder.decode(chunk, { stream: true }));
  yield* reader.write(decoder.decode());
  yield* reader.end();
}

/** Reads every record of a MARC file (ISO 2709 `.mrc`/`.dat` or MARCXML), good or bad, in order. */
export async function* readMarcFile(path: string, options: ReadMarcOptions = {}): AsyncGenerator<MarcReadResult & { format: MarcFileFormat }> {
  const format = await detectMarcFileFormat(path);
  let bytesRead = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      options.onBytes?.(bytesRead);
      yield chunk;
    }
  }
  const results = format === 'marcxml' ? readMarcXmlStream(counted()) : readIso2709Stream(counted(), options.encoding ?? 'auto');
  for await (const result of results) yield { ...result, format };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function trimStart(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x20 || bytes[i] === 0x1a)) i += 1;
  return bytes.subarray(i);
}
