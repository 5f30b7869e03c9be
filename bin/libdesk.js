#!/usr/bin/env node
// Libdesk's command line. It runs the compiled JavaScript in dist/ (`npm install` builds it).
// LIBDESK_FROM_SOURCE=1 runs the TypeScript sources through tsx instead, for development and the CLI tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Settings from `--env-file FILE` (or `--env-file=FILE`), else from `.env` in the working directory when there is one. */
function loadEnvFile(argv) {
  const args = [...argv];
  let file;
  const at = args.findIndex((arg) => arg === '--env-file' || arg.startsWith('--env-file='));
  if (at !== -1) {
    const [flag] = args.splice(at, 1);
    file = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : args.splice(at, 1)[0];
    if (!file || !existsSync(file)) {
      console.error(`libdesk: --env-file ${file ?? ''}: no such file`);
      process.exit(1);
    }
  } else if (existsSync('.env')) {
    file = '.env';
  }
  // Variables already set in the environment win over the file, as with `node --env-file`.
  if (file) process.loadEnvFile(file);
  return args;
}

const argv = loadEnvFile(process.argv);
let cli;
if (process.env.LIBDESK_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(pathToFileURL(path.join(root, 'app', 'cli.ts')).href);
} else {
  const compiled = path.join(root, 'dist', 'app', 'cli.js');
  if (!existsSync(compiled)) {
    console.error('libdesk: not built yet: run `npm install` (or `npm run build`) first');
    process.exit(1);
  }
  cli = await import(pathToFileURL(compiled).href);
}
await cli.runCli(argv);
