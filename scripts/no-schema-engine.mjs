#!/usr/bin/env node
// Stand-in so `prisma generate` starts offline; it never calls the engine.
console.error('no schema engine here');
process.exit(1);
