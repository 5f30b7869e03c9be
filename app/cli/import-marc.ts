import { statSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { CatalogImporter, ImportSummary } from '../../catalog/importer.js';
import { parseItemTagLayout } from '../../catalog/bib/map-record.js';

/** What `libdesk import-marc` needs from the composition root; `close` runs when the import ends. */
export interface ImportMarcDeps {
  importer: CatalogImporter;
  close?: () => Promise<void>;
}

export interface ImportMarcOutput {
  log: (line: string) => void;
  /** Progress bars go to a terminal only; piped output gets the summary alone. */
  isTty: boolean;
}

const defaultOutput: ImportMarcOutput = { log: (line) => process.stdout.write(`${line}\n`), isTty: Boolean(process.stderr.isTTY) };

/**
 * `libdesk import-marc FILE…`: imports ISO 2709 (.mrc, .dat) and MARCXML files, MARC-8 or UTF-8, with
 * a progress bar and a summary. Re-importing a file updates its records (key 003+001, else ISBN).
 */
export function registerImportMarc(program: Command, open: () => Promise<ImportMarcDeps>, output: ImportMarcOutput = defaultOutput): Command {
  return program
    .command('import-marc')
    .description('Import MARC records (ISO 2709 .mrc/.dat or MARCXML; MARC-8 or UTF-8) into the catalog')
    .argument('<files...>', 'MARC files to import')
    .option('--encoding <charset>', 'override leader/09: marc8, utf8 or any charset name (e.g. windows-1251)', 'auto')
    .option('--show-skipped <n>', 'how many skipped records and warnings to list', '20')
    .option(
      '--item-tag <layout>',
      'where your ILS exports copies, e.g. 949:branch=m,barcode=i,call=a,location=l (repeatable; replaces the default 952, 852 and 949 layouts)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (files: string[], options: { encoding: string; showSkipped: string; itemTag?: string[] }) => {
      const itemTags = options.itemTag?.map(parseItemTagLayout);
      const deps = await open();
      const sizes = Object.fromEntries(files.map((f) => [f, statSync(f).size]));
      const totalBytes = Object.values(sizes).reduce((a, b) => a + b, 0);
      const bar = output.isTty
        ? new SingleBar({ format: 'import-marc |{bar}| {percentage}% | {read} records | {file}', hideCursor: true }, Presets.shades_classic)
        : undefined;
      bar?.start(totalBytes, 0, { read: 0, file: '' });
      let doneBytes = 0;
      let currentFile = '';
      let summary: ImportSummary;
      try {
        summary = await deps.importer.importFiles(files, {
          encoding: options.encoding,
          ...(itemTags ? { itemTags } : {}),
          sizes,
          onProgress: (p) => {
            if (p.file !== currentFile) {
              if (currentFile) doneBytes += sizes[files.find((f) => f.endsWith(currentFile)) ?? ''] ?? 0;
              currentFile = p.file;
            }
            bar?.update(Math.min(totalBytes, doneBytes + p.bytesRead), { read: p.read, file: p.file });
          },
        });
        bar?.update(totalBytes);
      } finally {
        bar?.stop();
        await deps.close?.();
      }
      for (const line of formatImportSummary(summary, Number(options.showSkipped) || 20)) output.log(line);
      if (summary.read > 0 && summary.skipped.length === summary.read) process.exitCode = 1;
    });
}

export function formatImportSummary(summary: ImportSummary, showSkipped = 20): string[] {
  const lines = [
    `Read ${summary.read} records from ${summary.files.length} file(s) in ${(summary.durationMs / 1000).toFixed(1)} s (${summary.recordsPerSecond} records/s)`,
    `  imported: ${summary.imported}`,
    `  updated:  ${summary.updated}`,
    `  skipped:  ${summary.skipped.length}`,
  ];
  for (const skip of summary.skipped.slice(0, showSkipped)) lines.push(`    ${skip.file} record ${skip.index}: ${skip.reason}`);
  if (summary.skipped.length > showSkipped) lines.push(`    … and ${summary.skipped.length - showSkipped} more`);
  const repaired = new Set(summary.warnings.map((warning) => `${warning.file}#${warning.index}`)).size;
  lines.push(`  imported with repairs: ${repaired}`);
  for (const warning of summary.warnings.slice(0, showSkipped)) lines.push(`    ${warning.file} record ${warning.index}: ${warning.warning}`);
  if (summary.warnings.length > showSkipped) lines.push(`    … and ${summary.warnings.length - showSkipped} more`);
  // Reasons quote bytes from the file; a broken file must not drive the operator's terminal.
  return lines.map(printable);
}

/** Control characters shown as \xNN rather than sent to the terminal. */
function printable(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
