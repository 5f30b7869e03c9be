// Generates the Prisma clients (SQLite and PostgreSQL) without a native schema engine.
// `prisma generate` never runs the engine but refuses to start without a path to one, so we
// point it at a script that only says there is none.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A production install (`npm ci --omit=dev`) need not have the Prisma CLI; the clients are compiled into dist/.
const productionInstall = (process.env.npm_config_omit ?? '').split(/[\s,]+/).includes('dev');
if (productionInstall || !existsSync(path.join(root, 'node_modules', 'prisma', 'build', 'index.js'))) {
  console.log('prisma-generate: production install; using the clients compiled into dist/');
  process.exit(0);
}
execFileSync(process.execPath, [path.join(root, 'scripts', 'derive-postgres-schema.mjs')], { stdio: 'inherit' });
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(root, 'scripts', 'no-schema-engine.mjs');
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
for (const config of ['prisma.config.ts', 'prisma.postgres.config.ts']) {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', '--config', config], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
}
