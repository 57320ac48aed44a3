import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray, AxisError, BroadcastError, IndexError, ReadOnlyError, ShapeError, type SliceSpec } from '../src/index.ts';

/** arange(n) reshaped: element values equal their C-order position. */
function grid(shape: number[]): NdArray {
  return nd.arange(shape.reduce((p, d) => p * d, 1)).reshape(shape);
}

// ---- a plain nested-array reference ------------------------------------------------------

type Nested = number | Nested[];

function refGrid(shape: number[], start = 0): Nested {
  if (shape.length === 0) return start;
  const inner = shape.slice(1).reduce((p, d) => p * d, 1);
  return Array.from({ length: shape[0]! }, (_, i) => refGrid(shape.slice(1), start + i * inner));
}

function refFlat(x: Nested): number[] {
  return Array.isArray(x) ? x.flatMap(refFlat) : [x];
}

function refRegroup(flat: number[], shape: number[]): Nested {
  const build = (dims: number[], at: number): Nested => {
    if (dims.length === 0) return flat[at]!;
    const inner = dims.slice(1).reduce((p, d) => p * d, 1);
    return Array.from({ length: dims[0]! }, (_, i) => build(dims.slice(1), at + i * inner));
  };
  return build(shape, 0);
}

/** Python's slice semantics, element by element. */
function refRange(n: number, start: number | null, stop: number | null, step: number | null): number[] {
  const st = step ?? 1;
  const out: number[] = [];
  if (st > 0) {
    let i = start === null ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    const end = stop === null ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
    for (; i < end; i += st) out.push(i);
  } else {
    let i = start === null ? n - 1 : start < 0 ? Math.max(-1, start + n) : Math.min(start, n - 1);
    const end = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
    for (; i > end; i += st) out.push(i);
  }
  return out;
}

type RefSpec = { index: number } | { start: number | null; stop: number | null; step: number | null };

function refSlice(x: Nested, specs: RefSpec[], ndim: number): Nested {
  if (ndim === 0) return x;
  const arr = x as Nested[];
  const [spec, ...rest] = specs.length > 0 ? specs : [{ start: null, stop: null, step: null }];
  if ('index' in spec!) {
    const i = spec.index < 0 ? spec.index + arr.length : spec.index;
    return refSlice(arr[i]!, rest, ndim - 1);
  }
  return refRange(arr.length, spec!.start, spec!.stop, spec!.step).map((i) => refSlice(arr[i]!, rest, ndim - 1));
}

function refTranspose(x: Nested, shape: number[], axes: number[]): Nested {
  const outShape = axes.map((a) => shape[a]!);
  const build = (idx: number[]): Nested => {
    if (idx.length === outShape.length) {
      const src = new Array<number>(shape.length);
      axes.forEach((a, k) => (src[a] = idx[k]!));
      return src.reduce<Nested>((cur, i) => (cur as Nested[])[i]!, x);
    }
    return Array.from({ length: outShape[idx.length]! }, (_, i) => build([...idx, i]));
  };
  return build([]);
}

function specText(s: RefSpec): SliceSpec {
  if ('index' in s) return s.index;
  const f = (v: number | null): string => (v === null ? '' : String(v));
  return s.step === null ? `${f(s.start)}:${f(s.stop)}` : `${f(s.start)}:${f(s.stop)}:${f(s.step)}`;
}

// ---- tables -------------------------------------------------------------------------------

