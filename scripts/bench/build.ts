// Time and peak memory of the data build (scripts/build-data.ts), run as its
// own process under /usr/bin/time. A failure (non-zero exit, timeout, out of
// memory) is recorded, never thrown.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
const BUILD_SCRIPT = join(ROOT, 'scripts/build-data.ts');

export interface BuildResult {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Wall time as measured here, seconds. */
  wallSec: number;
  /** Elapsed time and maximum resident set size reported by /usr/bin/time. */
  timeSec: number | null;
  peakRssMB: number | null;
  /** Highest resident memory seen by sampling /proc every 0.5 s (kept when the build is killed). */
  sampledPeakRssMB: number | null;
  /** What the build printed last, for failures. */
  stdoutTail: string;
  stderrTail: string;
  output: { files: number; bytes: number; observations: number | null } | null;
}

function tail(s: string, n = 3000): string {
  return s.length > n ? '…' + s.slice(-n) : s;
}

function rssOfTree(pid: number): number {
  // Sum of VmRSS over the process and its descendants, in kB.
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        for (const k of kids ? kids.split(/\s+/) : []) visit(Number(k));
      }
    } catch {
      /* gone */
    }
  };
  visit(pid);
  return total;
}

export function dirSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files, bytes };
}

export function measureBuild(root: string, out: string, timeoutSec: number, heapMB: number | null = null): Promise<BuildResult> {
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', 'BENCH-TIME %e %M', process.execPath, ...(heapMB ? [`--max-old-space-size=${heapMB}`] : []), '--import', 'tsx', BUILD_SCRIPT, '--root', root, '--out', out], {
    cwd: ROOT,
    env: { ...process.env, BVD_BUILD_STATS: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout = tail(stdout + b.toString(), 20_000)));
  child.stderr.on('data', (b: Buffer) => (stderr = tail(stderr + b.toString(), 20_000)));
  let sampled = 0;
  const sampler = setInterval(() => {
    if (child.pid) sampled = Math.max(sampled, rssOfTree(child.pid));
  }, 500);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, timeoutSec * 1000);
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      const m = /BENCH-TIME ([\d.]+) (\d+)/.exec(stderr);
      const stderrClean = stderr.replace(/BENCH-TIME [\d.]+ \d+\n?/, '');
      // /usr/bin/time exits with the command's status; "Command exited with non-zero status N" goes to stderr.
      const ok = code === 0 && !timedOut;
      let output: BuildResult['output'] = null;
      if (ok) {
        const size = dirSize(out);
        let observations: number | null = null;
        try {
          observations = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { counts: { observations: number } }).counts.observations;
        } catch {
          /* no manifest */
        }
        output = { ...size, observations };
      }
      done({
        ok,
        exitCode: code,
        signal,
        timedOut,
        wallSec: +((performance.now() - started) / 1000).toFixed(2),
        timeSec: m ? Number(m[1]) : null,
        peakRssMB: m ? +(Number(m[2]) / 1024).toFixed(1) : null,
        sampledPeakRssMB: sampled ? +(sampled / 1024).toFixed(1) : null,
        stdoutTail: tail(stdout.trim(), 2000),
        stderrTail: tail(stderrClean.trim(), 3000),
        output,
      });
    });
  });
}
