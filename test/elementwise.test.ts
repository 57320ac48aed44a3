/**
 * Element-wise ops, comparisons, predicates and logical ops: every row of the op table
 * against NumPy 2.4 values written out (computed once with python3/numpy, pasted here),
 * on sizes 0–17, reversed views, number operands; NumPy's bool rules; `out` and clip.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdArray } from '../src/index.ts';
import { BroadcastError, DTypeError, ShapeError } from '../src/errors.ts';
import { binary, unary } from '../src/ops/elementwise.ts';
import { OPS, type AnyBinaryName, type AnyUnaryName } from '../src/kernels/table.ts';
import { assertValues } from './helpers.ts';

// ---- expected values: python3 -c "import numpy as np; ..." over X, Y and the scalar -2 ------
const X = [0, -0, 0.5, -0.5, 1, -1, 1.5, 2.5, -2.5, 3, 1e+308, -1e+308, Infinity, -Infinity, NaN, 0.1, 1e-10];
const Y = [2, -2, 0, 2, NaN, -0, -1.5, 2, 2, -2, 10, 0.5, 2, -Infinity, 1, Infinity, -3];
// [op, x op y, x op -2, -2 op x]
const BINARY_EXPECTED: Record<string, [unknown[], unknown[], unknown[]]> = {
  add: [[2, -2, 0.5, 1.5, NaN, -1, 0, 4.5, -0.5, 1, 1e+308, -1e+308, Infinity, -Infinity, NaN, Infinity, -2.9999999999], [-2, -2, -1.5, -2.5, -1, -3, -0.5, 0.5, -4.5, 1, 1e+308, -1e+308, Infinity, -Infinity, NaN, -1.9, -1.9999999999], [-2, -2, -1.5, -2.5, -1, -3, -0.5, 0.5, -4.5, 1, 1e+308, -1e+308, Infinity, -Infinity, NaN, -1.9, -1.9999999999]],
  sub: [[-2, 2, 0.5, -2.5, NaN, -1, 3, 0.5, -4.5, 5, 1e+308, -1e+308, Infinity, NaN, NaN, -Infinity, 3.0000000001], [2, 2, 2.5, 1.5, 3, 1, 3.5, 4.5, -0.5, 5, 1e+308, -1e+308, Infinity, -Infinity, NaN, 2.1, 2.0000000001], [-2, -2, -2.5, -1.5, -3, -1, -3.5, -4.5, 0.5, -5, -1e+308, 1e+308, -Infinity, Infinity, NaN, -2.1, -2.0000000001]],
  mul: [[0, 0, 0, -1, NaN, 0, -2.25, 5, -5, -6, Infinity, -5e+307, Infinity, Infinity, NaN, Infinity, -3e-10], [-0, 0, -1, 1, -2, 2, -3, -5, 5, -6, -Infinity, Infinity, -Infinity, Infinity, NaN, -0.2, -2e-10], [-0, 0, -1, 1, -2, 2, -3, -5, 5, -6, -Infinity, Infinity, -Infinity, Infinity, NaN, -0.2, -2e-10]],
  div: [[0, 0, Infinity, -0.25, NaN, Infinity, -1, 1.25, -1.25, -1.5, 1e+307, -Infinity, Infinity, NaN, NaN, 0, -3.3333333333333335e-11], [-0, 0, -0.25, 0.25, -0.5, 0.5, -0.75, -1.25, 1.25, -1.5, -5e+307, 5e+307, -Infinity, Infinity, NaN, -0.05, -5e-11], [-Infinity, Infinity, -4, 4, -2, 2, -1.3333333333333333, -0.8, 0.8, -0.6666666666666666, -2e-308, 2e-308, -0, 0, NaN, -20, -20000000000]],
  pow: [[0, Infinity, 1, 0.25, 1, 1, 0.5443310539518174, 6.25, 6.25, 0.1111111111111111, Infinity, NaN, Infinity, 0, NaN, 0, 9.999999999999999e+29], [Infinity, Infinity, 4, 4, 1, 1, 0.4444444444444444, 0.16, 0.16, 0.1111111111111111, 0, 0, 0, 0, NaN, 99.99999999999999, 1e+20], [1, 1, NaN, NaN, -2, -0.5, NaN, NaN, NaN, -8, Infinity, 0, Infinity, 0, NaN, NaN, NaN]],
  mod: [[0, -0, NaN, 1.5, NaN, NaN, -0, 0.5, 1.5, -1, 6, 0, NaN, NaN, NaN, 0.1, -2.9999999999], [-0, -0, -1.5, -0.5, -1, -1, -0.5, -1.5, -0.5, -1, -0, -0, NaN, NaN, NaN, -1.9, -1.9999999999], [NaN, NaN, 0, -0, 0, -0, 1, 0.5, -2, 1, 1e+308, -2, Infinity, -2, NaN, 1.1102230246251565e-16, 7.286439463099548e-17]],
  maximum: [[2, -0, 0.5, 2, NaN, -0, 1.5, 2.5, 2, 3, 1e+308, 0.5, Infinity, -Infinity, NaN, Infinity, 1e-10], [0, -0, 0.5, -0.5, 1, -1, 1.5, 2.5, -2, 3, 1e+308, -2, Infinity, -2, NaN, 0.1, 1e-10], [0, -0, 0.5, -0.5, 1, -1, 1.5, 2.5, -2, 3, 1e+308, -2, Infinity, -2, NaN, 0.1, 1e-10]],
  minimum: [[0, -2, 0, -0.5, NaN, -1, -1.5, 2, -2.5, -2, 10, -1e+308, 2, -Infinity, NaN, 0.1, -3], [-2, -2, -2, -2, -2, -2, -2, -2, -2.5, -2, -2, -1e+308, -2, -Infinity, NaN, -2, -2], [-2, -2, -2, -2, -2, -2, -2, -2, -2.5, -2, -2, -1e+308, -2, -Infinity, NaN, -2, -2]],
  atan2: [[0, -3.141592653589793, 1.5707963267948966, -0.24497866312686414, NaN, -1.5707963267948966, 2.356194490192345, 0.8960553845713439, -0.8960553845713439, 2.1587989303424644, 1.5707963267948966, -1.5707963267948966, 1.5707963267948966, -2.356194490192345, NaN, 0, 3.14159265355646], [3.141592653589793, -3.141592653589793, 2.896613990462929, -2.896613990462929, 2.677945044588987, -2.677945044588987, 2.498091544796509, 2.2455372690184494, -2.2455372690184494, 2.1587989303424644, 1.5707963267948966, -1.5707963267948966, 1.5707963267948966, -1.5707963267948966, NaN, 3.0916342578678506, 3.141592653539793], [-1.5707963267948966, -1.5707963267948966, -1.3258176636680326, -1.8157749899217608, -1.1071487177940904, -2.0344439357957027, -0.9272952180016122, -0.6747409422235526, -2.4668517113662407, -0.5880026035475675, -2e-308, -3.141592653589793, -0, -3.141592653589793, NaN, -1.5208379310729538, -1.5707963267448966]],
  hypot: [[2, 2, 0.5, 2.0615528128088303, NaN, 1, 2.1213203435596424, 3.2015621187164243, 3.2015621187164243, 3.605551275463989, 1e+308, 1e+308, Infinity, Infinity, NaN, Infinity, 3], [2, 2, 2.0615528128088303, 2.0615528128088303, 2.23606797749979, 2.23606797749979, 2.5, 3.2015621187164243, 3.2015621187164243, 3.605551275463989, 1e+308, 1e+308, Infinity, Infinity, NaN, 2.0024984394500787, 2], [2, 2, 2.0615528128088303, 2.0615528128088303, 2.23606797749979, 2.23606797749979, 2.5, 3.2015621187164243, 3.2015621187164243, 3.605551275463989, 1e+308, 1e+308, Infinity, Infinity, NaN, 2.0024984394500787, 2]],
  floorDivide: [[0, 0, Infinity, -1, NaN, Infinity, -1, 1, -2, -2, 1e+307, -Infinity, NaN, NaN, NaN, 0, -1], [-0, 0, -1, 0, -1, 0, -1, -2, 1, -2, -5e+307, 5e+307, NaN, NaN, NaN, -1, -1], [-Infinity, Infinity, -4, 4, -2, 2, -2, -1, 0, -1, -1, 0, -1, 0, NaN, -20, -20000000000]],
  copysign: [[0, -0, 0.5, 0.5, 1, -1, -1.5, 2.5, 2.5, -3, 1e+308, 1e+308, Infinity, -Infinity, NaN, 0.1, -1e-10], [-0, -0, -0.5, -0.5, -1, -1, -1.5, -2.5, -2.5, -3, -1e+308, -1e+308, -Infinity, -Infinity, NaN, -0.1, -1e-10], [2, -2, 2, -2, 2, -2, 2, 2, -2, 2, 2, -2, 2, -2, 2, 2, 2]],
  gt: [[false, true, true, false, false, false, true, true, false, true, true, false, true, false, false, false, true], [true, true, true, true, true, true, true, true, false, true, true, false, true, false, false, true, true], [false, false, false, false, false, false, false, false, true, false, false, true, false, true, false, false, false]],
  ge: [[false, true, true, false, false, false, true, true, false, true, true, false, true, true, false, false, true], [true, true, true, true, true, true, true, true, false, true, true, false, true, false, false, true, true], [false, false, false, false, false, false, false, false, true, false, false, true, false, true, false, false, false]],
  lt: [[true, false, false, true, false, true, false, false, true, false, false, true, false, false, false, true, false], [false, false, false, false, false, false, false, false, true, false, false, true, false, true, false, false, false], [true, true, true, true, true, true, true, true, false, true, true, false, true, false, false, true, true]],
  le: [[true, false, false, true, false, true, false, false, true, false, false, true, false, true, false, true, false], [false, false, false, false, false, false, false, false, true, false, false, true, false, true, false, false, false], [true, true, true, true, true, true, true, true, false, true, true, false, true, false, false, true, true]],
  eq: [[false, false, false, false, false, false, false, false, false, false, false, false, false, true, false, false, false], [false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false], [false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false]],
  ne: [[true, true, true, true, true, true, true, true, true, true, true, true, true, false, true, true, true], [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true], [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true]],
};
const UNARY_EXPECTED: Record<string, unknown[]> = {
  neg: [-0, 0, -0.5, 0.5, -1, 1, -1.5, -2.5, 2.5, -3, -1e+308, 1e+308, -Infinity, Infinity, NaN, -0.1, -1e-10],
  abs: [0, 0, 0.5, 0.5, 1, 1, 1.5, 2.5, 2.5, 3, 1e+308, 1e+308, Infinity, Infinity, NaN, 0.1, 1e-10],
  sqrt: [0, -0, 0.7071067811865476, NaN, 1, NaN, 1.224744871391589, 1.5811388300841898, NaN, 1.7320508075688772, 1e+154, NaN, Infinity, NaN, NaN, 0.31622776601683794, 1e-05],
  cbrt: [0, -0, 0.7937005259840998, -0.7937005259840998, 1, -1, 1.1447142425533319, 1.3572088082974534, -1.3572088082974534, 1.4422495703074083, 4.641588833612779e+102, -4.641588833612779e+102, Infinity, -Infinity, NaN, 0.4641588833612779, 0.0004641588833612779],
  square: [0, 0, 0.25, 0.25, 1, 1, 2.25, 6.25, 6.25, 9, Infinity, Infinity, Infinity, Infinity, NaN, 0.010000000000000002, 1.0000000000000001e-20],
  reciprocal: [Infinity, -Infinity, 2, -2, 1, -1, 0.6666666666666666, 0.4, -0.4, 0.3333333333333333, 1e-308, -1e-308, 0, -0, NaN, 10, 10000000000],
  exp: [1, 1, 1.6487212707001282, 0.6065306597126334, 2.718281828459045, 0.36787944117144233, 4.4816890703380645, 12.182493960703473, 0.0820849986238988, 20.085536923187668, Infinity, 0, Infinity, 0, NaN, 1.1051709180756477, 1.0000000001],
  expm1: [0, -0, 0.6487212707001282, -0.3934693402873666, 1.7182818284590453, -0.6321205588285577, 3.481689070338065, 11.182493960703473, -0.9179150013761012, 19.085536923187668, Infinity, -1, Infinity, -1, NaN, 0.10517091807564763, 1.00000000005e-10],
  log: [-Infinity, -Infinity, -0.6931471805599453, NaN, 0, NaN, 0.4054651081081644, 0.9162907318741551, NaN, 1.0986122886681098, 709.1962086421661, NaN, Infinity, NaN, NaN, -2.3025850929940455, -23.025850929940457],
  log1p: [0, -0, 0.4054651081081644, -0.6931471805599453, 0.6931471805599453, -Infinity, 0.9162907318741551, 1.252762968495368, NaN, 1.3862943611198906, 709.1962086421661, NaN, Infinity, NaN, NaN, 0.09531017980432487, 9.999999999500001e-11],
  log2: [-Infinity, -Infinity, -1, NaN, 0, NaN, 0.5849625007211562, 1.3219280948873624, NaN, 1.584962500721156, 1023.1538532253076, NaN, Infinity, NaN, NaN, -3.321928094887362, -33.219280948873624],
  log10: [-Infinity, -Infinity, -0.3010299956639812, NaN, 0, NaN, 0.17609125905568124, 0.3979400086720376, NaN, 0.47712125471966244, 308, NaN, Infinity, NaN, NaN, -1, -10],
  sin: [0, -0, 0.479425538604203, -0.479425538604203, 0.8414709848078965, -0.8414709848078965, 0.9974949866040544, 0.5984721441039565, -0.5984721441039565, 0.1411200080598672, 0.4533964905016491, -0.4533964905016491, NaN, NaN, NaN, 0.09983341664682815, 1e-10],
  cos: [1, 1, 0.8775825618903728, 0.8775825618903728, 0.5403023058681398, 0.5403023058681398, 0.0707372016677029, -0.8011436155469337, -0.8011436155469337, -0.9899924966004454, -0.8913089376870335, -0.8913089376870335, NaN, NaN, NaN, 0.9950041652780258, 1],
  tan: [0, -0, 0.5463024898437905, -0.5463024898437905, 1.5574077246549023, -1.5574077246549023, 14.101419947171719, -0.7470222972386603, 0.7470222972386603, -0.1425465430742778, -0.5086861259107568, 0.5086861259107568, NaN, NaN, NaN, 0.10033467208545055, 1e-10],
  asin: [0, -0, 0.5235987755982989, -0.5235987755982989, 1.5707963267948966, -1.5707963267948966, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 0.1001674211615598, 1e-10],
  acos: [1.5707963267948966, 1.5707963267948966, 1.0471975511965976, 2.0943951023931957, 0, 3.141592653589793, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 1.4706289056333368, 1.5707963266948965],
  atan: [0, -0, 0.4636476090008061, -0.4636476090008061, 0.7853981633974483, -0.7853981633974483, 0.982793723247329, 1.1902899496825317, -1.1902899496825317, 1.2490457723982544, 1.5707963267948966, -1.5707963267948966, 1.5707963267948966, -1.5707963267948966, NaN, 0.09966865249116204, 1e-10],
  sinh: [0, -0, 0.5210953054937474, -0.5210953054937474, 1.1752011936438014, -1.1752011936438014, 2.1292794550948173, 6.0502044810397875, -6.0502044810397875, 10.017874927409903, Infinity, -Infinity, Infinity, -Infinity, NaN, 0.10016675001984403, 1e-10],
  cosh: [1, 1, 1.1276259652063807, 1.1276259652063807, 1.5430806348152437, 1.5430806348152437, 2.352409615243247, 6.132289479663686, 6.132289479663686, 10.067661995777765, Infinity, Infinity, Infinity, Infinity, NaN, 1.0050041680558035, 1],
  tanh: [0, -0, 0.46211715726000974, -0.46211715726000974, 0.7615941559557649, -0.7615941559557649, 0.9051482536448665, 0.9866142981514303, -0.9866142981514303, 0.9950547536867305, 1, -1, 1, -1, NaN, 0.09966799462495582, 1e-10],
  floor: [0, -0, 0, -1, 1, -1, 1, 2, -3, 3, 1e+308, -1e+308, Infinity, -Infinity, NaN, 0, 0],
  ceil: [0, -0, 1, -0, 1, -1, 2, 3, -2, 3, 1e+308, -1e+308, Infinity, -Infinity, NaN, 1, 1],
  trunc: [0, -0, 0, -0, 1, -1, 1, 2, -2, 3, 1e+308, -1e+308, Infinity, -Infinity, NaN, 0, 0],
  round: [0, -0, 0, -0, 1, -1, 2, 2, -2, 3, 1e+308, -1e+308, Infinity, -Infinity, NaN, 0, 0],
  sign: [0, 0, 1, -1, 1, -1, 1, 1, -1, 1, 1, -1, 1, -1, NaN, 1, 1],
  isnan: [false, false, false, false, false, false, false, false, false, false, false, false, false, false, true, false, false],
  isfinite: [true, true, true, true, true, true, true, true, true, true, true, true, false, false, false, true, true],
  isinf: [false, false, false, false, false, false, false, false, false, false, false, false, true, true, false, false, false],
};

/** Ops whose JS result may differ from NumPy's libm by an ulp or two. */
const INEXACT = new Set([
  'pow', 'atan2', 'hypot', 'cbrt', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tan',
  'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh',
]);
const ulpsOf = (name: string): number => (INEXACT.has(name) ? 2 : 0);
const SIZES = [0, 1, 2, 3, 5, 7, 17];

