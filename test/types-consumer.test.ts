/**
 * The shipped declarations in consumer projects (test/types-consumer/, see its README):
 * an ES module project with `lib: ["es2022", "dom"]` and no skipLibCheck (before, ndvec's own
 * `Symbol.dispose` gave TS2550 there), a CommonJS project (compiled and run: `require('ndvec')`
 * through the "require" condition), and a `moduleResolution: bundler` project. Each runs
 * `tsc -p .`; the `@ts-expect-error` lines in checks.ts must stay errors.
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertDistFresh, repoRoot, run } from './helpers-dist.ts';

const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['esm', 'cjs', 'bundler'] as const;
const fixtures = join(repoRoot, 'test', 'types-consumer');

let work = '';
/** tsc's outcome per project, all compiled at once (each tsc takes seconds). */
const compiled = new Map<string, Promise<string>>();

/** Copies fixture project `name` (plus checks.ts) to `<work>/<as>` with ndvec linked in. */
function copyProject(name: string, as = name): string {
  const dir = join(work, as);
  cpSync(join(fixtures, name), dir, { recursive: true });
  cpSync(join(fixtures, 'checks.ts'), join(dir, 'checks.ts'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repoRoot, join(dir, 'node_modules', 'ndvec'), 'dir');
  return dir;
}

/** Runs tsc in `dir`; resolves to '' when it passes, else to its output. */
async function tsc(dir: string): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, [tscPath, '-p', '.'], { cwd: dir, encoding: 'utf8' });
    return '';
  } catch (e) {
    const { stdout, stderr, message } = e as { stdout?: string; stderr?: string; message: string };
    return `${stdout ?? ''}${stderr ?? ''}` || message;
  }
}

describe('the declarations in consumer projects', () => {
  before(() => {
    assertDistFresh();
    work = mkdtempSync(join(tmpdir(), 'ndvec-types-'));
    for (const name of projects) compiled.set(name, tsc(copyProject(name)));
  });

  after(async () => {
    await Promise.all(compiled.values());
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  test('ES module, lib ["es2022", "dom"], no skipLibCheck: compiles', async () => {
    assert.equal(await compiled.get('esm'), '');
  });

  test('moduleResolution "bundler", lib ["es2022", "dom"]: compiles', async () => {
    assert.equal(await compiled.get('bundler'), '');
  });

  test('CommonJS project: compiles to require("ndvec") and runs in Node on WASM', async () => {
    assert.equal(await compiled.get('cjs'), '');
    const emitted = readFileSync(join(work, 'cjs', 'out', 'index.js'), 'utf8');
    assert.match(emitted, /require\("ndvec"\)/);
    const out = JSON.parse(run(process.execPath, ['out/index.js'], join(work, 'cjs')).stdout) as {
      checks: { positive: number[]; wasm: boolean; reason: string | null };
      info: { wasm: boolean };
    };
    assert.deepEqual(out.checks, { positive: [3, 5], wasm: true, reason: null });
  });

  test('a wrong call makes tsc fail (control: the @ts-expect-error lines are live)', async () => {
    const dir = copyProject('esm', 'esm-control');
    // checks.ts without its @ts-expect-error comments: each wrong call must now be an error.
    const text = readFileSync(join(dir, 'checks.ts'), 'utf8');
    const expected = text.split('\n').filter((line) => /^\s*\/\/ @ts-expect-error/.test(line)).length;
    writeFileSync(join(dir, 'checks.ts'), text.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, ''));
    const output = await tsc(dir);
    const errors = output.split('\n').filter((line) => /^checks\.ts\(\d+,\d+\): error TS/.test(line));
    assert.ok(expected >= 3, `expected at least 3 @ts-expect-error lines, found ${expected}`);
    assert.equal(errors.length, expected, output);
  });
});
