// The layers point one way (docs/design.md, "Layers"): memory → kernels → dispatch → ops →
// NdArray → nd. Checked on dist/ (what users load; `npm test` builds it first), where
// `import type` is erased: no runtime import cycle, and no module imports a higher layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCycles, runtimeImports } from '../scripts/import-cycles.ts';

const dist = join(import.meta.dirname, '..', 'dist');

/** Layer of a module (path under dist/, no extension); a module may import its own layer or lower. */
function layerOf(module: string): number {
  if (['errors', 'args', 'config', 'shape', 'format'].includes(module)) return 0;
  if (module === 'memory') return 1;
  if (module.startsWith('kernels/')) return 2;
  // computations on plain typed arrays: bit generators, samplers, zip and header parsing
  if (['random/pcg64', 'random/seed-sequence', 'random/distributions', 'random/ziggurat-tables', 'random/log1p', 'random/wasm-samplers'].includes(module)) return 2;
  if (['io/py-literal', 'io/zip', 'io/fflate.generated'].includes(module)) return 2;
  if (module === 'array-factory' || module === 'dispatch') return 3;
  if (module.startsWith('ops/') || ['create', 'interop', 'runtime', 'nested', 'join', 'random/generator', 'io/npy', 'io/npz'].includes(module)) return 4;
  if (module.startsWith('linalg/')) return 4; // nd.linalg: ops over matrices (kernels/linalg-js, WASM in kernels)
  if (module.startsWith('fuse/')) return 4; // nd.fuse: plans over kernels and dispatch; nd.ts calls it
  if (module === 'ndarray') return 5;
  if (module === 'nd' || module === 'index' || module === 'node') return 6;
  // nd.profile wraps the NdArray methods and the nd functions (nd.ts hands itself over)
  if (module === 'profile/recorder' || module === 'profile/profile') return 6;
  throw new Error(`layers.test: no layer for dist/${module}.js — add it to layerOf`);
}

test('dist/ has no runtime import cycle', { skip: !existsSync(dist) && 'dist/ not built' }, () => {
  assert.deepEqual(importCycles(dist), []);
});

test('every runtime import in dist/ goes to the same layer or a lower one', { skip: !existsSync(dist) && 'dist/ not built' }, async () => {
  const { readdirSync, statSync } = await import('node:fs');
  const walk = (dir: string, prefix = ''): string[] =>
    readdirSync(dir).flatMap((n) => (n === 'cjs' ? [] : statSync(join(dir, n)).isDirectory() ? walk(join(dir, n), `${prefix}${n}/`) : n.endsWith('.js') ? [`${prefix}${n.slice(0, -3)}`] : []));
  const violations: string[] = [];
  for (const module of walk(dist)) {
    for (const spec of runtimeImports(readFileSync(join(dist, `${module}.js`), 'utf8'))) {
      const target = join(module, '..', spec).replace(/\\/g, '/').replace(/\.js$/, '');
      if (layerOf(target) > layerOf(module)) violations.push(`${module} (layer ${layerOf(module)}) imports ${target} (layer ${layerOf(target)})`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the cycle finder finds a cycle and a self-import, and ignores import type', async () => {
  assert.deepEqual(runtimeImports(`import { a } from './a.js';\nimport type { B } from './b.js';\nexport { c } from "./c.js";\nconst d = import('./d.js');`), ['./a.js', './c.js', './d.js']);
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'ndvec-cycles-'));
  try {
    writeFileSync(join(dir, 'a.js'), `import { b } from './b.js';\nexport const a = 1;`);
    writeFileSync(join(dir, 'b.js'), `import { a } from './a.js';\nexport const b = 2;`);
    writeFileSync(join(dir, 'c.js'), `import type { T } from './a.js';\nexport * from './c.js';`);
    writeFileSync(join(dir, 'd.js'), `import { a } from './a.js';`);
    assert.deepEqual(importCycles(dir).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)), [['a.js', 'b.js'], ['c.js']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
