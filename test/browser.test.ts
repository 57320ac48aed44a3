/**
 * The built package (dist/) in headless Chromium under a strict Content-Security-Policy
 * (`script-src 'self' 'wasm-unsafe-eval'`): it loads as an ES module, runs on WASM, gives the
 * right answers, and neither it nor the demo page (docs/demo) trips the policy or logs an
 * error. The demo is run once and screenshotted to artifacts/demo.png.
 *
 * Without /usr/bin/chromium the suite is skipped, except in CI (CI=true), where that fails.
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDistFresh, repoRoot } from './helpers-dist.ts';
import { startStaticServer, STRICT_CSP, type StaticServer } from '../scripts/static-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const inCI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && inCI) throw new Error(`${CHROMIUM} is missing and CI is set: the browser test must run in CI`);
const skip = haveChromium ? false : `${CHROMIUM} not found (apt-get install chromium); skipped outside CI`;

/** The page that checks the package; its script is a separate file (no inline script under the CSP). */
const checkPages: Record<string, string> = {
  '/check/index.html': `<!doctype html><meta charset="utf-8"><title>ndvec check</title><link rel="icon" href="data:,">
<script type="module" src="/check/check.js"></script><pre id="result">pending</pre>`,
  '/check/check.js': `import { nd, NdArray } from '/dist/index.js';
const out = {};
try {
  // On a page the kernels compile after import: JS kernels until nd.ready() resolves.
  out.reasonAtImport = nd.info().wasmReason;
  out.loaded = await nd.ready();
  const a = nd.array([-2, 3, -1, 5, 0, 7, -4]);
  const m = nd.arange(6).reshape([2, 3]);
  const big = nd.arange(100000);
  out.info = nd.info();
  out.positive = a.where(a.gt(0)).toArray();
  out.sum0 = m.sum(0).toArray();
  out.sum1 = m.sum(1).toArray();
  out.mean1 = m.mean(1, { keepdims: true }).toArray();
  out.exp = nd.array([0, 1]).exp().toArray();
  out.bigFiltered = nd.scope(() => big.where(big.ge(50000)).sum());
  out.isNdArray = a instanceof NdArray;
  // nd.fuse under the strict CSP: traced and run on the WASM kernels (no eval, no new Function).
  const poly = nd.fuse((x) => x.pow(2).add(x.mul(2)).add(1));
  const posSum = nd.fuse((x) => x.where(x.gt(0)).sum());
  out.fusedPoly = poly(a).toArray();
  out.fusedPolyPlan = poly.explain();
  out.fusedFilter = nd.fuse((x) => x.where(x.gt(0)))(a).toArray();
  out.fusedBigSum = nd.scope(() => posSum(big.sub(50000)));
  out.fusedPlan = posSum.explain();
  out.fusedWasm = nd.info().wasm;
} catch (e) {
  out.error = String((e && e.stack) || e);
}
document.getElementById('result').textContent = JSON.stringify(out);
window.__ndvecCheck = out;
`,
  // Control: an inline script must be blocked and reported, or the policy checks prove nothing.
  '/check/inline.html': `<!doctype html><meta charset="utf-8"><title>inline</title><link rel="icon" href="data:,"><script>window.__inlineRan = true;</script>`,
};

// Chromium and playwright-core only load when the suite runs.
type Browser = import('playwright-core').BrowserContext;
type Page = import('playwright-core').Page;

let server: StaticServer;
let context: Browser;
let profile = '';

/** Records what would break a strict page: CSP violations, uncaught errors, console errors. */
async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(server.origin + path);
  return { page, problems };
}

/**
 * Waits for `ready` but gives up early, with everything recorded, once the page reported an
 * uncaught error (a module that fails to load never gets ready).
 */
async function readyOrFail<T>(ready: Promise<T>, problems: string[], what: string): Promise<T> {
  let timer: ReturnType<typeof setInterval> | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if (problems.some((p) => p.startsWith('pageerror'))) reject(new Error('the page failed'));
    }, 100);
  });
  try {
    return await Promise.race([ready, failed]);
  } catch (e) {
    throw new Error(`${what}: ${(e as Error).message}\n${problems.join('\n')}`);
  } finally {
    clearInterval(timer);
  }
}

