/**
 * The published package: `npm pack` holds dist/, README.md and LICENSE and nothing it should
 * not; installed into a fresh project (offline: ndvec has no runtime dependencies) it imports
 * as `ndvec` from Node, runs its ops on WASM, type-checks a strict consumer, and runs the
 * README's quick start with the output its comments promise. `require('ndvec')` works too
 * (the CommonJS build in dist/cjs/), from the tarball and from a folder install
 * (`npm install <folder>`, as the README's install section says).
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDistFresh, expectedQuickStartOutput, quickStartCode, repoRoot, run } from './helpers-dist.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
};

interface PackedFile {
  path: string;
  size: number;
}

let work = '';
let consumer = '';
let packedFiles: string[] = [];

describe('the packed package', () => {
  before(() => {
    assertDistFresh();
    work = mkdtempSync(join(tmpdir(), 'ndvec-pack-'));
    // The test script built dist/ already; --ignore-scripts skips the prepack rebuild.
    const packed = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot);
    const info = JSON.parse(packed.stdout) as { filename: string; files: PackedFile[] }[];
    packedFiles = info[0]!.files.map((f) => f.path).sort();
    consumer = join(work, 'consumer');
    mkdirSync(consumer);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2),
    );
    run(
      npm,
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', join(work, info[0]!.filename)],
      consumer,
    );
  });

  after(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  describe('npm pack', () => {
    test('the package has no runtime dependencies', () => {
      assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
    });

    test('the tarball holds dist/, README.md, LICENSE, package.json and nothing else', () => {
      const outside = packedFiles.filter((p) => !p.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(p));
      assert.deepEqual(outside, []);
      for (const required of ['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/nd.js', 'dist/ndarray.d.ts']) {
        assert.ok(packedFiles.includes(required), `${required} missing from the tarball: ${packedFiles.join(', ')}`);
      }
    });

    test('the tarball carries the WASM module as JS (no .wasm file, no fs/fetch needed)', () => {
      assert.ok(packedFiles.includes('dist/kernels/wasm-bytes.generated.js'), `no generated WASM bytes: ${packedFiles.join(', ')}`);
      assert.deepEqual(packedFiles.filter((p) => p.endsWith('.wasm') || p.endsWith('.ts') && !p.endsWith('.d.ts')), []);
    });
  });

  describe('dist/ source', () => {
    const builtJs = (): string[] => packedFiles.filter((p) => p.endsWith('.js'));

    test('imports only its own files (no bare specifiers: nothing to resolve in a browser)', () => {
      // The Node-only entry `ndvec/node` (dist/node.js, dist/cjs/node.js) may use Node's built-ins.
      const nodeOnly = (file: string, spec: string): boolean => /^dist\/(cjs\/)?node\.js$/.test(file) && spec.startsWith('node:');
      const bare = builtJs().flatMap((file) => {
        const text = readFileSync(join(repoRoot, file), 'utf8');
        return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)]
          .map((m) => m[1] ?? m[2]!)
          .filter((spec) => !spec.startsWith('./') && !spec.startsWith('../') && !nodeOnly(file, spec))
          .map((spec) => `${file} imports '${spec}'`);
      });
      assert.deepEqual(bare, []);
    });

    test('has no eval or new Function (strict CSP pages must work)', () => {
      const found = builtJs().filter((file) => /\bnew Function\s*\(|(?<![\w.])eval\s*\(/.test(readFileSync(join(repoRoot, file), 'utf8')));
      assert.deepEqual(found, []);
    });
  });

  describe('installed package in Node', () => {
    test('imports as `ndvec` and runs ops on WASM', () => {
      const script = `
  import { nd, NdArray, ShapeError } from 'ndvec';
  const a = nd.array([-2, 3, -1, 5, 0, 7, -4]);
  const m = nd.arange(6).reshape([2, 3]);
  let shapeError = '';
  try { nd.zeros([2]).add(nd.zeros([3])); } catch (e) { shapeError = e.constructor.name + ':' + (e instanceof ShapeError); }
  console.log(JSON.stringify({
    info: nd.info(),
    positive: a.where(a.gt(0)).toArray(),
    sum0: m.sum(0).toArray(),
    sum1: m.sum(1).toArray(),
    total: m.sum(),
    exp: nd.array([0, 1, -1, 2]).exp().toArray(),
    isNdArray: a instanceof NdArray,
    shapeError,
  }));
  `;
      writeFileSync(join(consumer, 'check.mjs'), script);
      const out = JSON.parse(run(process.execPath, ['check.mjs'], consumer).stdout) as {
        info: { wasm: boolean; simd: boolean };
        positive: number[];
        sum0: number[];
        sum1: number[];
        total: number;
        exp: number[];
        isNdArray: boolean;
        shapeError: string;
      };
      assert.equal(out.info.wasm, true, `nd.info() in the installed package: ${JSON.stringify(out.info)}`);
      assert.deepEqual(out.positive, [3, 5, 7]);
      assert.deepEqual(out.sum0, [3, 5, 7]);
      assert.deepEqual(out.sum1, [3, 12]);
      assert.equal(out.total, 15);
      const wantExp = [1, Math.E, 1 / Math.E, Math.exp(2)];
      out.exp.forEach((v, i) => assert.ok(Math.abs(v - wantExp[i]!) <= 4 * Number.EPSILON * wantExp[i]!, `exp[${i}] = ${v}, want ${wantExp[i]}`));
      assert.equal(out.isNdArray, true);
      assert.match(out.shapeError, /Error:true$/);
    });

    test('a strict TypeScript consumer type-checks against the shipped .d.ts (and wrong calls do not)', () => {
      writeFileSync(
        join(consumer, 'consumer.ts'),
        `import { nd, NdArray, type Info, type Operand } from 'ndvec';
  const a: NdArray = nd.array([1, -2, 3]);
  const positive: NdArray = a.where(a.gt(0));
  const rows: NdArray | number = nd.arange(6).reshape([2, 3]).sum(1);
  const info: Info = nd.info();
  const wasm: boolean = info.wasm;
  const operand: Operand = 2;
  const scaled = nd.scope(() => a.mul(operand).exp());
  scaled.dispose();
  // @ts-expect-error a string is no operand
  a.add('1');
  // @ts-expect-error the shape is an array of numbers
  nd.zeros(['2']);
  export { positive, rows, wasm };
  `,
      );
      writeFileSync(
        join(consumer, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom', 'esnext.disposable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
          files: ['consumer.ts'],
        }),
      );
      run(process.execPath, [tscPath, '-p', 'tsconfig.json'], consumer);
    });

    test('require(\'ndvec\') from CommonJS (dist/cjs, every Node 20) runs on WASM', () => {
      writeFileSync(join(consumer, 'check.cjs'), REQUIRE_CHECK);
      assertRequireCheck(run(process.execPath, ['check.cjs'], consumer).stdout);
    });

    test("the README's quick start prints what its comments say", () => {
      const code = quickStartCode(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
      const expected = expectedQuickStartOutput(code);
      assert.ok(expected.length >= 5, `too few checked lines in the quick start: ${expected.length}`);
      writeFileSync(join(consumer, 'quick.mjs'), code);
      const out = run(process.execPath, ['quick.mjs'], consumer).stdout.trimEnd().split('\n');
      assert.deepEqual(out, expected);
    });
  });

});

/** A CommonJS script that requires ndvec and prints what the tests check. */
const REQUIRE_CHECK = `const { nd, NdArray, ShapeError } = require('ndvec');
const a = nd.array([-2, 3, -1, 5, 0, 7, -4]);
let shapeError = false;
try { nd.zeros([2]).add(nd.zeros([3])); } catch (e) { shapeError = e instanceof ShapeError; }
console.log(JSON.stringify({ info: nd.info(), positive: a.where(a.gt(0)).toArray(), isNdArray: a instanceof NdArray, shapeError, resolved: require.resolve('ndvec') }));
`;

