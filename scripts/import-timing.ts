/**
 * Time from `import('ndvec')` to the end of the first op at 1K elements
 * (`a.where(a.gt(0)).sum()` on `nd.arange(1000).sub(500)`), in Node (a fresh process per run)
 * and in headless Chromium (a fresh page per run, module script, strict CSP). Also reports, in
 * Chromium, when `nd.ready()` settled and whether the first op ran on WASM.
 *
 *     node --import tsx scripts/import-timing.ts [distDir] [runs]
 *
 * `distDir` defaults to dist/ (run `npm run build` first); pass another built copy to compare
 * (the figures in docs/design.md, "Loading without top-level await", came from this script on
 * the dist/ of before and after the change). Prints medians in milliseconds.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStaticServer } from './static-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const runs = Number(process.argv[3] ?? 15);
const CHROMIUM = '/usr/bin/chromium';

/** The probe, the same text in Node and in the page; `SPEC` is replaced by the entry URL. */
const probe = `const t0 = performance.now();
const { nd } = await import(SPEC);
const t1 = performance.now();
const wasmAtFirstOp = nd.info().wasm;
const a = nd.arange(1000).sub(500);
const value = a.where(a.gt(0)).sum();
const t2 = performance.now();
let readyMs = null;
if (typeof nd.ready === 'function') { await nd.ready(); readyMs = performance.now() - t0; }
const result = { importMs: t1 - t0, firstOpMs: t2 - t0, readyMs, wasmAtFirstOp, wasm: nd.info().wasm, value };
`;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[sorted.length >> 1]!;
}

interface Sample {
  importMs: number;
  firstOpMs: number;
  readyMs: number | null;
  wasmAtFirstOp: boolean;
  wasm: boolean;
  value: number;
}

function summary(where: string, samples: Sample[]): void {
  const ready = samples.map((s) => s.readyMs).filter((v): v is number => v !== null);
  console.log(
    `${where.padEnd(9)} import ${median(samples.map((s) => s.importMs)).toFixed(1)} ms, ` +
      `import → first op done ${median(samples.map((s) => s.firstOpMs)).toFixed(1)} ms, ` +
      `ready ${ready.length > 0 ? `${median(ready).toFixed(1)} ms` : 'n/a'}, ` +
      `first op on WASM ${samples.filter((s) => s.wasmAtFirstOp).length}/${samples.length}, ` +
      `value ${samples[0]!.value} (median of ${samples.length})`,
  );
}

function nodeSamples(): Sample[] {
  const dir = mkdtempSync(join(tmpdir(), 'ndvec-timing-'));
  try {
    const file = join(dir, 'probe.mjs');
    writeFileSync(file, probe.replace('SPEC', JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)) + 'console.log(JSON.stringify(result));\n');
    return Array.from({ length: runs }, () => {
      const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as Sample;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function chromiumSamples(): Promise<Sample[]> {
  const mount = relative(root, dist);
  const server = await startStaticServer({
    root,
    mounts: { '/dist/': mount },
    pages: {
      '/t/index.html': '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/t/probe.js"></script>',
      '/t/probe.js': probe.replace('SPEC', "'/dist/index.js'") + 'window.__timing = result;\n',
    },
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/t/index.html`);
      const handle = await page.waitForFunction(() => (window as unknown as { __timing?: Sample }).__timing, undefined, { timeout: 30_000 });
      samples.push((await handle.jsonValue()) as Sample);
      await page.close();
    }
    return samples;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (!existsSync(join(dist, 'index.js'))) throw new Error(`${dist}/index.js missing: run \`npm run build\` first`);
console.log(`import → first op (1K), ${dist}`);
summary('Node', nodeSamples());
if (existsSync(CHROMIUM)) summary('Chromium', await chromiumSamples());
else console.log(`Chromium: ${CHROMIUM} not found, skipped`);