/** Runs the demo at `size` and checks that all four variants finished and agree. */
async function runDemo(page: Page, problems: string[], size: string): Promise<void> {
  await page.selectOption('#size', size);
  const runs = Number((await page.getAttribute('#status', 'data-runs')) ?? '0');
  await page.click('#run');
  await readyOrFail(
    page.waitForSelector(`#status[data-runs="${runs + 1}"]`, { timeout: 120_000 }),
    problems,
    'running the demo',
  );
  const status = (await page.textContent('#status')) ?? '';
  assert.match(status, /^Done/, `${status}\n${problems.join('\n')}`);
  const rows = await page.$$eval('#results tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
  assert.equal(rows.length, 4);
  for (const row of rows) assert.equal(row[4], '✓', `variant disagrees with the Array method: ${row.join(' | ')}`);
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

describe('browser (Chromium, strict CSP)', { skip }, () => {
  before(async () => {
    assertDistFresh();
    server = await startStaticServer({
      root: repoRoot,
      mounts: { '/dist/': 'dist', '/docs/demo/': 'docs/demo' },
      pages: checkPages,
    });
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'ndvec-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1000, height: 860 },
    });
    // Runs before any page script (injected by the driver, so the CSP does not apply to it).
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
    });
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (profile !== '') rmSync(profile, { recursive: true, force: true });
  });

  test('every response carries the strict CSP, and it blocks inline script (control)', async () => {
    const response = await fetch(`${server.origin}/dist/index.js`);
    assert.equal(response.headers.get('content-security-policy'), STRICT_CSP);
    const { page } = await openPage('/check/inline.html');
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0, undefined, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan), undefined);
    assert.match((await cspViolations(page)).join('\n'), /script-src/);
    await page.close();
  });

  test('dist/ loads as an ES module, runs on WASM and computes right', async () => {
    const { page, problems } = await openPage('/check/index.html');
    const handle = await readyOrFail(
      page.waitForFunction(() => (window as unknown as { __ndvecCheck?: unknown }).__ndvecCheck, undefined, { timeout: 30_000 }),
      problems,
      'the check page',
    );
    const out = (await handle.jsonValue()) as Record<string, unknown>;
    assert.equal(out.error, undefined, String(out.error));
    assert.equal(out.reasonAtImport, 'not ready yet', 'on a page the WASM kernels compile asynchronously after import');
    assert.equal(out.loaded, true);
    assert.equal((out.info as { wasm: boolean }).wasm, true, `nd.info(): ${JSON.stringify(out.info)}`);
    assert.equal((out.info as { wasmReason: string | null }).wasmReason, null);
    assert.deepEqual(out.positive, [3, 5, 7]);
    assert.deepEqual(out.sum0, [3, 5, 7]);
    assert.deepEqual(out.sum1, [3, 12]);
    assert.deepEqual(out.mean1, [[1], [4]]);
    assert.equal((out.exp as number[])[0], 1);
    assert.ok(Math.abs((out.exp as number[])[1]! - Math.E) <= 4 * Number.EPSILON * Math.E, `exp(1) = ${(out.exp as number[])[1]}`);
    assert.equal(out.bigFiltered, (50000 + 99999) * 25000);
    assert.equal(out.isNdArray, true);
    assert.deepEqual(out.fusedPoly, [1, 16, 0, 36, 1, 64, 9], 'nd.fuse: x**2 + 2x + 1');
    assert.deepEqual(out.fusedFilter, [3, 5, 7], 'nd.fuse: x.where(x.gt(0))');
    assert.equal(out.fusedBigSum, 49999 * 50000 / 2, 'nd.fuse: sum of the positive values of 100,000');
    assert.match(String(out.fusedPlan), /mask never stored/);
    assert.match(String(out.fusedPolyPlan), /generated WebAssembly loop/, 'WebAssembly generated per plan compiles under the CSP');
    assert.equal(out.fusedWasm, true, 'the fused calls ran with WASM on');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the demo page runs every variant, agrees with the plain loop, and is screenshotted', async () => {
    const { page, problems } = await openPage('/docs/demo/');
    await readyOrFail(page.waitForSelector('#status[data-state="idle"]', { timeout: 30_000 }), problems, 'loading the demo');
    assert.match(await page.textContent('#status') ?? '', /WASM on/);
    // Your own f(x): a parse error shows a message; a good expression runs and agrees.
    await page.selectOption('#case', 'custom');
    await page.fill('#expression', 'x * (2 +');
    assert.match((await page.textContent('#error')) ?? '', /unexpected end/);
    await page.fill('#expression', 'x*x + 2*x + 1');
    assert.match((await page.textContent('#code')) ?? '', /ndveca\.mul\(a\)\.add\(a\.mul\(2\)\)\.add\(1\)$/);
    await runDemo(page, problems, '10000');
    // The screenshot: keep x > 0 on a million numbers.
    await page.selectOption('#case', 'filter');
    await runDemo(page, problems, '1000000');
    assert.equal(await page.locator('#chart svg rect').count(), 4);
    mkdirSync(join(repoRoot, 'artifacts'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'artifacts', 'demo.png'), fullPage: true });
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
