/**
 * Adversarial review: use after dispose in every op family, scopes, memory growth in the
 * middle of an op, the soft-limit fallback mixing arena and JS-backed arrays, errors on weird
 * input leaving every array intact, and NumPy spot checks (values checked with numpy 2.4).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { nd, NdArray, DisposedError, ShapeError, DTypeError, AxisError, IndexError, BroadcastError, NdvecError, ArgumentError } from '../src/index.ts';
import { sizeClass } from '../src/memory.ts';
import { assertValues } from './helpers.ts';

const sample = (): NdArray => nd.array([[1, 2, 3], [4, 5, 6]]);
const SAMPLE = [[1, 2, 3], [4, 5, 6]];
const mask23 = (): NdArray => nd.ones([2, 3]).gt(0);

/** Ops on a (possibly disposed) array `a`; `w` is a live array of `sample()` that must stay untouched. */
const OPS: [string, (a: NdArray, w: NdArray) => unknown][] = [
  ['add scalar', (a) => a.add(1)],
  ['add into live out', (a, w) => a.add(1, { out: w })],
  ['live.add(a, out: live)', (a, w) => w.add(a, { out: w })],
  ['neg', (a) => a.neg()],
  ['exp', (a) => a.exp()],
  ['round', (a) => a.round()],
  ['mod', (a) => a.mod(2)],
  ['pow (a as exponent)', (a) => nd.pow(2, a)],
  ['gt', (a) => a.gt(2)],
  ['where(mask of a)', (a, w) => w.where(a.gt(0))],
  ['where(mask)', (a) => a.where(mask23())],
  ['compress', (a) => nd.compress(a, mask23())],
  ['nd.where x', (a, w) => nd.where(mask23(), a, 0, { out: w })],
  ['nd.where cond', (a) => nd.where(a, 1, 0)],
  ['setWhere on a', (a) => a.setWhere(mask23(), 5)],
  ['setWhere value a', (a, w) => w.setWhere(mask23(), a)],
  ['count', (a) => a.gt(0).count()],
  ['sum', (a) => a.sum()],
  ['sum(0)', (a) => a.sum(0)],
  ['prod', (a) => a.prod()],
  ['mean', (a) => a.mean()],
  ['min', (a) => a.min()],
  ['max(1)', (a) => a.max(1)],
  ['std', (a) => a.std()],
  ['var', (a) => a.var()],
  ['any', (a) => a.any()],
  ['all', (a) => a.all()],
  ['nansum', (a) => a.nansum()],
  ['nanmin', (a) => a.nanmin()],
  ['argmin', (a) => a.argmin()],
  ['argmax(0)', (a) => a.argmax(0)],
  ['cumsum', (a) => a.cumsum()],
  ['cumprod(1)', (a) => a.cumprod(1)],
  ['sort', (a) => a.sort()],
  ['argsort', (a) => a.argsort()],
  ['matmul left', (a) => nd.matmul(a, nd.ones([3, 2]))],
  ['matmul right', (a) => nd.matmul(nd.ones([3, 2]), a)],
  ['dot vector', (a) => a.dot(nd.ones([3]))],
  ['concat', (a, w) => nd.concat([w, a])],
  ['stack', (a, w) => nd.stack([w, a])],
  ['hstack', (a, w) => nd.hstack([a, w])],
  ['vstack', (a, w) => nd.vstack([w, a])],
  ['columnStack', (a, w) => nd.columnStack([a, w])],
  ['reshape', (a) => a.reshape([3, 2])],
  ['slice', (a) => a.slice(0)],
  ['T', (a) => a.T],
  ['transpose', (a) => a.transpose()],
  ['ravel', (a) => a.ravel()],
  ['flatten', (a) => a.flatten()],
  ['squeeze', (a) => a.squeeze()],
  ['expandDims', (a) => a.expandDims(0)],
  ['broadcastTo', (a) => a.broadcastTo([2, 2, 3])],
  ['flip', (a) => a.flip()],
  ['copy', (a) => a.copy()],
  ['astype', (a) => a.astype('bool')],
  ['toString', (a) => a.toString()],
  ['toArray', (a) => a.toArray()],
  ['toFloat64Array', (a) => a.toFloat64Array()],
  ['toNdarray', (a) => a.toNdarray()],
  ['get', (a) => a.get(0, 0)],
  ['set', (a) => a.set(0, 0, 9)],
  ['fill', (a) => a.fill(3)],
  ['repeat', (a) => a.repeat(2)],
  ['tile', (a) => nd.tile(a, 2)],
  ['outer', (a, w) => nd.outer(a, w)],
  ['zerosLike', (a) => nd.zerosLike(a)],
  ['clip', (a) => a.clip(2, 4)],
  ['clip bound a', (a, w) => w.clip(a, 10, { out: w })],
  ['median', (a) => a.median()],
  ['quantile', (a) => a.quantile(0.5)],
  ['percentile', (a) => a.percentile(50)],
  ['ptp', (a) => a.ptp()],
  ['average', (a) => a.average()],
  ['average weights a', (a, w) => w.average(null, { weights: a })],
  ['nonzero', (a) => a.nonzero()],
  ['argwhere', (a) => a.argwhere()],
  ['unique', (a) => a.unique()],
  ['searchsorted in a', (a) => a.ravel().searchsorted(3)],
  ['searchsorted values a', (a) => nd.array([1, 2, 3]).searchsorted(a)],
  ['diff', (a) => a.diff()],
  ['isclose', (a, w) => a.isclose(w)],
  ['allclose', (a, w) => w.allclose(a)],
  ['arrayEqual', (a, w) => w.arrayEqual(a)],
];

