/**
 * Files written by ndvec, read back by NumPy: writes .npy files (float64 with NaN/-0/±Inf/1e308
 * and a NaN with a payload, bool masks, 0-d, empty with a 0 in any axis, size-1 axes,
 * transposed/stepped/reversed/broadcast views, 100k elements) and .npz archives (stored and
 * deflated) holding all of them under plain keys and under keys needing care ('a/b', unicode,
 * '', ' sp', 'x.npy', '__proto__', 300 characters), then has python3 + NumPy load each one
 * with np.load(allow_pickle=False) and compare dtype, shape and the bits of every value (so
 * NaN payloads and the sign of zeros count), check the .npy format version is 1.0 and the
 * header np.save would write, the .npz keys in order, and run zipfile's CRC test on the
 * archives. Needs python3 with NumPy; the unit tests (test/npy*.test.ts) do not.
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
// A NaN with a payload and its sign set: read from a .npy file, so its bits are known.
const payloadBits = [0xfff0000000000123n, 0x7ff4000000000000n, 0x8000000000000000n, 0x0000000000000001n];
const payloadFile = new Uint8Array(128 + 32);
payloadFile.set(nd.zeros([4]).toNpy().subarray(0, 128));
new BigUint64Array(payloadFile.buffer, 128, 4).set(payloadBits);
const arrays: Record<string, NdArray> = {
  f8: base,
  transposed: base.T,
  stepped: nd.arange(20).reshape([4, 5]).slice('::2', '::-2'),
  reversed: nd.arange(7).slice('::-1'),
  bool: base.gt(0),
  boolTransposed: base.gt(0).T,
  boolStepped: nd.arange(30).reshape([5, 6]).gt(10).slice('1::2', '::3'),
  scalar: nd.array(2.5),
  scalarNegZero: nd.array(-0),
  scalarBool: nd.array(true),
  empty: nd.zeros([2, 0, 3]),
  emptyFirst: nd.zeros([0, 4]),
  emptyBool: nd.zeros([3, 0]).gt(0),
  ones: nd.ones([1, 3, 1]),
  broadcast: nd.array([1, 2]).broadcastTo([3, 2]),
  payload: nd.fromNpy(payloadFile),
  big: nd.arange(100000).mul(0.5),
};
const keyed: Record<string, NdArray> = {
  'a/b': arrays.f8!,
  'dir/sub/c': arrays.bool!,
  'é☃ 😀': arrays.scalar!,
  '': arrays.empty!,
  ' sp ': arrays.ones!,
  'x.npy': arrays.stepped!,
  ['k'.repeat(300)]: arrays.payload!,
};
Object.defineProperty(keyed, '__proto__', { value: arrays.boolTransposed, enumerable: true, writable: true, configurable: true });

/** The bits of the elements in C order, as hex (float64 little-endian, or one byte a bool). */
function bits(a: NdArray): string {
  const flat = a.toArray();
  const values: unknown[] = Array.isArray(flat) ? (flat as unknown[]).flat(Infinity) : [flat];
  if (a.dtype === 'bool') return Buffer.from(values.map((v) => (v ? 1 : 0))).toString('hex');
  return Buffer.from(new Float64Array(values as number[]).buffer).toString('hex');
}
const expected: Record<string, { shape: readonly number[]; dtype: string; hex: string }> = {};
const expect = (a: NdArray, k: string): { shape: readonly number[]; dtype: string; hex: string } => {
  // the payload NaN is checked against the bits written into its source file (a JS number may not keep them)
  const hex = k === 'payload' || a === arrays.payload ? Buffer.from(new BigUint64Array(payloadBits).buffer).toString('hex') : bits(a);
  return { shape: a.shape, dtype: a.dtype, hex };
};
for (const [k, a] of Object.entries(arrays)) {
  save(join(dir, `${k}.npy`), a);
  expected[k] = expect(a, k);
}
const keyedExpected: Record<string, { shape: readonly number[]; dtype: string; hex: string }> = {};
for (const [k, a] of Object.entries(keyed)) Object.defineProperty(keyedExpected, k, { value: expect(a, k), enumerable: true });
save(join(dir, 'stored.npz'), arrays);
save(join(dir, 'deflated.npz'), arrays, { compress: true });
save(join(dir, 'keys-stored.npz'), keyed);
save(join(dir, 'keys-deflated.npz'), keyed, { compress: true });
writeFileSync(join(dir, 'expected.json'), JSON.stringify({ arrays: expected, keyed: keyedExpected }));

const py = `
import io, json, sys, zipfile, numpy as np
d = sys.argv[1]
exp = json.load(open(d + '/expected.json'))
def check(a, e, what):
    assert isinstance(a, np.ndarray), what
    want_dtype = np.dtype(bool) if e['dtype'] == 'bool' else np.dtype('<f8')
    assert a.dtype == want_dtype and list(a.shape) == e['shape'], (what, a.dtype, a.shape, e['shape'])
    got = np.ascontiguousarray(a).view(np.uint8).tobytes().hex()
    assert got == e['hex'], (what, got[:64], e['hex'][:64])
n = 0
for k, e in exp['arrays'].items():
    raw = open(f'{d}/{k}.npy', 'rb').read()
    assert np.lib.format.read_magic(io.BytesIO(raw)) == (1, 0), k
    a = np.load(f'{d}/{k}.npy', allow_pickle=False)
    check(a, e, k); n += 1
    f = io.BytesIO(); np.save(f, a)
    assert f.getvalue() == raw, ('not the bytes np.save writes', k)
for z, keys in [('stored.npz', 'arrays'), ('deflated.npz', 'arrays'), ('keys-stored.npz', 'keyed'), ('keys-deflated.npz', 'keyed')]:
    method = zipfile.ZIP_DEFLATED if 'deflated' in z else zipfile.ZIP_STORED
    with zipfile.ZipFile(f'{d}/{z}') as zf:
        assert zf.testzip() is None and {i.compress_type for i in zf.infolist()} == {method}, z
    with np.load(f'{d}/{z}', allow_pickle=False) as f:
        assert list(f.keys()) == list(exp[keys].keys()), (z, list(f.keys()))
        for k, e in exp[keys].items(): check(f[k], e, f'{z}:{k}'); n += 1
print(f'NumPy {np.__version__} read back {n} arrays written by ndvec (.npy and stored/deflated .npz, keys with /, unicode, empty, .npy, __proto__): dtype, shape and the bits of every value equal; every .npy is the bytes np.save writes')
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
