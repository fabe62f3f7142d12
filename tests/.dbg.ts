import { extractCandidates } from '/work/main/src/domain/extract/extract.ts';
import { projectLexicon } from '/work/main/scripts/lib/lexicon.ts';
const lex = projectLexicon('/work/main');
const text = process.argv[2]!.replace(/\\n/g, '\n');
const title = `北京市昌平区中等职业教育质量年度报告（2023）\n\n2022年12月\n\n`;
const r = extractCandidates(title + text, lex, {});
for (const c of r.candidates) console.log(c.year, c.indicator, c.value, c.basis, c.scope, c.flags.join(';'), '|', c.quote, '|', JSON.stringify(c.evidence));
