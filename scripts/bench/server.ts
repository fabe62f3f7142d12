// A static server for the benchmarks: URL prefixes mounted on folders (the app
// build at /, a scale's built data at /data/, the baseline at /baseline/),
// remounted between scales, logging every file it sends so that bytes can be
// counted by type without touching the page. Serves uncompressed; gzip sizes
// are computed from the same files (see bytes.ts).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_TYPES } from '../lib/content-types.ts';


export interface Sent {
  path: string;
  file: string;
  bytes: number;
}

export interface BenchServer {
  url: string;
  /** Prefix ("/", "/data/") → folder; the longest matching prefix wins. */
  mount(mounts: Record<string, string>): void;
  /** Files sent so far, in order. */
  sent: Sent[];
  close(): Promise<void>;
}

export function startServer(): Promise<BenchServer> {
  let mounts: [string, string][] = [];
  const sent: Sent[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const m = mounts.find(([prefix]) => path.startsWith(prefix));
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const root = m[1];
    let file = normalize(join(root, path.slice(m[0].length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const size = statSync(file).size;
    sent.push({ path, file, bytes: size });
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      ok({
        url: `http://127.0.0.1:${port}/`,
        sent,
        mount(next) {
          mounts = Object.entries(next)
            .map(([p, d]) => [p, resolve(d)] as [string, string])
            .sort((a, b) => b[0].length - a[0].length);
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
