// What the first download is made of: the app built with source maps, every
// byte of the initial scripts attributed to the package (or src/ folder) it
// comes from, raw and gzip. gzip is measured per group on its own bytes, so
// the groups add up to a little more than the files (each compresses alone).
//
//   tsx scripts/bench/bundle.ts [outDir]     (npm run bench writes bench/results/bundle.json)
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { build } from 'vite';
import { ROOT } from './build.ts';

export interface BundleGroup {
  group: string;
  raw: number;
  gzip: number;
}

export interface BundleReport {
  files: { file: string; raw: number; gzip: number }[];
  groups: BundleGroup[];
  total: { raw: number; gzip: number };
}

function groupOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const src = source.indexOf('src/');
  if (src >= 0) {
    const parts = source.slice(src).split('/');
    return parts.length > 2 ? parts.slice(0, 3).join('/') : parts.join('/');
  }
  return source || '(generated)';
}

/** Attributes the initial scripts of a build with source maps. */
export function attribute(dist: string): BundleReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<script type="module" crossorigin src="\.\/([^"]+)"|<link rel="modulepreload" crossorigin href="\.\/([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
  const text = new Map<string, string[]>();
  const files: BundleReport['files'] = [];
  for (const f of initial) {
    const code = readFileSync(join(dist, f), 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '');
    files.push({ file: f.replace(/-[\w-]{8}\.js$/, '.js'), raw: Buffer.byteLength(code), gzip: gzipSync(code).length });
    const lines = code.split('\n');
    if (!existsSync(join(dist, `${f}.map`))) {
      // The bundler's own runtime comes without a map.
      text.set('(bundler runtime)', [...(text.get('(bundler runtime)') ?? []), code]);
      continue;
    }
    const map = new SourceMapConsumer(JSON.parse(readFileSync(join(dist, `${f}.map`), 'utf8')) as RawSourceMap);
    const segs: { line: number; col: number; source: string | null }[] = [];
    map.eachMapping((m) => segs.push({ line: m.generatedLine, col: m.generatedColumn, source: m.source }));
    for (let i = 0; i < segs.length; i++) {
      const m = segs[i]!;
      const n = segs[i + 1];
      const line = lines[m.line - 1] ?? '';
      const end = n && n.line === m.line ? n.col : line.length;
      const g = groupOf(m.source ?? '');
      let list = text.get(g);
      if (!list) text.set(g, (list = []));
      list.push(line.slice(m.col, end));
    }
  }
  const groups = [...text]
    .map(([group, parts]) => {
      const s = parts.join('');
      return { group, raw: Buffer.byteLength(s), gzip: gzipSync(s).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return { files, groups, total: { raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) } };
}

export async function bundleReport(outDir: string): Promise<BundleReport> {
  rmSync(outDir, { recursive: true, force: true });
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', publicDir: false, build: { outDir, emptyOutDir: true, sourcemap: true } });
  return attribute(outDir);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? join(ROOT, 'bench/tmp/bundle'));
  const r = await bundleReport(out);
  for (const g of r.groups.slice(0, 20)) console.log(`${String(g.gzip).padStart(8)} ${String(g.raw).padStart(9)}  ${g.group}`);
  console.log(`${String(r.total.gzip).padStart(8)} ${String(r.total.raw).padStart(9)}  total (${r.files.length} files)`);
  writeFileSync(join(ROOT, 'bench/tmp/bundle.json'), JSON.stringify(r, null, 2));
}
