/**
 * matmul / dot: NumPy values written out for every operand combination, errors, views,
 * empties, NaN/Inf, and a property test against a naive triple loop (sizes crossing the
 * 4-row unroll and the k/j blocks).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { DisposedError, ShapeError } from '../src/errors.ts';
import { matmul } from '../src/ops/linalg.ts';

const A = [[1, 2, 3], [4, 5, 6]];
const B = [[7, 8], [9, 10], [11, 12]];

function plain(r: NdArray | number): unknown {
  return r instanceof NdArray ? r.toArray() : r;
}

describe('matmul: NumPy values', () => {
  // [left, right, expected] — NumPy 2.4 `a @ b`.
  const cases: [unknown, unknown, unknown][] = [
    [A, B, [[58, 64], [139, 154]]],
    [B, A, [[39, 54, 69], [49, 68, 87], [59, 82, 105]]],
    [A, [1, -1, 2], [5, 11]],
    [[1, -1], A, [-3, -3, -3]],
    [[1, 2, 3], [4, 5, 6], 32],
    [[2], [3], 6],
    [[[2]], [[3]], [[6]]],
    [[], [], 0],
  ];
  for (const [left, right, expected] of cases) {
    test(`${JSON.stringify(left)} @ ${JSON.stringify(right)}`, () => {
      assert.deepStrictEqual(plain(matmul(nd.array(left as number[]), nd.array(right as number[]))), expected);
    });
  }
  test('a.dot(b), nd.dot and nd.matmul agree', () => {
    const a = nd.array(A);
    const b = nd.array(B);
    assert.deepEqual(plain(a.dot(b)), [[58, 64], [139, 154]]);
    assert.deepEqual(plain(nd.dot(a, b)), [[58, 64], [139, 154]]);
    assert.deepEqual(plain(nd.matmul(a, b)), [[58, 64], [139, 154]]);
  });
  test('transposed, sliced and broadcast operands', () => {
    const c = nd.arange(1, 13).reshape([3, 4]);
    assert.deepEqual(plain(matmul(c.T, c)), [
      [107, 122, 137, 152], [122, 140, 158, 176], [137, 158, 179, 200], [152, 176, 200, 224],
    ]);
    // c[:, ::-2] = [[4, 2], [8, 6], [12, 10]]; c.T[::2] = [[1, 5, 9], [3, 7, 11]]
    assert.deepEqual(plain(matmul(c.slice(null, '::-2'), c.T.slice('::2'))), [[10, 34, 58], [26, 82, 138], [42, 130, 218]]);
    assert.deepEqual(plain(matmul(c.T.slice(0), c.slice(null, 1))), 1 * 2 + 5 * 6 + 9 * 10);
    assert.deepEqual(plain(matmul(nd.array([1, 2]).broadcastTo([3, 2]), nd.array([[1], [1]]))), [[3], [3], [3]]);
    assert.deepEqual(plain(matmul(c, nd.array([1, 0, -1, 2]).slice('::-1'))), [4, 12, 20]);
    assert.deepEqual(plain(matmul(c, nd.array([1]).broadcastTo([4]))), [10, 26, 42]);
    assert.deepEqual(plain(matmul(nd.array([1]).broadcastTo([3]), c)), [15, 18, 21, 24]);
  });
  test('bool operands count as 0/1', () => {
    assert.deepEqual(plain(matmul(nd.array([[true, false], [true, true]]), nd.array([2, 3]))), [2, 5]);
    assert.equal(matmul(nd.array([true, true]), nd.array([true, false])), 1);
  });
  test('NaN and Infinity propagate (0 * Infinity is NaN, never skipped)', () => {
    assert.ok(Number.isNaN(matmul(nd.array([Infinity, 0]), nd.array([0, 1])) as number));
    assert.deepStrictEqual(plain(matmul(nd.array([[0, 1]]), nd.array([[Infinity], [2]]))), [[NaN]]);
    assert.deepStrictEqual(plain(matmul(nd.array([[NaN, 1], [1, 1]]), nd.array([[1, 1], [1, 1]]))), [[NaN, NaN], [2, 2]]);
  });
  test('NaN and ±Infinity through 4×4 tiles and edge tiles, WASM and JS (6×5 · 5×6, NumPy values)', () => {
    const a = nd.array([[1, 2, 0, -1, 3], [0, 1, NaN, 2, 1], [2, 0, 1, 1, 0], [1, 1, 1, 1, 1], [Infinity, 0, 1, 0, 2], [-1, 2, -3, 4, -5]]);
    const b = nd.array([[1, 0, 2, 0, 1, -1], [0, 1, 1, 0, 2, 3], [1, 1, 0, 0, 0, 1], [2, 0, 1, -Infinity, 1, 0], [0, 3, 1, 1, 0, 2]]);
    const expected = [
      [-1, 11, 6, Infinity, 4, 11], [NaN, NaN, NaN, NaN, NaN, NaN], [5, 1, 5, -Infinity, 3, -1],
      [4, 5, 5, -Infinity, 4, 5], [Infinity, NaN, Infinity, NaN, Infinity, -Infinity], [4, -16, -1, -Infinity, 7, -6],
    ];
    assert.deepStrictEqual(plain(matmul(a, b)), expected);
    try {
      nd.config({ wasm: false });
      assert.deepStrictEqual(plain(matmul(a, b)), expected);
    } finally {
      nd.config({ wasm: true });
    }
  });
  test('a single row or column: 1×n · n×m, m×n · n×1, n×1 · 1×m (NumPy values)', () => {
    const row = nd.arange(1, 8).reshape([1, 7]); // [[1..7]]
    const m = nd.arange(0, 42).reshape([7, 6]);
    assert.deepEqual(plain(matmul(row, m)), [[672, 700, 728, 756, 784, 812]]);
    assert.deepEqual(plain(matmul(m.T, row.T)), [[672], [700], [728], [756], [784], [812]]);
    assert.deepEqual(plain(matmul(m.T.copy(), row.T.copy())), [[672], [700], [728], [756], [784], [812]]);
    assert.deepEqual(plain(matmul(nd.array([[1], [2], [3], [4], [5]]), nd.array([[1, -1, 2, 0, 3, 1, 1]]))), [
      [1, -1, 2, 0, 3, 1, 1], [2, -2, 4, 0, 6, 2, 2], [3, -3, 6, 0, 9, 3, 3], [4, -4, 8, 0, 12, 4, 4], [5, -5, 10, 0, 15, 5, 5],
    ]);
  });
  test('empty inner or outer dimensions', () => {
    assert.deepEqual(plain(matmul(nd.zeros([2, 0]), nd.zeros([0, 3]))), [[0, 0, 0], [0, 0, 0]]);
    assert.deepEqual((matmul(nd.zeros([0, 3]), nd.zeros([3, 2])) as NdArray).shape, [0, 2]);
    assert.deepEqual((matmul(nd.zeros([2, 3]), nd.zeros([3, 0])) as NdArray).shape, [2, 0]);
    assert.deepEqual(plain(matmul(nd.zeros([2, 0]), nd.zeros([0]))), [0, 0]);
  });
});

describe('matmul: shape errors', () => {
  const bad: [number[], number[], string][] = [
    [[2, 3], [4, 2], 'matmul: shapes [2,3] and [4,2] not aligned'],
    [[3], [4], 'matmul: shapes [3] and [4] not aligned'],
    [[2, 3], [2], 'matmul: shapes [2,3] and [2] not aligned'],
    [[2], [3, 2], 'matmul: shapes [2] and [3,2] not aligned'],
    // beyond 2-D a.dot is NumPy's dot (test/fuzz-linalg.test.ts): a's last axis against b's second-to-last
    [[2, 2, 2], [3, 2], 'dot: shapes [2,2,2] and [3,2] not aligned'],
    [[2, 2], [2, 3, 2], 'dot: shapes [2,2] and [2,3,2] not aligned'],
  ];
  for (const [sa, sb, message] of bad) {
    test(message, () => {
      const a = nd.zeros(sa);
      const b = nd.zeros(sb);
      assert.throws(() => matmul(a, b), (e: unknown) => e instanceof ShapeError && e.message === message);
    });
  }
});

/** Naive reference with nested arrays. */
function naive(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
}

