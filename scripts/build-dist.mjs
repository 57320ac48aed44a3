// Builds dist/: ESM JavaScript and .d.ts from src/ with tsc (tsconfig.build.json), starting
// from an empty dist/ so files deleted from src/ never linger in the package. The generated
// WASM-bytes module (src/kernels/wasm-bytes.generated.ts, made by `npm run build:wasm`) is
// compiled like any other source, so the package loads its WASM with no fs or fetch.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(dist, { recursive: true, force: true });
const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  console.error('build-dist: tsc failed');
  process.exit(run.status ?? 1);
}
for (const [source, built] of [
  ['src/index.ts', 'dist/index.js'],
  ['src/index.ts', 'dist/index.d.ts'],
  ['src/kernels/wasm-bytes.generated.ts', 'dist/kernels/wasm-bytes.generated.js'],
]) {
  if (existsSync(join(root, source)) && !existsSync(join(root, built))) {
    console.error(`build-dist: ${built} is missing after tsc although ${source} exists`);
    process.exit(1);
  }
}
console.log('build-dist: dist/ written');
