import { generateDemoCatalog } from '../catalog/demo-catalog.js';
import { createSearchIndex } from '../catalog/search/search-index.js';
import { toIndexDoc } from '../catalog/search/index-doc.js';
const index = createSearchIndex();
for (const bib of generateDemoCatalog({ count: 300000, now: new Date('2026-11-29T15:00:00Z') })) index.add(toIndexDoc(bib));
const { Session } = await import('node:inspector/promises');
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
const s = performance.now();
for (let i = 0; i < 100; i += 1) index.search({ text: 'the' });
console.log((performance.now() - s) / 100);
const { profile } = await session.post('Profiler.stop');
const self = new Map<string, number>();
const nodes = profile.nodes; const dt = profile.timeDeltas!; const samples = profile.samples!;
const byId = new Map(nodes.map((n) => [n.id, n]));
for (let i = 0; i < samples.length; i += 1) { const n = byId.get(samples[i]!)!; const k = `${n.callFrame.functionName}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + dt[i]!); }
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12));