describe('slice (expected values from NumPy)', () => {
  const a = grid([2, 3, 4]);
  const v = nd.arange(10);
  const cases: [string, () => NdArray, number[], unknown][] = [
    ['a[1]', () => a.slice(1), [3, 4], [[12, 13, 14, 15], [16, 17, 18, 19], [20, 21, 22, 23]]],
    ['a[:, ::-1, 1:3]', () => a.slice(null, '::-1', '1:3'), [2, 3, 2], [[[9, 10], [5, 6], [1, 2]], [[21, 22], [17, 18], [13, 14]]]],
    ['a[-1, 0:3:2, -1]', () => a.slice(-1, [0, 3, 2], -1), [2], [15, 23]],
    ['a[0, 1, 2] (0-d view)', () => a.slice(0, 1, 2), [], 6],
    ['a[":", ":", ":"]', () => a.slice(':', ':', ':'), [2, 3, 4], a.toArray()],
    ['v[::3]', () => v.slice('::3'), [4], [0, 3, 6, 9]],
    ['v[::-3]', () => v.slice('::-3'), [4], [9, 6, 3, 0]],
    ['v[-3:]', () => v.slice('-3:'), [3], [7, 8, 9]],
    ['v[8:2:-2]', () => v.slice('8:2:-2'), [3], [8, 6, 4]],
    ['v[::-1]', () => v.slice('::-1'), [10], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]],
    ['v[20:] (clamped)', () => v.slice('20:'), [0], []],
    ['v[-20:3] (clamped)', () => v.slice('-20:3'), [3], [0, 1, 2]],
    ['v[20:-20:-4] (clamped)', () => v.slice('20:-20:-4'), [3], [9, 5, 1]],
    ['v[5:2] (empty)', () => v.slice('5:2'), [0], []],
    ['v[[null, null, -2]]', () => v.slice([null, null, -2]), [5], [9, 7, 5, 3, 1]],
    ['v[" 1 : 4 "]', () => v.slice(' 1 : 4 '), [3], [1, 2, 3]],
    ['v["7"]', () => v.slice('7'), [], 7],
    ['slice of a slice', () => v.slice('1:').slice('::-2').slice('1:3'), [2], [7, 5]],
    ['slice of a transpose', () => a.T.slice('1:3', 0, '::-1'), [2, 2], [[13, 1], [14, 2]]],
  ];
  for (const [name, make, shape, values] of cases) {
    test(name, () => {
      const s = make();
      assert.deepEqual(s.shape, shape);
      assert.deepEqual(s.toArray(), values);
    });
  }

  test('a slice is a view: writes show through, ownsStorage is false', () => {
    const b = grid([3, 3]);
    const s = b.slice('::2', '::-2');
    assert.equal(s.ownsStorage, false);
    assert.equal(s.storage, b.storage);
    s.set(1, 0, -1);
    assert.deepEqual(b.toArray(), [[0, 1, 2], [3, 4, 5], [6, 7, -1]]);
  });

  const errors: [string, () => unknown, RegExp][] = [
    ['too many specs', () => a.slice(0, 0, 0, 0), /too many indices.*3-dimensional, but 4/],
    ['index past the end', () => a.slice(2), /index 2 is out of bounds for axis 0 with size 2/],
    ['negative index past the start', () => a.slice(0, -4), /index -4 is out of bounds for axis 1 with size 3/],
    ['fractional index', () => a.slice(0.5), /integer/],
    ['step 0 string', () => v.slice('::0'), /step cannot be zero/],
    ['step 0 tuple', () => v.slice([0, 5, 0]), /step cannot be zero/],
    ['garbage string', () => v.slice('a:b'), /'a' is not an integer/],
    ['three colons', () => v.slice('1:2:3:4'), /at most two/],
    ['empty string', () => v.slice(''), /invalid slice spec/],
    ['fractional bound', () => v.slice([0.5, 2]), /bounds must be integers/],
    ['index into 0-d', () => nd.array(1).slice(0), /too many indices/],
  ];
  for (const [name, fn, message] of errors) {
    test(`IndexError: ${name}`, () => assert.throws(fn, (e: Error) => e instanceof IndexError && message.test(e.message)));
  }
});

