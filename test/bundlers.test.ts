/**
 * ndvec through bundlers, as users build it: esbuild (esm, iife, cjs and no format; targets
 * es2020 and es2022; with and without splitting; `import('ndvec')` and `require('ndvec')`)
 * and Vite (`vite build` of an app with a module Worker, Vite's default worker settings).
 * Every bundle runs in Node and in Chromium served with
 * `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'`: it reports WASM on (after
 * `await nd.ready()` on the main thread) and computes `a.where(a.gt(0))`; a Worker answers a
 * message posted right after `new Worker()`, 20 times in 20. Under a CSP without
 * 'wasm-unsafe-eval' it runs on the JS kernels and `nd.info().wasmReason` says CSP.
 *
 * Before loading went without top-level await, esbuild refused es2020/iife/cjs ("Top-level
 * await is not available"), Vite refused its iife worker (INVALID_TLA_FORMAT), an unsplit
 * `import('ndvec')` never settled (Node exit 13) and workers lost early messages.
 *
 * The bundles are built once into a temp folder; one Chromium serves every page. Without
 * /usr/bin/chromium the browser part is skipped, except in CI (CI=true), where that fails.
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build as esbuild, type BuildOptions } from 'esbuild';
import { assertDistFresh, repoRoot } from './helpers-dist.ts';
import { startStaticServer, STRICT_CSP, type StaticServer } from '../scripts/static-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const inCI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && inCI) throw new Error(`${CHROMIUM} is missing and CI is set: the bundler test must run in a browser in CI`);
const noBrowser = haveChromium ? false : `${CHROMIUM} not found (apt-get install chromium); skipped outside CI`;

/** A policy that forbids compiling WebAssembly: ndvec must fall back to its JS kernels. */
const NO_WASM_CSP = "script-src 'self'";
/** Times a Worker is created and sent a message at once. */
const WORKER_RUNS = 20;

/** What every check reports (`positive` and the rest as strings: Infinity survives JSON). */
interface CheckResult {
  error?: string;
  reasonAtImport: string | null;
  beforeReady: string;
  loaded: boolean;
  wasm: boolean;
  wasmReason: string | null;
  positive: string;
  total: number;
  workers?: WorkerAnswer[];
}

interface WorkerAnswer {
  error?: string;
  wasm?: boolean;
  wasmReason?: string | null;
  positive?: string;
}

// The app's sources: no top-level await anywhere (es2020 and iife/cjs outputs must build).
const sources: Record<string, string> = {
  'check.js': `export function check(nd) {
  const out = { reasonAtImport: nd.info().wasmReason };
  const a = nd.array([-2, 3, -1, 5, 0, 7, -4, NaN, Infinity, -0]);
  out.beforeReady = String(a.where(a.gt(0)).toArray());
  return nd.ready().then((loaded) => {
    const info = nd.info();
    Object.assign(out, { loaded, wasm: info.wasm, wasmReason: info.wasmReason });
    out.positive = String(a.where(a.gt(0)).toArray());
    out.total = nd.arange(1000).sum();
    return out;
  });
}
export function publish(promise) {
  promise.then(undefined, (e) => ({ error: String((e && e.stack) || e) })).then((out) => {
    if (typeof window === 'object') window.__result = out;
    else console.log(JSON.stringify(out));
  });
}
`,
  'app.js': `import { nd } from 'ndvec';
import { check, publish } from './check.js';
publish(check(nd));
`,
  'dynamic.js': `import { check, publish } from './check.js';
publish(import('ndvec').then(({ nd }) => check(nd)));
`,
  'require.js': `const { nd } = require('ndvec');
const { check, publish } = require('./check.js');
publish(check(nd));
`,
  'worker.js': `import { nd } from 'ndvec';
self.onmessage = (event) => {
  const a = nd.array(event.data);
  const info = nd.info();
  self.postMessage({ wasm: info.wasm, wasmReason: info.wasmReason, positive: String(a.where(a.gt(0)).toArray()) });
};
`,
  // Creates a Worker, posts at once, waits for the answer; WORKER_RUNS times in a row.
  'post-right-away.js': `export function postRightAway(startWorker, runs) {
  const answers = [];
  const once = (i) => new Promise((resolve) => {
    const worker = startWorker();
    const timer = setTimeout(() => resolve({ error: 'no answer within 10 s' }), 10000);
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => resolve({ error: 'worker error: ' + (event.message || event.type) });
    worker.postMessage([-2, 3, -1, 5, i]);
    return timer;
  }).then((answer) => { answers.push(answer); });
  let chain = Promise.resolve();
  for (let i = 0; i < runs; i++) chain = chain.then(() => once(i));
  return chain.then(() => answers);
}
`,
  'vite-main.js': `import { nd } from 'ndvec';
import { check, publish } from './check.js';
import { postRightAway } from './post-right-away.js';
const startWorker = () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
publish(check(nd).then((out) => postRightAway(startWorker, ${WORKER_RUNS}).then((workers) => ({ ...out, workers }))));
`,
  'index.html': `<!doctype html><meta charset="utf-8"><title>ndvec vite</title><link rel="icon" href="data:,">
<script type="module" src="./vite-main.js"></script>
`,
  // dist/ as it is, no bundler: a module Worker importing the package's entry.
  'dist-worker.js': `import { nd } from '/dist/index.js';
self.onmessage = (event) => {
  const a = nd.array(event.data);
  const info = nd.info();
  self.postMessage({ wasm: info.wasm, wasmReason: info.wasmReason, positive: String(a.where(a.gt(0)).toArray()) });
};
`,
  'dist-workers.js': `import { postRightAway } from './post-right-away.js';
postRightAway(() => new Worker('/src/dist-worker.js', { type: 'module' }), ${WORKER_RUNS}).then((workers) => { window.__result = { workers }; });
`,
};

