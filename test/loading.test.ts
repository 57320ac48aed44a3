/**
 * Loading the WASM kernels without top-level await (src/kernels/wasm.ts): no module of src/
 * awaits at its top level; in Node the kernels are ready when the import returns; the
 * browser main-thread path (asynchronous compile, JS kernels until `nd.ready()`) is run here
 * in Node through the internal unload/loadKernelsAsync hooks; `nd.info().wasmReason` and the
 * error classification (CSP) are table-checked. The same paths in Chromium and in bundles:
 * test/bundlers.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { nd } from '../src/index.ts';
import { compileMode, loadKernelsAsync, reasonOf, unloadKernels, wasmKernels } from '../src/kernels/wasm.ts';
import { repoRoot } from './helpers-dist.ts';

function sourceFiles(dir: string, suffix = '.ts'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name), suffix) : e.name.endsWith(suffix) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** `await` and `for await` outside any function (top-level await) in TypeScript source. */
function topLevelAwaits(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)) return;
    if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier !== undefined)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(repoRoot, file)}:${line + 1}: ${node.getText().slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('loading without top-level await', () => {
  test('no module in src/ awaits at its top level', () => {
    assert.deepEqual(sourceFiles(join(repoRoot, 'src')).flatMap((file) => topLevelAwaits(file)), []);
  });

  test('no module of the built package (dist/, when built) awaits at its top level', { skip: existsSync(join(repoRoot, 'dist')) ? false : 'dist/ not built' }, () => {
    assert.deepEqual(sourceFiles(join(repoRoot, 'dist'), '.js').flatMap((file) => topLevelAwaits(file)), []);
  });

  test('the checker finds a top-level await (control)', () => {
    const text = 'const m = await f();\nasync function g() { await m; }\nconst h = async () => { await m; };\nfor await (const x of y) {}\n';
    const tops = topLevelAwaits('probe.ts', text);
    assert.deepEqual(tops, ['probe.ts:1: await f()', 'probe.ts:4: for await (const x of y) {}'], tops.join(' | '));
  });

  test('in Node the kernels are ready when the import returns, and nd.ready() resolves true', async () => {
    assert.notEqual(wasmKernels, null);
    const info = nd.info();
    assert.equal(info.wasm, true);
    assert.equal(info.wasmReason, null);
    assert.equal(await nd.ready(), true);
  });

  test('a Node worker_threads Worker answers a message posted right after construction, on WASM (3 of 3)', async () => {
    for (let run = 0; run < 3; run++) {
      const worker = new Worker(new URL('./loading-worker.mjs', import.meta.url));
      try {
        const answer = new Promise((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
        const t = nd.array([-2, 3, -1, 5, run]).toTransferable();
        worker.postMessage(t, [t.data.buffer]);
        assert.deepEqual(await answer, { wasm: true, wasmReason: null, positiveSum: 8 + run });
      } finally {
        await worker.terminate();
      }
    }
  });

  test('compile mode: asynchronous only on a browser main thread', () => {
    const cases: [string, object, 'sync' | 'async'][] = [
      ['Node (this process)', globalThis, 'sync'],
      ['no document (Deno, Bun, a Web Worker)', {}, 'sync'],
      ['a worker scope', { self: {}, importScripts: () => undefined }, 'sync'],
      ['a browser page', { document: {}, window: {} }, 'async'],
      ['jsdom in Node (a document, but Node)', { document: {}, process: { versions: { node: '20.20.2' } } }, 'sync'],
      ['a process shim without Node (bundled page)', { document: {}, process: { env: {} } }, 'async'],
    ];
    for (const [what, scope, mode] of cases) assert.equal(compileMode(scope), mode, what);
  });

  test('load errors: a Content-Security-Policy block is named, anything else keeps its message', () => {
    const cases: [unknown, string][] = [
      [
        new WebAssembly.CompileError(
          "WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive: \"script-src 'self'\"",
        ),
        'blocked by CSP',
      ],
      [new Error('call to WebAssembly.instantiate() blocked by CSP'), 'blocked by CSP'],
      [new Error('Refused to create a WebAssembly object because \'unsafe-eval\' is not an allowed source'), 'blocked by CSP'],
      [new RangeError('WebAssembly.Memory(): could not allocate memory'), 'load failed: WebAssembly.Memory(): could not allocate memory'],
      ['plain string', 'load failed: plain string'],
    ];
    for (const [error, reason] of cases) assert.equal(reasonOf(error), reason, String(error));
  });

  test("wasmReason is 'switched off by config' under nd.config({ wasm: false }) and null again after", () => {
    try {
      nd.config({ wasm: false });
      assert.deepEqual([nd.info().wasm, nd.info().wasmReason], [false, 'switched off by config']);
    } finally {
      nd.config({ wasm: true });
    }
    assert.deepEqual([nd.info().wasm, nd.info().wasmReason], [true, null]);
  });

  test('browser main-thread path: JS kernels until the module loads, then WASM, same answers', async () => {
    // exp(-4.998) differs in the last bit between the WASM polynomial and Math.exp: it shows
    // which kernels ran (both within the 2-ulp contract).
    const x = nd.array([-4.998, 0, 1, -1, 2.5, -0, NaN, Infinity, -Infinity]);
    const onWasm = x.exp().toArray() as number[];
    nd.config({ wasm: false });
    const onJs = x.exp().toArray() as number[];
    nd.config({ wasm: true });
    assert.notEqual(onWasm[0], onJs[0], 'precondition: the two kernels differ on exp(-4.998)');
    assert.equal(onJs[0], Math.exp(-4.998));

    const a = nd.array([-2, 3, -1, 5, 0, 7, -4, NaN, Infinity, -0]);
    try {
      unloadKernels();
      assert.deepEqual([nd.info().wasm, nd.info().wasmReason], [false, 'not ready yet']);
      assert.deepEqual(x.exp().toArray(), onJs);
      assert.deepEqual(a.where(a.gt(0)).toArray(), [3, 5, 7, Infinity]);
      assert.equal(nd.arange(1000).sum(), 499500);
      const loading = loadKernelsAsync();
      assert.equal(nd.info().wasmReason, 'not ready yet', 'the compile is asynchronous');
      const readyResult = await nd.ready();
      assert.equal(await loading, true);
      assert.equal(readyResult, true);
    } finally {
      if (!nd.info().wasm) await loadKernelsAsync();
    }
    assert.deepEqual([nd.info().wasm, nd.info().wasmReason], [true, null]);
    // Plans made while unloaded are dropped: the same op now runs on WASM.
    assert.deepEqual(x.exp().toArray(), onWasm);
    assert.deepEqual(a.where(a.gt(0)).toArray(), [3, 5, 7, Infinity]);
  });
});
