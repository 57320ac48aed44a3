/**
 * What reading a 100 MB .npy costs, against the one copy it should cost
 * (`Float64Array.prototype.set` of the same bytes), side by side with NumPy in one run:
 * Node and Python blocks alternate (`--rounds`, default 5), each timing its one copy and its
 * read of the same file's bytes (`fromNpy(bytes)`; `np.load(io.BytesIO(bytes))`), so both
 * sides see the same machine load. The table shows medians over the rounds and each read
 * against its own side's copy. Then, once, the other layouts for scale and `load` from disk.
 *
 *   node --import tsx scripts/npy-timing.ts [--rounds 5]
 *
 * Milliseconds, the fastest of 7 runs in a block. The files are made in memory by toNpy
 * (`<f8`, what np.save writes for float64) and by hand for the other dtypes.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nd, type NdArray } from '../src/index.ts';
import { load } from '../src/node.ts';
import { fromNpy, toNpy } from '../src/io/npy.ts';
import { fromNpz, toNpz } from '../src/io/npz.ts';
import { alternateWithPython, fastestPerCall, median } from './timing.ts';

const N = 12_500_000; // 100 MB of float64
const RUNS = 7;
const argv = process.argv.slice(2);
const ROUNDS = Number(argv[argv.indexOf('--rounds') + 1] || 5);

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
const time = (fn: () => void): number => fastestPerCall(fn, 1, RUNS);
const ms = (fn: () => void): string => time(fn).toFixed(1).padStart(7);
const read = (bytes: Uint8Array) => (): void => fromNpy(bytes).dispose();

const dir = mkdtempSync(join(tmpdir(), 'ndvec-npy-timing-'));
try {
  const file = join(dir, 'a.npy');
  writeFileSync(file, le);

  // ---- side by side: one copy and the read, alternating with NumPy ----
  const py = `
import io, json, sys, time, numpy as np
path, runs = sys.argv[1], int(sys.argv[2])
def best(f):
    t = []
    for _ in range(runs):
        s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
    return min(t) * 1e3
data = open(path, 'rb').read()
src = np.frombuffer(data, dtype='<f8', offset=len(data) - ${N * 8})
dst = np.empty_like(src)
print(json.dumps([[best(lambda: np.copyto(dst, src)), best(lambda: np.load(io.BytesIO(data)))]]))
`;
  const sides = alternateWithPython(ROUNDS, () => [[time(() => dst.set(src)), time(read(le))]], py, [file, String(RUNS)]);
  const col = (runs: number[][][], k: number): number => median(runs.map((r) => r[0]![k]!));
  const [copy, mine] = [col(sides.nodeRuns, 0), col(sides.nodeRuns, 1)];
  const rows = [
    { case: 'one copy of the 100 MB', ndvec: 'Float64Array.prototype.set', 'ndvec ms': copy.toFixed(1), NumPy: 'np.copyto(dst, src)', 'NumPy ms': '', 'ndvec/NumPy': '' },
    { case: "read a 100 MB '<f8' .npy from bytes", ndvec: 'nd.fromNpy(bytes)', 'ndvec ms': mine.toFixed(1), NumPy: 'np.load(io.BytesIO(bytes))', 'NumPy ms': '', 'ndvec/NumPy': '' },
    { case: 'read / one copy (same side)', ndvec: '', 'ndvec ms': (mine / copy).toFixed(2), NumPy: '', 'NumPy ms': '', 'ndvec/NumPy': '' },
  ];
  if (sides.pyRuns.length > 0) {
    const [pcopy, theirs] = [col(sides.pyRuns, 0), col(sides.pyRuns, 1)];
    rows[0]!['NumPy ms'] = pcopy.toFixed(1);
    rows[0]!['ndvec/NumPy'] = (copy / pcopy).toFixed(2);
    rows[1]!['NumPy ms'] = theirs.toFixed(1);
    rows[1]!['ndvec/NumPy'] = (mine / theirs).toFixed(2);
    rows[2]!['NumPy ms'] = (theirs / pcopy).toFixed(2);
  }
  console.table(rows);
  console.log(`${ROUNDS} alternating rounds, medians; Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, ${new Date().toISOString().slice(0, 16)} UTC`);

  // ---- the other layouts, once, for scale ----
  console.log(`\nother reads of ${(le.length / 1e6).toFixed(0)} MB (${N} elements), fastest of ${RUNS} runs, ms`);
  console.log(`${ms(() => new Float64Array(N).set(src))}  Float64Array.prototype.set into a new Float64Array`);
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
  console.log(`${ms(() => (load(file) as NdArray).dispose())}  ndvec/node load('a.npy') from disk (the data read straight into the array)`);
  const run = spawnSync('python3', ['-c', `import numpy as np, time, sys\nt = []\nfor _ in range(${RUNS}):\n    s = time.perf_counter(); np.load(sys.argv[1]); t.append(time.perf_counter() - s)\nprint(f"{min(t) * 1e3:7.1f}  NumPy {np.__version__}: np.load('a.npy') from disk")`, file], { encoding: 'utf8' });
  console.log(run.status === 0 ? run.stdout.trimEnd() : `(NumPy not measured: ${run.error?.message ?? run.stderr.trim().split('\n').pop()})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
