import { extractCandidates } from '/work/main/src/domain/extract/extract.ts';
import { projectLexicon } from '/work/main/scripts/lib/lexicon.ts';
import { readCorpus, corpusDoc } from '/work/main/scripts/lib/extract-eval.ts';
const lex = projectLexicon('/work/main');
const set = process.argv[2] as 'dev' | 'holdout';
const item = readCorpus('/work/main', set).find((i) => i.id === process.argv[3])!;
const doc = corpusDoc(item, lex.districtNames);
const r = extractCandidates(doc.text, lex, { fileName: doc.fileName });
for (const c of r.candidates) console.log(c.year, c.indicator, c.value, c.basis, c.scope, c.flags.join(';'), '|', c.quote.slice(0, 80), '|', JSON.stringify(c.evidence));
