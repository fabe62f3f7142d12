// The benchmark's synthetic data must be data the build accepts: every scale's
// shape, generated small, builds in-process with zero issues and the expected
// number of rows; generation is deterministic; the import benchmark's CSV is
// accepted row for row by the browser import's validation.
import { readdirSync, readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../src/domain/import.ts';
import { formatIssue } from '../../src/domain/issues.ts';
import { buildDataset } from '../../src/domain/pipeline.ts';
import { fsDataFiles, sha256Hex } from '../../scripts/lib/data-files.ts';
import { generateProject, type GenerateSummary } from '../../scripts/bench/generate.ts';
import { writeImportCsv } from '../../scripts/bench/import-csv.ts';
import { expectedRows, resolveScale } from '../../scripts/bench/scales.ts';
import { curatedDataset, ROOT } from '../helpers/dataset.ts';

const work = mkdtempSync(join(tmpdir(), 'bvd-bench-gen-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), sha256Hex(readFileSync(p)));
    }
  };
  walk(dir);
  return out;
}

// The tiny test scale, and every benchmark scale's shape reduced to a few units.
describe.each(['T', 'M:2', 'L:3', 'T10k:5'])('scale %s', (token) => {
  const scale = resolveScale(token);
  const spec = scale.synthetic!;
  const dir = join(work, token.replace(':', '-'));
  let generated: GenerateSummary;
  beforeAll(() => {
    generated = generateProject(spec, dir);
  });

  it('generates units × years × indicators rows, some of them flagged', () => {
    expect(generated.observations).toBe(expectedRows(spec));
    expect(generated.units).toBe(spec.units);
    expect(readdirSync(join(dir, 'data/sources'))).toHaveLength(spec.units);
    expect(readdirSync(join(dir, 'data/observations'))).toHaveLength(spec.units);
  });

  it('builds in-process with zero issues', () => {
    const { issues, dataset } = buildDataset(fsDataFiles(dir), sha256Hex);
    expect(issues.map(formatIssue)).toEqual([]);
    const ds = dataset!;
    const c = ds.manifest.counts;
    expect(c.observations).toBe(expectedRows(spec));
    expect(c.derived).toBe(generated.derived);
    expect(Object.keys(c.byDistrict)).toHaveLength(spec.units);
    for (const n of Object.values(c.byDistrict)) expect(n).toBe(spec.years * spec.indicators);
    expect(Object.keys(c.byIndicator)).toHaveLength(spec.indicators);
    // The app's default indicator exists, so the app and the baseline draw the same data.
    expect(ds.manifest.files.indicators['dual_teacher_share']).toBeDefined();
    expect(c.byIndicator['dual_teacher_share']).toBe(spec.units * spec.years);
    const flagged = ds.observations.filter((o) => o.flags.length > 0);
    for (const o of flagged.filter((o) => o.flags.includes('small_sample'))) expect(o.noteZh && o.noteEn).toBeTruthy();
    for (const o of flagged.filter((o) => o.flags.includes('derived'))) expect(o.formula).not.toBe('');
    if (token === 'T') {
      expect(flagged.some((o) => o.flags.includes('derived'))).toBe(true);
      expect(flagged.some((o) => o.flags.includes('small_sample'))).toBe(true);
    }
    // A whole build of a generated project: minutes of CPU on a busy machine, no time is asserted.
  }, 120_000);
});

it('is deterministic: the same scale gives the same bytes', () => {
  const spec = resolveScale('L:2').synthetic!;
  generateProject(spec, join(work, 'a'));
  generateProject(spec, join(work, 'b'));
  const a = digest(join(work, 'a'));
  expect(a.size).toBe(2 * 2 + 6);
  expect(digest(join(work, 'b'))).toEqual(a);
});

it('the import benchmark CSV is accepted row for row on the real data, beside the bundled observations', () => {
  const path = join(work, 'import.csv');
  const ds = curatedDataset();
  // Past the number of district × year × indicator quantities, so restated rows are in it too.
  const quantities = ds.refs.districts.size * 25 * ds.refs.indicators.size;
  const made = writeImportCsv(ROOT, path, quantities + 500);
  const r = importCsv(new Uint8Array(readFileSync(path)), 'import.csv', ds.refs, { sourceIndex: () => undefined, bundled: () => ds.observations });
  expect(r.fileError).toBeNull();
  expect(r.rejected.map((x) => `${x.line}: ${x.field}: ${x.reason}`)).toEqual([]);
  expect(r.accepted).toHaveLength(made.rows);
  expect(r.accepted.filter((o) => o.locator.startsWith('restated'))).toHaveLength(500);
});
