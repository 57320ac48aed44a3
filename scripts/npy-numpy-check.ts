/**
 * Files written by ndvec, read back by NumPy: writes .npy files (float64 with NaN/-0/±Inf/1e308,
 * bool, 0-d, empty, transposed/stepped/reversed/broadcast views, 100k elements) and two .npz
 * archives (stored and deflated) holding all of them, then has python3 + NumPy load each one
 * and compare dtype, shape, values (NaN-aware) and the sign of zeros, check the .npy format
 * version is 1.0 and run zipfile's CRC test on the archives. Needs python3 with NumPy; the
 * unit tests (test/npy.test.ts) do not.
 *
 *   node --import tsx scripts/npy-numpy-check.ts
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nd, type NdArray } from '../src/index.ts';
import { save } from '../src/node.ts';

const dir = mkdtempSync(join(tmpdir(), 'ndvec-npy-check-'));
const base = nd.array([[1.5, NaN, -0], [Infinity, -Infinity, 1e308]]);
const arrays: Record<string, NdArray> = {
  f8: base,
  transposed: base.T,
  stepped: nd.arange(20).reshape([4, 5]).slice('::2', '::-2'),
  bool: base.gt(0),
  boolTransposed: base.gt(0).T,
  scalar: nd.array(2.5),
  scalarBool: nd.array(true),
  empty: nd.zeros([2, 0, 3]),
  broadcast: nd.array([1, 2]).broadcastTo([3, 2]),
  big: nd.arange(100000).mul(0.5),
};
/** Numbers as text JSON can carry: '-0', 'NaN', 'Infinity', '-Infinity' kept. */
const encode = (a: NdArray): string =>
  JSON.stringify(a.toArray(), (_k, v: unknown) => (typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v)) ? (Object.is(v, -0) ? '-0' : String(v)) : v));
const expected: Record<string, { shape: readonly number[]; dtype: string; values: string }> = {};
for (const [k, a] of Object.entries(arrays)) {
  save(join(dir, `${k}.npy`), a);
  expected[k] = { shape: a.shape, dtype: a.dtype, values: encode(a) };
}
save(join(dir, 'stored.npz'), arrays);
save(join(dir, 'deflated.npz'), arrays, { compress: true });
writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected));

const py = `
import json, sys, zipfile, numpy as np
d = sys.argv[1]
exp = json.load(open(d + '/expected.json'))
def conv(x):
    if isinstance(x, list): return [conv(y) for y in x]
    return {'-0': -0.0, 'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}.get(x, x) if isinstance(x, str) else x
def check(a, e, what):
    want = np.array(conv(json.loads(e['values'])), dtype=bool if e['dtype'] == 'bool' else np.float64).reshape(e['shape'])
    assert a.dtype == want.dtype and a.shape == want.shape, (what, a.dtype, a.shape)
    assert np.array_equal(a, want, equal_nan=a.dtype != bool), what
    if a.dtype != bool: assert np.array_equal(np.signbit(a), np.signbit(want)), what
n = 0
for k, e in exp.items():
    with open(f'{d}/{k}.npy', 'rb') as f: assert np.lib.format.read_magic(f) == (1, 0), k
    check(np.load(f'{d}/{k}.npy'), e, k); n += 1
for z, method in [('stored.npz', zipfile.ZIP_STORED), ('deflated.npz', zipfile.ZIP_DEFLATED)]:
    with zipfile.ZipFile(f'{d}/{z}') as zf:
        assert zf.testzip() is None and {i.compress_type for i in zf.infolist()} == {method}, z
    with np.load(f'{d}/{z}') as f:
        assert list(f.keys()) == list(exp.keys()), (z, list(f.keys()))
        for k, e in exp.items(): check(f[k], e, f'{z}:{k}'); n += 1
print(f'NumPy {np.__version__} read back {n} arrays written by ndvec (.npy and stored/deflated .npz): dtype, shape, values, signs of zero all equal')
`;
try {
  const run = spawnSync('python3', ['-c', py, dir], { encoding: 'utf8' });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    process.stderr.write(run.error?.message ?? run.stderr);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