/** The same check from an ES module. */
const IMPORT_CHECK = REQUIRE_CHECK.replace("const { nd, NdArray, ShapeError } = require('ndvec');", "import { nd, NdArray, ShapeError } from 'ndvec';")
  .replace("require.resolve('ndvec')", "import.meta.resolve('ndvec')");

function assertRequireCheck(stdout: string): string {
  const out = JSON.parse(stdout) as { info: { wasm: boolean; wasmReason: string | null }; positive: number[]; isNdArray: boolean; shapeError: boolean; resolved: string };
  assert.deepEqual([out.info.wasm, out.info.wasmReason], [true, null], JSON.stringify(out.info));
  assert.deepEqual(out.positive, [3, 5, 7]);
  assert.equal(out.isNdArray, true);
  assert.equal(out.shapeError, true);
  return out.resolved;
}

describe('installed from a folder (npm install <folder>)', () => {
  let folderWork = '';
  let app = '';

  before(() => {
    assertDistFresh();
    // The folder holds what a built clone offers the installer: the packed files.
    folderWork = mkdtempSync(join(tmpdir(), 'ndvec-folder-'));
    const packed = JSON.parse(run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', folderWork], repoRoot).stdout) as { filename: string }[];
    run('tar', ['-xzf', join(folderWork, packed[0]!.filename), '-C', folderWork], folderWork);
    app = join(folderWork, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }, null, 2));
    run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', join(folderWork, 'package')], app);
  });

  after(() => {
    if (folderWork !== '') rmSync(folderWork, { recursive: true, force: true });
  });

  test("require('ndvec') resolves dist/cjs and runs on WASM", () => {
    writeFileSync(join(app, 'check.cjs'), REQUIRE_CHECK);
    assert.match(assertRequireCheck(run(process.execPath, ['check.cjs'], app).stdout), /dist[/\\]cjs[/\\]index\.js$/);
  });

  test("'ndvec/node' (load/save) from require and import shares the main entry's NdArray", () => {
    const script = (form: 'require' | 'import'): string =>
      (form === 'require'
        ? "const { nd, NdArray } = require('ndvec');\nconst { load, save } = require('ndvec/node');\n"
        : "import { nd, NdArray } from 'ndvec';\nimport { load, save } from 'ndvec/node';\n") +
      `save('x-${form}.npy', nd.array([1.5, -2, 3]));
const b = load('x-${form}.npy');
console.log(JSON.stringify({ same: b instanceof NdArray, values: b.toArray() }));
`;
    writeFileSync(join(app, 'node-entry.cjs'), script('require'));
    writeFileSync(join(app, 'node-entry.mjs'), script('import'));
    for (const file of ['node-entry.cjs', 'node-entry.mjs']) {
      assert.deepEqual(JSON.parse(run(process.execPath, [file], app).stdout), { same: true, values: [1.5, -2, 3] }, file);
    }
  });

  test("import 'ndvec' resolves dist/index.js and runs on WASM", () => {
    writeFileSync(join(app, 'check.mjs'), IMPORT_CHECK);
    assert.match(assertRequireCheck(run(process.execPath, ['check.mjs'], app).stdout), /dist\/index\.js$/);
  });
});