/** An esbuild variant: how it is built and which of its files a page loads. */
interface Variant {
  name: string;
  options: BuildOptions;
  /** the entry source the page and Node run */
  entry: string;
  /** the built file to load (relative to the variant's folder) */
  output: string;
  /** loads as `<script type="module">` (else a classic script) */
  module: boolean;
}

function variant(name: string, entry: string, options: BuildOptions): Variant {
  const splitting = options.splitting === true;
  const module = options.format === 'esm';
  return { name, entry, options, output: splitting ? entry : module ? 'bundle.mjs' : 'bundle.js', module };
}

const variants: Variant[] = [
  variant('esm-es2020', 'app.js', { format: 'esm', target: 'es2020' }),
  variant('esm-es2022', 'app.js', { format: 'esm', target: 'es2022' }),
  variant('esm-es2022-import', 'dynamic.js', { format: 'esm', target: 'es2022' }),
  variant('esm-es2020-import', 'dynamic.js', { format: 'esm', target: 'es2020' }),
  variant('esm-es2020-split', 'dynamic.js', { format: 'esm', target: 'es2020', splitting: true }),
  variant('esm-es2022-split', 'dynamic.js', { format: 'esm', target: 'es2022', splitting: true }),
  variant('iife-es2020', 'app.js', { format: 'iife', target: 'es2020' }),
  variant('iife-es2022', 'app.js', { format: 'iife', target: 'es2022' }),
  variant('cjs-es2020', 'app.js', { format: 'cjs', target: 'es2020' }),
  variant('cjs-es2022', 'app.js', { format: 'cjs', target: 'es2022' }),
  variant('cjs-require', 'require.js', { format: 'cjs', target: 'es2020' }),
  variant('no-format', 'app.js', { target: 'es2022' }),
];

let work = '';
let srcDir = '';
let outDir = '';
const buildErrors = new Map<string, string>();

/** Builds every esbuild variant (errors kept per variant) and the Vite app. */
async function buildAll(): Promise<void> {
  work = mkdtempSync(join(tmpdir(), 'ndvec-bundlers-'));
  srcDir = join(work, 'src');
  outDir = join(work, 'out');
  mkdirSync(srcDir);
  mkdirSync(join(work, 'node_modules'));
  // `ndvec` resolves like an installed package: through package.json "exports".
  symlinkSync(repoRoot, join(work, 'node_modules', 'ndvec'), 'dir');
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(srcDir, name), text);
  await Promise.all(
    variants.map(async (v) => {
      const dir = join(outDir, v.name);
      const splitting = v.options.splitting === true;
      try {
        await esbuild({
          ...v.options,
          entryPoints: splitting ? [join(srcDir, 'app.js'), join(srcDir, v.entry)] : [join(srcDir, v.entry)],
          ...(splitting ? { outdir: dir } : { outfile: join(dir, v.output) }),
          bundle: true,
          platform: 'browser',
          logLevel: 'silent',
          absWorkingDir: work,
        });
        // Node runs .js in a variant's folder as ESM only with a package.json saying so.
        if (splitting) writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
      } catch (e) {
        buildErrors.set(v.name, (e as Error).message);
      }
    }),
  );
  const { build: viteBuild } = await import('vite');
  try {
    await viteBuild({
      root: srcDir,
      base: '/vite/',
      configFile: false,
      logLevel: 'silent',
      build: { outDir: join(outDir, 'vite'), emptyOutDir: true },
    });
  } catch (e) {
    buildErrors.set('vite', (e as Error).message);
  }
}