describe('every table row has expected values here', () => {
  for (const row of OPS) {
    if (row.kind === 'convert' || row.kind === 'logical') continue;
    test(row.name, () => {
      const has = row.arity === 2 ? row.name in BINARY_EXPECTED : row.name in UNARY_EXPECTED;
      assert.ok(has, `table row '${row.name}' has no expected values in test/elementwise.test.ts`);
    });
  }
});

describe('binary ops against NumPy', () => {
  for (const [name, [expected, right, left]] of Object.entries(BINARY_EXPECTED)) {
    const op = name as AnyBinaryName;
    test(`${op}: sizes ${SIZES.join(', ')}, WASM and JS kernels`, () => {
      for (const wasm of [true, false]) {
        nd.config({ wasm });
        for (const n of SIZES) {
          const r = binary(op, nd.array(X.slice(0, n)), nd.array(Y.slice(0, n)));
          assertValues(r.toArray(), expected.slice(0, n), ulpsOf(op), `${op} n=${n} wasm=${wasm}`);
        }
        assertValues(binary(op, nd.array(X), -2).toArray(), right, ulpsOf(op), `${op}(x, -2) wasm=${wasm}`);
      }
      nd.config({ wasm: true });
    });
    test(`${op}: reversed (negative-stride) views in and out`, () => {
      const x = nd.array([...X].reverse()).slice('::-1');
      const y = nd.array([...Y].reverse()).slice('::-1');
      assertValues(binary(op, x, y).toArray(), expected, ulpsOf(op), op);
      const out = NdArray.empty([17], binary(op, x, y).dtype).slice('::-1');
      binary(op, x, y, out);
      assertValues(out.toArray(), expected, ulpsOf(op), `${op} out`);
    });
    test(`${op}: number operand on either side`, () => {
      assertValues(binary(op, nd.array(X), -2).toArray(), right, ulpsOf(op), `${op}(x, -2)`);
      const nsFn = (nd as unknown as Record<string, (a: number, b: NdArray) => NdArray>)[op]!;
      assertValues(nsFn(-2, nd.array(X)).toArray(), left, ulpsOf(op), `${op}(-2, x)`);
    });
    test(`${op}: strided 2-D view`, () => {
      // X laid out in column 1 of a (17, 3) array, Y in column 2 of a transposed (3, 17).
      const bx = nd.zeros([17, 3]);
      const by = nd.zeros([3, 17]);
      X.forEach((v, i) => bx.set(i, 1, v));
      Y.forEach((v, i) => by.set(2, i, v));
      const x = bx.slice(null, '1:2').reshape([17, 1]).T; // (1, 17), stride 3
      const y = by.T.slice(null, '2:3').T; // (1, 17)
      assertValues(binary(op, x, y).toArray(), [expected], ulpsOf(op), op);
    });
  }
});