describe('reshape', () => {
  const cases: [string, () => NdArray, number[], unknown, boolean][] = [
    ['[6] to [2, 3]', () => nd.arange(6).reshape([2, 3]), [2, 3], [[0, 1, 2], [3, 4, 5]], true],
    ['-1 inferred', () => nd.arange(6).reshape([-1, 2]), [3, 2], [[0, 1], [2, 3], [4, 5]], true],
    ['number shape', () => grid([2, 3]).reshape(6), [6], [0, 1, 2, 3, 4, 5], true],
    ['to 0-d', () => nd.arange(1).reshape([]), [], 0, true],
    ['0-d to [1, 1]', () => nd.array(5).reshape([1, 1]), [1, 1], [[5]], true],
    ['empty with -1', () => nd.zeros([0, 3]).reshape([-1, 3]), [0, 3], [], true],
    ['empty to other empty', () => nd.zeros([2, 0]).reshape([0, 5]), [0, 5], [], true],
    ['strided rows merge (view)', () => grid([2, 3, 4]).slice(null, null, '::2').reshape([2, 6]), [2, 6], [[0, 2, 4, 6, 8, 10], [12, 14, 16, 18, 20, 22]], true],
    ['split an axis of a step view', () => nd.arange(12).slice('::2').reshape([2, 3]), [2, 3], [[0, 2, 4], [6, 8, 10]], true],
    ['transpose keeps inner axis (view)', () => grid([2, 3, 4]).transpose(1, 0, 2).reshape([3, 2, 2, 2]), [3, 2, 2, 2], [[[[0, 1], [2, 3]], [[12, 13], [14, 15]]], [[[4, 5], [6, 7]], [[16, 17], [18, 19]]], [[[8, 9], [10, 11]], [[20, 21], [22, 23]]]], true],
    ['transpose flattened (copy)', () => grid([2, 3]).T.reshape([6]), [6], [0, 3, 1, 4, 2, 5], false],
    ['merge across a transposed pair (copy)', () => grid([2, 3, 4]).transpose(1, 0, 2).reshape([3, 8]), [3, 8], [[0, 1, 2, 3, 12, 13, 14, 15], [4, 5, 6, 7, 16, 17, 18, 19], [8, 9, 10, 11, 20, 21, 22, 23]], false],
    ['reversed (view with stride -1)', () => nd.arange(4).slice('::-1').reshape([2, 2]), [2, 2], [[3, 2], [1, 0]], true],
    ['size-1 axes added around a strided view', () => nd.arange(6).slice('::2').reshape([1, 3, 1]), [1, 3, 1], [[[0], [2], [4]]], true],
  ];
  for (const [name, make, shape, values, isView] of cases) {
    test(name, () => {
      const r = make();
      assert.deepEqual(r.shape, shape);
      assert.deepEqual(r.toArray(), values);
      assert.equal(!r.ownsStorage, isView, isView ? 'expected a view' : 'expected a copy');
    });
  }

  test('a reshape view writes through', () => {
    const b = nd.zeros(4);
    b.reshape([2, 2]).set(1, 0, 8);
    assert.deepEqual(b.toArray(), [0, 0, 8, 0]);
  });

  const errors: [number[], RegExp][] = [
    [[4], /^cannot reshape array of size 6 into shape \[4\]$/],
    [[4, -1], /cannot reshape array of size 6 into shape \[4,-1\]/],
    [[-1, -1], /only specify one unknown dimension/],
    [[0, -1], /cannot reshape array of size 6 into shape \[0,-1\]/],
    [[2, -2], /invalid shape/],
    [[1.5, 4], /invalid shape/],
  ];
  for (const [shape, message] of errors) {
    test(`ShapeError for ${JSON.stringify(shape)}`, () => {
      assert.throws(() => grid([2, 3]).reshape(shape), (e: Error) => e instanceof ShapeError && message.test(e.message));
    });
  }
});