/** Ways to get an unusable array of shape [2,3]. */
const DEAD: [string, () => NdArray][] = [
  ['disposed owner', () => { const a = sample(); a.dispose(); return a; }],
  ['view of a disposed owner', () => { const a = sample(); const v = a.slice(null); a.dispose(); return v; }],
  ['disposed view (owner alive)', () => { const v = sample().reshape([2, 3]); v.dispose(); return v; }],
  ['transposed view of disposed owner', () => { const a = nd.array([[1, 4], [2, 5], [3, 6]]); const v = a.T; a.dispose(); return v; }],
  ['disposed twice', () => { const a = sample(); a.dispose(); a.dispose(); return a; }],
];

describe('use after dispose: every op throws DisposedError and writes nothing', () => {
  for (const [how, dead] of DEAD) {
    test(how, () => {
      for (const [name, op] of OPS) {
        const w = sample();
        const a = dead();
        assert.throws(() => op(a, w), DisposedError, `${name} on a ${how}`);
        assert.deepEqual(w.toArray(), SAMPLE, `${name}: the live array changed`);
      }
    });
  }

  test('a disposed block reused by a new array is never read through the old handle', () => {
    const a = nd.full([5], 1);
    const v = a.slice('1:');
    a.dispose();
    const b = nd.full([5], 2); // may take a's block
    assert.throws(() => v.toArray(), DisposedError);
    assert.throws(() => a.sum(), DisposedError);
    v.dispose(); // no effect on b
    assert.deepEqual(b.toArray(), [2, 2, 2, 2, 2]);
  });

  const OUT_OPS: [string, (out: NdArray) => unknown][] = [
    ['add', (out) => sample().add(1, { out })],
    ['add broadcast', (out) => sample().add(nd.array([1, 2, 3]), { out })],
    ['sub scalar first', (out) => nd.sub(1, sample(), { out })],
    ['exp', (out) => sample().exp({ out })],
    ['sqrt', (out) => sample().sqrt({ out })],
    ['clip', (out) => sample().clip(1, 2, { out })],
    ['nd.where', (out) => nd.where(sample().gt(2), 1, 0, { out })],
    ['gt (bool out)', (out) => sample().gt(1, { out: out.dtype === 'bool' ? out : out.gt(0) })],
  ];
  const DEAD_OUT: [string, () => NdArray][] = [
    ['disposed out', () => { const o = nd.zeros([2, 3]); o.dispose(); return o; }],
    ['view of disposed base as out', () => { const b = nd.zeros([2, 3]); const o = b.slice(null); b.dispose(); return o; }],
  ];
  for (const [how, deadOut] of DEAD_OUT) {
    test(`${how}: element-wise ops throw`, () => {
      for (const [name, op] of OUT_OPS) assert.throws(() => op(deadOut()), DisposedError, name);
    });
  }
});

