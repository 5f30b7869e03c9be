#!/usr/bin/env node
// Libdesk's command line. The code is TypeScript run through tsx, so no build step is needed after
// `npm install`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../app/cli.ts');
await runCli(process.argv);
