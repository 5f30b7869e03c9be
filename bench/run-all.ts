/**
 * `npm run bench`: every quick benchmark, one after another, each printing its ratio against a baseline
 * measured in the same run. The catalog benchmark generates a million records and has its own script
 * (`npm run bench:catalog`).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['knowledge.bench.ts', 'router.bench.ts', 'sip2.bench.ts'];
let failed = 0;
for (const bench of BENCHES) {
  console.log(`\n=== ${bench}`);
  const file = fileURLToPath(new URL(bench, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exitCode = failed ? 1 : 0;
