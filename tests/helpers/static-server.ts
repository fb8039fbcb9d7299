/** A tiny static file server for browser tests: serves folders under URL prefixes, no network. */
import {createReadStream, existsSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {extname, join, normalize, resolve} from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A running server and how to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `mounts` (URL prefix -> folder) on 127.0.0.1 at a free port. */
export async function startStaticServer(
  mounts: Record<string, string>,
  options: {cors?: boolean} = {},
): Promise<StaticServer> {
  const roots = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.replace(/\/?$/, '/'), resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = roots.find(([prefix]) => path.startsWith(prefix) || path === prefix.slice(0, -1));
    if (options.cors) res.setHeader('Access-Control-Allow-Origin', '*');
    if (!mount) return void res.writeHead(404).end('not found');
    const [prefix, dir] = mount;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) return void res.writeHead(403).end('forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