describe('docs', () => {
  let docsDir = '';
  let api: { children?: ApiNode[] } = {};
  let typedocOutput = '';

  before(() => {
    // Into a temp dir (docs/api is for `npm run docs`). Warnings are counted by the test
    // below, so here they must not stop the run (typedoc.json treats them as errors).
    docsDir = mkdtempSync(join(tmpdir(), 'ndvec-docs-'));
    const out = join(docsDir, 'api');
    const typedoc = join(repoRoot, 'node_modules', 'typedoc', 'bin', 'typedoc');
    const r = run(process.execPath, [typedoc, '--treatWarningsAsErrors', 'false', '--out', join(out, 'html'), '--json', join(out, 'api.json')], repoRoot);
    typedocOutput = r.stdout + r.stderr;
    api = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as typeof api;
  });

  after(() => {
    if (docsDir !== '') rmSync(docsDir, { recursive: true, force: true });
  });

  test('the API reference builds with zero typedoc warnings', () => {
    const plain = typedocOutput.replace(/\x1b\[[0-9;]*m/g, '');
    const warnings = plain.split('\n').filter((line) => line.includes('[warning]') && !/Found \d+ errors and 0 warnings/.test(line));
    assert.deepEqual(warnings, []);
    assert.match(plain, /html generated/);
  });

  test('docs/guide.md maps every public NdArray member and nd function', () => {
    const guide = readFileSync(join(repoRoot, 'docs', 'guide.md'), 'utf8');
    // Code is what counts: fenced blocks, then `inline spans` in the rest.
    const fenced = [...guide.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
    const prose = guide.replace(/^```[a-z]*\n[\s\S]*?^```/gm, '');
    const code = [...fenced, ...[...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)];
    const codeWords = new Set(code.flatMap((c) => c.match(/[A-Za-z_$][\w$]*/g) ?? []));
    const members = (name: string): string[] =>
      (api.children?.find((c) => c.name === name)?.children ?? []).map((c) => c.name).filter((n) => !n.startsWith('['));
    const ndNames = members('nd');
    const methodNames = members('NdArray');
    assert.ok(ndNames.length > 50 && methodNames.length > 50, `API members not found: nd ${ndNames.length}, NdArray ${methodNames.length}`);
    const missing = [...new Set([...ndNames, ...methodNames])].filter((n) => !codeWords.has(n));
    assert.deepEqual(missing, [], `names missing from the NumPy → ndvec guide: ${missing.join(', ')}`);
  });
});

interface ApiNode {
  name: string;
  children?: ApiNode[];
}

