/**
 * Broadcasting of element-wise ops: explicit cases with expected values written out, errors,
 * and a fast-check property comparing broadcasting binary ops on random shapes (up to 4-D,
 * random size-1 axes), contiguous and strided/reversed/transposed views, with and without
 * `out`, against a plain nested-array reference.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { BroadcastError } from '../src/errors.ts';
import { binary } from '../src/ops/elementwise.ts';
import type { AnyBinaryName } from '../src/kernels/table.ts';
import { assertValues, buildNested, refBinary } from './helpers.ts';

describe('broadcasting, written out', () => {
  const cases: [string, () => NdArray, unknown][] = [
    ['column + row', () => nd.array([[1], [2], [3]]).add(nd.array([10, 20])), [[11, 21], [12, 22], [13, 23]]],
    ['row - column', () => nd.array([10, 20]).sub(nd.array([[1], [2]])), [[9, 19], [8, 18]]],
    ['matrix * row', () => nd.array([[1, 2, 3], [4, 5, 6]]).mul(nd.array([1, 0, -1])), [[1, 0, -3], [4, 0, -6]]],
    ['0-d + matrix', () => nd.array(2).add(nd.array([[1, 2], [3, 4]])), [[3, 4], [5, 6]]],
    ['(2,1,3) + (4,1)', () => nd.arange(6).reshape([2, 1, 3]).add(nd.arange(4).reshape([4, 1]).mul(10)),
      [[[0, 1, 2], [10, 11, 12], [20, 21, 22], [30, 31, 32]], [[3, 4, 5], [13, 14, 15], [23, 24, 25], [33, 34, 35]]]],
    ['(1,1) + (3,)', () => nd.array([[5]]).add(nd.array([1, 2, 3])), [[6, 7, 8]]],
    ['empty axis: (0,3) + (3,)', () => nd.zeros([0, 3]).add(nd.array([1, 2, 3])), []],
    ['comparison broadcasts', () => nd.array([[1], [3]]).gt(nd.array([0, 2, 4])), [[true, false, false], [true, true, false]]],
    ['logical broadcasts', () => nd.array([[true], [false]]).or(nd.array([false, true])), [[true, true], [false, true]]],
    ['transposed + broadcast row', () => nd.array([[1, 2], [3, 4]]).T.add(nd.array([10, 20])), [[11, 23], [12, 24]]],
    ['stepped slice + column', () => nd.arange(12).reshape([3, 4]).slice(null, '::3').add(nd.array([[100], [200], [300]])),
      [[100, 103], [204, 207], [308, 311]]],
    ['reversed + reversed', () => nd.arange(4).slice('::-1').add(nd.arange(4).slice('::-1').mul(10)), [33, 22, 11, 0]],
    ['broadcastTo view as input', () => nd.array([1, 2]).broadcastTo([2, 2]).mul(nd.array([[1], [-1]])), [[1, 2], [-1, -2]]],
  ];
  for (const [name, run, expected] of cases) test(name, () => assertValues(run().toArray(), expected));

  test('result shapes', () => {
    assert.deepEqual(nd.zeros([0, 3]).add(nd.zeros([3])).shape, [0, 3]);
    assert.deepEqual(nd.zeros([1, 0]).add(nd.zeros([5, 1])).shape, [5, 0]);
    assert.deepEqual(nd.zeros([2, 1, 3]).add(nd.zeros([4, 1])).shape, [2, 4, 3]);
    assert.deepEqual(nd.array(1).add(2).shape, []);
  });

  test('into a strided out', () => {
    const base = nd.zeros([3, 4]);
    const out = base.slice(null, '::2'); // (3, 2), strides (4, 2)
    nd.array([[1], [2], [3]]).add(nd.array([10, 20]), { out });
    assertValues(base.toArray(), [[11, 0, 21, 0], [12, 0, 22, 0], [13, 0, 23, 0]]);
  });

  test('into a transposed out', () => {
    const base = nd.zeros([2, 3]);
    nd.array([[1], [2], [3]]).mul(nd.array([1, 10]), { out: base.T });
    assertValues(base.toArray(), [[1, 2, 3], [10, 20, 30]]);
  });

  const bad: [readonly number[], readonly number[], RegExp][] = [
    [[3, 4], [2], /cannot broadcast shapes \[3,4\] and \[2\]/],
    [[2, 3], [3, 2, 2], /cannot broadcast shapes \[2,3\] and \[3,2,2\]/],
    [[0], [2], /\[0\] and \[2\]/],
  ];
  for (const [sa, sb, message] of bad) {
    test(`[${sa}] with [${sb}]: BroadcastError`, () => {
      assert.throws(() => nd.zeros(sa).add(nd.zeros(sb)), (e: unknown) => e instanceof BroadcastError && message.test((e as Error).message));
    });
  }
});

// ---- property test ---------------------------------------------------------------------------

const REFERENCE: Partial<Record<AnyBinaryName, (x: number, y: number) => unknown>> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
  maximum: (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : x > y ? x : y),
  minimum: (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : x < y ? x : y),
  atan2: Math.atan2,
  gt: (x, y) => x > y,
  le: (x, y) => x <= y,
  eq: (x, y) => x === y,
  ne: (x, y) => x !== y,
};
const opNames = Object.keys(REFERENCE) as AnyBinaryName[];

/** How an operand of a given shape is laid out in memory. */
type Layout = 'contiguous' | 'stepped' | 'reversed' | 'transposed';

