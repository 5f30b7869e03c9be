import { readFileSync } from 'node:fs';
const rows = ['tuning','heldout'].flatMap(f=>readFileSync(`test/fixtures/eval/${f}.jsonl`,'utf8').trim().split('\n').map(l=>JSON.parse(l)));
for (const size of ['extrasmall','small','medium','large']) {
  const t0 = performance.now();
  const { eld } = await import(`eld/${size}`);
  const load = performance.now() - t0;
  eld.setLanguageSubset(['en','es']);
  const t1 = performance.now();
  let fp=[], fn=[];
  for (const r of rows) { const d = eld.detect(r.text).language === 'es'; const truth = r.language==='es'; if (d&&!truth) fp.push(r.text); if(!d&&truth) fn.push(r.text); }
  console.log(size, 'load', load.toFixed(0), 'ms; per msg', ((performance.now()-t1)/rows.length).toFixed(3), 'ms; fp', fp.length, 'fn', fn.length);
  console.log('  FP:', fp.join(' | ').slice(0,600)); console.log('  FN:', fn.join(' | '));
}
