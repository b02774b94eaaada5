// A small static file server on loopback for the tests that need an origin of their own: the
// package's unbundled modules (www/ as it is), a scratch project using the packed package, and a
// copy of the built app that a test can redeploy or take offline by closing the server.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gz': 'application/gzip',
};

/**
 * Serves `root` on 127.0.0.1 at `port` (by default a free one) with `headers` on every response.
 * `pages` maps extra paths to HTML strings. Returns {url, requests, delays, close()};
 * `requests` lists the paths asked for; `delays` maps a path ending (".model.gz") to the
 * milliseconds to wait before answering it, for a test of a slow network.
 */
export async function serveStatic(root, { headers = {}, pages = {}, port = 0 } = {}) {
  const base = path.resolve(root);
  const requests = [];
  const delays = new Map();
  const server = http.createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    requests.push(pathname);
    const delay = [...delays].find(([ending]) => pathname.endsWith(ending))?.[1] ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (pathname in pages) {
      response.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-cache', ...headers });
      response.end(pages[pathname]);
      return;
    }
    let file = path.join(base, decodeURIComponent(pathname));
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(403, headers).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { 'Content-Type': 'text/plain', ...headers }).end('not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...headers,
      });
      response.end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    delays,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