function assertBuilt(name: string): void {
  assert.equal(buildErrors.get(name), undefined, `${name} failed to build: ${buildErrors.get(name)}`);
}

/** Checks a result on the main thread or in Node; `browser`: WASM compiles asynchronously. */
function assertCheck(out: CheckResult | undefined, what: string, expect: { wasm: boolean; reason: string | null; browser: boolean }): void {
  assert.ok(out !== undefined, `${what}: no result`);
  assert.equal(out.error, undefined, `${what}: ${out.error}`);
  // On a browser main thread the module compiles after import; in Node it is ready at once.
  assert.equal(out.reasonAtImport, expect.browser ? 'not ready yet' : expect.reason, `${what}: wasmReason right after import`);
  assert.equal(out.beforeReady, '3,5,7,Infinity', `${what}: before nd.ready()`);
  assert.equal(out.loaded, expect.wasm, `${what}: nd.ready() resolved to`);
  assert.equal(out.wasm, expect.wasm, `${what}: nd.info().wasm (wasmReason ${out.wasmReason})`);
  assert.equal(out.wasmReason, expect.reason, `${what}: nd.info().wasmReason`);
  assert.equal(out.positive, '3,5,7,Infinity', `${what}: a.where(a.gt(0))`);
  assert.equal(out.total, 499500, `${what}: nd.arange(1000).sum()`);
}

function assertWorkers(answers: WorkerAnswer[] | undefined, what: string, expect: { wasm: boolean; reason: string | null }): void {
  assert.ok(answers !== undefined, `${what}: no worker answers`);
  // Run i posts [-2, 3, -1, 5, i].
  const good = answers.filter(
    (a, i) => a.error === undefined && a.positive === (i > 0 ? `3,5,${i}` : '3,5') && a.wasm === expect.wasm && a.wasmReason === expect.reason,
  );
  assert.equal(good.length, WORKER_RUNS, `${what}: ${good.length} of ${WORKER_RUNS} workers answered right:\n${JSON.stringify(answers)}`);
}

before(async () => {
  assertDistFresh();
  await buildAll();
});

