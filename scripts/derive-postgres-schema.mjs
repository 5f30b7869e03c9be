// Writes prisma/postgres/schema.prisma from the portable prisma/schema.prisma by swapping the provider
// and the client output folder. Run by postinstall and by scripts/check-migrations.sh; never edit the twin.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
const twin = source
  .replace(/provider = "sqlite"/, 'provider = "postgresql"')
  .replace('output   = "../generated/sqlite"', 'output   = "../../generated/postgres"')
  .replace(/^\/\/ The one portable schema.*$/m, '// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.mjs; do not edit.');
if (twin === source || !twin.includes('postgresql') || !twin.includes('generated/postgres')) {
  throw new Error('derive-postgres-schema: the provider or output line in prisma/schema.prisma was not found');
}
mkdirSync(path.join(root, 'prisma/postgres'), { recursive: true });
writeFileSync(path.join(root, 'prisma/postgres/schema.prisma'), twin);
