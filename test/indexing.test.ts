/**
 * Integer indexing: `take`, `put`, `nd.takeAlongAxis`, `nd.putAlongAxis`. Expected values
 * were computed with NumPy 2.4 (`np.take`, `np.put`, `np.take_along_axis`,
 * `np.put_along_axis`) and are written out here.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray, FuseError } from '../src/index.ts';
import { AxisError, BroadcastError, DTypeError, IndexError, ReadOnlyError, ShapeError, ArgumentError } from '../src/errors.ts';
import { assertSameArrays, assertValues, onJsAndWasm } from './helpers.ts';
import { wasmBase64 } from '../src/kernels/wasm-bytes.generated.ts';

const A = (): NdArray => nd.array([[1.5, -2, 3, 7], [4, NaN, -0, Infinity], [-1, 8, 9, 10]]);
const C = (): NdArray => nd.array([[3, 1, 2], [9, 7, 8]]);

/** Runs a case on the JS kernels and on WASM; both must give `expected`. */
function both(f: () => NdArray, expected: unknown, shape?: number[]): void {
  for (const r of onJsAndWasm(f)) {
    assertValues(r.toArray(), expected);
    if (shape !== undefined) assert.deepEqual(r.shape, shape);
  }
}

describe('take (NumPy np.take)', () => {
  test('flat, 2-D indices: result has the indices’ shape; NaN, -0, Infinity carried', () => {
    both(() => A().take([[5, 0], [-1, 2]]), [[NaN, 1.5], [10, 3]], [2, 2]);
  });
  test('along axis 0 and 1: a.shape[:axis] + indices.shape + a.shape[axis+1:]', () => {
    both(() => A().take([[2, 0]], 0), [[[-1, 8, 9, 10], [1.5, -2, 3, 7]]], [1, 2, 4]);
    both(() => A().take([[3], [-4]], 1), [[[7], [1.5]], [[Infinity], [4]], [[10], [-1]]], [3, 2, 1]);
    both(() => nd.take(A(), 2, 1), [3, -0, 9], [3]);
  });
  test('one number index gives a 0-d array', () => {
    const r = A().take(-1);
    assert.deepEqual(r.shape, []);
    assert.equal(r.get(), 10);
  });
  test('non-contiguous source and index views', () => {
    both(() => A().T.take([1, 4, 11]), [4, NaN, 10]);
    both(() => A().T.take([3, 3, 0], 0), [[7, Infinity, 10], [7, Infinity, 10], [1.5, 4, -1]]);
    both(() => A().take(nd.array([0, 9, 5, 1, 7, 2]).slice('::2')), [1.5, NaN, Infinity]);
  });
  test('0-d source: flat or axis 0, as NumPy', () => {
    both(() => nd.array(3).take([0, 0, -1]), [3, 3, 3]);
    both(() => nd.array(3).take([0], 0), [3]);
    assert.throws(() => nd.array(3).take([0], 1), AxisError);
  });
  test('empty indices and empty axes', () => {
    both(() => A().take([]), [], [0]);
    both(() => A().take([], 0), [], [0, 4]);
    assert.deepEqual(nd.zeros([2, 0]).take([1, 1], 0).shape, [2, 0]);
    assert.throws(() => nd.zeros([0]).take([0]), /index 0 is out of bounds for axis 0 with size 0/);
    // NumPy checks the indices it visits: none when there is no row before the axis
    // (np.take(np.zeros((0, 3)), [5], axis=1).shape == (0, 1)), all of them otherwise
    // (np.take(np.zeros((2, 0)), [5], axis=0) raises).
    for (const r of onJsAndWasm(() => nd.zeros([0, 3]).take([5], 1))) assert.deepEqual(r.shape, [0, 1]);
    for (const r of onJsAndWasm(() => nd.zeros([0, 0]).take([0, -7], 1))) assert.deepEqual(r.shape, [0, 2]);
    assert.throws(() => nd.zeros([2, 0]).take([5], 0), /index 5 is out of bounds for axis 0 with size 2/);
    assert.throws(() => nd.zeros([1, 0, 0]).take([0], 1), /index 0 is out of bounds for axis 1 with size 0/);
  });
  test('bool source keeps its dtype', () => {
    const r = nd.array([true, false, true]).take([1, 2, -3]);
    assert.equal(r.dtype, 'bool');
    assert.deepEqual(r.toArray(), [false, true, true]);
  });
  test('out of range names the index and the axis size (NumPy wording)', () => {
    for (const wasm of [false, true]) {
      nd.config({ wasm });
      try {
        assert.throws(() => A().take([0, 12]), (e: unknown) => e instanceof IndexError && /index 12 is out of bounds for axis 0 with size 12/.test(e.message) && e.index === 12);
        assert.throws(() => A().take([-13]), /index -13 is out of bounds for axis 0 with size 12/);
        assert.throws(() => A().take([7], 1), /index 7 is out of bounds for axis 1 with size 4/);
        assert.throws(() => A().take([Infinity]), /index Infinity is out of bounds/);
      } finally {
        nd.config({ wasm: true });
      }
    }
  });
  test('non-integral and NaN indices throw IndexError naming them', () => {
    assert.throws(() => A().take([1, 1.5]), /index 1.5 \(position 1 of the indices\) is not an integer/);
    assert.throws(() => A().take([NaN]), /index NaN .* is not an integer/);
    assert.throws(() => A().take([-0.5]), /index -0.5 .* is not an integer/);
    assert.deepEqual(A().take([-0]).toArray(), [1.5]);
  });
  test('bool index arrays are refused (a.where is the mask form)', () => {
    assert.throws(() => A().take(nd.array([true, false])), DTypeError);
    assert.throws(() => A().take([true, false] as never), DTypeError);
    assert.throws(() => A().take('1' as never), ArgumentError);
  });
  test('every position around the 4-wide SIMD step: the first bad index is the one named', () => {
    for (let n = 0; n <= 9; n++) {
      for (let bad = 0; bad < n; bad++) {
        const idx = Array.from({ length: n }, (_, i) => (i === bad ? 1.25 : i % 3));
        assert.throws(() => nd.arange(3).take(idx), new RegExp(`position ${bad} of`));
        idx[bad] = 3;
        assert.throws(() => nd.arange(3).take(idx), /index 3 is out of bounds for axis 0 with size 3/);
      }
      both(() => nd.arange(3).take(Array.from({ length: n }, (_, i) => -1 - (i % 3))), Array.from({ length: n }, (_, i) => 2 - (i % 3)));
    }
  });
  test('blocks of 64 (the WASM fast loop): a negative or bad index at any block position', () => {
    // The WASM take checks indices in [0, n) a block of 64 at a time and redoes a block that
    // holds anything else; these sizes and positions cross every block edge.
    const n = 97;
    const src = nd.arange(n).mul(1.5);
    for (const m of [63, 64, 65, 127, 128, 129, 200]) {
      for (const at of [0, 1, 31, 62, 63, 64, 65, 127, 128, m - 1].filter((p) => p < m)) {
        const base = Array.from({ length: m }, (_, i) => (i * 37) % n);
        for (const special of [-1, -n, -0, 96]) {
          const idx = base.map((v, i) => (i === at ? special : v));
          const expected = idx.map((v) => (v < 0 ? v + n : v) * 1.5 + 0);
          both(() => src.take(idx), expected);
        }
        for (const [bad, message] of [
          [n, `index ${n} is out of bounds for axis 0 with size ${n}`],
          [-n - 1, `index ${-n - 1} is out of bounds`],
          [2.5, `index 2.5 \\(position ${at} of`],
          [-0.5, `index -0.5 \\(position ${at} of`],
          [96.5, `index 96.5 \\(position ${at} of`],
          [NaN, `index NaN \\(position ${at} of`],
          [Infinity, 'index Infinity is out of bounds'],
          [-Infinity, 'index -Infinity is out of bounds'],
          [2 ** 32 + 3, `index ${2 ** 32 + 3} is out of bounds`],
        ] as const) {
          // a second bad index after the first: the first is the one named
          const idx = base.map((v, i) => (i === at ? bad : i === m - 1 && at < m - 1 ? n + 5 : v));
          for (const wasm of [false, true]) {
            nd.config({ wasm });
            try {
              assert.throws(() => src.take(idx), (e: unknown) => e instanceof IndexError && new RegExp(message).test(e.message), `m ${m} at ${at} bad ${bad} wasm ${wasm}`);
            } finally {
              nd.config({ wasm: true });
            }
          }
        }
      }
    }
  });
  test('an index into an empty axis always throws (NumPy: index 0 is out of bounds for axis 0 with size 0)', () => {
    for (const m of [1, 4, 64, 65]) {
      for (const v of [0, -1]) {
        for (const wasm of [false, true]) {
          nd.config({ wasm });
          try {
            assert.throws(() => nd.zeros([0]).take(new Array(m).fill(v)), new RegExp(`index ${v} is out of bounds for axis 0 with size 0`));
            assert.throws(() => nd.zeros([0]).put(new Array(m).fill(v), 1), new RegExp(`index ${v} is out of bounds for axis 0 with size 0`));
          } finally {
            nd.config({ wasm: true });
          }
        }
      }
    }
  });
  test('a disposed source or index throws', () => {
    const a = A();
    const i = nd.array([0]);
    i.dispose();
    assert.throws(() => a.take(i), /dispose/);
  });
});

