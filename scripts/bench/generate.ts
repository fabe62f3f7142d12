// Synthetic data in the real data format, for the benchmarks.
//
//   tsx scripts/bench/generate.ts <scale> <outDir> [--units N]
//
// writes <outDir>/data/{groups,districts,indicators,bases,sources,derivations}.csv,
// data/sources/<unit>.txt and data/observations/<unit>.csv, which
// `tsx scripts/build-data.ts --root <outDir>` accepts without a single issue.
// Deterministic (seeded PRNG: the same scale gives the same bytes) and
// streaming: every file is written as it is generated, one unit at a time, so
// memory does not grow with the number of rows.
//
// Each unit has its own report text with one line per indicator × year, e.g.
//   u00042 合成指标i017 2019年：1234人
// and each observation quotes its line verbatim, with the line number as its
// locator ("第 N 行"). About 1% of rows are hand-derived (flag derived and a
// formula over numbers in the quote) and 1% small_sample (with notes), so the
// app's flag paths are exercised.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATEGORIES, type UnitId } from '../../src/domain/vocab.ts';
import { resolveScale, type SyntheticSpec } from './scales.ts';

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Buffered appends to one file, optionally hashing what is written. */
class Out {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(
    path: string,
    private hash: Hash | null = null,
  ) {
    this.fd = openSync(path, 'w');
  }
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }
  line(cells: (string | number)[]): void {
    this.write(cells.map(csvCell).join(',') + '\n');
  }
  private flush(): void {
    if (this.parts.length === 0) return;
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    this.hash?.update(chunk);
    writeSync(this.fd, chunk);
    this.bytes += chunk.length;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

interface Kind {
  unit: UnitId;
  decimals: number;
  /** Plausible range written to indicators.csv (null: none). */
  plausible: [number, number] | null;
  /** Range values are drawn from (inside the plausible range). */
  range: [number, number];
  suffix: string;
}

const KINDS: Kind[] = [
  { unit: 'percent', decimals: 1, plausible: [0, 100], range: [20, 98], suffix: '%' },
  { unit: 'persons', decimals: 0, plausible: [0, 20000], range: [50, 15000], suffix: '人' },
  { unit: 'yuan_per_student', decimals: 0, plausible: [1000, 100000], range: [5000, 90000], suffix: '元' },
  { unit: 'students_per_teacher', decimals: 2, plausible: [0, 60], range: [5, 30], suffix: '' },
  { unit: 'wan_yuan', decimals: 2, plausible: null, range: [10, 50000], suffix: '万元' },
];

export interface SyntheticIndicator {
  id: string;
  nameZh: string;
  kind: Kind;
}

/** The indicators of a scale: dual_teacher_share (the app's default view) first. */
export function syntheticIndicators(n: number): SyntheticIndicator[] {
  const out: SyntheticIndicator[] = [{ id: 'dual_teacher_share', nameZh: '“双师型”教师比例', kind: KINDS[0]! }];
  for (let k = 1; k < n; k++) {
    const id = `i${String(k).padStart(3, '0')}`;
    out.push({ id, nameZh: `合成指标${id}`, kind: KINDS[k % KINDS.length]! });
  }
  return out;
}

export const unitId = (i: number) => `u${String(i).padStart(5, '0')}`;
const groupId = (g: number) => `g${String(g + 1).padStart(2, '0')}`;

export interface GenerateSummary {
  units: number;
  years: [number, number];
  indicators: number;
  observations: number;
  derived: number;
  smallSample: number;
  files: number;
  bytes: number;
  seconds: number;
}

const OBS_HEADER = ['district', 'year', 'period', 'indicator', 'value', 'basis', 'scope', 'source', 'locator', 'quote', 'flags', 'formula', 'note_zh', 'note_en'];

export function generateProject(spec: SyntheticSpec, outDir: string): GenerateSummary {
  const started = performance.now();
  const data = join(resolve(outDir), 'data');
  rmSync(data, { recursive: true, force: true });
  mkdirSync(join(data, 'sources'), { recursive: true });
  mkdirSync(join(data, 'observations'), { recursive: true });
  const rand = prng(spec.seed);
  const y0 = spec.lastYear - spec.years + 1;
  const indicators = syntheticIndicators(spec.indicators);
  let files = 0;
  let bytes = 0;
  const done = (o: Out) => {
    o.close();
    files++;
    bytes += o.bytes;
  };

  const groups = new Out(join(data, 'groups.csv'));
  groups.line(['id', 'name_zh', 'name_en', 'order']);
  for (let g = 0; g < spec.groups; g++) groups.line([groupId(g), `合成分组${String(g + 1).padStart(2, '0')}`, `Synthetic group ${g + 1}`, g + 1]);
  done(groups);

  const ind = new Out(join(data, 'indicators.csv'));
  ind.line(['id', 'name_zh', 'name_en', 'unit', 'category', 'decimals', 'higher_is_better', 'denominator', 'plausible_min', 'plausible_max', 'definition_zh', 'definition_en']);
  for (const [k, i] of indicators.entries()) {
    const [lo, hi] = i.kind.plausible ?? ['', ''];
    if (i.id === 'dual_teacher_share') {
      ind.line([i.id, i.nameZh, 'Double-qualified teacher share', 'percent', 'teachers', 1, 'true', '', lo, hi, '“双师型”教师占教师的百分比（合成数据）。', 'Double-qualified teachers as a percentage of teachers (synthetic data).']);
    } else {
      ind.line([i.id, i.nameZh, `Synthetic indicator ${i.id}`, i.kind.unit, CATEGORIES[k % CATEGORIES.length]!, i.kind.decimals, k % 3 === 0 ? '' : String(k % 3 === 1), '', lo, hi, `基准测试用的合成指标 ${i.id}。`, `Synthetic indicator ${i.id} for the benchmarks.`]);
    }
  }
  done(ind);

  const bases = new Out(join(data, 'bases.csv'));
  bases.line(['id', 'name_zh', 'name_en', 'applies_to', 'denominator', 'definition_zh', 'definition_en']);
  bases.line(['all_teachers', '占全部教师', 'Share of all teachers', 'dual_teacher_share', '', '合成数据的口径（未使用）。', 'A synthetic basis (unused).']);
  done(bases);

  const derivations = new Out(join(data, 'derivations.csv'));
  derivations.line(['district', 'year', 'indicator', 'basis', 'scope', 'method', 'numerator', 'denominator', 'source', 'note_zh', 'note_en']);
  done(derivations);

  const districts = new Out(join(data, 'districts.csv'));
  districts.line(['id', 'name_zh', 'name_en', 'group', 'pinyin', 'tile_col', 'tile_row', 'note_zh', 'note_en']);
  const sources = new Out(join(data, 'sources.csv'));
  sources.line(['id', 'district', 'title', 'title_en', 'title_year', 'published', 'publisher', 'file', 'original_file', 'sha256', 'year_min', 'year_max', 'added', 'note_zh', 'note_en']);

  let observations = 0;
  let derived = 0;
  let smallSample = 0;
  const baseOf = new Float64Array(indicators.length);
  const trendOf = new Float64Array(indicators.length);
  for (let u = 0; u < spec.units; u++) {
    const id = unitId(u);
    const group = Math.min(spec.groups - 1, Math.floor((u * spec.groups) / spec.units));
    const tiles = spec.units <= 64 ? [u % 8, Math.floor(u / 8)] : ['', ''];
    districts.line([id, `合成单元${id.slice(1)}`, `Unit ${id.slice(1)}`, groupId(group), '', ...tiles, '', '']);

    for (const [k, i] of indicators.entries()) {
      const [lo, hi] = i.kind.range;
      baseOf[k] = lo + rand() * (hi - lo) * 0.8;
      trendOf[k] = (rand() - 0.3) * 0.02 * baseOf[k]!;
    }
    const hash = createHash('sha256');
    const text = new Out(join(data, 'sources', `${id}.txt`), hash);
    const obs = new Out(join(data, 'observations', `${id}.csv`));
    obs.line(OBS_HEADER);
    text.write(`合成单元 ${id} 中等职业教育质量年度报告（基准测试用合成数据，非真实数据）\n\n`);
    let lineNo = 2;
    const source = `${id}-r`;
    for (let y = y0; y <= spec.lastYear; y++) {
      for (const [k, i] of indicators.entries()) {
        const { decimals, range, suffix, unit } = i.kind;
        const noise = (rand() - 0.5) * 0.06 * baseOf[k]!;
        const raw = Math.min(range[1], Math.max(range[0], baseOf[k]! + trendOf[k]! * (y - y0) + noise));
        const r = rand();
        const head = `${id} ${i.nameZh} ${y}年：`;
        let value: number;
        let quote: string;
        let flags = '';
        let formula = '';
        let noteZh = '';
        let noteEn = '';
        if (r < spec.derivedShare) {
          if (unit === 'percent') {
            const b = 40 + Math.floor(rand() * 360);
            const a = Math.min(b, Math.round((b * raw) / 100));
            value = round((a / b) * 100, decimals);
            quote = `${head}符合条件 ${a} 人，共 ${b} 人`;
            formula = `${a} ÷ ${b} × 100`;
          } else {
            const a = round(raw * 0.6, decimals);
            const b = round(raw - a, decimals);
            value = round(a + b, decimals);
            quote = `${head}甲项 ${a}${suffix}，乙项 ${b}${suffix}`;
            formula = `${a} + ${b}`;
          }
          flags = 'derived';
          derived++;
        } else {
          value = round(raw, decimals);
          quote = `${head}${value}${suffix}`;
          if (r < spec.derivedShare + spec.smallSampleShare) {
            flags = 'small_sample';
            noteZh = '合成数据：假定该比率的分母不足 30 人。';
            noteEn = 'Synthetic data: the rate is assumed to be over fewer than 30 people.';
            smallSample++;
          }
        }
        lineNo++;
        text.write(quote + '\n');
        obs.line([id, y, '', i.id, value, '', '', source, `第 ${lineNo} 行`, quote, flags, formula, noteZh, noteEn]);
        observations++;
      }
    }
    done(text);
    done(obs);
    sources.line([
      source, id, `合成单元 ${id} 中等职业教育质量年度报告`, `Unit ${id} vocational education quality report (synthetic)`, spec.lastYear + 1,
      '', '基准测试', `${id}.txt`, '', hash.digest('hex'), y0, spec.lastYear, '2026-01-01', '合成数据，仅供基准测试。', 'Synthetic data, for the benchmarks only.',
    ]);
  }
  done(districts);
  done(sources);
  return {
    units: spec.units,
    years: [y0, spec.lastYear],
    indicators: indicators.length,
    observations,
    derived,
    smallSample,
    files,
    bytes,
    seconds: (performance.now() - started) / 1000,
  };
}

function main(): void {
  const [scaleArg, outDir] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (!scaleArg || !outDir) {
    console.error('usage: tsx scripts/bench/generate.ts <scale> <outDir> [--units N]   (scales: M, L, T10k, T; or e.g. L:300)');
    process.exit(2);
  }
  const i = process.argv.indexOf('--units');
  const scale = resolveScale(i >= 0 ? `${scaleArg}:${process.argv[i + 1]}` : scaleArg);
  if (!scale.synthetic) {
    console.error(`scale ${scale.name} is the real data: use --root ${resolve(import.meta.dirname, '../..')} instead`);
    process.exit(2);
  }
  const s = generateProject(scale.synthetic, outDir);
  console.log(
    `${scale.name}: ${s.observations.toLocaleString('en')} observations (${s.derived} derived, ${s.smallSample} small_sample), ` +
      `${s.units} units × ${s.years[1] - s.years[0] + 1} years × ${s.indicators} indicators, ` +
      `${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB in ${s.seconds.toFixed(1)} s → ${resolve(outDir)}/data`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