describe('unary ops and predicates against NumPy', () => {
  for (const [name, expected] of Object.entries(UNARY_EXPECTED)) {
    const op = name as AnyUnaryName;
    test(`${op}: sizes ${SIZES.join(', ')} (WASM and JS kernels) and a reversed view`, () => {
      for (const wasm of [true, false]) {
        nd.config({ wasm });
        for (const n of SIZES) {
          assertValues(unary(op, nd.array(X.slice(0, n))).toArray(), expected.slice(0, n), ulpsOf(op), `${op} n=${n} wasm=${wasm}`);
        }
      }
      nd.config({ wasm: true });
      const rev = nd.array([...X].reverse()).slice('::-1');
      assertValues(unary(op, rev).toArray(), expected, ulpsOf(op), `${op} reversed`);
    });
    test(`${op}: method and nd function agree, transposed 2-D`, () => {
      const a = nd.array(X.slice(0, 16)).reshape([4, 4]);
      const viaMethod = (a.T as unknown as Record<string, () => NdArray>)[op]!.call(a.T);
      const viaNd = (nd as unknown as Record<string, (a: NdArray) => NdArray>)[op]!(a.T);
      const want = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => expected[j * 4 + i]));
      assertValues(viaMethod.toArray(), want, ulpsOf(op), `${op} method`);
      assertValues(viaNd.toArray(), want, ulpsOf(op), `${op} nd`);
    });
  }
});