describe('transpose, ravel, flatten, squeeze, expandDims, broadcastTo', () => {
  const a = grid([2, 3, 4]);
  const cases: [string, () => NdArray, number[], unknown, boolean][] = [
    ['T of 2-D', () => grid([2, 3]).T, [3, 2], [[0, 3], [1, 4], [2, 5]], true],
    ['T of 1-D', () => nd.arange(3).T, [3], [0, 1, 2], true],
    ['T of 0-d', () => nd.array(5).T, [], 5, true],
    ['transpose(2, 0, 1)', () => a.transpose(2, 0, 1).slice(1), [2, 3], [[1, 5, 9], [13, 17, 21]], true],
    ['transpose(-1, 0, 1)', () => a.transpose(-1, 0, 1).slice(1), [2, 3], [[1, 5, 9], [13, 17, 21]], true],
    ['ravel contiguous (view)', () => grid([2, 2]).ravel(), [4], [0, 1, 2, 3], true],
    ['ravel transposed (copy)', () => grid([2, 2]).T.ravel(), [4], [0, 2, 1, 3], false],
    ['ravel of a step slice (view)', () => nd.arange(6).slice('::2').ravel(), [3], [0, 2, 4], true],
    ['flatten (always a copy)', () => grid([2, 2]).flatten(), [4], [0, 1, 2, 3], false],
    ['flatten 0-d', () => nd.array(3).flatten(), [1], [3], false],
    ['flatten transposed bool', () => nd.array([[true, false], [false, false]]).T.flatten(), [4], [true, false, false, false], false],
    ['squeeze all', () => nd.zeros([1, 3, 1]).squeeze(), [3], [0, 0, 0], true],
    ['squeeze axis -1', () => nd.zeros([1, 3, 1]).squeeze(-1), [1, 3], [[0, 0, 0]], true],
    ['squeeze axes [0, 2]', () => nd.zeros([1, 2, 1]).squeeze([0, 2]), [2], [0, 0], true],
    ['squeeze to 0-d', () => nd.ones([1, 1]).squeeze(), [], 1, true],
    ['expandDims(0)', () => nd.arange(3).expandDims(0), [1, 3], [[0, 1, 2]], true],
    ['expandDims(-1)', () => nd.arange(3).expandDims(-1), [3, 1], [[0], [1], [2]], true],
    ['expandDims of 0-d', () => nd.array(4).expandDims(0), [1], [4], true],
    ['broadcastTo rows', () => nd.array([1, 2]).broadcastTo([3, 2]), [3, 2], [[1, 2], [1, 2], [1, 2]], true],
    ['broadcastTo a size-1 axis', () => nd.array([[1], [2]]).broadcastTo([2, 3]), [2, 3], [[1, 1, 1], [2, 2, 2]], true],
    ['broadcastTo from 0-d', () => nd.array(7).broadcastTo(2), [2], [7, 7], true],
    ['broadcastTo zero length', () => nd.array([1]).broadcastTo([0]), [0], [], true],
  ];
  for (const [name, make, shape, values, isView] of cases) {
    test(name, () => {
      const r = make();
      assert.deepEqual(r.shape, shape);
      assert.deepEqual(r.toArray(), values);
      assert.equal(!r.ownsStorage, isView);
    });
  }

  test('broadcast axes have stride 0 and share elements', () => {
    const b = nd.array([[1], [2]]);
    const w = b.broadcastTo([2, 3]);
    assert.deepEqual(w.strides, [1, 0]);
    assert.throws(() => w.set(1, 2, 9), ReadOnlyError); // read-only, as NumPy's broadcast_to
    b.set(1, 0, 9); // writes to the base show in every aliased position
    assert.deepEqual(w.toArray(), [[1, 1, 1], [9, 9, 9]]);
  });

  test('flatten copies: writing the copy leaves the source alone', () => {
    const b = grid([2, 2]);
    b.flatten().set(0, 99);
    assert.equal(b.get(0, 0), 0);
  });

  const errors: [string, () => unknown, Function, RegExp][] = [
    ['transpose repeats an axis', () => a.transpose(0, 0, 1), AxisError, /repeated axis/],
    ['transpose with too few axes', () => a.transpose(0, 1), AxisError, /don't match array of dimension 3/],
    ['transpose axis out of range', () => a.transpose(0, 1, 3), AxisError, /axis 3 is out of bounds for array of dimension 3/],
    ['squeeze an axis of size 2', () => a.squeeze(0), ShapeError, /cannot squeeze axis 0 of shape \[2,3,4\]: its size is 2/],
    ['squeeze axis out of range', () => nd.zeros([1]).squeeze(1), AxisError, /axis 1 is out of bounds/],
    ['expandDims out of range', () => nd.zeros([2]).expandDims(2), AxisError, /axis 2 is out of bounds for array of dimension 2/],
    ['broadcastTo incompatible', () => nd.zeros([3]).broadcastTo([2, 2]), BroadcastError, /cannot broadcast shapes \[3\] and \[2,2\]/],
    ['broadcastTo fewer dims', () => nd.zeros([2, 2]).broadcastTo([2]), BroadcastError, /\[2,2\] and \[2\]/],
  ];
  for (const [name, fn, cls, message] of errors) {
    test(name, () => assert.throws(fn, (e: Error) => e instanceof cls && message.test(e.message)));
  }

  test('views of a disposed array throw', () => {
    const b = nd.zeros([2, 2]);
    const view = b.T;
    b.dispose();
    assert.throws(() => b.slice(0), /dispose/);
    assert.throws(() => view.reshape(4), /dispose/);
  });
});

describe('concat and stack', () => {
  const cases: [string, () => NdArray, string, number[], unknown][] = [
    ['concat 1-D', () => nd.concat([nd.array([1, 2]), nd.array([3])]), 'float64', [3], [1, 2, 3]],
    ['concat axis 0', () => nd.concat([nd.array([[1, 2]]), nd.array([[3, 4], [5, 6]])]), 'float64', [3, 2], [[1, 2], [3, 4], [5, 6]]],
    ['concat axis -1', () => nd.concat([nd.array([[1], [2]]), nd.array([[3, 4], [5, 6]])], -1), 'float64', [2, 3], [[1, 3, 4], [2, 5, 6]]],
    ['concat views', () => nd.concat([grid([2, 2]).T, grid([2, 2]).slice('::-1')], 1), 'float64', [2, 4], [[0, 2, 2, 3], [1, 3, 0, 1]]],
    ['concat with an empty part', () => nd.concat([nd.zeros([0, 2]), nd.ones([1, 2])]), 'float64', [1, 2], [[1, 1]]],
    ['concat one array (copy)', () => nd.concat([nd.array([4])]), 'float64', [1], [4]],
    ['concat bools', () => nd.concat([nd.array([true]), nd.array([false, true])]), 'bool', [3], [true, false, true]],
    ['concat bool with float', () => nd.concat([nd.array([true, false]), nd.array([2.5])]), 'float64', [3], [1, 0, 2.5]],
    ['stack axis 0', () => nd.stack([nd.array([1, 2]), nd.array([3, 4])]), 'float64', [2, 2], [[1, 2], [3, 4]]],
    ['stack axis 1', () => nd.stack([nd.array([1, 2]), nd.array([3, 4])], 1), 'float64', [2, 2], [[1, 3], [2, 4]]],
    ['stack axis -1 of 2-D', () => nd.stack([grid([2, 2]), grid([2, 2]).T], -1), 'float64', [2, 2, 2], [[[0, 0], [1, 2]], [[2, 1], [3, 3]]]],
    ['stack 0-d', () => nd.stack([nd.array(1), nd.array(2), nd.array(3)]), 'float64', [3], [1, 2, 3]],
    ['stack bools', () => nd.stack([nd.array([true]), nd.array([false])]), 'bool', [2, 1], [[true], [false]]],
  ];
  for (const [name, make, dtype, shape, values] of cases) {
    test(name, () => {
      const r = make();
      assert.deepEqual({ dtype: r.dtype, shape: r.shape, values: r.toArray(), owns: r.ownsStorage }, { dtype, shape, values, owns: true });
    });
  }

  const errors: [string, () => unknown, Function, RegExp][] = [
    ['concat off-axis mismatch', () => nd.concat([nd.zeros([2, 3]), nd.zeros([2, 4])]), ShapeError, /shapes \[2,3\], \[2,4\] differ/],
    ['concat ndim mismatch', () => nd.concat([nd.zeros([2]), nd.zeros([1, 2])]), ShapeError, /\[2\], \[1,2\]/],
    ['concat 0-d', () => nd.concat([nd.array(1)]), ShapeError, /zero-dimensional/],
    ['concat nothing', () => nd.concat([]), ShapeError, /at least one array/],
    ['concat bad axis', () => nd.concat([nd.zeros([2])], 1), AxisError, /axis 1 is out of bounds/],
    ['stack shape mismatch', () => nd.stack([nd.zeros([2]), nd.zeros([3])]), ShapeError, /one shape, got \[2\], \[3\]/],
    ['stack bad axis', () => nd.stack([nd.zeros([2])], 3), AxisError, /axis 3/],
  ];
  for (const [name, fn, cls, message] of errors) {
    test(name, () => assert.throws(fn, (e: Error) => e instanceof cls && message.test(e.message)));
  }
});

// ---- properties ---------------------------------------------------------------------------

const shapeArb = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 4 });
const bound = fc.option(fc.integer({ min: -8, max: 8 }), { nil: null });
const rangeArb = fc.record({ start: bound, stop: bound, step: fc.option(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0), { nil: null }) });

