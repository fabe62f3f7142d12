// Serves the built site (dist/) for every browser test file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDir, type StaticServer } from '../helpers/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: StaticServer | null = null;

export async function setup(project: TestProject) {
  const dist = join(import.meta.dirname, '../../dist');
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'data/manifest.json'))) {
    throw new Error('dist/ is not built: run `npm run build` first (npm test does).');
  }
  server = await serveDir(dist);
  project.provide('baseUrl', server.url);
}

export async function teardown() {
  await server?.close();
}