describe('documented edge cases', () => {
  const cases: [string, () => unknown, unknown][] = [
    ['mod(-3, 2) = 1', () => nd.array([-3]).mod(2).toArray(), [1]],
    ['mod(3, -2) = -1', () => nd.array([3]).mod(-2).toArray(), [-1]],
    ['mod(x, 0) = NaN', () => nd.array([3, -3, 0]).mod(0).toArray(), [NaN, NaN, NaN]],
    ['mod(-0, 2) = 0, mod(4, -2) = -0', () => nd.array([-0, 4]).mod(nd.array([2, -2])).toArray(), [0, -0]],
    ['mod(±3, ±Infinity)', () => nd.array([3, -3, 3, -3]).mod(nd.array([Infinity, Infinity, -Infinity, -Infinity])).toArray(), [3, Infinity, -Infinity, -3]],
    ['round half to even', () => nd.array([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994]).round().toArray(), [0, 2, 2, -0, -2, -2, 0]],
    ['sign(-0) is 0, sign(NaN) is NaN', () => nd.array([-0, NaN, -3, 7]).sign().toArray(), [0, NaN, -1, 1]],
    ['maximum/minimum propagate NaN from either side', () => nd.array([NaN, 1]).maximum(nd.array([1, NaN])).toArray(), [NaN, NaN]],
    ['minimum NaN', () => nd.array([NaN, 1]).minimum(nd.array([1, NaN])).toArray(), [NaN, NaN]],
    ['pow: 1 ** NaN and (-1) ** Infinity are 1', () => nd.array([1, -1, NaN]).pow(nd.array([NaN, Infinity, 0])).toArray(), [1, 1, 1]],
    ['1e308 * 10 overflows to Infinity', () => nd.array([1e308, -1e308]).mul(10).toArray(), [Infinity, -Infinity]],
    ['0-d arrays', () => nd.array(3).add(nd.array(4)).toArray(), 7],
    ['empty', () => nd.zeros([0, 3]).add(nd.zeros([3])).shape, [0, 3]],
  ];
  for (const [name, run, expected] of cases) test(name, () => assertValues(run(), expected));
});

