/**
 * `npm run demo`: serves the demo page (docs/demo) and the built package (dist) on
 * 127.0.0.1 under the same strict CSP the browser test uses. Run `npm run build` first.
 * Port from the PORT environment variable (default 8080).
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const served = await startStaticServer({
  root,
  mounts: { '/dist/': 'dist', '/docs/demo/': 'docs/demo' },
  index: '/docs/demo/',
  port: Number(process.env.PORT ?? 8080),
});
console.log(`ndvec demo: ${served.origin}/docs/demo/  (Ctrl+C to stop)`);
