/**
 * The strided copy kernel (wasm/assembly/copy.ts, driven by src/ops/copy.ts) against the JS
 * copy loops: any view (steps, negative steps, transposes, size-1 axes) copied with WASM on
 * and off gives the same bits; the kernel itself on blocks around the SIMD width and the
 * 16×16 transpose tile; joins of views; axis merging.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd } from '../src/index.ts';
import type { NdArray } from '../src/ndarray.ts';
import { Storage } from '../src/memory.ts';
import { wasmKernels, wasmStatus } from '../src/kernels/wasm.ts';
import { copyUpTo2d, mergeAxes } from '../src/ops/copy.ts';

const SPECIALS = [NaN, Infinity, -Infinity, -0, 0, 5e-324, -2.2e-308, 1e308];
const bits = (a: NdArray): string[] => Array.from(a.ravel().toArray() as number[], (v) => (Object.is(v, -0) ? '-0' : String(v)));
const values = (n: number, seed: number): number[] =>
  Array.from({ length: n }, (_, i) => (i % 7 === 3 ? SPECIALS[(i + seed) % SPECIALS.length]! : i + seed / 10));

function jsToo<T>(fn: () => T): T {
  nd.config({ wasm: false });
  try {
    return fn();
  } finally {
    nd.config({ wasm: true });
  }
}

describe('copy_2d_f64 kernel', () => {
  test('every block shape of the four loops, strides of any sign, against a JS loop', () => {
    assert.ok(wasmStatus.loaded, String(wasmStatus.reason));
    const k = wasmKernels!.copy_2d_f64;
    const dims = [1, 2, 3, 4, 5, 15, 16, 17, 33];
    const cases: [number, number][] = []; // [s0 sign/kind, s1 kind]
    for (const rows of dims) {
      for (const cols of dims) {
        // source layouts: row-major, row-major step 2, column-major (transpose), reversed both ways
        const layouts: [number, number, number][] = [
          [cols, 1, 0], [2 * cols, 2, 0], [1, rows, 0], [-cols, -1, rows * cols - 1], [-1, -rows, rows * cols - 1], [3 * cols, 3, 0],
        ];
        for (const [s0, s1, start] of layouts) {
          const span = 3 * rows * cols + 2;
          const src = new Storage('float64', span);
          const dst = new Storage('float64', rows * cols);
          const data = values(span, rows + cols);
          src.f64().set(data, src.base);
          k((src.base + start) * 8, s0, s1, dst.base * 8, cols, 1, rows, cols);
          const got = Array.from(dst.f64().subarray(dst.base, dst.base + rows * cols), String);
          const want: string[] = [];
          for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) want.push(String(data[start + r * s0 + c * s1]!));
          assert.deepEqual(got, want, `${rows}x${cols} strides ${s0},${s1}`);
          src.free();
          dst.free();
          cases.push([s0, s1]);
        }
      }
    }
    assert.ok(cases.length > 400);
  });

  test('mergeAxes joins chained strides and drops size-1 axes', () => {
    assert.deepEqual(mergeAxes([2, 3, 4], [12, 4, 1], [12, 4, 1]), [[24], [1], [1]]);
    assert.deepEqual(mergeAxes([4, 1, 3], [1, 99, 4], [3, 3, 1]), [[4, 3], [1, 4], [3, 1]]);
    assert.deepEqual(mergeAxes([2, 3], [6, 2], [3, 1]), [[6], [2], [1]]);
    assert.deepEqual(mergeAxes([2, 3], [7, 2], [3, 1]), [[2, 3], [7, 2], [3, 1]]);
    assert.deepEqual(mergeAxes([], [], []), [[], [], []]);
  });

  test('property: the 1-D/2-D call (copyUpTo2d) is the block mergeAxes gives, size-1 and chained axes too', () => {
    const stepArb = fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 }),
        fc.array(stepArb, { minLength: 2, maxLength: 2 }),
        fc.array(stepArb, { minLength: 2, maxLength: 2 }),
        fc.boolean(),
        fc.boolean(),
        (shape, srcSteps, dstSteps, transposed, tight) => {
          // tight: rows as wide as the view, so unit steps chain the two axes into one
          const unit = Math.abs(srcSteps[1]!) === 1 && Math.abs(dstSteps[1]!) === 1;
          const base = nd.zeros([16, tight && unit && shape.length === 2 ? shape[1]! : 16]);
          const view = (steps: number[], dims = shape): NdArray => {
            const specs = dims.map((n, i) => (steps[i]! > 0 ? `:${n * steps[i]!}:${steps[i]}` : `${n * -steps[i]! - 1}::${steps[i]}`));
            return dims.length === 1 ? base.slice(specs[0]!) : base.slice(...specs);
          };
          const src = transposed && shape.length === 2 ? view(srcSteps, [shape[1]!, shape[0]!]).T : view(srcSteps);
          const dst = view(dstSteps);
          const calls: number[][] = [];
          copyUpTo2d((...args: number[]) => void calls.push(args), src, dst);
          const [n, s, d] = mergeAxes(src.shape, src.strides, dst.strides);
          while (n.length < 2) {
            n.unshift(1);
            s.unshift(0);
            d.unshift(0);
          }
          assert.deepEqual(calls, [[src.start * 8, s[0], s[1], dst.start * 8, d[0], d[1], n[0], n[1]]], `${shape} ${src.strides} ${dst.strides}`);
          base.dispose();
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('copies of views: WASM = JS, same bits', () => {
  const specArb = fc.tuple(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0), fc.boolean());
  test('property: random 1-4-D arrays, sliced with steps (negative too) and permuted, then copied', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
        fc.array(specArb, { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 23 }),
        (shape, specs, perm) => {
          const size = shape.reduce((x, y) => x * y, 1);
          const a = nd.array(values(size, perm)).reshape(...shape);
          const sliced = a.slice(...shape.map((_, i) => {
            const [step, fromEnd] = specs[i]!;
            return fromEnd ? `::${step}` : `${step > 0 ? 0 : ''}::${step}`;
          }));
          const axes = shape.map((_, i) => i);
          for (let i = axes.length - 1; i > 0; i--) {
            const j = (perm + i) % (i + 1);
            [axes[i], axes[j]] = [axes[j]!, axes[i]!];
          }
          const v = sliced.transpose(...axes);
          const fast = v.copy();
          const slow = jsToo(() => v.copy());
          assert.deepEqual(bits(fast), bits(slow));
          assert.deepEqual(fast.shape, v.shape);
          assert.ok(fast.isContiguous);
          for (const x of [a, fast, slow]) x.dispose();
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  test('1-D steps on long arrays (sizes up to 4099), reversed, every phase', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 8, 9, 1023, 4099]) {
      const a = nd.array(values(n, 1));
      for (const spec of ['::2', '1::2', '::-1', '::-2', '::3', '1:-1:2']) {
        const v = a.slice(spec);
        assert.deepEqual(bits(v.copy()), jsToo(() => bits(v.copy())), `${n} ${spec}`);
      }
      a.dispose();
    }
  });

  test('1000×1000 transposed copy and transposes of odd sizes equal the JS copy', () => {
    for (const [r, c] of [[1000, 1000], [17, 33], [1, 5], [5, 1], [2, 2], [3, 31]] as const) {
      const m = nd.array(values(r * c, 2)).reshape(r, c);
      const fast = m.T.copy();
      const slow = jsToo(() => m.T.copy());
      assert.deepEqual(bits(fast), bits(slow), `${r}x${c}`);
      for (const x of [m, fast, slow]) x.dispose();
    }
  });

  test('concat and stack of views along every axis equal the JS joins; NumPy values written out', () => {
    const a = nd.array(values(24, 3)).reshape(2, 3, 4);
    const b = a.slice(null, '::-1', '::2');
    for (const axis of [0, 1, 2]) {
      const c = a.slice(null, null, '1:3');
      const fast = nd.concat([c, b], axis);
      const slow = jsToo(() => nd.concat([c, b], axis));
      assert.deepEqual(bits(fast), bits(slow));
      const s1 = nd.stack([b, b.T.T], axis);
      const s2 = jsToo(() => nd.stack([b, b.T.T], axis));
      assert.deepEqual(bits(s1), bits(s2));
    }
    // np.concatenate([x[:, ::-1], x.T], axis=1) for x = np.arange(4.).reshape(2, 2)
    const x = nd.array([[0, 1], [2, 3]]);
    assert.deepEqual(nd.concat([x.slice(null, '::-1'), x.T], 1).toArray(), [[1, 0, 0, 2], [3, 2, 1, 3]]);
  });
});

describe('joins of whole blocks (src/ops/copy.ts joinBlocks): the general join with WASM off gives the same', () => {
  /** The result's bits and shape, or the error's class and message. */
  const run = (f: () => NdArray): unknown => {
    try {
      const r = f();
      const out = [r.shape, r.dtype, bits(r), r.isContiguous];
      r.dispose();
      return out;
    } catch (e) {
      return ['error', (e as Error).name, (e as Error).message];
    }
  };
  const make = (shape: number[], seed: number): NdArray => nd.array(values(shape.reduce((x, y) => x * y, 1), seed)).reshape(shape);
  const JOINS: [string, (xs: unknown[]) => NdArray][] = [
    ['concat', (xs) => nd.concat(xs as NdArray[])],
    ['concat axis null', (xs) => nd.concat(xs as NdArray[], null)],
    ['stack', (xs) => nd.stack(xs as NdArray[])],
    ['hstack', (xs) => nd.hstack(xs as NdArray[])],
    ['vstack', (xs) => nd.vstack(xs as NdArray[])],
  ];
  const INPUTS: [string, () => unknown[]][] = [
    ['1-D of sizes 1, 2, 3, 5, 1023', () => [make([1], 1), make([2], 2), make([3], 3), make([5], 4), make([1023], 5)]],
    ['1-D of one size', () => [make([7], 1), make([7], 2), make([7], 3)]],
    ['one array', () => [make([4, 3], 1)]],
    ['2-D, leading sizes differ', () => [make([2, 3], 1), make([5, 3], 2)]],
    ['2-D of one shape', () => [make([3, 4], 1), make([3, 4], 2)]],
    ['3-D', () => [make([2, 2, 3], 1), make([1, 2, 3], 2)]],
    ['trailing sizes differ', () => [make([2, 3], 1), make([2, 4], 2)]],
    ['ndims differ', () => [make([3], 1), make([1, 3], 2)]],
    ['0-d arrays', () => [nd.array(1.5), nd.array(-0)]],
    ['empty arrays', () => [make([0], 1), make([3], 2), make([0], 3)]],
    ['a view with gaps', () => [make([6], 1).slice('::2'), make([3], 2)]],
    ['a transposed view', () => [make([2, 3], 1).T, make([3, 2], 2)]],
    ['a contiguous slice (offset)', () => [make([6], 1).slice('2:5'), make([3], 2)]],
    ['bool and float64', () => [make([3], 1).gt(1), make([3], 2)]],
    ['bool only', () => [make([3], 1).gt(1), make([3], 2).lt(1)]],
    ['plain data entry', () => [make([3], 1), [1, 2, 3]]],
    ['a broadcast view', () => [nd.broadcastTo(make([3], 1), [1, 3]).reshape(3), make([3], 2)]],
    ['no arrays', () => []],
    ['undefined entry', () => [make([3], 1), undefined]],
  ];
  for (const [what, inputs] of INPUTS) {
    test(what, () => {
      for (const [name, join] of JOINS) {
        const xs = inputs();
        assert.deepEqual(run(() => join(xs)), jsToo(() => run(() => join(xs))), `${name} of ${what}`);
      }
    });
  }

  test('property: joins of 1-4 arrays, leading sizes 0..1400 (totals to 4099 and past), trailing sizes 1-3', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1400 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
        fc.integer({ min: 0, max: 99 }),
        (leads, trailing, seed) => {
          const xs = leads.map((n, i) => make([n, ...trailing], seed + i));
          for (const [name, join] of JOINS) {
            assert.deepEqual(run(() => join(xs)), jsToo(() => run(() => join(xs))), `${name} ${leads} ${trailing}`);
          }
          const same = leads.map((_, i) => make([leads[0]!, ...trailing], seed + i));
          assert.deepEqual(run(() => nd.stack(same)), jsToo(() => run(() => nd.stack(same))));
          for (const x of [...xs, ...same]) x.dispose();
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  test('a disposed input throws DisposedError, as the general join does', () => {
    for (const [name, join] of JOINS) {
      const xs = [make([3], 1), make([3], 2)];
      xs[1]!.dispose();
      const got = run(() => join(xs));
      assert.deepEqual(got, jsToo(() => run(() => join(xs))), name);
      assert.equal((got as unknown[])[1], 'DisposedError');
    }
  });

  test('NumPy values written out; the result is a new writable array', () => {
    const a = nd.array([[1, 2], [3, 4]]);
    const b = nd.array([[5, 6]]);
    // np.concatenate([a, b]), np.stack([a, a]), np.concatenate([a, b], axis=None)
    assert.deepEqual(nd.concat([a, b]).toArray(), [[1, 2], [3, 4], [5, 6]]);
    assert.deepEqual(nd.stack([a, a]).toArray(), [[[1, 2], [3, 4]], [[1, 2], [3, 4]]]);
    assert.deepEqual(nd.concat([a, b], null).toArray(), [1, 2, 3, 4, 5, 6]);
    const c = nd.concat([a, a]);
    c.set(0, 0, 9);
    assert.equal(a.get(0, 0), 1);
    assert.ok(c.writeable);
  });

  test('past the arena soft limit (JS-backed result) the blocks are copied by TypedArray.set', () => {
    const lim = nd.config().arenaSoftLimit;
    const xs = [make([300], 1), make([200], 2)];
    const want = bits(nd.concat(xs));
    nd.config({ arenaSoftLimit: 0 });
    try {
      const r = nd.concat(xs);
      assert.equal(r.storage.inArena, false);
      assert.deepEqual(bits(r), want);
    } finally {
      nd.config({ arenaSoftLimit: lim });
    }
  });
});
