import { readFileSync } from 'node:fs';
import { detectLanguage } from './bots/language.js';
for (const f of ['tuning','heldout']) {
const rows = readFileSync(`test/fixtures/eval/${f}.jsonl`,'utf8').trim().split('\n').map(l=>JSON.parse(l));
let errs = rows.filter(r => (detectLanguage(r.text) === 'es') !== (r.language === 'es'));
console.log(f, rows.length, 'errors', errs.length, errs.map(r=>r.text));
}
for (const t of ['Hola, quisiera saber si la biblioteca está abierta', 'hello', 'de nada', 'no', 'pc 8 no internet', 'la la land dvd', 'do you have el principito', 'Dear library, I would like to know whether you have books in Spanish']) console.log(t, detectLanguage(t));