describe('nd.scope', () => {
  const CONTAINERS: [string, () => unknown, (r: any) => NdArray][] = [
    ['array', () => [nd.ones([2])], (r) => r[0]],
    ['object', () => ({ x: nd.ones([2]) }), (r) => r.x],
    ['nested object/array', () => ({ x: [{ y: nd.ones([2]) }] }), (r) => r.x[0].y],
    ['Map value', () => new Map([['k', nd.ones([2])]]), (r) => r.get('k')],
    ['Map key', () => new Map([[nd.ones([2]), 1]]), (r) => [...r.keys()][0]],
    ['Set', () => new Set([nd.ones([2])]), (r) => [...r][0]],
    ['cyclic object', () => { const o: any = { a: nd.ones([2]) }; o.self = o; return o; }, (r) => r.a],
    ['view of a scope array', () => nd.ones([4]).slice('1:3'), (r) => r],
    ['from a nested scope', () => nd.scope(() => nd.ones([2]).add(0)), (r) => r],
  ];
  for (const [name, make, pick] of CONTAINERS) {
    test(`keeps arrays returned in: ${name}`, () => {
      const r = nd.scope(make);
      const a = pick(r);
      assert.equal(a.isDisposed, false);
      assert.deepEqual(a.toArray(), [1, 1]);
    });
  }

  test('frees temporaries (live bytes back where they were), also when fn throws', () => {
    const before = nd.info().liveBytes;
    let kept!: NdArray;
    assert.throws(() => nd.scope(() => { kept = nd.ones([64]).mul(2); throw new Error('boom'); }), /boom/);
    assert.equal(kept.isDisposed, true);
    assert.throws(() => kept.sum(), DisposedError);
    nd.scope(() => { for (let i = 0; i < 50; i++) nd.ones([100]).add(1).sum(); });
    assert.equal(nd.info().liveBytes, before);
  });

  test('an inner scope that throws frees only its own arrays', () => {
    let outerArr!: NdArray;
    let innerArr!: NdArray;
    const r = nd.scope(() => {
      outerArr = nd.ones([2]);
      try { nd.scope(() => { innerArr = nd.ones([2]); throw new Error('inner'); }); } catch { /* expected */ }
      return outerArr;
    });
    assert.equal(r.isDisposed, false);
    assert.equal(innerArr.isDisposed, true);
  });

  test('a kept array moves to the enclosing scope, which frees it unless returned', () => {
    let r!: NdArray;
    nd.scope(() => { r = nd.scope(() => nd.ones([2])); });
    assert.equal(r.isDisposed, true);
  });

  test('arrays from outside a scope survive it, also when written in place inside', () => {
    const a = nd.ones([2]);
    nd.scope(() => { a.add(1, { out: a }); a.add(1); });
    assert.deepEqual(a.toArray(), [2, 2]);
  });

  test('using frees at block end; a view disposes only itself', () => {
    let keep!: NdArray;
    { using a = nd.ones([2]); keep = a; }
    assert.equal(keep.isDisposed, true);
    const owner = nd.arange(3);
    const v = owner.slice('1:');
    v.dispose();
    v.dispose();
    assert.equal(owner.isDisposed, false);
    assert.equal(owner.sum(), 3);
    owner.dispose();
    owner.dispose();
    assert.equal(v.isDisposed, true);
  });
});

/** Blocks of a size class nothing else uses, never freed: each comes from the arena's top. */
const anchors: NdArray[] = [];

/**
 * Fills the arena up to `slack` bytes below its end (fresh blocks from the top, taken
 * without being written), so the next allocation beyond `slack` bytes grows the memory.
 * @returns the filler blocks, to dispose afterwards
 */
function fillArena(slack: number): NdArray[] {
  const anchor = NdArray.empty([(3 << 20) / 8 + 1]);
  assert.ok(anchor.storage.inArena, 'raise the soft limit before filling the arena');
  anchors.push(anchor);
  const held: NdArray[] = [];
  let top = anchor.storage.ptr + anchor.storage.bytes;
  for (;;) {
    assert.ok(held.length < 100000, 'fillArena does not converge');
    const room = nd.info().arenaBytes - top - slack;
    if (room < 16) break;
    let size = room & ~15;
    if (room > 256) {
      const quarter = 2 ** Math.floor(Math.log2(room)) / 4;
      size = Math.floor(room / quarter) * quarter;
    }
    assert.equal(sizeClass(size), size);
    const block = NdArray.empty([size / 8]);
    held.push(block);
    if (block.storage.ptr === top) top += block.storage.bytes; // else it came from a free list: keep it and go on
  }
  return held;
}

