/**
 * WASM dispatch against the JS loops: every table row that names a WASM kernel, and the
 * mask ops, give the same results with `nd.config({ wasm: false })` (exactly; the
 * transcendental kernels within 4 ulp) over sizes 0..4099 and the layouts the dispatch
 * takes: contiguous, one operand a single value (`_vs` / `_sv`), and broadcast rows
 * (`_rows`, per-row `_vs` / `_sv` for a stretched inner axis, reversed rows). Values include
 * NaN, ±Infinity, -0, subnormals and 1e308.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { OPS, type AnyBinaryName, type AnyUnaryName, type OpRow } from '../src/kernels/table.ts';
import { binary, unary } from '../src/ops/elementwise.ts';
import { compress, countTrue, select, setWhere } from '../src/ops/mask.ts';
import { assertSameArrays, onJsAndWasm } from './helpers.ts';

const RUNS = { numRuns: 25 };
const TRANSCENDENTAL = new Set(['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tanh', 'sinh', 'cosh']);
const SPECIALS = [
  NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 1e-310, -2.2250738585072014e-308, 1e308, -1e308,
  1.7976931348623157e308, 1, -1, 0.5, -0.5, 2.5, -3.5, 710, -745,
];
const value = fc.oneof(fc.constantFrom(...SPECIALS), fc.double(), fc.double({ min: -10, max: 10, noNaN: true }));
const valuesOf = (n: number) => fc.array(value, { minLength: n, maxLength: n });
const sized = fc.integer({ min: 0, max: 4099 }).chain((n) => fc.tuple(valuesOf(n), valuesOf(n)));
/** [rows, cols] up to 4,900 elements, with values for an operand of that shape and a second set. */
const grid = fc
  .tuple(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 70 }))
  .chain(([r, c]) => fc.tuple(fc.constant([r, c] as const), valuesOf(r * c), valuesOf(r * c)));

const wasmRows = OPS.filter((r) => r.wasm !== undefined);
const binaryRows = wasmRows.filter((r) => r.arity === 2);
const unaryRows = wasmRows.filter((r) => r.arity === 1);

const both = onJsAndWasm;

/** Asserts the WASM result equals the JS one element by element (NaN = NaN, -0 ≠ 0), or within `ulps`. */
function assertSame(js: NdArray, wasm: NdArray, ulps: number, what: string): void {
  assertSameArrays(js, wasm, ulps, what);
}

/** The operand an op row reads: bool arrays for logical rows and conversions from bool. */
function operand(r: OpRow, values: readonly number[], shape: readonly number[]): NdArray {
  const a = nd.array(Float64Array.from(values)).reshape(shape);
  return r.kind === 'logical' || r.from === 'u8' ? a.gt(0) : a;
}

function checkBinary(r: OpRow, x: NdArray, y: NdArray | number, what: string): void {
  const [js, wasm] = both(() => binary(r.name as AnyBinaryName, x, y));
  assertSame(js, wasm, 0, `${r.name} ${what}`);
}