describe('bool arrays (NumPy rules)', () => {
  const t = () => nd.array([true, true, false, false]);
  const u = () => nd.array([true, false, true, false]);
  const cases: [string, () => NdArray, unknown][] = [
    ['bool + bool is or', () => t().add(u()), [true, true, true, false]],
    ['bool * bool is and', () => t().mul(u()), [true, false, false, false]],
    ['maximum of bools is or', () => t().maximum(u()), [true, true, true, false]],
    ['minimum of bools is and', () => t().minimum(u()), [true, false, false, false]],
    ['bool / bool is float64', () => t().div(u()), [1, Infinity, 0, NaN]],
    ['bool + number is float64 0/1', () => t().add(0.5), [1.5, 1.5, 0.5, 0.5]],
    ['bool * float64 array', () => t().mul(nd.array([2, 3, 4, 5])), [2, 3, 0, 0]],
    ['bool compared with a number as 0/1', () => t().ge(1), [true, true, false, false]],
    ['bool == bool', () => t().eq(u()), [true, false, false, true]],
    ['sqrt of bool is float64', () => t().sqrt(), [1, 1, 0, 0]],
    ['and', () => t().and(u()), [true, false, false, false]],
    ['or', () => t().or(u()), [true, true, true, false]],
    ['xor', () => t().xor(u()), [false, true, true, false]],
    ['not', () => t().not(), [false, false, true, true]],
    ['and with a number (its truth value)', () => t().and(1), [true, true, false, false]],
    ['xor with 0', () => u().xor(0), [true, false, true, false]],
    ['isnan of bool', () => t().isnan(), [false, false, false, false]],
  ];
  for (const [name, run, expected] of cases) {
    test(name, () => {
      const r = run();
      assertValues(r.toArray(), expected);
      assert.equal(r.dtype, typeof (expected as unknown[])[0] === 'boolean' ? 'bool' : 'float64');
    });
  }
  const errors: [string, () => unknown, RegExp][] = [
    ['bool - bool', () => t().sub(u()), /sub.*bool/],
    ['neg of bool', () => t().neg(), /neg.*bool/],
    ['and of a float64 array', () => nd.array([1, 0]).and(t().slice(':2')), /float64/],
    ['and with a float64 right operand', () => t().and(nd.array([1, 0, 1, 0])), /float64/],
    ['not of a float64 array', () => nd.array([1, 0]).not(), /float64/],
  ];
  for (const [name, run, message] of errors) {
    test(`${name} throws DTypeError`, () => assert.throws(run, (e: unknown) => e instanceof DTypeError && message.test((e as Error).message)));
  }
});

