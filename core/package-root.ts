import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Libdesk's package.json, found from any module's URL. Code runs both from source
 * (`app/config.ts`) and compiled (`dist/app/config.js`), so "one folder up" is not enough: the knowledge
 * files, migrations and package.json live at the package root either way.
 */
export function packageRoot(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'prisma'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No Libdesk package root above ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
}