describe('binary rows: WASM = JS', () => {
  test('table rows with a WASM family are the ones the dispatch knows', () => {
    assert.deepEqual(
      binaryRows.map((r) => r.name),
      ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'copysign', 'gt', 'ge', 'lt', 'le', 'eq', 'ne', 'and', 'or', 'xor'],
    );
  });

  test('contiguous, same shape (_vv), sizes 0..4099', () => {
    fc.assert(
      fc.property(sized, ([xs, ys]) => {
        for (const r of binaryRows) checkBinary(r, operand(r, xs, [xs.length]), operand(r, ys, [ys.length]), `[${xs.length}]`);
      }),
      RUNS,
    );
  });

  test('one side a number or a one-element array (_vs, _sv)', () => {
    fc.assert(
      fc.property(sized, value, ([xs], s) => {
        for (const r of binaryRows) {
          const x = operand(r, xs, [xs.length]);
          const one = operand(r, [s], [1]);
          checkBinary(r, x, r.kind === 'logical' ? (s > 0 ? 1 : 0) : s, 'array op number');
          checkBinary(r, x, one, 'array op [1]');
          checkBinary(r, one, x, '[1] op array');
        }
      }),
      RUNS,
    );
  });

  test('broadcast rows: [r,c] op [c], [c] op [r,c], [r,c] op [r,1], [r,1] op [r,c], reversed rows', () => {
    fc.assert(
      fc.property(grid, ([[rows, cols], xs, ys]) => {
        for (const r of binaryRows) {
          const m = operand(r, xs, [rows, cols]);
          const row = operand(r, ys.slice(0, cols), [cols]);
          const col = operand(r, ys.slice(0, rows).concat(Array(Math.max(0, rows - ys.length)).fill(1)), [rows, 1]);
          checkBinary(r, m, row, `[${rows},${cols}] op [${cols}]`);
          checkBinary(r, row, m, `[${cols}] op [${rows},${cols}]`);
          checkBinary(r, m, col, `[${rows},${cols}] op [${rows},1]`);
          checkBinary(r, col, m, `[${rows},1] op [${rows},${cols}]`);
          checkBinary(r, m.slice('::-1'), row, `reversed [${rows},${cols}] op [${cols}]`);
          checkBinary(r, m.reshape([1, rows, cols]), m.slice('::-1').reshape([rows, 1, cols]), `[1,r,c] op [r,1,c]`);
        }
      }),
      RUNS,
    );
  });

  test('written-out broadcast results (the rows path, not only agreement)', () => {
    const m = nd.array([[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(m.add(nd.array([10, 20, 30])).toArray(), [[11, 22, 33], [14, 25, 36]]);
    assert.deepEqual(m.sub(nd.array([[1], [2]])).toArray(), [[0, 1, 2], [2, 3, 4]]);
    assert.deepEqual(nd.array([[1], [2]]).sub(m).toArray(), [[0, -1, -2], [-2, -3, -4]]);
    assert.deepEqual(m.slice('::-1').gt(nd.array([3, 3, 5])).toArray(), [[true, true, true], [false, false, false]]);
    assert.deepEqual(m.gt(2).and(nd.array([[true], [false]])).toArray(), [[false, false, true], [false, false, false]]);
  });
});

describe('unary rows: WASM = JS', () => {
  test('contiguous, sizes 0..4099 (transcendental within 4 ulp)', () => {
    fc.assert(
      fc.property(sized, ([xs]) => {
        for (const r of unaryRows) {
          const x = operand(r, xs, [xs.length]);
          const [js, wasm] = both(() => unary(r.name as AnyUnaryName, x));
          assertSame(js, wasm, TRANSCENDENTAL.has(r.name) ? 4 : 0, `${r.name} [${xs.length}]`);
        }
        const b = nd.array(Float64Array.from(xs)).ne(0);
        const [js, wasm] = both(() => unary('copy', b));
        assertSame(js, wasm, 0, 'copy bool');
      }),
      RUNS,
    );
  });
});

describe('masks: WASM = JS', () => {
  test('compress, count, select (vv/vs/sv/ss), setWhere, sizes 0..4099', () => {
    fc.assert(
      fc.property(sized, value, ([xs, ys], s) => {
        const n = xs.length;
        const a = nd.array(Float64Array.from(xs));
        const b = nd.array(Float64Array.from(ys));
        const m = a.gt(b);
        const [c1, c2] = both(() => countTrue(m));
        assert.equal(c2, c1);
        assertSame(...both(() => compress(a, m)), 0, `compress [${n}]`);
        assertSame(...both(() => select(m, a, b)), 0, 'select vv');
        assertSame(...both(() => select(m, a, s)), 0, 'select vs');
        assertSame(...both(() => select(m, s, b)), 0, 'select sv');
        assertSame(...both(() => select(m, s, -s)), 0, 'select ss');
        const [w1, w2] = both(() => {
          const t = a.copy();
          setWhere(t, m, b);
          return t;
        });
        assertSame(w1, w2, 0, 'setWhere array');
        const [v1, v2] = both(() => {
          const t = a.copy();
          setWhere(t, m, s);
          return t;
        });
        assertSame(v1, v2, 0, 'setWhere number');
      }),
      RUNS,
    );
  });
});