describe('out', () => {
  test('writes into out and returns it', () => {
    const out = nd.zeros([2, 2]);
    const r = nd.array([[1, 2], [3, 4]]).add(1, { out });
    assert.equal(r, out);
    assertValues(out.toArray(), [[2, 3], [4, 5]]);
  });
  test('comparison into a bool out', () => {
    const out = nd.array([false, false, false]);
    nd.array([1, 2, 3]).gt(1, { out });
    assertValues(out.toArray(), [false, true, true]);
  });
  test('in place: a.add(b, { out: a })', () => {
    const a = nd.array([[1, 2], [3, 4]]);
    a.add(nd.array([10, 20]), { out: a });
    assertValues(a.toArray(), [[11, 22], [13, 24]]);
    a.neg({ out: a });
    assertValues(a.toArray(), [[-11, -22], [-13, -24]]);
  });
  test('in place into a strided view', () => {
    const a = nd.arange(10);
    const v = a.slice('::2');
    v.mul(10, { out: v });
    assertValues(a.toArray(), [0, 1, 20, 3, 40, 5, 60, 7, 80, 9]);
  });
  test('overlapping shifted views: as if the input were copied first (NumPy)', () => {
    const c = nd.arange(5);
    c.slice('1:').add(c.slice(':-1'), { out: c.slice('1:') });
    assertValues(c.toArray(), [0, 1, 3, 5, 7]);
    const d = nd.arange(5);
    d.slice(':-1').add(d.slice('1:'), { out: d.slice('1:') });
    assertValues(d.toArray(), [0, 1, 3, 5, 7]);
  });
  test('out is the transpose of the input', () => {
    const a = nd.array([[1, 2], [3, 4]]);
    a.add(0, { out: a.T });
    assertValues(a.toArray(), [[1, 3], [2, 4]]);
    const b = nd.array([[1, 2], [3, 4]]);
    b.T.neg({ out: b });
    assertValues(b.toArray(), [[-1, -3], [-2, -4]]);
  });
  test('a row of out broadcast against the whole (NumPy copies the row first)', () => {
    const x = nd.array([[1, 2], [3, 4]]);
    x.add(x.slice(0), { out: x });
    assertValues(x.toArray(), [[2, 4], [4, 6]]);
  });
  const bad: [string, () => unknown, new (...a: never[]) => Error][] = [
    ['wrong shape', () => nd.array([1, 2, 3]).add(1, { out: nd.zeros([2]) }), ShapeError],
    ['not the broadcast shape', () => nd.zeros([3, 1]).add(nd.zeros([4]), { out: nd.zeros([3, 1]) }), ShapeError],
    ['float out for a comparison', () => nd.array([1, 2]).gt(1, { out: nd.zeros([2]) }), DTypeError],
    ['bool out for arithmetic', () => nd.array([1, 2]).add(1, { out: nd.array([true, false]) }), DTypeError],
    ['unary: wrong shape', () => nd.array([1, 2]).exp({ out: nd.zeros([3]) }), ShapeError],
    ['unary: bool out', () => nd.array([1, 2]).exp({ out: nd.array([true, false]) }), DTypeError],
    ['shapes do not broadcast', () => nd.zeros([3, 4]).add(nd.zeros([2]), { out: nd.zeros([3, 4]) }), BroadcastError],
  ];
  for (const [name, run, cls] of bad) {
    test(`${name}: ${cls.name}, arrays untouched`, () => {
      const a = nd.array([5, 6]);
      const out = nd.array([7, 8]);
      assert.throws(run, cls);
      assert.throws(() => a.mul(a, { out: nd.zeros([3]) }), ShapeError);
      assert.throws(() => a.sub(nd.array([1, 2, 3]), { out }), BroadcastError);
      assertValues(a.toArray(), [5, 6]);
      assertValues(out.toArray(), [7, 8]);
    });
  }
  test('error message shows both shapes', () => {
    assert.throws(() => nd.array([1, 2, 3]).add(1, { out: nd.zeros([2]) }), /\[2\].*\[3\]/);
  });
});

