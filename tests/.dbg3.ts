import { evaluate } from '/work/main/scripts/lib/extract-eval.ts';
const ev = evaluate('/work/main');
for (const o of ev.inSample) {
  const bad = o.matched.filter((m) => m.candidate.scope !== m.expected.scope);
  console.log(o.doc.id, `${o.matched.length - bad.length}/${o.matched.length} scope agrees`);
  for (const m of bad) console.log('   ', m.candidate.indicator, m.candidate.year, m.candidate.value, 'cand', m.candidate.scope || '-', 'curated', m.expected.scope || '-', '«', m.candidate.quote.slice(0, 50));
}