/** Runs `check` on random shapes (≤ 4-D) and, for each, values drawn from `extras(shape)`. */
function forRandomShapes<T extends unknown[]>(
  extras: (shape: number[]) => { [K in keyof T]: fc.Arbitrary<T[K]> },
  check: (shape: number[], ...rest: T) => void,
): void {
  const arb = shapeArb.chain((shape) => fc.tuple(fc.constant(shape), fc.tuple(...(extras(shape) as fc.Arbitrary<unknown>[]))));
  fc.assert(fc.property(arb, ([shape, rest]) => check(shape, ...(rest as T))), { numRuns: 500 });
}

describe('properties against the nested-array reference', () => {
  test('slice: random shapes (≤ 4-D) and specs, including negative steps', () => {
    const specArb = (n: number): fc.Arbitrary<RefSpec> =>
      fc.oneof(rangeArb as fc.Arbitrary<RefSpec>, fc.integer({ min: -n, max: Math.max(0, n - 1) }).map((index) => ({ index })));
    forRandomShapes<[RefSpec[], number, string]>(
      (shape) => [fc.tuple(...shape.map(specArb)), fc.integer({ min: 0, max: 4 }), fc.constantFrom('string', 'tuple')],
      (shape, specs, count, form) => {
        const used = specs.slice(0, count).filter((s, i) => !('index' in s) || shape[i]! > 0);
        if (used.length < Math.min(count, specs.length)) return; // an index into an empty axis
        const a = grid(shape);
        const args: SliceSpec[] = used.map((s) => ('index' in s ? s.index : form === 'string' ? specText(s) : [s.start, s.stop, s.step]));
        const view = a.slice(...args);
        assert.deepEqual(view.toArray(), refSlice(refGrid(shape), used, shape.length));
        assert.equal(view.storage, a.storage);
        assert.equal(view.ndim, shape.length - used.filter((s) => 'index' in s).length);
        assert.deepEqual(nd.array(view).toArray(), view.toArray());
      },
    );
  });

  test('transpose then slice then reshape matches the reference; contiguous input gives a view', () => {
    forRandomShapes<[number[], RefSpec[], number[]]>(
      (shape) => [
        fc.shuffledSubarray(shape.map((_, i) => i), { minLength: shape.length, maxLength: shape.length }),
        fc.array(rangeArb, { minLength: shape.length, maxLength: shape.length }),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
      ],
      (shape, axes, ranges, split) => {
        const a = grid(shape);
        const t = a.transpose(...axes);
        const refT = refTranspose(refGrid(shape), shape, axes);
        assert.deepEqual(t.toArray(), refT);
        const s = t.slice(...ranges.map((r) => ('index' in r ? r.index : [r.start, r.stop, r.step]) as SliceSpec));
        const refS = refSlice(refT, ranges, shape.length);
        assert.deepEqual(s.toArray(), refS);
        // reshape to [...split, -1] when the sizes allow
        const flat = refFlat(refS);
        const known = split.reduce((p, d) => p * d, 1);
        if (flat.length % known !== 0) {
          assert.throws(() => s.reshape([...split, -1]), ShapeError);
          return;
        }
        const target = [...split, flat.length / known];
        const r = s.reshape([...split, -1]);
        assert.deepEqual(r.shape, target);
        assert.deepEqual(r.toArray(), refRegroup(flat, target));
        if (s.isContiguous) assert.equal(r.storage, a.storage);
        assert.deepEqual(s.ravel().toArray(), flat);
      },
    );
  });
});