/** An NdArray with the values of `nested` (of `shape`) laid out as `layout`. */
function materialise(nested: unknown, shape: readonly number[], layout: Layout): NdArray {
  const size = shape.reduce((p, d) => p * d, 1);
  if (layout === 'contiguous' || size === 0 || shape.length === 0) return nd.array(nested as number[]);
  if (layout === 'transposed') {
    const rev = [...shape].reverse();
    const t = nd.zeros(rev);
    const tr = t.T; // shape `shape`, Fortran order
    fill(tr, nested, shape);
    return tr;
  }
  if (layout === 'stepped') {
    const big = nd.full(shape.map((d) => 2 * d), -999);
    const view = big.slice(...shape.map(() => '::2'));
    fill(view, nested, shape);
    return view;
  }
  const big = nd.zeros(shape);
  const view = big.slice(...shape.map(() => '::-1'));
  fill(view, nested, shape);
  return view;
}

function fill(a: NdArray, nested: unknown, shape: readonly number[], prefix: number[] = []): void {
  if (prefix.length === shape.length) {
    a.set(...prefix, nested as number);
    return;
  }
  (nested as unknown[]).forEach((v, i) => fill(a, v, shape, [...prefix, i]));
}

const value = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -4, max: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, 1e308) },
);
const layout = fc.constantFrom<Layout>('contiguous', 'stepped', 'reversed', 'transposed');

/** A result shape (0–4 axes of 1–4) and two operand shapes that broadcast to it. */
const shapes = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 })
  .chain((shape) => {
    const operand = fc
      .tuple(fc.integer({ min: 0, max: shape.length }), fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }))
      .map(([drop, ones]) => shape.slice(drop).map((d, i) => (ones[drop + i] ? 1 : d)));
    return fc.tuple(fc.constant(shape), operand, operand);
  });

const nestedOf = (shape: readonly number[]) =>
  fc.array(value, { minLength: shape.reduce((p, d) => p * d, 1), maxLength: shape.reduce((p, d) => p * d, 1) }).map((flat) => {
    let k = 0;
    return buildNested(shape, () => flat[k++]);
  });

describe('property: broadcasting binary ops match a nested-array reference', () => {
  test('random shapes, layouts, number operands and out', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...opNames),
        shapes.chain(([shape, sa, sb]) => fc.tuple(fc.constant(shape), fc.constant(sa), fc.constant(sb), nestedOf(sa), nestedOf(sb))),
        layout,
        layout,
        fc.constantFrom<'new' | 'out' | 'number'>('new', 'out', 'number'),
        layout,
        (op, [, sa, sb, na, nb], la, lb, mode, lo) => {
          const a = materialise(na, sa, la);
          const f = REFERENCE[op]!;
          const ulps = op === 'atan2' ? 2 : 0;
          if (mode === 'number') {
            const y = 1.5;
            assertValues(binary(op, a, y).toArray(), refBinary(f, na, sa, y, []), ulps);
            return;
          }
          const b = materialise(nb, sb, lb);
          const expected = refBinary(f, na, sa, nb, sb);
          if (mode === 'new') {
            assertValues(binary(op, a, b).toArray(), expected, ulps);
            return;
          }
          const shape = a.add(b).shape;
          const dtype = binary(op, a, b).dtype;
          const out = materialise(buildNested(shape, () => (dtype === 'bool' ? 0 : 7)), shape, lo);
          const target = dtype === 'bool' ? out.astype('bool') : out;
          assert.equal(binary(op, a, b, target), target);
          assertValues(target.toArray(), expected, ulps);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('in place a.op(b, { out: a }) on random layouts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AnyBinaryName>('add', 'sub', 'mul', 'maximum'),
        shapes.chain(([shape, , sb]) => fc.tuple(fc.constant(shape), fc.constant(sb), nestedOf(shape), nestedOf(sb))),
        layout,
        layout,
        (op, [shape, sb, na, nb], la, lb) => {
          const a = materialise(na, shape, la);
          const b = materialise(nb, sb, lb);
          binary(op, a, b, a);
          assertValues(a.toArray(), refBinary(REFERENCE[op]!, na, shape, nb, sb));
        },
      ),
      { numRuns: 200 },
    );
  });
});
