// npm run -s extract:eval: recall and precision of the candidate extractor, as
// Markdown (leave-one-report-out on the curated reports, the holdout corpus if
// tests/fixtures/extract-corpus/holdout.json exists, the tuning corpora, and
// the in-sample upper bound).
//   --misses dev|dev2|dev3|tuning|reports|loo|holdout
//                                       also list every missed and wrong row of that set
//                                       (dev, dev2, dev3 one tuning corpus; tuning all three)
//   --no-holdout                        leave the holdout out (while tuning, so it stays unseen)
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Outcome } from '../src/domain/extract/evaluate.ts';
import { evaluate, NO_HOLDOUT, report } from './lib/extract-eval.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--misses');
const which = i >= 0 ? process.argv[i + 1] : undefined;
const t0 = performance.now();
const ev = evaluate(root);
console.log(report(ev, { holdout: !process.argv.includes('--no-holdout') }));
const row = (r: { indicator: string; year: number | null; basis: string; scope: string; value: number | string }) =>
  `${r.indicator} ${r.year} ${Number(r.value)}${r.basis ? ` basis=${r.basis}` : ''}${r.scope ? ` scope=${r.scope}` : ''}`;
const details = (outs: Outcome[]) => {
  for (const o of outs) {
    if (o.missed.length === 0 && o.wrong.length === 0) continue;
    console.log(`\n## ${o.doc.id}`);
    for (const m of o.missed) console.log(`  missed ${row(m)}`);
    for (const w of o.wrong) console.log(`  wrong  ${row(w)}  «${w.quote.slice(0, 70)}»`);
  }
};
const tuningSet = ev.tuning.find((t) => t.set === which);
if (tuningSet) details(tuningSet.outcomes);
else if (which === 'tuning') details(ev.devOutcomes);
else if (which === 'reports') details(ev.inSample);
else if (which === 'loo') details(ev.folds.map((f) => f.outcome));
else if (which === 'holdout') {
  if (ev.holdoutOutcomes) details(ev.holdoutOutcomes);
  else console.log(`\n${NO_HOLDOUT}`);
} else if (which !== undefined) {
  console.error(`--misses: unknown set ${which} (dev, dev2, dev3, tuning, reports, loo, holdout)`);
  process.exitCode = 2;
}
console.error(`evaluated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