describe('memory growth in the middle of an op', () => {
  const base = (): NdArray => nd.arange(60).reshape([6, 10]);
  /** [name, op, expected result, bytes of the op's first allocation (its result)] */
  const CASES: [string, () => unknown, unknown, number][] = [
    ['concat of 40 column views', () => nd.concat(Array.from({ length: 40 }, (_, i) => base().slice(null, [i % 10, i % 10 + 1])), 1).sum(0),
      Array.from({ length: 40 }, (_, i) => 6 * (i % 10) + 150), 6 * 40 * 8],
    ['stack of 30 reversed rows', () => nd.stack(Array.from({ length: 30 }, () => base().slice(0, '::-1'))).sum(0),
      [270, 240, 210, 180, 150, 120, 90, 60, 30, 0], 30 * 10 * 8],
    ['add of broadcast views', () => base().slice(null, '::2').add(nd.arange(6).reshape([6, 1])).sum(1), [20, 75, 130, 185, 240, 295], 30 * 8],
    ['where(mask) of a transpose', () => base().T.where(base().T.gt(54)).toArray(), [55, 56, 57, 58, 59], 64],
    ['nd.where with scalars', () => nd.where(base().gt(29), base().T.T, -1).sum(), 1335 - 30, 60],
    ['unique of a strided view', () => base().slice('::2', '::3').unique().toArray(), [0, 3, 6, 9, 20, 23, 26, 29, 40, 43, 46, 49], 12 * 8],
    ['median along an axis', () => (base().T.median(1) as NdArray).toArray(), [25, 26, 27, 28, 29, 30, 31, 32, 33, 34], 10 * 8],
    ['matmul of transposes', () => (nd.matmul(base().T, base()) as NdArray).sum(), 697150, 100 * 8],
  ];
  const lim = nd.config().arenaSoftLimit;
  for (const [name, op, expected, firstBytes] of CASES) {
    // Every growth multiplies the memory by 1.5: grow for sure only in the first case.
    for (const slack of name.startsWith('concat') ? [0, sizeClass(firstBytes)] : [sizeClass(firstBytes)]) {
      test(`${name}, memory grows after ${slack} bytes`, () => {
        nd.config({ arenaSoftLimit: 2 ** 32 });
        try {
          const held = fillArena(slack);
          const size = nd.info().arenaBytes;
          const result = op();
          const got = result instanceof NdArray ? result.toArray() : result;
          assert.deepEqual(got, expected);
          if (slack === 0) assert.ok(nd.info().arenaBytes > size, 'the op did not grow the memory');
          for (const h of held) {
            assert.ok(!h.storage.inArena || h.storage.ptr + h.storage.bytes <= nd.info().arenaBytes);
            h.dispose();
          }
        } finally {
          nd.config({ arenaSoftLimit: lim });
        }
      });
    }
  }
});

describe('soft-limit fallback: arena and JS-backed arrays mixed', () => {
  const lim = nd.config().arenaSoftLimit;
  const on = <T>(js: boolean, f: () => T): T => {
    nd.config({ arenaSoftLimit: js ? 0 : lim });
    try { return f(); } finally { nd.config({ arenaSoftLimit: lim }); }
  };
  const A = (): NdArray => nd.array([[1, -2, NaN, 4, 5], [6, -0, 8, Infinity, -10], [1, 2, 3, 4, 5]]);
  const B = (): NdArray => nd.array([3, -1, 2, 0, 7]);
  const withOut = (o: NdArray | null) => (o === null ? undefined : { out: o });
  const CASES: [string, (a: NdArray, b: NdArray, out: NdArray | null) => unknown, number[] | null][] = [
    ['add', (a, b, o) => a.add(b, withOut(o)), [3, 5]],
    ['mul of transposes', (a, b, o) => a.T.mul(b.reshape([5, 1]), withOut(o)), [5, 3]],
    ['exp', (a, _b, o) => a.exp(withOut(o)), [3, 5]],
    ['pow', (a, b, o) => a.pow(b, withOut(o)), [3, 5]],
    ['gt', (a, b) => a.gt(b), null],
    ['nd.where', (a, b, o) => nd.where(a.gt(b), a, b, withOut(o)), [3, 5]],
    ['clip', (a, b, o) => a.clip(b, 4, withOut(o)), [3, 5]],
    ['where(mask)', (a, b) => a.where(a.gt(b)), null],
    ['setWhere', (a, b) => a.copy().setWhere(a.gt(b), b), null],
    ['reductions', (a) => [a.sum(), a.sum(0), a.nansum(1), a.max(0), a.argmax(1), a.cumsum(1)], null],
    ['sort', (a) => [a.sort(0), a.argsort(1)], null],
    ['matmul', (a, b) => [nd.matmul(a, b), nd.matmul(a.T, a)], null],
    ['joins', (a, b) => [nd.concat([a, b.reshape([1, 5])]), nd.stack([b, b]), nd.hstack([b, b])], null],
    ['statistics', (a) => [a.mean(1), a.std(0), a.median(1), a.ptp(1)], null],
    ['search', (a, b) => [a.unique(), a.nonzero(), a.argwhere(), nd.array([1, 2, 3]).searchsorted(b)], null],
    ['repeat/tile/flip/diff', (a) => [a.repeat(2, 0), nd.tile(a, [2, 1]), a.flip(), a.diff()], null],
  ];
  const values = (x: unknown): unknown => (x instanceof NdArray ? [x.shape, x.toArray()] : Array.isArray(x) ? x.map(values) : x);
  for (const [name, fn, outShape] of CASES) {
    test(`${name}: every arena/JS mix equals the all-arena result`, () => {
      const want = values(fn(A(), B(), null));
      for (const ja of [false, true]) for (const jb of [false, true]) for (const jo of outShape === null ? [null] : [false, true]) for (const jr of [false, true]) {
        const a = on(ja, A);
        const b = on(jb, B);
        const o = jo === null ? null : on(jo, () => nd.zeros(outShape!));
        const got = on(jr, () => values(fn(a, b, o)));
        assert.ok(isDeepStrictEqual(got, want), `${name} a:${ja ? 'js' : 'arena'} b:${jb ? 'js' : 'arena'} out:${jo} results:${jr ? 'js' : 'arena'}`);
      }
    });
  }

  test('in-place aliasing across arena and JS-backed arrays', () => {
    for (const js of [false, true]) {
      const d = on(js, () => nd.arange(10));
      d.slice('1:').add(d.slice(':-1'), { out: d.slice('1:') });
      assert.deepEqual(d.toArray(), [0, 1, 3, 5, 7, 9, 11, 13, 15, 17]); // numpy: np.add(d[1:], d[:-1], out=d[1:])
      const m = on(js, () => nd.arange(6));
      nd.where(m.gt(2), m.slice('::-1'), 0, { out: m });
      assert.deepEqual(m.toArray(), [0, 0, 0, 2, 1, 0]);
      const s = on(js, () => nd.arange(6));
      s.setWhere(s.gt(2), s.slice('::-1'));
      assert.deepEqual(s.toArray(), [0, 1, 2, 2, 1, 0]);
      const c = on(js, () => nd.arange(6));
      c.clip(c.slice('::-1'), null, { out: c });
      assert.deepEqual(c.toArray(), [5, 4, 3, 3, 4, 5]);
      const t = on(js, () => nd.array([[1, 2], [3, 4]]));
      t.add(t.T, { out: t });
      assert.deepEqual(t.toArray(), [[2, 5], [5, 8]]);
    }
  });
});