describe('clip', () => {
  const cases: [string, () => NdArray, unknown][] = [
    ['both bounds', () => nd.array([-1, 0.5, 2, NaN]).clip(0, 1), [0, 0.5, 1, NaN]],
    ['lower only', () => nd.array([-1, 0.5, 2]).clip(0, null), [0, 0.5, 2]],
    ['upper only', () => nd.array([-1, 0.5, 2]).clip(null, 1), [-1, 0.5, 1]],
    ['no bounds: a copy', () => nd.array([-1, 2]).clip(null, null), [-1, 2]],
    ['lo > hi gives hi', () => nd.array([1, 5]).clip(4, 2), [2, 2]],
    ['array bounds broadcast', () => nd.array([[-5, 5], [0, 0]]).clip(nd.array([[-1], [1]]), nd.array([2, 3])), [[-1, 3], [1, 1]]],
    ['bounds broadcast a up', () => nd.array([0, 10]).clip(nd.array([[1], [2]]), 5), [[1, 5], [2, 5]]],
    ['transposed input', () => nd.array([[1, 2], [3, 4]]).T.clip(2, 3), [[2, 3], [2, 3]]],
  ];
  for (const [name, run, expected] of cases) test(name, () => assertValues(run().toArray(), expected));
  test('into out, in place', () => {
    const a = nd.array([-3, 0, 3]);
    assert.equal(a.clip(-1, 1, { out: a }), a);
    assertValues(a.toArray(), [-1, 0, 1]);
  });
  test('out that is also the upper bound', () => {
    const a = nd.array([5, 5, 5]);
    const hi = nd.array([1, 2, 3]);
    a.clip(0, hi, { out: hi });
    assertValues(hi.toArray(), [1, 2, 3]);
  });
  test('bad out: ShapeError, untouched', () => {
    const out = nd.array([9, 9]);
    assert.throws(() => nd.array([1, 2, 3]).clip(0, 1, { out }), ShapeError);
    assertValues(out.toArray(), [9, 9]);
  });
});

describe('copy / astype', () => {
  test('copy of a transposed view is contiguous and independent', () => {
    const a = nd.array([[1, 2], [3, 4]]);
    const c = a.T.copy();
    assert.deepEqual(c.strides, [2, 1]);
    a.set(0, 1, 99);
    assertValues(c.toArray(), [[1, 3], [2, 4]]);
  });
  test('bool copy', () => assertValues(nd.array([true, false]).slice('::-1').copy().toArray(), [false, true]));
  test('astype bool: nonzero and NaN are true, -0 false', () =>
    assertValues(nd.array([0, -0, NaN, 2, -Infinity]).astype('bool').toArray(), [false, false, true, true, true]));
  test('astype float64 of bool', () => assertValues(nd.array([true, false]).astype('float64').toArray(), [1, 0]));
});
