// Self time of a V8 CPU profile (`npm run bench:http -- --profile DIR`), grouped by file and by function:
//   npx tsx bench/support/profile-summary.ts DIR/CPU.….cpuprofile [rows]
// Samples before the first request reached the inquiry service (start-up, module loading) are left out,
// so the shares are those of serving messages.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [rows]');
const rows = Number(process.argv[3] ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const root = `file://${path.resolve(import.meta.dirname, '../..')}/`;
/** A project file by its path, a dependency by its package, Node's own and the VM's by name. */
function groupOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(${functionName || 'native'})`;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return dependency ? `dependency ${dependency[1]}` : url.replace(root, '');
}

function servesMessages(id: number): boolean {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at)!.callFrame.url.includes('inquiry-service')) return true;
  return false;
}
let start = profile.samples.findIndex(servesMessages);
if (start < 0) start = 0;

const byGroup = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
for (let i = start + 1; i < profile.samples.length; i++) {
  const { functionName, url, lineNumber } = byId.get(profile.samples[i]!)!.callFrame;
  if (functionName === '(idle)') continue;
  const micros = profile.timeDeltas[i] ?? 0;
  total += micros;
  const group = groupOf(url, functionName);
  byGroup.set(group, (byGroup.get(group) ?? 0) + micros);
  const name = `${functionName || '(anonymous)'}  ${group}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
}

function print(title: string, table: Map<string, number>): void {
  console.log(`\n${title}`);
  for (const [name, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
  }
}
console.log(`${(total / 1000).toFixed(0)} ms busy after the first message`);
print('self time by file or dependency', byGroup);
print('self time by function', byFunction);
