import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMappedBatches, type ParsedBatch } from './parse-batches.js';
import { parseInWorker } from './parse-in-worker.js';

const DATA = path.resolve(import.meta.dirname, '../../test/fixtures/marc');
const files = readdirSync(DATA).filter((f) => /\.(dat|mrc|xml)$/.test(f)).sort().map((f) => path.join(DATA, f));

async function collect(batches: AsyncIterable<ParsedBatch>): Promise<ParsedBatch[]> {
  const out: ParsedBatch[] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

// Each test starts a worker thread that loads TypeScript through tsx: seconds, more on a busy machine.
describe('parsing MARC on a worker thread', { timeout: 60_000 }, () => {
  it('gives the same batches as parsing on the calling thread', async () => {
    for (const file of files) {
      const options = { batchSize: 7, branchAliases: { main: ['MAIN'], eastside: ['EAST', 'ESB'] } };
      const here = await collect(parseMappedBatches(file, options));
      const there = await collect(parseInWorker(file, options));
      expect(there).toEqual(here);
      expect(here.reduce((n, b) => n + b.bibs.length + b.skipped.length, 0)).toBe(here[here.length - 1]!.read);
    }
  });

  it('passes decoding options across and reports a missing file as an error', async () => {
    const russian = await collect(parseInWorker(path.join(DATA, '1251.dat'), { batchSize: 100, encoding: 'windows-1251' }));
    expect(russian[0]!.skipped).toEqual([]);
    expect(russian[0]!.bibs[0]!.title).toMatch(/^Основы гидравлического расчета/);
    await expect(collect(parseInWorker(path.join(DATA, 'no-such-file.mrc'), { batchSize: 10 }))).rejects.toThrow(/no-such-file/);
  });
});
