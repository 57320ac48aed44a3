/**
 * Bundle sizes of ndvec as an app ships it: esbuild, minified, ESM for browsers, from the
 * built dist/ (run `npm run build` first), for `nd.array([1, 2]).sum()` alone and for the
 * whole API (`export * from 'ndvec'`), raw and gzipped (level 9), plus the share of the
 * embedded WASM module (base64 text).
 *
 *     node --import tsx scripts/bundle-size.ts
 *
 * The figures in README.md ("Bundle size") come from this script.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'index.js');
if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first');

const apps: Record<string, string> = {
  'nd.array([1, 2]).sum()': `import { nd } from ${JSON.stringify(entry)};\nconsole.log(nd.array([1, 2]).sum());\n`,
  'full API (export * from ndvec)': `export * from ${JSON.stringify(entry)};\n`,
};

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

const wasmBase64 = /wasmBase64 =\s*'([^']*)'/.exec(readFileSync(join(root, 'dist', 'kernels', 'wasm-bytes.generated.js'), 'utf8'))?.[1] ?? '';
for (const [name, contents] of Object.entries(apps)) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  console.log(`${name.padEnd(32)} minified ${kib(code.length)}, gzipped ${kib(gzipSync(code, { level: 9 }).length)}`);
}
console.log(
  `${'of which the WASM module'.padEnd(32)} base64 ${kib(wasmBase64.length)}, gzipped ${kib(gzipSync(wasmBase64, { level: 9 }).length)} ` +
    `(${kib(Buffer.from(wasmBase64, 'base64').length)} of WASM)`,
);