describe('property: 2-D x 2-D against a naive triple loop', () => {
  const dims = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constantFrom(127, 128, 129, 130));
  test('random sizes (crossing the row unroll and the k block), random layouts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), dims, fc.integer({ min: 1, max: 9 }), fc.boolean(), fc.boolean(), fc.integer(), (m, k, n, ta, tb, seed) => {
        let s = seed;
        const rnd = () => ((s = (s * 1103515245 + 12345) | 0) >>> 8) / 2 ** 24 - 0.5;
        const a = Array.from({ length: m }, () => Array.from({ length: k }, rnd));
        const b = Array.from({ length: k }, () => Array.from({ length: n }, rnd));
        const left = ta ? nd.array(a[0]!.map((_, j) => a.map((r) => r[j]!))).T : nd.array(a);
        const right = tb ? nd.array(b[0]!.map((_, j) => b.map((r) => r[j]!))).T : nd.array(b);
        const got = matmul(left, right) as NdArray;
        const want = naive(a, b);
        assert.deepEqual(got.shape, [m, n]);
        (got.toArray() as number[][]).forEach((row, i) =>
          row.forEach((v, j) => assert.ok(Math.abs(v - want[i]![j]!) <= k * 1e-15, `[${i},${j}] ${v} vs ${want[i]![j]}`)),
        );
        // matrix x vector and vector x matrix agree with the matrix product's columns/rows.
        const col = matmul(left, right.slice(null, 0)) as NdArray;
        (col.toArray() as number[]).forEach((v, i) => assert.ok(Math.abs(v - want[i]![0]!) <= k * 1e-15));
        const row = matmul(left.slice(0), right) as NdArray;
        (row.toArray() as number[]).forEach((v, j) => assert.ok(Math.abs(v - want[0]![j]!) <= k * 1e-15));
      }),
      { numRuns: 120 },
    );
  });
  test('a large product crossing every block boundary (600 x 300 x 700)', () => {
    const m = 600, k = 300, n = 700;
    const a = nd.arange(m * k).reshape([m, k]).div(m * k);
    const b = nd.arange(k * n).reshape([k, n]).div(k * n).T.copy().T; // F-order view
    const c = matmul(a, b) as NdArray;
    // c[i, j] = sum_l (i*k + l)(l*n + j) / (m k · k n), in closed form.
    const S1 = (k * (k - 1)) / 2, S2 = ((k - 1) * k * (2 * k - 1)) / 6;
    for (const [i, j] of [[0, 0], [599, 699], [5, 511], [4, 512], [597, 3], [123, 456]] as const) {
      const exact = (i * k * n * S1 + n * S2 + i * k * j * k + j * S1) / (m * k * k * n);
      assert.ok(Math.abs((c.get(i, j) as number) - exact) <= 1e-12 * Math.abs(exact), `[${i},${j}]`);
    }
  });
});

test('disposed operands throw DisposedError', () => {
  const a = nd.array([[1, 2], [3, 4]]);
  const b = nd.array([[1, 2], [3, 4]]);
  b.dispose();
  assert.throws(() => matmul(a, b), DisposedError);
  assert.throws(() => matmul(b.slice(0), a.slice(0)), DisposedError);
});