describe('broadcastTo views are read-only (NumPy: assignment destination is read-only)', () => {
  const base = (): NdArray => nd.array([1, 2]);
  // Each read-only target: a broadcast view of base [1, 2], and views taken of one.
  const targets: [string, (b: NdArray) => NdArray][] = [
    ['broadcastTo', (b) => b.broadcastTo([3, 2])],
    ['slice of it', (b) => b.broadcastTo([3, 2]).slice('1:', '::-1')],
    ['transpose of it', (b) => b.broadcastTo([3, 2]).T],
    ['reshape (view) of it', (b) => b.broadcastTo([1, 2]).reshape([2])],
    ['squeeze of it', (b) => b.broadcastTo([1, 2]).squeeze()],
    ['expandDims of it', (b) => b.broadcastTo([3, 2]).expandDims(0)],
    ['ravel (view) of it', (b) => b.broadcastTo([1, 2]).ravel()],
    ['flip of it', (b) => b.broadcastTo([3, 2]).flip(1)],
    ['broadcastTo of a plain view', (b) => b.slice('::-1').broadcastTo([2, 2])],
    ['broadcastTo to the same shape', (b) => b.broadcastTo([2])],
  ];
  // Each write path, given the read-only target (float64).
  const writes: [string, (t: NdArray) => unknown][] = [
    ['set', (t) => t.set(...(new Array<number>(t.ndim).fill(0) as number[]), 9)],
    ['fill', (t) => t.fill(9)],
    ['nd.fill', (t) => nd.fill(t, 9)],
    ['setWhere number', (t) => t.setWhere(nd.ones(t.shape).astype('bool'), 9)],
    ['setWhere array', (t) => t.setWhere(nd.ones(t.shape).astype('bool'), nd.full(t.shape, 9))],
    ['binary out', (t) => nd.ones(t.shape).add(8, { out: t })],
    ['binary out = input (in place)', (t) => t.add(1, { out: t })],
    ['unary out', (t) => nd.ones(t.shape).neg({ out: t })],
    ['unary out = input (in place)', (t) => t.sqrt({ out: t })],
    ['clip out', (t) => t.clip(0, 1, { out: t })],
    ['nd.where out', (t) => nd.where(nd.ones(t.shape).astype('bool'), 9, 0, { out: t })],
  ];
  for (const [tname, make] of targets) {
    for (const [wname, write] of writes) {
      test(`${wname} on ${tname} throws ReadOnlyError and writes nothing`, () => {
        const b = base();
        const t = make(b);
        assert.equal(t.writeable, false);
        assert.throws(() => write(t), (e: unknown) => {
          assert.ok(e instanceof ReadOnlyError, String(e));
          assert.match((e as Error).message, /assignment destination is read-only \(a broadcast view of shape \[[\d,]*\]\)/);
          assert.deepEqual((e as ReadOnlyError).shape, t.shape);
          return true;
        });
        assert.deepEqual(b.toArray(), [1, 2]);
      });
    }
  }

  test('comparison and bool out on a read-only bool view throw ReadOnlyError', () => {
    const b = nd.array([true, false]);
    const t = b.broadcastTo([2, 2]);
    assert.throws(() => nd.ones([2, 2]).gt(0, { out: t }), ReadOnlyError);
    assert.throws(() => t.not({ out: t }), ReadOnlyError);
    assert.throws(() => t.fill(true), ReadOnlyError);
    assert.throws(() => t.setWhere(t, 0), ReadOnlyError);
    assert.throws(() => t.set(1, 1, true), ReadOnlyError);
    assert.deepEqual(b.toArray(), [true, false]);
  });

  test('the read-only check comes first: a read-only out of the wrong shape is ReadOnlyError', () => {
    const t = nd.array([1, 2]).broadcastTo([3, 2]);
    assert.throws(() => nd.ones([5]).add(1, { out: t }), ReadOnlyError);
  });

  test('reading ops on broadcast views still work (values from NumPy)', () => {
    const t = nd.array([1, 2]).broadcastTo([3, 2]);
    assert.deepEqual(t.toArray(), [[1, 2], [1, 2], [1, 2]]);
    assert.deepEqual(t.add(1).toArray(), [[2, 3], [2, 3], [2, 3]]);
    assert.deepEqual((t.sum(0) as NdArray).toArray(), [3, 6]);
    assert.equal(t.sum(), 9);
    assert.deepEqual(t.T.toArray(), [[1, 1, 1], [2, 2, 2]]);
    assert.deepEqual(t.gt(1).toArray(), [[false, true], [false, true], [false, true]]);
    assert.deepEqual(t.clip(0, 1.5).toArray(), [[1, 1.5], [1, 1.5], [1, 1.5]]);
    assert.equal(t.get(2, 1), 2);
    // A read-only array as an input, written into a writable out.
    const out = nd.zeros([3, 2]);
    t.mul(2, { out });
    assert.deepEqual(out.toArray(), [[2, 4], [2, 4], [2, 4]]);
    const w = nd.zeros([3, 2]).setWhere(t.gt(1), t);
    assert.deepEqual(w.toArray(), [[0, 2], [0, 2], [0, 2]]);
    const empty = nd.zeros([0]).broadcastTo([2, 0]);
    assert.deepEqual(empty.toArray(), [[], []]);
    assert.throws(() => empty.fill(1), ReadOnlyError);
  });

  test('copies of a read-only array are writable and independent', () => {
    const b = nd.array([1, 2]);
    const t = b.broadcastTo([3, 2]);
    const copies: NdArray[] = [t.copy(), t.flatten(), t.astype('float64'), t.reshape([6]), t.T.ravel(), nd.array(t), t.add(0)];
    for (const c of copies) {
      assert.equal(c.writeable, true);
      c.fill(7);
      assert.ok((c.toArray() as unknown[]).flat().every((v) => v === 7));
    }
    assert.equal(t.astype('bool').writeable, true);
    assert.deepEqual(b.toArray(), [1, 2]);
  });

  test('the flag does not touch ordinary arrays and views', () => {
    const a = nd.arange(6).reshape([2, 3]);
    const b = nd.array([1, 2]);
    b.broadcastTo([3, 2]); // taking a broadcast view leaves the base writable
    const views = [a, a.slice(null, '::2'), a.T, a.reshape([3, 2]), a.ravel(), a.squeeze(), a.expandDims(0), a.flip(), b];
    for (const v of views) assert.equal(v.writeable, true);
    a.T.set(2, 1, 50);
    a.slice(0).fill(-1);
    a.slice(1, '::2').add(100, { out: a.slice(1, '::2') });
    b.fill(4);
    assert.deepEqual(a.toArray(), [[-1, -1, -1], [103, 4, 150]]);
    assert.deepEqual(b.toArray(), [4, 4]);
  });

  test('property: every view chain from a broadcast view stays read-only; from a plain array, writable', () => {
    const step = fc.constantFrom('T', 'flip', 'expand', 'slice', 'squeeze');
    const apply = (x: NdArray, s: string): NdArray =>
      s === 'T' ? x.T : s === 'flip' ? x.flip() : s === 'expand' ? x.expandDims(0) : s === 'slice' ? x.slice('::-1') : x.squeeze();
    fc.assert(
      fc.property(fc.array(step, { maxLength: 6 }), fc.boolean(), (steps, broadcast) => {
        const b = nd.array([[1, 2, 3]]);
        let x = broadcast ? b.broadcastTo([2, 1, 3]) : b;
        for (const s of steps) x = apply(x, s);
        assert.equal(x.writeable, !broadcast);
        if (broadcast) assert.throws(() => x.fill(0), ReadOnlyError);
        else x.fill(0);
        assert.deepEqual(b.toArray(), broadcast ? [[1, 2, 3]] : [[0, 0, 0]]);
      }),
    );
  });
});
