/**
 * What reading a 100 MB .npy costs, against the one copy it should cost
 * (`Float64Array.prototype.set` of the same bytes), plus the other layouts for scale.
 *
 *   node --import tsx scripts/npy-timing.ts
 *
 * Prints milliseconds, the fastest of 7 runs each. The files are made in memory by
 * toNpy (`<f8`, what np.save writes for float64) and by hand for the other dtypes. When
 * python3 with NumPy is on the machine, the last lines time `np.load` of the same file
 * from disk beside ndvec's `load` (ndvec/node) in the same run.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nd, type NdArray } from '../src/index.ts';
import { load } from '../src/node.ts';
import { fromNpy, toNpy } from '../src/io/npy.ts';
import { fromNpz, toNpz } from '../src/io/npz.ts';
import { fastestPerCall } from './timing.ts';

const N = 12_500_000; // 100 MB of float64
const RUNS = 7;

/** A .npy file of `n` elements of `descr` in C (or Fortran) order, data bytes left as `data`. */
function npyFile(descr: string, shape: number[], data: Uint8Array, fortran = false): Uint8Array {
  const dict = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')},), }`;
  const len = Math.ceil((10 + dict.length + 1) / 64) * 64 - 10;
  const out = new Uint8Array(10 + len + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, len & 0xff, len >> 8]);
  out.set(new TextEncoder().encode(dict.padEnd(len - 1, ' ') + '\n'), 10);
  out.set(data, 10 + len);
  return out;
}

const a = nd.random([N], { seed: 1 });
const le = toNpy(a);
a.dispose();
const src = new Float64Array(le.buffer, le.length - N * 8, N);
const dst = new Float64Array(N);
const ms = (fn: () => void): string => fastestPerCall(fn, 1, RUNS).toFixed(1).padStart(7);
const read = (bytes: Uint8Array) => (): void => fromNpy(bytes).dispose();

console.log(`reading ${(le.length / 1e6).toFixed(0)} MB .npy files (${N} elements), fastest of ${RUNS} runs, ms`);
console.log(`${ms(() => dst.set(src))}  Float64Array.prototype.set of the same bytes into a preallocated array (one copy)`);
console.log(`${ms(() => new Float64Array(N).set(src))}  the same into a new Float64Array`);
console.log(`${ms(read(le))}  fromNpy '<f8' (what np.save writes)`);
const unaligned = new Uint8Array(le.length + 1).subarray(1);
unaligned.set(le);
console.log(`${ms(read(unaligned))}  fromNpy '<f8' from a Uint8Array at an odd byte offset`);
const swapped = npyFile('>f8', [N], le.subarray(le.length - N * 8));
console.log(`${ms(read(swapped))}  fromNpy '>f8' (byte swap, then the copy)`);
console.log(`${ms(read(npyFile('<f4', [N], new Uint8Array(new Float32Array(src).buffer))))}  fromNpy '<f4' (half the bytes; converted by set)`);
console.log(`${ms(read(npyFile('<i8', [N], new Uint8Array(BigInt64Array.from({ length: N }, (_, i) => BigInt(i)).buffer))))}  fromNpy '<i8' (2^53 check per element)`);
const side = Math.sqrt(N) | 0;
console.log(`${ms(read(npyFile('<f8', [side, side], le.subarray(le.length - side * side * 8), true)))}  fromNpy '<f8' Fortran order ${side}x${side} (decode, then transpose into C order)`);
const kept: NdArray = fromNpy(le);
console.log(`${ms(() => void toNpy(kept))}  toNpy of the contiguous array`);
const zipped = toNpz({ a: kept });
console.log(`${ms(() => { for (const x of Object.values(fromNpz(zipped))) x.dispose(); })}  fromNpz stored (CRC-32 check + the read)`);
kept.dispose();

const dir = mkdtempSync(join(tmpdir(), 'ndvec-npy-timing-'));
try {
  const file = join(dir, 'a.npy');
  writeFileSync(file, le);
  console.log(`${ms(() => (load(file) as NdArray).dispose())}  ndvec/node load('a.npy') from disk (the data read straight into the array)`);
  const py = `
import io, sys, time, numpy as np
path = sys.argv[1]
def best(f):
    t = []
    for _ in range(${RUNS}):
        s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
    return min(t) * 1e3
data = open(path, 'rb').read()
src = np.frombuffer(data, dtype='<f8', offset=${le.length - N * 8})
dst = np.empty_like(src)
print(f"{best(lambda: np.copyto(dst, src)):7.1f}  NumPy {np.__version__}: np.copyto into a preallocated array (one copy)")
print(f"{best(lambda: np.load(path)):7.1f}  NumPy {np.__version__}: np.load('a.npy') from disk")
print(f"{best(lambda: np.load(io.BytesIO(data))):7.1f}  NumPy {np.__version__}: np.load(io.BytesIO(bytes))")
`;
  const run = spawnSync('python3', ['-c', py, file], { encoding: 'utf8' });
  console.log(run.status === 0 ? run.stdout.trimEnd() : `(NumPy not measured: ${run.error?.message ?? run.stderr.trim().split('\n').pop()})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
