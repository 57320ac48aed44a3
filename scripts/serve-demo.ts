/**
 * `npm run demo`: serves the demo page (docs/demo) and the built package (dist) on
 * 127.0.0.1 under the same strict CSP the browser test uses. `npm install` builds dist/
 * (the `prepare` script); when it is missing anyway, this runs `npm run build` first.
 * Port from the PORT environment variable (default 8080).
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.log('dist/ is missing: running `npm run build`');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('`npm run build` failed: the demo needs dist/');
    process.exit(1);
  }
}
const served = await startStaticServer({
  root,
  mounts: { '/dist/': 'dist', '/docs/demo/': 'docs/demo' },
  index: '/docs/demo/',
  port: Number(process.env.PORT ?? 8080),
});
console.log(`ndvec demo: ${served.origin}/docs/demo/  (Ctrl+C to stop)`);