describe('errors: named, with the values, inputs untouched', () => {
  test('huge shapes throw ShapeError at once, for every allocating op', () => {
    const HUGE: [string, () => unknown][] = [
      ['zeros [1e6,1e6]', () => nd.zeros([1e6, 1e6])],
      ['ones [2^26,2^27]', () => nd.ones([2 ** 26, 2 ** 27])],
      ['random', () => nd.random([1e6, 1e6])],
      ['eye', () => nd.eye(1e8)],
      ['linspace', () => nd.linspace(0, 1, 1e13)],
      ['repeat', () => nd.arange(3).repeat(1e15)],
      ['tile', () => nd.tile(nd.arange(3), [1e8, 1e8])],
      ['copy of a broadcast view', () => nd.ones([1]).broadcastTo([1e6, 1e6]).copy()],
      ['add of broadcast views', () => nd.ones([1]).broadcastTo([1e6, 1]).add(nd.ones([1]).broadcastTo([1, 1e7]))],
      ['outer', () => nd.outer(nd.ones([1]).broadcastTo([1e7]), nd.ones([1]).broadcastTo([1e7]))],
      ['matmul', () => nd.matmul(nd.ones([1]).broadcastTo([1e7, 1]), nd.ones([1]).broadcastTo([1, 1e7]))],
    ];
    // (No timing assertion: speed goals live in benchmarks. Allocating first would take minutes
    // or run out of memory, which the test runner's time-out would report.)
    for (const [name, op] of HUGE) {
      assert.throws(op, (e: unknown) => e instanceof ShapeError && /too big/.test((e as Error).message), name);
    }
    assert.throws(() => nd.zeros([1e6, 1e6]), { message: 'array of shape [1000000,1000000] is too big: 1000000000000 elements of float64' });
    assert.deepEqual(nd.zeros([1e6, 1e6, 0]).shape, [1e6, 1e6, 0]); // size 0 is fine
  });

  test('set() refuses a non-number value and writes nothing', () => {
    for (const bad of ['x', '3', null, undefined, {}, 1n]) {
      const a = nd.arange(3);
      assert.throws(() => a.set(0, bad as never), DTypeError, String(bad));
      assert.deepEqual(a.toArray(), [0, 1, 2]);
    }
    assert.deepEqual(nd.arange(2).set(0, true).toArray(), [1, 1]);
  });

  test('astype refuses unknown dtypes', () => {
    assert.throws(() => nd.arange(3).astype('int32' as never), { name: 'DTypeError', message: "astype: dtype must be 'float64' or 'bool' (the dtypes ndvec has), got string 'int32'" });
  });

  const FAILS: [string, (a: NdArray, o: NdArray) => unknown, new (...args: never[]) => Error, RegExp][] = [
    ['add out of wrong shape', (a, o) => a.add(1, { out: o.slice('0:1') }), ShapeError, /add: out has shape \[1,3\] but the result has shape \[2,3\]/],
    ['add out bool', (a, o) => a.add(1, { out: o.gt(0) }), DTypeError, /out has dtype bool but the result is float64/],
    ['gt out float', (a, o) => a.gt(1, { out: o }), DTypeError, /out has dtype float64 but the result is bool/],
    ['add non-broadcasting', (a, o) => a.add(nd.ones([2]), { out: o }), BroadcastError, /cannot broadcast shapes \[2,3\] and \[2\]/],
    ['add a string', (a, o) => a.add('3' as never, { out: o }), ArgumentError, /got string/],
    ['nd.where wrong out', (a, o) => nd.where(a.gt(2), 1, 0, { out: o.reshape([3, 2]) }), ShapeError, /out has shape \[3,2\]/],
    ['setWhere value of wrong shape', (a) => a.setWhere(a.gt(1), nd.array([9, 9])), BroadcastError, /\[2\] and \[2,3\]/],
    ['setWhere float mask', (a) => a.setWhere(a, 9), DTypeError, /mask must be a bool array, got float64/],
    ['setWhere string value', (a) => a.setWhere(a.gt(1), 'x' as never), ArgumentError, /got string/],
    ['clip bound of wrong shape', (a, o) => a.clip(nd.ones([4]), 2, { out: o }), BroadcastError, /\[4\]/],
    ['fill a string', (a) => a.fill('x' as never), DTypeError, /fill value must be a number or boolean, got "x"/],
    ['reshape to a wrong size', (a) => a.reshape([4, 2]), ShapeError, /cannot reshape array of size 6 into shape \[4,2\]/],
    ['reshape NaN', (a) => a.reshape([NaN, 6]), ShapeError, /got number NaN/],
    ['reshape two -1', (a) => a.reshape([-1, -1]), ShapeError, /one unknown dimension/],
    ['sum axis 1.5', (a) => a.sum(1.5), ArgumentError, /sum: axis must be an integer, an array of integers or null, got number 1\.5/],
    ['sum axis NaN', (a) => a.sum(NaN), ArgumentError, /got number NaN/],
    ['sum axis "1"', (a) => a.sum('1' as never), ArgumentError, /sum: axis must be an integer, an array of integers or null, got string '1'/],
    ['sum repeated axis', (a) => a.sum([0, -2]), AxisError, /repeated axis/],
    ['transpose repeated', (a) => a.transpose(0, 0), AxisError, /repeated axis/],
    ['get 1.5', (a) => a.get(1.5, 0), ArgumentError, /get: index 0 must be an integer, got number 1\.5/],
    ['get NaN', (a) => a.get(0, NaN), ArgumentError, /get: index 1 must be an integer, got number NaN/],
    ['set out of bounds', (a) => a.set(2, 0, 9), IndexError, /index 2 is out of bounds for axis 0 with size 2/],
    ['slice step 0', (a) => a.slice([0, 2, 0]), IndexError, /step cannot be zero/],
    ['slice fractional', (a) => a.slice([0.5, 2]), IndexError, /got 0\.5/],
    ['concat mismatch', (a, o) => nd.concat([a, o.slice(null, '0:2')]), ShapeError, /shapes \[2,3\], \[2,2\] differ/],
    ['matmul misaligned', (a, o) => nd.matmul(a, o), ShapeError, /matmul: shapes \[2,3\] and \[2,3\] not aligned/],
    ['quantile 1.5', (a) => a.quantile(1.5), NdvecError, /\[0, 1\], got 1\.5/],
    ['repeat -1', (a) => a.repeat(-1), NdvecError, /got -1/],
  ];
  for (const [name, op, cls, message] of FAILS) {
    test(`${name}: ${cls.name}, nothing written`, () => {
      const a = sample();
      const o = nd.full([2, 3], 7);
      assert.throws(() => op(a, o), (e: unknown) => e instanceof cls && message.test((e as Error).message));
      assert.deepEqual(a.toArray(), SAMPLE);
      assert.deepEqual(o.toArray(), [[7, 7, 7], [7, 7, 7]]);
    });
  }

  test('shape entries: NaN, ±Infinity, negative, fractional, strings are ShapeErrors; -0 is 0', () => {
    for (const bad of [NaN, Infinity, -Infinity, -1, 1.5, '3']) {
      assert.throws(() => nd.zeros([2, bad as number]), ShapeError, String(bad));
    }
    assert.deepEqual(nd.zeros([-0, 2]).shape, [0, 2]);
    assert.equal(nd.arange(3).get(-0), 0);
    assert.equal(nd.ones([2, 3]).sum(-0, {}) instanceof NdArray, true);
  });
});

