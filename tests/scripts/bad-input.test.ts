// Every bad-input fixture must produce exactly its expected errors, and the
// build script must then exit non-zero without touching the previous output.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/domain/pipeline.ts';
import { formatIssue, sortIssues } from '../../src/domain/issues.ts';
import { fsDataFiles, sha256Hex } from '../../scripts/lib/data-files.ts';
import { ROOT } from '../helpers/dataset.ts';

const FIXTURES = join(ROOT, 'tests/fixtures');
const CASES = readdirSync(join(FIXTURES, 'bad-input')).sort();
const work = mkdtempSync(join(tmpdir(), 'bvd-bad-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project folder: the base fixture with the case's files laid over it. */
function projectFor(name: string): string {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  cpSync(join(FIXTURES, 'bad-input', name, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}

function expectedLines(name: string): string[] {
  return readFileSync(join(FIXTURES, 'bad-input', name, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), sha256Hex(readFileSync(p)));
    }
  };
  walk(dir);
  return out;
}

const tsx = join(ROOT, 'node_modules/.bin/tsx');
const SPAWN_TIMEOUT = 30_000;
const buildScript = join(ROOT, 'scripts/build-data.ts');
const runBuild = (root: string, out: string) =>
  spawnSync(tsx, [buildScript, '--root', root, '--out', out], { encoding: 'utf8' });

it('the base fixture builds cleanly', () => {
  const { issues } = buildDataset(fsDataFiles(join(FIXTURES, 'base')), sha256Hex);
  expect(issues.map(formatIssue)).toEqual([]);
});

describe.each(CASES)('bad input: %s', (name) => {
  it('reports exactly the expected problems', () => {
    const { issues, dataset } = buildDataset(fsDataFiles(projectFor(name)), sha256Hex);
    expect(sortIssues(issues).map(formatIssue)).toEqual(expectedLines(name));
    expect(dataset === null).toBe(expectedLines(name).length > 0);
  });
});

describe('the build script with bad input', () => {
  const failing = CASES.filter((c) => expectedLines(c).length > 0);
  const out = join(work, 'out');
  let before: Map<string, string>;

  beforeAll(() => {
    const ok = runBuild(join(FIXTURES, 'base'), out);
    expect(ok.status, ok.stderr).toBe(0);
    before = snapshot(out);
    expect(before.has('manifest.json')).toBe(true);
  }, SPAWN_TIMEOUT);

  // Each case starts the build script in a new process: seconds on a busy 2-core machine.
  it.each(failing)('%s: exits non-zero, prints every problem, leaves the output as it was', { timeout: SPAWN_TIMEOUT }, (name) => {
    const r = runBuild(projectFor(name), out);
    expect(r.status).toBe(1);
    for (const line of expectedLines(name)) expect(r.stderr).toContain(line);
    expect(r.stdout).toBe('');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).filter((f) => f.startsWith('out.'))).toEqual([]);
  });

  it('a good build twice gives byte-identical output', { timeout: SPAWN_TIMEOUT }, () => {
    const again = join(work, 'out-again');
    expect(runBuild(join(FIXTURES, 'base'), again).status).toBe(0);
    expect(snapshot(again)).toEqual(before);
    expect(existsSync(join(again, 'observations.csv'))).toBe(true);
  });
});
