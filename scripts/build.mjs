// Compiles Libdesk to JavaScript in dist/ (`npm run build`; `npm install` runs it too) and copies the
// non-TypeScript files that modules read beside themselves (the widget script, MARC-8 tables).
// Where dev dependencies were left out (`npm ci --omit=dev` on an already built tree) it says so and stops.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const require = createRequire(import.meta.url);

// A production install (`npm ci --omit=dev`, or NODE_ENV=production) has no compiler types to build with;
// npm tells its scripts through npm_config_omit.
const productionInstall = (process.env.npm_config_omit ?? '').split(/[\s,]+/).includes('dev');
if (productionInstall) {
  if (existsSync(path.join(dist, 'app', 'cli.js'))) {
    console.log('build: production install (dev dependencies omitted); using the existing dist/');
    process.exit(0);
  }
  console.error('build: production install and dist/ is missing: build with `npm install` (dev dependencies) first, then install for production');
  process.exit(1);
}
const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });

// tsc still writes JavaScript when it finds type errors; the assets are copied either way and the
// build fails with tsc's status afterwards.
let status = 0;
try {
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
} catch (error) {
  status = error.status ?? 1;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'test', 'bench', 'scripts', 'docs', 'knowledge', 'prisma', '.git', '.ci', 'coverage']);
const COPY_EXTENSIONS = new Set(['.json', '.js', '.mjs', '.css', '.wasm', '.svg', '.html']);

function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(root, full);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(rel)) copyAssets(full);
      continue;
    }
    // Only files inside source folders: the root's own files (package.json, configs) stay where they are.
    if (dir === root || !COPY_EXTENSIONS.has(path.extname(entry.name))) continue;
    const target = path.join(dist, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(full, target);
  }
}
copyAssets(root);
process.exitCode = status;
