// Generates the Prisma clients (SQLite and PostgreSQL) without a native schema engine.
// `prisma generate` never runs the engine but refuses to start without a path to one, so we
// point it at a script that only says there is none.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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
