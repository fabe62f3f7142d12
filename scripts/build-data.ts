// npm run data: validate data/ and write public/data/ for the app.
//   --root <dir>  project folder holding data/ (default: this repository)
//   --out <dir>   output folder (default: <root>/public/data)
//   --slice-min-rows N  write indicators of at least N rows in slices too
//                 (default 2,000; tests use 1 to try the sliced path on small data)
//   --only <file> check only this observation file (repeatable), e.g.
//                 --only data/observations/changping.csv; use with --out to
//                 keep public/data untouched
// Streams: rows are spilled to disk by district, then by indicator, so memory
// stays bounded at any size. Output goes to a staging folder that replaces
// the previous output only when the whole build succeeded.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, sortIssues } from '../src/domain/issues.ts';
import { runBuild } from '../src/domain/pipeline.ts';
import { dirSink, diskSpill, nodeHasher } from './lib/build-env.ts';
import { fsDataFiles, sha256Hex } from './lib/data-files.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const root = resolve(arg('--root') ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const out = resolve(arg('--out') ?? resolve(root, 'public/data'));
const sliceMinRows = arg('--slice-min-rows') !== undefined ? Number(arg('--slice-min-rows')) : undefined;
const only = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--only' ? [a.replace(/^\.\//, '')] : []));

const stamp = `${process.pid}-${Date.now().toString(36)}`;
const staging = `${out}.tmp-${stamp}`;
const spillDir = `${out}.spill-${stamp}`;
const cleanup = () => {
  rmSync(staging, { recursive: true, force: true });
  rmSync(spillDir, { recursive: true, force: true });
};
process.on('exit', cleanup);

const { issues, summary } = runBuild({
  files: fsDataFiles(root),
  sha256: sha256Hex,
  hasher: nodeHasher,
  spill: (name) => diskSpill(spillDir, name),
  sink: dirSink(staging),
  ...(sliceMinRows !== undefined ? { sliceMinRows } : {}),
  ...(only.length > 0 ? { onlyFiles: only } : {}),
});
if (!summary) {
  for (const i of sortIssues(issues)) console.error(formatIssue(i));
  console.error(`\n${issues.length} problem${issues.length === 1 ? '' : 's'} found; nothing was written (${out} is unchanged).`);
  process.exit(1);
}
// Swap the staging folder in: a failure above never reaches this point.
const old = `${out}.old-${stamp}`;
if (existsSync(out)) renameSync(out, old);
renameSync(staging, out);
rmSync(old, { recursive: true, force: true });

const manifest = JSON.parse(readFileSync(resolve(out, 'manifest.json'), 'utf8'));
const c = manifest.counts;
console.log(
  `data ${manifest.version}: ${c.observations} observations (${c.curated} curated, ${c.derived} derived) ` +
    `from ${Object.keys(c.bySource).length} reports, ${Object.keys(c.byIndicator).length} indicators → ${out}`,
);
if (process.env.BVD_BUILD_STATS) {
  // Peak resident memory, for the benchmarks (Linux).
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '';
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  console.log(`peak-rss-kb ${hwm ?? 'unknown'}`);
}
