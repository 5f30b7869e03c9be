import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerImportMarc } from '../../app/cli/import-marc.js';
import { demoMarcRecord, generateDemoCatalog } from '../../catalog/demo-catalog.js';
import { writeIso2709 } from '../../catalog/marc/iso2709.js';
import { readMarcFile } from '../../catalog/marc/read-marc.js';
import { openDatabase } from '../../db/index.js';
import { MARC_DATA, runCatalogStoreContract } from '../contracts/catalog-store.contract.js';

const now = new Date('2026-11-29T15:00:00Z');
let dir = '';

runCatalogStoreContract('SQLite', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'libdesk-catalog-'));
  const db = await openDatabase({ dataDir: dir });
  return {
    prisma: db.prisma,
    provider: db.provider,
    close: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}, (store) => {

  describe('MARC import on SQLite', () => {
    it('converts MARC-8 diacritics while reading', async () => {
      for await (const result of readMarcFile(path.join(MARC_DATA, 'marc8.dat'))) {
        if (!('record' in result)) throw new Error(result.error);
        const uniform = result.record.fields.find((f) => f.tag === '240');
        expect(uniform && 'subfields' in uniform ? uniform.subfields[0]!.value : '').toBe('De la solitude à la communauté.');
      }
    });

    it('skips a bad record with its number and reason and goes on', async () => {
      const [good1, good2] = [...generateDemoCatalog({ count: 40, now, seed: 7 })].slice(30, 32).map((b) => ({ ...b, id: `X:${b.id}`, controlNumber: `bad-test-${b.id}` }));
      const broken = writeIso2709(demoMarcRecord(good1!));
      broken.set(new TextEncoder().encode('99999'), 24 + 12 + 7); // second directory entry starts past the end
      const untitled = demoMarcRecord(good2!);
      untitled.fields = untitled.fields.filter((f) => f.tag !== '245');
      const file = path.join(dir, 'mixed.mrc');
      writeFileSync(file, Buffer.concat([writeIso2709(demoMarcRecord(good2!)), broken, writeIso2709(untitled), Buffer.from('garbage without terminator')]));
      const summary = await store.catalog().importer.importFiles([file]);
      expect(summary.read).toBe(4);
      expect(summary.imported).toBe(1);
      expect(summary.skipped.map((s) => s.index)).toEqual([2, 3, 4]);
      expect(summary.skipped[0]!.reason).toMatch(/^field \d{3} \(bytes \d+-\d+\) runs past the end of the record/);
      expect(summary.skipped[1]!.reason).toBe('record has no title (245 $a)');
      expect(summary.skipped[2]!.reason).toMatch(/^file ends inside a record/);
    });
  });

  describe('libdesk import-marc', () => {
    it('imports files and prints a summary with skipped records and speed', async () => {
      const lines: string[] = [];
      const program = new Command().exitOverride();
      registerImportMarc(program, async () => ({ importer: store.catalog().importer }), { log: (line) => lines.push(line), isTty: false });
      await program.parseAsync(['node', 'libdesk', 'import-marc', path.join(MARC_DATA, 'marc.dat'), path.join(MARC_DATA, '1251.dat')]);
      const output = lines.join('\n');
      expect(output).toMatch(/Read 26 records from 2 file\(s\) in [\d.]+ s \(\d+ records\/s\)/);
      expect(output).toMatch(/updated:\s+\d+/);
      // Without --encoding the windows-1251 records are listed with their numbers and the reason.
      expect(output).toMatch(/skipped:\s+6/);
      expect(output).toMatch(/1251\.dat record 1: cannot decode text/);
    });
  });
});
