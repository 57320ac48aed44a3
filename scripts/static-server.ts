/**
 * A tiny static file server for the browser test and the demo: serves chosen folders of the
 * repository (e.g. `dist/`, `docs/demo/`) plus in-memory pages, every response carrying a
 * strict Content-Security-Policy, so what works here works on a locked-down site.
 * Listens on 127.0.0.1 only.
 * @module
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** The policy every response carries: scripts only from this origin, WASM compilation allowed. */
export const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'";

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** Repository root; `mounts` are relative to it. */
  root: string;
  /** URL prefixes (like `/dist/`) mapped to folders under `root` (like `dist`). */
  mounts: Record<string, string>;
  /** Extra in-memory files by exact URL path. */
  pages?: Record<string, string>;
  /** Where `/` redirects to, if anywhere. */
  index?: string;
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** The Content-Security-Policy of every response (default {@link STRICT_CSP}). */
  csp?: string;
}

/** A running server and how to reach and stop it. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The node:http server. */
  server: Server;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Starts the server.
 * @param options what to serve
 * @returns the running server
 * @example
 * const s = await startStaticServer({ root, mounts: { '/dist/': 'dist' } });
 * // ... fetch(`${s.origin}/dist/index.js`) ...
 * await s.close();
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const server = createServer((req, res) => {
    const headers = { 'Content-Security-Policy': options.csp ?? STRICT_CSP, 'Cache-Control': 'no-store' };
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    void (async () => {
      if (path === '/' && options.index !== undefined) {
        res.writeHead(302, { ...headers, Location: options.index }).end();
        return;
      }
      const page = options.pages?.[path];
      if (page !== undefined) {
        res.writeHead(200, { ...headers, 'Content-Type': contentTypes[extname(path)] ?? 'text/plain' }).end(page);
        return;
      }
      for (const [prefix, folder] of Object.entries(options.mounts)) {
        if (!path.startsWith(prefix)) continue;
        const base = join(root, folder);
        let file = normalize(join(base, path.slice(prefix.length)));
        if (file !== base && !file.startsWith(base + sep)) break; // no escaping the mount
        try {
          if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
          const body = await readFile(file);
          res.writeHead(200, { ...headers, 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' });
          res.end(body);
          return;
        } catch {
          break;
        }
      }
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end(`not found: ${path}`);
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
