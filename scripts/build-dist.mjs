// Builds dist/, starting from an empty dist/ so files deleted from src/ never linger in the
// package:
// - dist/*.js and dist/*.d.ts: ESM JavaScript and declarations from src/ with tsc
//   (tsconfig.build.json). The generated WASM-bytes module (src/kernels/wasm-bytes.generated.ts,
//   made by `npm run build:wasm`) is compiled like any other source, so the package loads its
//   WASM with no fs or fetch.
// - Declarations that mention Symbol.dispose get `/// <reference lib="esnext.disposable" />`,
//   so they compile in a consumer whose `lib` is only es2022 (+ dom), without skipLibCheck.
// - dist/cjs/: the CommonJS build for `require('ndvec')` on every Node 20 (require(esm) needs
//   Node ≥ 20.19): each dist/ module converted by esbuild (file for file, not one bundle, so
//   entry points such as `ndvec` and `ndvec/node` share one copy of every module: one NdArray
//   class, one arena), a package.json saying "type": "commonjs", and a copy of the
//   declarations (which TypeScript then reads as CommonJS, for projects in CommonJS mode).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(dist, { recursive: true, force: true });
const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  console.error('build-dist: tsc failed');
  process.exit(run.status ?? 1);
}

/** Every file under `dir` whose name ends with `suffix`. */
function filesEnding(dir, suffix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesEnding(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : [],
  );
}

const DISPOSABLE_LIB = '/// <reference lib="esnext.disposable" />\n';
const declarations = filesEnding(dist, '.d.ts');
for (const file of declarations) {
  const text = readFileSync(file, 'utf8');
  if (text.includes('Symbol.dispose') && !text.startsWith(DISPOSABLE_LIB)) writeFileSync(file, DISPOSABLE_LIB + text);
}

const cjs = join(dist, 'cjs');
await build({
  entryPoints: filesEnding(dist, '.js'),
  outdir: cjs,
  outbase: dist,
  bundle: false,
  format: 'cjs',
  platform: 'neutral',
  target: 'es2020',
  // src/interop.ts finds the optional `ndarray` package with createRequire(import.meta.url);
  // CommonJS has __filename for that.
  define: { 'import.meta.url': '__filename' },
  logLevel: 'warning',
  legalComments: 'inline',
});
writeFileSync(join(cjs, 'package.json'), '{ "type": "commonjs" }\n');
for (const file of declarations) {
  const target = join(cjs, relative(dist, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}

for (const [source, built] of [
  ['src/index.ts', 'dist/index.js'],
  ['src/index.ts', 'dist/index.d.ts'],
  ['src/kernels/wasm-bytes.generated.ts', 'dist/kernels/wasm-bytes.generated.js'],
  ['src/index.ts', 'dist/cjs/index.js'],
  ['src/index.ts', 'dist/cjs/index.d.ts'],
]) {
  if (existsSync(join(root, source)) && !existsSync(join(root, built))) {
    console.error(`build-dist: ${built} is missing after the build although ${source} exists`);
    process.exit(1);
  }
}
console.log('build-dist: dist/ written');
