// DataFiles backed by the file system, rooted at a project folder.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { DataFiles } from '../../src/domain/dataset.ts';

export function fsDataFiles(root: string): DataFiles {
  return {
    read(path) {
      const full = join(root, path);
      return existsSync(full) && statSync(full).isFile() ? new Uint8Array(readFileSync(full)) : undefined;
    },
    list(dir) {
      const full = join(root, dir);
      if (!existsSync(full)) return [];
      return readdirSync(full)
        .filter((f) => statSync(join(full, f)).isFile())
        .sort()
        .map((f) => `${dir}/${f}`);
    },
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
