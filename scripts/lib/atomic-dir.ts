// Replaces an output folder as a whole: write everything into a fresh sibling
// folder, then swap it in with renames. A build that fails before the swap
// leaves the previous output untouched.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function writeDirAtomically(target: string, files: Map<string, Uint8Array>): void {
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = `${target}.tmp-${stamp}`;
  const old = `${target}.old-${stamp}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [path, bytes] of files) {
      const full = join(tmp, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, bytes);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(tmp, target);
  rmSync(old, { recursive: true, force: true });
}