after(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('bundles build', () => {
  for (const v of variants) {
    test(`esbuild ${v.name} (${v.options.format ?? 'default format'}, ${v.options.target}${v.options.splitting ? ', splitting' : ''}, ${v.entry})`, () => {
      assertBuilt(v.name);
    });
  }
  test('vite build (app + module Worker, default worker format)', () => {
    assertBuilt('vite');
    const assets = readdirSync(join(outDir, 'vite', 'assets'));
    assert.ok(assets.some((f) => f.startsWith('worker')), `no worker chunk among ${assets.join(', ')}`);
  });
});

describe('bundles run in Node', () => {
  for (const v of variants) {
    test(`esbuild ${v.name}`, () => {
      assertBuilt(v.name);
      const r = spawnSync(process.execPath, [join(outDir, v.name, v.output)], { encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 0, `exit ${r.status} ${r.signal ?? ''}\n${r.stderr}`);
      assertCheck(JSON.parse(r.stdout) as CheckResult, v.name, { wasm: true, reason: null, browser: false });
    });
  }
});

// Chromium and playwright-core only load when the suite runs.
type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

describe('bundles run in Chromium', { skip: noBrowser }, () => {
  let browser: Browser;
  let strict: StaticServer;
  let noWasm: StaticServer;

  /** One page per bundle; each loads its script (no inline script under the CSP). */
  function pages(): Record<string, string> {
    const html = (src: string, module: boolean): string =>
      `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script ${module ? 'type="module" ' : ''}src="${src}"></script>`;
    const result: Record<string, string> = { '/p/dist-workers.html': html('/src/dist-workers.js', true) };
    for (const v of variants) result[`/p/${v.name}.html`] = html(`/out/${v.name}/${v.output}`, v.module);
    return result;
  }

  before(async () => {
    const mounts = { '/out/': relative(work, outDir), '/vite/': relative(work, join(outDir, 'vite')), '/src/': 'src', '/dist/': relative(work, join(repoRoot, 'dist')) };
    strict = await startStaticServer({ root: work, mounts, pages: pages() });
    noWasm = await startStaticServer({ root: work, mounts, pages: pages(), csp: NO_WASM_CSP });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await strict?.close();
    await noWasm?.close();
  });

  /** Opens `path`, waits for `window.__result`; fails early with the page's errors. */
  async function resultOf<T>(server: StaticServer, path: string): Promise<{ out: T; problems: string[]; csp: string[] }> {
    const page: Page = await browser.newPage();
    const problems: string[] = [];
    const csp: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.exposeFunction('__cspViolation', (text: string) => csp.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      );
    });
    try {
      await page.goto(server.origin + path);
      const deadline = Date.now() + 45_000;
      for (;;) {
        const out = await page.evaluate(() => (window as unknown as { __result?: unknown }).__result);
        if (out !== undefined) return { out: out as T, problems, csp };
        if (problems.some((p) => p.startsWith('pageerror')) || Date.now() > deadline) {
          throw new Error(`${path}: no result\n${problems.join('\n')}`);
        }
        await new Promise((ok) => setTimeout(ok, 50));
      }
    } finally {
      await page.close();
    }
  }

  test('the servers send the policies', async () => {
    assert.equal((await fetch(`${strict.origin}/src/app.js`)).headers.get('content-security-policy'), STRICT_CSP);
    assert.equal((await fetch(`${noWasm.origin}/src/app.js`)).headers.get('content-security-policy'), NO_WASM_CSP);
  });

  for (const v of variants) {
    test(`esbuild ${v.name}: WASM on after nd.ready(), right answers, no CSP violation`, async () => {
      assertBuilt(v.name);
      const { out, problems, csp } = await resultOf<CheckResult>(strict, `/p/${v.name}.html`);
      assertCheck(out, v.name, { wasm: true, reason: null, browser: true });
      assert.deepEqual(csp, []);
      assert.deepEqual(problems, []);
    });
  }

  test(`vite build: app on WASM, its module Worker answers a message posted at once ${WORKER_RUNS}/${WORKER_RUNS}`, async () => {
    assertBuilt('vite');
    const { out, problems, csp } = await resultOf<CheckResult>(strict, '/vite/index.html');
    assertCheck(out, 'vite', { wasm: true, reason: null, browser: true });
    assertWorkers(out.workers, 'vite worker', { wasm: true, reason: null });
    assert.deepEqual(csp, []);
    assert.deepEqual(problems, []);
  });

  test(`dist/ unbundled: a module Worker answers a message posted at once ${WORKER_RUNS}/${WORKER_RUNS}, on WASM`, async () => {
    const { out, problems } = await resultOf<{ workers: WorkerAnswer[] }>(strict, '/p/dist-workers.html');
    assertWorkers(out.workers, 'dist worker', { wasm: true, reason: null });
    assert.deepEqual(problems, []);
  });

  for (const name of ['esm-es2022', 'iife-es2020', 'cjs-require']) {
    test(`CSP without 'wasm-unsafe-eval' (${name}): JS kernels, same answers, wasmReason 'blocked by CSP'`, async () => {
      assertBuilt(name);
      const { out } = await resultOf<CheckResult>(noWasm, `/p/${name}.html`);
      assertCheck(out, name, { wasm: false, reason: 'blocked by CSP', browser: true });
    });
  }

  test("CSP without 'wasm-unsafe-eval': the Vite app and its Worker run on JS kernels and say CSP", async () => {
    const { out } = await resultOf<CheckResult>(noWasm, '/vite/index.html');
    assertCheck(out, 'vite', { wasm: false, reason: 'blocked by CSP', browser: true });
    assertWorkers(out.workers, 'vite worker', { wasm: false, reason: 'blocked by CSP' });
  });
});

