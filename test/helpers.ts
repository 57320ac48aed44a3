/**
 * Generic test helpers: comparing nested results with expected values (NaN, -0 and a
 * tolerance in ulps), and a plain nested-array reference for broadcasting.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nd, type NdArray } from '../src/index.ts';
import { settings } from '../src/config.ts';

/**
 * Asserts nested numbers/booleans equal the expected ones. Booleans and non-finite or zero
 * numbers must match exactly (NaN matches NaN, -0 does not match 0); other numbers within
 * `ulps` units in the last place (0: exactly).
 * @param actual the result (`a.toArray()`)
 * @param expected the expected values
 * @param ulps tolerance for finite nonzero numbers
 * @param path where in the nesting (for messages)
 */
export function assertValues(actual: unknown, expected: unknown, ulps = 0, path = ''): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array, got ${String(actual)}`);
    assert.equal(actual.length, expected.length, `${path}: length ${actual.length}, expected ${expected.length}`);
    expected.forEach((e, i) => assertValues((actual as unknown[])[i], e, ulps, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'boolean') {
    assert.equal(actual, expected, `${path}: got ${String(actual)}, expected ${expected}`);
    return;
  }
  const e = expected as number;
  const a = actual as number;
  assert.equal(typeof a, 'number', `${path}: expected a number, got ${String(actual)}`);
  if (ulps === 0 || !Number.isFinite(e) || e === 0 || Object.is(a, e)) {
    assert.ok(Object.is(a, e), `${path}: got ${a}, expected ${e}`);
    return;
  }
  const tol = ulps * Number.EPSILON * Math.abs(e);
  assert.ok(Math.abs(a - e) <= tol, `${path}: got ${a}, expected ${e} (±${ulps} ulp)`);
}

/** Shape of a nested array (rectangular). */
export function nestedShape(x: unknown): number[] {
  const shape: number[] = [];
  let cur = x;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  return shape;
}

/** A nested array of `shape` whose elements are `f(index)`. */
export function buildNested(shape: readonly number[], f: (index: number[]) => unknown, prefix: number[] = []): unknown {
  if (prefix.length === shape.length) return f(prefix);
  const out: unknown[] = [];
  for (let i = 0; i < shape[prefix.length]!; i++) out.push(buildNested(shape, f, [...prefix, i]));
  return out;
}

/** Reads `x[index…]` of a nested array broadcast to an index of a (possibly) larger shape. */
export function readBroadcast(x: unknown, shape: readonly number[], index: readonly number[]): unknown {
  const lead = index.length - shape.length;
  let cur = x;
  for (let d = 0; d < shape.length; d++) cur = (cur as unknown[])[shape[d] === 1 ? 0 : index[lead + d]!];
  return cur;
}

/** NumPy broadcasting of shapes, or null when they do not broadcast. */
export function broadcastShapesRef(...shapes: (readonly number[])[]): number[] | null {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = s[i]!;
      const j = nd - s.length + i;
      if (out[j] === 1) out[j] = d;
      else if (d !== 1 && d !== out[j]) return null;
    }
  }
  return out;
}

/**
 * Reference element-wise binary op on nested arrays with NumPy broadcasting.
 * @param f the scalar op
 * @param a left nested array (or a number) of shape `sa`
 * @param sa its shape
 * @param b right nested array (or a number) of shape `sb`
 * @param sb its shape
 * @returns the nested result
 */
export function refBinary(
  f: (x: number, y: number) => unknown,
  a: unknown, sa: readonly number[],
  b: unknown, sb: readonly number[],
): unknown {
  const shape = broadcastShapesRef(sa, sb);
  if (shape === null) throw new Error(`reference: shapes [${sa}] and [${sb}] do not broadcast`);
  return buildNested(shape, (idx) => f(readBroadcast(a, sa, idx) as number, readBroadcast(b, sb, idx) as number));
}

const ordinalBits = new Float64Array(1);
const ordinalInts = new BigInt64Array(ordinalBits.buffer);
/** Position of a double on the number line in ulps (monotonic, -0 and 0 adjacent). */
export function ordinal(x: number): bigint {
  ordinalBits[0] = x;
  const i = ordinalInts[0]!;
  return i < 0n ? -(i & 0x7fffffffffffffffn) - 1n : i;
}

/**
 * Asserts two results agree element by element: same shape and dtype, equal values (NaN
 * equals NaN, -0 differs from 0), or finite values at most `ulps` apart on the number line.
 * @param expected the reference result (e.g. the JS loops')
 * @param actual the result under test
 * @param ulps tolerance in units in the last place (subnormals included)
 * @param what label for messages
 */
export function assertSameArrays(
  expected: { shape: readonly number[]; dtype: string; toArray(): unknown; toFloat64Array(): Float64Array },
  actual: { shape: readonly number[]; dtype: string; toArray(): unknown; toFloat64Array(): Float64Array },
  ulps: number,
  what: string,
): void {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  const flat = (a: typeof expected): unknown[] =>
    a.dtype === 'bool' ? [a.toArray()].flat(8) : Array.from(a.toFloat64Array());
  const e = flat(expected);
  const a = flat(actual);
  for (let i = 0; i < e.length; i++) {
    if (Object.is(e[i], a[i])) continue;
    const x = e[i] as number;
    const y = a[i] as number;
    const close = Number.isFinite(x) && Number.isFinite(y) && ordinal(x) - ordinal(y) <= BigInt(ulps) && ordinal(y) - ordinal(x) <= BigInt(ulps);
    assert.ok(close, `${what}: element ${i}: expected ${String(e[i])}, got ${String(a[i])}`);
  }
}

/**
 * Runs `f` on the JS kernels (`nd.config({ wasm: false })`) and then on the default kernels,
 * restoring the default even when `f` throws.
 * @returns the two results, JS first
 */
export function onJsAndWasm<T>(f: () => T): [js: T, wasm: T] {
  nd.config({ wasm: false });
  let js: T;
  try {
    js = f();
  } finally {
    nd.config({ wasm: true });
  }
  return [js, f()];
}

/**
 * Ulp distance between `got` and `want`, where special values (NaN, ±Inf, ±0 on either side)
 * must be identical: 0 when they are, Infinity when not.
 */
export function ulpsSpecialsExact(got: number, want: number): number {
  if (!Number.isFinite(want) || want === 0 || !Number.isFinite(got) || got === 0) return Object.is(got, want) ? 0 : Infinity;
  const d = ordinal(got) - ordinal(want);
  return Number(d < 0n ? -d : d);
}

/**
 * The values of unary method `fn` over `xs` (into the input itself when `inPlace`); the
 * arrays it makes are disposed.
 */
export function unaryValues(fn: string, xs: readonly number[], inPlace: boolean): number[] {
  const x = nd.array([...xs]);
  try {
    const method = (x as unknown as Record<string, (o?: { out: NdArray }) => NdArray>)[fn]!;
    const y = inPlace ? method.call(x, { out: x }) : method.call(x);
    const out = y.toArray() as number[];
    if (!inPlace) y.dispose();
    return out;
  } finally {
    x.dispose();
  }
}

/**
 * A describe block whose tests run with WASM off: a first test switches it off, a last one
 * puts back what it was (so the tests between run in order on the JS kernels).
 */
export function describeWasmOff(name: string, body: () => void): void {
  describe(name, () => {
    let saved = true;
    test('switch WASM off', () => {
      saved = settings.wasm;
      settings.wasm = false;
    });
    body();
    test('switch WASM back', () => {
      settings.wasm = saved;
    });
  });
}
