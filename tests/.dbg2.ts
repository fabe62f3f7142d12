import { evaluate } from '/work/main/scripts/lib/extract-eval.ts';
const ev = evaluate('/work/main');
const f = ev.folds.find((x) => x.test.id === process.argv[2])!;
for (const m of f.outcome.matched) if (m.candidate.value === process.argv[3]) console.log(JSON.stringify(m.candidate.evidence));
const full = ev.inSample.find((o) => o.doc.id === process.argv[2])!;
for (const c of full.candidates) if (c.value === process.argv[3]) console.log('full', c.indicator, c.basis, JSON.stringify(c.evidence));