/** NumPy 2.4 results, checked by hand: [name, op, expected] (NaN, ±Inf and -0 exact). */
const NUMPY: [string, () => unknown, unknown][] = [
  ['[0,3] + [3]', () => nd.zeros([0, 3]).add(nd.ones([3])).shape, [0, 3]],
  ['[2,0] + [2,1]', () => nd.zeros([2, 0]).add(nd.ones([2, 1])).shape, [2, 0]],
  ['[1] + [0]', () => nd.ones([1]).add(nd.zeros([0])).shape, [0]],
  ['0-d + [2]', () => nd.array(3).add(nd.array([1, 2])).toArray(), [4, 5]],
  ['0-d sum', () => nd.array(3).sum(), 3],
  ['0-d sum([])', () => nd.array(3).sum([]).toArray(), 3], // an axis was named: a 0-d array (ndvec's rule)
  ['0-d cumsum', () => nd.array(3).cumsum().toArray(), [3]],
  ['0-d argmax', () => nd.array(3).argmax(), 0],
  ['0-d where', () => nd.array(3).where(nd.array(true)).toArray(), [3]],
  ['0-d stack', () => nd.stack([nd.array(3), nd.array(4)]).toArray(), [3, 4]],
  ['0-d repeat', () => nd.array(3).repeat(2).toArray(), [3, 3]],
  ['0-d median', () => nd.array(3).median(), 3],
  ['sum [2,0] axis 1 keepdims', () => (nd.zeros([2, 0]).sum(1, { keepdims: true }) as NdArray).toArray(), [[0], [0]]],
  ['prod [2,0] axis 1', () => (nd.zeros([2, 0]).prod(1) as NdArray).toArray(), [1, 1]],
  ['max [2,0] axis 0', () => (nd.zeros([2, 0]).max(0) as NdArray).shape, [0]],
  ['mean [2,0] axis 1', () => (nd.zeros([2, 0]).mean(1) as NdArray).toArray(), [NaN, NaN]],
  ['any [2,0] axis 1', () => (nd.zeros([2, 0]).any(1) as NdArray).toArray(), [false, false]],
  ['all of empty', () => nd.zeros([0]).all(), true],
  ['argmax [0,2] axis 1', () => (nd.zeros([0, 2]).argmax(1) as NdArray).shape, [0]],
  ['argmin all NaN', () => nd.array([NaN, NaN]).argmin(), 0],
  ['argmax first NaN wins', () => nd.array([1, NaN, 3, NaN]).argmax(), 1],
  ['argmax rows with NaN', () => (nd.array([[NaN, NaN], [1, NaN]]).argmax(1) as NdArray).toArray(), [0, 1]],
  ['nanmin all NaN', () => nd.array([NaN, NaN]).nanmin(), NaN],
  ['sort -0/NaN/Inf', () => nd.array([NaN, -0, 0, -Infinity, Infinity, -0, 1, NaN, -1]).sort().toArray(), [-Infinity, -1, -0, 0, -0, 1, Infinity, NaN, NaN]],
  ['argsort -0/NaN/Inf (stable)', () => nd.array([NaN, 0, -0, -Infinity, Infinity, -0, 1, NaN, -1]).argsort().toArray(), [3, 8, 1, 2, 5, 6, 4, 0, 7]],
  ['unique NaN once', () => nd.array([NaN, 0, -0, -Infinity, NaN, 1]).unique().toArray(), [-Infinity, 0, 1, NaN]],
  ['mod signs/zero/inf', () => nd.array([5, -5, 5, -5, 0, -0, 5, Infinity, 5, 1e308, -1e-300]).mod(nd.array([3, 3, -3, -3, 3, 3, 0, 3, Infinity, 3, 1e300])).toArray(),
    [2, 1, -1, -2, 0, 0, NaN, NaN, 5, 2, 1e300]],
  ['mod by ±Inf, -0 results', () => nd.array([5, -5, -0, 0]).mod(nd.array([-Infinity, Infinity, -3, -3])).toArray(), [-Infinity, Infinity, -0, -0]],
  ['pow edge cases', () => nd.array([0, 0, -8, -1, 1, NaN, -0, 2, 0]).pow(nd.array([0, -1, 1 / 3, Infinity, NaN, 0, -1, 1024, -Infinity])).toArray(),
    [1, Infinity, NaN, 1, 1, 1, -Infinity, Infinity, Infinity]],
  ['round half to even, large values', () => nd.array([0.5, 1.5, 2.5, -0.5, -2.5, 2 ** 52 + 1, 4503599627370495.5, -4503599627370495.5, 2 ** 51 + 0.5, 2 ** 51 + 1.5, 1e300, 0.49999999999999994]).round().toArray(),
    [0, 2, 2, -0, -2, 4503599627370497, 4503599627370496, -4503599627370496, 2251799813685248, 2251799813685250, 1e300, 0]],
  ['clip lo > hi gives hi', () => nd.array([1, 5, 10]).clip(8, 3).toArray(), [3, 3, 3]],
  ['clip NaN bound', () => nd.array([1, 5]).clip(NaN, 3).toArray(), [NaN, NaN]],
  ['linspace num=1', () => nd.linspace(2, 5, 1).toArray(), [2]],
  ['linspace num=1 endpoint=false', () => nd.linspace(2, 5, 1, { endpoint: false }).toArray(), [2]],
  ['linspace endpoint=false', () => nd.linspace(0, 1, 4, { endpoint: false }).toArray(), [0, 0.25, 0.5, 0.75]],
  ['linspace last is stop', () => (nd.linspace(0, 0.3, 7).toArray() as number[])[6], 0.3],
  ['arange(0, 1, 0.1) length', () => nd.arange(0, 1, 0.1).size, 10],
  ['arange(1, 2, 0.1) length', () => nd.arange(1, 2, 0.1).size, 10],
  ['arange(0, 0.3, 0.1)', () => nd.arange(0, 0.3, 0.1).toArray(), [0, 0.1, 0.2]],
  ['arange(5, 0, -1.5)', () => nd.arange(5, 0, -1.5).toArray(), [5, 3.5, 2, 0.5]],
  ['arange wrong direction', () => nd.arange(5, 0).size, 0],
  ['slice [10:-10:-1]', () => nd.arange(5).slice([10, -10, -1]).toArray(), [4, 3, 2, 1, 0]],
  ['slice [-10:10:-1]', () => nd.arange(5).slice([-10, 10, -1]).toArray(), []],
  ['slice [::-2]', () => nd.arange(5).slice([null, null, -2]).toArray(), [4, 2, 0]],
  ['slice index -0', () => nd.arange(5).slice(-0).toArray(), 0],
];

