// npm run data: validate data/ and write public/data/ for the app.
//   --root <dir>  project folder holding data/ (default: this repository)
//   --out <dir>   output folder (default: <root>/public/data)
//   --only <file> check only this observation file (repeatable), e.g.
//                 --only data/observations/changping.csv; use with --out to
//                 keep public/data untouched
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataset } from '../src/domain/dataset.ts';
import { formatIssue, sortIssues } from '../src/domain/issues.ts';
import { datasetOutputs } from '../src/domain/serialize.ts';
import { writeDirAtomically } from './lib/atomic-dir.ts';
import { fsDataFiles, sha256Hex } from './lib/data-files.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const root = resolve(arg('--root') ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const out = resolve(arg('--out') ?? resolve(root, 'public/data'));

const only = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--only' ? [a.replace(/^\.\//, '')] : []));
const { issues, dataset } = buildDataset(fsDataFiles(root), sha256Hex, only.length > 0 ? { onlyFiles: only } : {});
if (!dataset) {
  for (const i of sortIssues(issues)) console.error(formatIssue(i));
  console.error(`\n${issues.length} problem${issues.length === 1 ? '' : 's'} found; nothing was written (${out} is unchanged).`);
  process.exit(1);
}
const files = datasetOutputs(dataset, sha256Hex);
writeDirAtomically(out, files);
const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
const c = manifest.counts;
console.log(
  `data ${manifest.version}: ${c.observations} observations (${c.curated} curated, ${c.derived} derived) ` +
    `from ${Object.keys(c.bySource).length} reports, ${Object.keys(c.byIndicator).length} indicators → ${out}`,
);
