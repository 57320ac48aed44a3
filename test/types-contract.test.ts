/**
 * Compiles test/types/contract-types.ts with tsc: the overloads give `number` for full
 * reductions and `NdArray` with an axis, keepdims or out; getNumber/getBool and toArray need
 * no casts; its `@ts-expect-error` lines must fail (issue 9, "Types that need no casts").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

test('the typed contract compiles, and every @ts-expect-error line is an error', () => {
  const r = spawnSync(process.execPath, [tsc, '-p', 'test/types'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc -p test/types failed:\n${r.stdout}${r.stderr}`);
});
