import path from 'node:path';
import type { Command } from 'commander';
import type { KbFinding } from '../../knowledge/kb-check.js';

function print(findings: KbFinding[]): void {
  for (const finding of findings) {
    console.log(`${finding.severity.padEnd(7)} ${finding.file}: ${finding.message} [${finding.code}]`);
  }
}

/** `libdesk kb check [dir]`: lints the knowledge folder; exits 1 when it finds an error. */
export function registerKbCheck(program: Command): void {
  const kb = program.command('kb').description('work with the knowledge base');
  kb.command('check')
    .description('check articles and library.yaml for missing fields, duplicates, overlong SMS answers and broken links')
    .argument('[dir]', 'knowledge folder (default KNOWLEDGE_DIR)')
    .action(async (dir: string | undefined) => {
      const [{ checkKnowledge, checkLibraryFile }, { loadConfig }] = await Promise.all([import('../../knowledge/kb-check.js'), import('../config.js')]);
      const root = dir ?? loadConfig().KNOWLEDGE_DIR;
      const findings = [
        ...(await checkKnowledge(path.join(root, 'articles'))),
        ...(await checkLibraryFile(path.join(root, 'library.yaml'))),
      ];
      print(findings);
      const errors = findings.filter((finding) => finding.severity === 'error').length;
      const warnings = findings.length - errors;
      console.log(`${errors} error(s), ${warnings} warning(s) in ${root}`);
      if (errors > 0) process.exitCode = 1;
    });
}