describe('NumPy spot checks (WASM and JS kernels)', () => {
  for (const wasm of [true, false]) {
    for (const [name, op, expected] of NUMPY) {
      test(`${name} (${wasm ? 'wasm' : 'js'})`, () => {
        nd.config({ wasm });
        try {
          assertValues(op(), expected);
        } finally {
          nd.config({ wasm: true });
        }
      });
    }
  }
});

describe('the arena at its maximum size (4 GiB of address space)', () => {
  test('a block that does not fit below the maximum goes to a JS buffer, never past the end of memory', () => {
    const lim = nd.config().arenaSoftLimit;
    nd.config({ arenaSoftLimit: 2 ** 33 });
    const held: NdArray[] = [];
    try {
      // Blocks (never written, so never committed) until the memory stops growing.
      for (let i = 0; i < 64; i++) {
        const b = NdArray.empty([(64 << 20) / 8 + 1]);
        held.push(b);
        if (!b.storage.inArena) break;
      }
      const end = nd.info().arenaBytes;
      for (const bytes of [16, 4096, 1 << 20, 48 << 20, 200 << 20]) {
        const b = NdArray.empty([bytes / 8]);
        held.push(b);
        if (b.storage.inArena) assert.ok(b.storage.ptr + b.storage.bytes <= nd.info().arenaBytes, `block of ${bytes} bytes past the end`);
        b.fill(3);
        assert.equal(b.sum(), 3 * (bytes / 8));
        assert.equal(b.exp().max(), Math.exp(3));
      }
      assert.ok(nd.info().arenaBytes >= end);
    } finally {
      for (const h of held) h.dispose();
      nd.config({ arenaSoftLimit: lim });
    }
  });
});

describe('nd.scope refuses async functions', () => {
  test('a Promise result throws NdvecError, frees what the function allocated, and does not crash the process', async () => {
    const before = nd.info().liveBytes;
    let inside: NdArray | undefined;
    assert.throws(
      () =>
        nd.scope(async () => {
          inside = nd.ones([100]);
          await Promise.resolve();
          return inside.sum();
        }),
      (e: unknown) => e instanceof NdvecError && /returned a Promise/.test((e as Error).message),
    );
    assert.equal(nd.info().liveBytes, before);
    assert.throws(() => inside!.sum(), DisposedError);
    // Let the abandoned async function finish (it rejects with DisposedError, handled inside scope).
    await new Promise((resolve) => setTimeout(resolve, 10));
  });

  test('a synchronous function still returns its value', () => {
    assert.equal(nd.scope(() => nd.ones([3]).sum()), 3);
  });
});
