// A small static file server for browser tests: serves a folder, optionally
// with extra headers (e.g. a Content-Security-Policy), on a free port.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_TYPES } from '../../scripts/lib/content-types.ts';


export interface StaticServer {
  url: string;
  port: number;
  close: () => Promise<void>;
  /** Paths requested so far (for asserting what a page downloaded). */
  requests: string[];
}

export function serveDir(dir: string, opts: { headers?: Record<string, string>; port?: number; routes?: Record<string, string> } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const routed = opts.routes?.[url.pathname];
    let path = normalize(join(root, decodeURIComponent(routed ?? url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', ...opts.headers });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok) => {
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      ok({
        url: `http://127.0.0.1:${port}/`,
        port,
        requests,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