describe('put (NumPy np.put)', () => {
  test('values cycled, a repeated index keeps the last value, negative wraps; returns a', () => {
    for (const [js, wasm] of [onJsAndWasm(() => { const b = nd.arange(12).reshape([3, 4]); return [b, b.put([0, 5, 0, -1], [7, 8, 9])]; })]) {
      for (const [b, r] of [js, wasm]) {
        assert.equal(r, b);
        assertValues(b.toArray(), [[9, 1, 2, 3], [4, 8, 6, 7], [8, 9, 10, 7]]);
      }
    }
  });
  test('a non-contiguous target is written through its flat C order', () => {
    const b = nd.arange(12).reshape([3, 4]);
    b.T.put([1, 2, 11], [-1, -2, -3]);
    assertValues(b.toArray(), [[0, 1, 2, 3], [-1, 5, 6, 7], [-2, 9, 10, -3]]);
  });
  test('bool target: values cast as NumPy (nonzero and NaN true)', () => {
    const m = nd.array([true, false, true]);
    m.put([0, 1], [0, NaN]);
    assert.deepEqual(m.toArray(), [false, true, true]);
  });
  test('number, bool and NdArray values; values a view of the target', () => {
    assertValues(nd.zeros([3]).put([2], 7).toArray(), [0, 0, 7]);
    assertValues(nd.zeros([3]).put([0, 1], nd.array([true, false])).toArray(), [1, 0, 0]);
    const a = nd.arange(6);
    a.put([0, 1, 2], a.slice('3:'));
    assertValues(a.toArray(), [3, 4, 5, 3, 4, 5]);
    const b = nd.arange(4);
    b.put(b.slice('::-1'), [9, 8, 7, 6]); // indices that view the target: read before any write
    assertValues(b.toArray(), [6, 7, 8, 9]);
  });
  test('sizes around the 4-wide step, values cycled or not: WASM = JS = the ordered loop', () => {
    for (let m = 0; m <= 11; m++) {
      for (const nv of [1, 3, m, m + 2].filter((k) => k >= 1)) {
        const idx = Array.from({ length: m }, (_, i) => ((i * 7) % 5) - 2);
        const vals = Array.from({ length: nv }, (_, i) => i + 0.5);
        const expected = [0, 1, 2, 3, 4];
        idx.forEach((j, i) => (expected[j < 0 ? j + 5 : j] = vals[i % nv]!));
        const [js, wasm] = onJsAndWasm(() => nd.arange(5).put(idx, vals));
        assertValues(js.toArray(), expected);
        assertValues(wasm.toArray(), expected);
      }
    }
  });
  test('blocks of 64 (the WASM check and scatter): negatives in any block, values not cycled', () => {
    // The WASM scatter skips the wrap over leading blocks the check found in [0, n); a
    // negative index in a later block (or the tail) must still wrap.
    const n = 150;
    for (const m of [64, 65, 128, 130, 200]) {
      for (const at of [-1, 0, 63, 64, 100, 128, m - 1].filter((p) => p < m)) {
        const idx = Array.from({ length: m }, (_, i) => (i * 53) % n);
        if (at >= 0) idx[at] = -1 - (at % 7);
        for (const nv of [m, m + 3, 7]) {
          const vals = Array.from({ length: nv }, (_, i) => i + 0.25);
          const expected = Array.from({ length: n }, (_, i) => -i);
          idx.forEach((j, i) => (expected[j < 0 ? j + n : j] = vals[i % nv]!));
          for (const r of onJsAndWasm(() => nd.arange(n).neg().put(idx, vals))) assertValues(r.toArray(), expected);
          const bad = [...idx];
          bad[m - 1] = at >= 0 ? 1.5 : n;
          for (const r of onJsAndWasm(() => {
            const a = nd.arange(n).neg();
            assert.throws(() => a.put(bad, vals), IndexError);
            return a;
          })) {
            assertValues(r.toArray(), Array.from({ length: n }, (_, i) => -i));
          }
        }
      }
    }
  });
  test('a bad index anywhere writes nothing', () => {
    for (const wasm of [false, true]) {
      nd.config({ wasm });
      try {
        const a = nd.arange(10);
        assert.throws(() => a.put([0, 1, 2, 3, 4, 10], 99), /index 10 is out of bounds for axis 0 with size 10/);
        assert.throws(() => a.put([0, 1, 2, 3, 4, 0.5], 99), /index 0.5/);
        assertValues(a.toArray(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      } finally {
        nd.config({ wasm: true });
      }
    }
  });
  test('empty indices or empty values write nothing (NumPy checks no index then); an empty target throws', () => {
    assertValues(nd.arange(3).put([], [1]).toArray(), [0, 1, 2]);
    assertValues(nd.arange(3).put([0], []).toArray(), [0, 1, 2]); // np.put(a, [0], []): a unchanged
    assertValues(nd.arange(3).put([5, 0.5], []).toArray(), [0, 1, 2]); // np.put(a, [5], []): no error
    assertValues(nd.zeros([0]).put([], [1]).toArray(), []);
    // np.put(np.zeros(0), [0], []): IndexError (cannot replace elements of an empty array)
    assert.throws(() => nd.zeros([0]).put([0], []), /index 0 is out of bounds for axis 0 with size 0/);
  });
  test('read-only target throws ReadOnlyError; nd.put needs an NdArray', () => {
    assert.throws(() => nd.array([1, 2]).broadcastTo([2, 2]).put([0], 1), ReadOnlyError);
    assert.throws(() => nd.put([1, 2] as never, [0], 1), ArgumentError);
    assertValues(nd.put(nd.zeros([2]), [1], 5).toArray(), [0, 5]);
  });
});

describe('takeAlongAxis / putAlongAxis (NumPy take_along_axis / put_along_axis)', () => {
  test('the partner of argsort', () => {
    both(() => nd.takeAlongAxis(C(), C().argsort(1), 1), [[1, 2, 3], [7, 8, 9]]);
    both(() => nd.takeAlongAxis(C(), [[1, 0, 1]], 0), [[9, 1, 8]]);
  });
  test('argsort then takeAlongAxis sorts (row-wise fast path and the general walk; odd sizes)', () => {
    for (const shape of [[7, 9], [2, 3, 5], [1, 1], [4, 1]]) {
      const a = nd.rng(5).standardNormal(shape) as NdArray;
      for (const ax of [-1, 0]) {
        for (const src of [a, a.T]) {
          const [js, wasm] = onJsAndWasm(() => nd.takeAlongAxis(src, src.argsort(ax), ax));
          const sorted = src.sort(ax);
          assertSameArrays(sorted, js, 0, `${shape} axis ${ax} js`);
          assertSameArrays(sorted, wasm, 0, `${shape} axis ${ax} wasm`);
        }
      }
    }
  });
  test('indices broadcast against the array off the axis', () => {
    both(() => nd.takeAlongAxis(C(), [[2, -1]], 1), [[2, 2], [8, 8]], [2, 2]);
    both(() => nd.takeAlongAxis(nd.array([[5, 6, 7]]), [[2], [0], [1]], 1), [[7], [5], [6]], [3, 1]);
    both(() => nd.takeAlongAxis(C().T, nd.array([[1, 0]]), 0), [[1, 9]]);
    assert.throws(() => nd.takeAlongAxis(C(), [[0], [1], [0]], 1), BroadcastError);
  });
  test('axis null: flattened array, 1-D indices', () => {
    both(() => nd.takeAlongAxis(C(), [5, 0], null), [8, 3]);
    assert.throws(() => nd.takeAlongAxis(C(), [[0]], null), ShapeError);
  });
  test('indices need the array’s number of dimensions; axis checked', () => {
    assert.throws(() => nd.takeAlongAxis(C(), [2, 0], 1), /indices must have as many dimensions as the array \(2\)/);
    assert.throws(() => nd.takeAlongAxis(C(), [[0]], 2), AxisError);
    assert.throws(() => nd.takeAlongAxis(C(), [[3]], 1), /index 3 is out of bounds for axis 1 with size 3/);
  });
  test('putAlongAxis: values broadcast, duplicates keep the last, returns a', () => {
    const c = C();
    assert.equal(nd.putAlongAxis(c, [[0], [2]], [[10], [20]], 1), c);
    assertValues(c.toArray(), [[10, 1, 2], [9, 7, 20]]);
    assertValues(nd.putAlongAxis(C(), [[1, 0, 1]], 5, 0).toArray(), [[3, 5, 2], [5, 7, 5]]);
    assertValues(nd.putAlongAxis(C(), [[0, 0], [1, 1]], [[1, 2], [3, 4]], 1).toArray(), [[2, 1, 2], [9, 4, 8]]);
    assertValues(nd.putAlongAxis(C(), [[0, 2]], nd.array([7, 8]), 1).toArray(), [[7, 1, 8], [7, 7, 8]]);
    assertValues(nd.putAlongAxis(C(), [5, 0], [1, 2], null).toArray(), [[2, 1, 2], [9, 7, 1]]);
  });
  test('putAlongAxis into a transposed view writes the base', () => {
    const base = C();
    nd.putAlongAxis(base.T, [[1, 0]], 0, 0);
    assertValues(base.toArray(), [[3, 0, 2], [0, 7, 8]]);
  });
  test('an empty walk checks no index (NumPy: np.take_along_axis(np.zeros((0, 3)), [[5]], 1).shape == (0, 1))', () => {
    for (const r of onJsAndWasm(() => nd.takeAlongAxis(nd.zeros([0, 3]), [[5]], 1))) assert.deepEqual(r.shape, [0, 1]);
    const a = nd.zeros([0, 3]);
    assert.equal(nd.putAlongAxis(a, [[5]], 1, 1), a);
    assert.throws(() => nd.takeAlongAxis(nd.zeros([2, 0]), nd.zeros([2, 1]), 1), /index 0 is out of bounds for axis 1 with size 0/);
    assert.deepEqual(nd.takeAlongAxis(nd.zeros([2, 0]), nd.zeros([2, 0]), 1).shape, [2, 0]);
  });
  test('putAlongAxis: a bad index or shape writes nothing; read-only throws', () => {
    const c = C();
    assert.throws(() => nd.putAlongAxis(c, [[0, 1], [2, 3]], 0, 1), /index 3 is out of bounds for axis 1 with size 3/);
    assert.throws(() => nd.putAlongAxis(c, [[0], [1]], [[1, 2, 3]], 1), BroadcastError);
    assertValues(c.toArray(), [[3, 1, 2], [9, 7, 8]]);
    assert.throws(() => nd.putAlongAxis(nd.array([1, 2]).broadcastTo([2, 2]), [[0], [0]], 1, 1), ReadOnlyError);
    assert.throws(() => nd.putAlongAxis([[1, 2]] as never, [[0]], 1, 1), ArgumentError);
  });
});

describe('WASM gather/scatter = JS loops (fast-check)', () => {
  const indexCase = fc
    .record({
      n: fc.integer({ min: 1, max: 40 }),
      raw: fc.array(fc.double({ min: -1.2, max: 1.2, noNaN: true }), { maxLength: 300, size: 'max' }),
      valid: fc.boolean(),
      /** How often an index is negative: never (the WASM fast blocks), rarely, often. */
      negatives: fc.constantFrom(0, 0.01, 0.5),
      specials: fc.array(fc.tuple(fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, -1e-300, 2 ** 31, -(2 ** 31), 1e300)), { maxLength: 2 }),
    })
    .map(({ n, raw, valid, negatives, specials }) => {
      // valid: integers in [-n, n); else a few fractions or out-of-range values mixed in
      const idx = raw
        .map((r) => (valid ? Math.floor(Math.abs(r) * n) - (Math.abs(r) * 7919 % 1 < negatives ? n : 0) : Math.abs(r) < 0.1 ? r * 10 : Math.round(r * n * 1.5)))
        .map((v) => (valid ? Math.max(-n, Math.min(n - 1, v)) : v));
      if (!valid) for (const [at, v] of specials) if (idx.length > 0) idx[at % idx.length] = v;
      return { n, idx };
    });
  test('take: same values or the same error on both paths', () => {
    fc.assert(
      fc.property(indexCase, ({ n, idx }) => {
        const outcome = (): NdArray | string => {
          try {
            return nd.arange(n).mul(1.5).take(idx);
          } catch (e) {
            assert.ok(e instanceof IndexError);
            return (e as Error).message;
          }
        };
        const [js, wasm] = onJsAndWasm(outcome);
        if (typeof js === 'string' || typeof wasm === 'string') assert.equal(wasm, js);
        else assertSameArrays(js, wasm, 0, 'take');
      }),
      { seed: 42, numRuns: 300 },
    );
  });
  test('put: same array or the same error (and nothing written) on both paths', () => {
    fc.assert(
      fc.property(indexCase, fc.array(fc.double(), { minLength: 1, maxLength: 5 }), ({ n, idx }, vals) => {
        const outcome = (): [NdArray, string] => {
          const a = nd.arange(n);
          try {
            a.put(idx, vals);
            return [a, ''];
          } catch (e) {
            assert.ok(e instanceof IndexError);
            assertValues(a.toArray(), Array.from({ length: n }, (_, i) => i));
            return [a, (e as Error).message];
          }
        };
        const [js, wasm] = onJsAndWasm(outcome);
        assert.equal(wasm[1], js[1]);
        assertSameArrays(js[0], wasm[0], 0, 'put');
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('inside nd.fuse: a stand-in reaching take/put/takeAlongAxis/putAlongAxis is a FuseError', () => {
  const cases: [string, (x: NdArray) => unknown][] = [
    ['nd.take(x, …)', (x) => nd.take(x, [0])],
    ['a.take(x) (stand-in indices)', (x) => nd.arange(3).take(x)],
    ['nd.put(x, …)', (x) => nd.put(x, [0], 1)],
    ['a.put(x, v) (stand-in indices)', (x) => nd.arange(3).put(x, 1)],
    ['a.put(i, x) (stand-in values)', (x) => nd.arange(3).put([0], x)],
    ['nd.takeAlongAxis(a, x, 0)', (x) => nd.takeAlongAxis(nd.arange(3), x, 0)],
    ['nd.putAlongAxis(x, …)', (x) => nd.putAlongAxis(x, [0], 1, 0)],
    ['nd.putAlongAxis(a, i, x, 0)', (x) => nd.putAlongAxis(nd.arange(3), [0], x, 0)],
  ];
  for (const [name, f] of cases) {
    test(name, () => {
      const a = nd.arange(3);
      assert.throws(() => nd.fuse((x: NdArray) => (f(x), x.add(1)))(a), FuseError);
      assertValues(a.toArray(), [0, 1, 2]);
    });
  }
});

describe('take_f64 kernel at the end of memory (its offsets never leave the memory)', () => {
  // The kernel forces every offset into [0, n) with a mask 2^k - 1 when x + 8·2^k is inside
  // the memory, else with an unsigned minimum: an array at the very end of its own module
  // instance takes the second path; bad indices must neither trap nor be accepted, in any mode.
  const memory = new WebAssembly.Memory({ initial: 4 });
  const kernels = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(wasmBase64, 'base64')), {
    env: { memory, abort: () => { throw new Error('abort'); } },
  }).exports as unknown as { take_f64: (x: number, n: number, idx: number, m: number, out: number, mode: number) => number };
  const f = new Float64Array(memory.buffer);
  const end = memory.buffer.byteLength;
  for (const n of [1, 3, 100, 1000]) {
    test(`n = ${n}`, () => {
      const x = end - 8 * n;
      const idx = 65536;
      const out = idx + 8 * 400;
      for (let i = 0; i < n; i++) f[x / 8 + i] = i + 0.5;
      for (const m of [64, 200, 300]) {
        const ids = Array.from({ length: m }, (_, i) => (i * 7919) % n);
        f.set(ids, idx / 8);
        assert.equal(kernels.take_f64(x, n, idx, m, out, 0) >>> 0, m);
        assert.deepEqual(Array.from(f.subarray(out / 8, out / 8 + m)), ids.map((j) => j + 0.5));
        for (const bad of [n, -n - 1, 2 ** 31, 2 ** 32 + 1, 1e300, NaN, Infinity, 0.5]) {
          f[idx / 8 + m - 3] = bad;
          assert.equal(kernels.take_f64(x, n, idx, m, out, 0) >>> 0, m - 3, `bad index ${bad}`);
          // wrap and clip accept the integral ones and take an element of x; the rest stop there
          for (const mode of [1, 2]) {
            const integral = Number.isInteger(bad);
            assert.equal(kernels.take_f64(x, n, idx, m, out, mode) >>> 0, integral ? m : m - 3, `bad index ${bad} mode ${mode}`);
            if (integral) {
              const j = mode === 1 ? ((bad % n) + n) % n : Math.min(Math.max(bad, 0), n - 1);
              assert.equal(f[out / 8 + m - 3], j + 0.5, `index ${bad} mode ${mode}`);
            }
          }
          f[idx / 8 + m - 3] = ids[m - 3]!;
        }
      }
    });
  }
});
