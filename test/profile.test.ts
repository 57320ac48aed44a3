// nd.profile, the Profile object, leak reports and nd.leaks (issue 12). No timed assertions:
// times are only checked to be non-negative numbers; counts, bytes, paths, sites are exact.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { nd, NdArray, NdvecError, ArgumentError } from '../src/index.ts';
import type { Profile, ProfileRow } from '../src/profile/profile.ts';

const THIS_FILE = fileURLToPath(import.meta.url);
const wasmLoaded = nd.info().wasm;

/** The line of the caller of this function in this file. */
function callerLine(): number {
  const line = new Error().stack!.split('\n')[2]!;
  return Number(/:(\d+):\d+\)?$/.exec(line)![1]);
}

function row(p: Profile, op: string): ProfileRow {
  const r = p.rows.find((x) => x.op === op);
  assert.ok(r, `no row for ${op} in ${p.rows.map((x) => x.op).join(', ')}`);
  return r;
}

/** The figures that do not depend on timing. */
function counts(r: ProfileRow): Omit<ProfileRow, 'tottime' | 'percall'> {
  const { tottime: _t, percall: _p, ...rest } = r;
  return rest;
}

const x = nd.arange(1000);
after(() => x.dispose());

describe('rows: exact counts, bytes and paths', () => {
  test('a known pipeline', { skip: !wasmLoaded && 'WASM did not load' }, () => {
    const p = nd.profile(() => {
      const t1 = x.mul(x);
      const t2 = x.mul(2);
      const t3 = t1.add(t2);
      const r = t3.add(1);
      const s = r.sum();
      const m = x.gt(500); // bool: 1 byte an element
      for (const a of [t1, t2, t3, r, m]) a.dispose();
      return s;
    });
    assert.deepEqual(counts(row(p, 'mul')), { op: 'mul', calls: 2, bytes: 16000, arrays: 2, alive: 0, path: 'wasm', paths: { fused: 0, wasm: 2, staged: 0, js: 0 } });
    assert.deepEqual(counts(row(p, 'add')), { op: 'add', calls: 2, bytes: 16000, arrays: 2, alive: 0, path: 'wasm', paths: { fused: 0, wasm: 2, staged: 0, js: 0 } });
    assert.deepEqual(counts(row(p, 'sum')), { op: 'sum', calls: 1, bytes: 0, arrays: 0, alive: 0, path: 'wasm', paths: { fused: 0, wasm: 1, staged: 0, js: 0 } });
    assert.deepEqual(counts(row(p, 'gt')), { op: 'gt', calls: 1, bytes: 1000, arrays: 1, alive: 0, path: 'wasm', paths: { fused: 0, wasm: 1, staged: 0, js: 0 } });
    assert.deepEqual(counts(row(p, 'dispose')), { op: 'dispose', calls: 5, bytes: 0, arrays: 0, alive: 0, path: 'js', paths: { fused: 0, wasm: 0, staged: 0, js: 5 } });
    assert.deepEqual(p.rows.map((r) => r.op).sort(), ['add', 'dispose', 'gt', 'mul', 'sum']);
    assert.deepEqual(p.leaks, []);
    for (const r of p.rows) {
      assert.ok(r.tottime >= 0 && Number.isFinite(r.tottime));
      assert.equal(r.percall, r.tottime / r.calls);
    }
    // sorted by total time, descending
    for (let i = 1; i < p.rows.length; i++) assert.ok(p.rows[i - 1]!.tottime >= p.rows[i]!.tottime);
  });

  test('nd.* functions count under the op name; their conversions and inner public calls count once, for the outer call', () => {
    const p = nd.profile(() => {
      nd.add(x, 1).dispose();
      nd.add([1, 2] as never, 1).dispose(); // converts [1, 2] (16 bytes) and makes the result (16 bytes)
      assert.equal(nd.arrayEqual(x, x), true); // forwards to x.arrayEqual: one call
    });
    assert.equal(row(p, 'add').calls, 2);
    assert.equal(row(p, 'add').arrays, 3);
    assert.equal(row(p, 'add').bytes, 8000 + 16 + 16);
    assert.equal(row(p, 'arrayEqual').calls, 1);
    assert.deepEqual(p.rows.map((r) => r.op).sort(), ['add', 'arrayEqual', 'dispose']);
  });

  test('op families under their names: WASM on, then every one on JS with WASM off', { skip: !wasmLoaded && 'WASM did not load' }, () => {
    const work = (): void => {
      const m = x.gt(500);
      const calls: (() => unknown)[] = [
        () => x.exp(), () => m.and(m), () => x.where(m), () => m.count(), () => x.sum(), () => x.max(), () => nd.where(m, x, 0),
      ];
      for (const c of calls) {
        const r = c();
        if (r instanceof NdArray) r.dispose();
      }
      m.dispose();
    };
    const families = ['exp', 'and', 'where', 'count', 'sum', 'max', 'gt'];
    const on = nd.profile(work);
    for (const op of families) assert.equal(row(on, op).path, 'wasm', op);
    assert.equal(row(on, 'where').calls, 2); // a.where(mask) and nd.where(c, x, y) share the name
    const before = nd.config({});
    try {
      nd.config({ wasm: false });
      const off = nd.profile(work);
      for (const op of families) assert.equal(row(off, op).path, 'js', op);
    } finally {
      nd.config(before);
    }
  });

  test('mod has no WASM kernel (today): path js', () => {
    const p = nd.profile(() => x.mod(3).dispose());
    assert.equal(row(p, 'mod').path, 'js');
    assert.equal(row(p, 'mod').bytes, 8000);
  });

  test('nd.config({ wasm: false }): the same ops run as JS', () => {
    const before = nd.config({});
    try {
      nd.config({ wasm: false });
      const p = nd.profile(() => {
        x.add(1).dispose();
        return x.sum();
      });
      assert.equal(row(p, 'add').path, 'js');
      assert.equal(row(p, 'sum').path, 'js');
      assert.equal(p.hints.filter((h) => h.kind === 'js').length, 0, 'no JS-fallback hint when WASM is switched off');
    } finally {
      nd.config(before);
    }
  });

  test('past the arena soft limit: JS-backed arrays run staged, and the hint says so', { skip: !wasmLoaded && 'WASM did not load' }, () => {
    const before = nd.config({});
    let p: Profile;
    try {
      nd.config({ arenaSoftLimit: 0 });
      p = nd.profile(() => {
        const a = nd.ones(1000);
        const b = a.add(1);
        a.dispose();
        b.dispose();
      });
    } finally {
      nd.config(before);
    }
    assert.equal(row(p, 'add').path, 'staged');
    assert.deepEqual(row(p, 'add').paths, { fused: 0, wasm: 0, staged: 1, js: 0 });
    const hint = p.hints.find((h) => h.kind === 'softLimit');
    assert.ok(hint, 'soft-limit hint');
    assert.match(hint.message, /^2 arrays \(16\.0 kB\) went to JS buffers past the arena's soft limit \(0 B live\).*dispose them or use nd\.scope$/);
  });

  test('a function nd.fuse makes during the profile: op fused, path fused, explain() still there', () => {
    const p = nd.profile(() => {
      const f = nd.fuse((a: NdArray) => a.mul(a).add(1));
      (f(x) as NdArray).dispose();
      (f(x) as NdArray).dispose();
      assert.equal(typeof f.explain(), 'string');
      assert.equal(f.cacheSize, 1);
    });
    assert.deepEqual(counts(row(p, 'fused')), { op: 'fused', calls: 2, bytes: 16000, arrays: 2, alive: 0, path: 'fused', paths: { fused: 2, wasm: 0, staged: 0, js: 0 } });
    assert.equal(row(p, 'fuse').calls, 1);
    assert.equal(p.rows.filter((r) => r.op === 'mul' || r.op === 'add').length, 0, 'the traced ops are not counted as eager calls');
  });

  test('Generator methods appear as rng.<method>', () => {
    const p = nd.profile(() => nd.rng(1).normal(0, 1, [10]).dispose());
    assert.equal(row(p, 'rng').calls, 1);
    assert.equal(row(p, 'rng.normal').bytes, 80);
  });

  test('sortBy calls / bytes', () => {
    const work = (): void => {
      for (let i = 0; i < 3; i++) x.get(i);
      x.add(1).dispose();
    };
    const byCalls = nd.profile(work, { sortBy: 'calls' });
    assert.equal(byCalls.sortBy, 'calls');
    assert.equal(byCalls.rows[0]!.op, 'get');
    const byBytes = nd.profile(work, { sortBy: 'bytes' });
    assert.equal(byBytes.rows[0]!.op, 'add');
  });
});

describe('leaks', () => {
  test('arrays alive at the end, with the op and the line of this file that made them', () => {
    let kept: NdArray[] = [];
    let line = 0;
    const p = nd.profile(() => {
      line = callerLine() + 1;
      kept = [x.mul(3), x.mul(4)];
      x.mul(5).dispose(); // disposed: not a leak
      nd.scope(() => {
        x.add(1).mul(2); // scoped: not a leak
      });
    });
    assert.deepEqual(p.leaks, [{ op: 'mul', site: `${THIS_FILE}:${line}`, arrays: 2, bytes: 16000 }]);
    assert.equal(row(p, 'mul').alive, 2);
    assert.equal(row(p, 'mul').arrays, 4);
    assert.match(p.toString(), new RegExp(`live at end: 2 arrays, 16\\.0 kB\\n  2 × mul at profile\\.test\\.ts:${line} \\(16\\.0 kB\\)`));
    for (const a of kept) a.dispose();
  });

  test('nd.config({ trackLeaks: true }) and nd.leaks()', () => {
    assert.throws(() => nd.leaks(), NdvecError);
    assert.throws(() => nd.config({ trackLeaks: 'yes' as never }), ArgumentError);
    assert.equal(nd.config({ trackLeaks: true }).trackLeaks, true);
    let kept: NdArray | null = null;
    let line = 0;
    try {
      x.add(1).dispose();
      line = callerLine() + 1;
      kept = nd.exp(x);
      assert.deepEqual(nd.leaks(), [{ op: 'exp', site: `${THIS_FILE}:${line}`, arrays: 1, bytes: 8000 }]);
      kept.dispose();
      assert.deepEqual(nd.leaks(), []);
      // each `true` starts a fresh record
      kept = x.neg();
      nd.config({ trackLeaks: true });
      assert.deepEqual(nd.leaks(), []);
    } finally {
      assert.equal(nd.config({ trackLeaks: false }).trackLeaks, false);
      kept?.dispose();
    }
    assert.throws(() => nd.leaks(), /leak tracking is off/);
  });

  test('the test-helper recipe: no arrays left alive after a block', () => {
    nd.config({ trackLeaks: true });
    try {
      nd.scope(() => x.mul(2).add(1).sum());
      assert.deepEqual(nd.leaks(), []);
    } finally {
      nd.config({ trackLeaks: false });
    }
  });
});

describe('async, nesting, errors, restoring', () => {
  const originalAdd = NdArray.prototype.add;
  const originalNdAdd = nd.add;

  test('an async fn: counts everything until it settles, other tasks included', async () => {
    let other: NdArray | null = null;
    const p = await nd.profile(async () => {
      const a = x.add(1);
      setTimeout(() => {
        other = x.sub(1); // another task, during the profile
      }, 0);
      await new Promise((r) => setTimeout(r, 20));
      const b = a.mul(2);
      a.dispose();
      b.dispose();
    });
    assert.ok(p instanceof Object && typeof p.toString === 'function');
    assert.equal(row(p, 'add').calls, 1);
    assert.equal(row(p, 'mul').calls, 1);
    assert.equal(row(p, 'sub').calls, 1);
    assert.equal(p.leaks.length, 1); // the other task's array is still alive
    (other as NdArray | null)?.dispose();
    assert.equal(NdArray.prototype.add, originalAdd);
  });

  test('profiles do not nest: NdvecError, and the outer one still works', () => {
    let inner: unknown = null;
    const p = nd.profile(() => {
      try {
        nd.profile(() => 1);
      } catch (e) {
        inner = e;
      }
      x.add(1).dispose();
    });
    assert.ok(inner instanceof NdvecError);
    assert.match((inner as Error).message, /already running/);
    assert.equal(row(p, 'add').calls, 1);
  });

  test('an error inside fn is rethrown and the wrappers are removed', async () => {
    class Boom extends Error {}
    assert.throws(() => nd.profile(() => {
      assert.notEqual(NdArray.prototype.add, originalAdd); // wrapped while running
      x.add(1).dispose();
      throw new Boom('boom');
    }), Boom);
    assert.equal(NdArray.prototype.add, originalAdd);
    assert.equal(nd.add, originalNdAdd);
    await assert.rejects(nd.profile(async () => {
      await null;
      throw new Boom('async boom');
    }), Boom);
    assert.equal(NdArray.prototype.add, originalAdd);
    // a later profile starts cleanly
    assert.equal(row(nd.profile(() => x.add(1).dispose()), 'add').calls, 1);
  });

  test('an op that throws inside a profile is counted and leaves the depth right', () => {
    const p = nd.profile(() => {
      assert.throws(() => x.add(nd.zeros(3)));
      x.mul(2).dispose();
    });
    assert.equal(row(p, 'add').calls, 1);
    assert.equal(row(p, 'mul').calls, 1);
  });

  test('bad arguments: named errors', () => {
    assert.throws(() => nd.profile(1 as never), ArgumentError);
    assert.throws(() => nd.profile(() => 1, { sortBy: 'ncalls' as never }), /sortBy must be one of 'tottime', 'calls', 'bytes', got string 'ncalls'/);
    assert.throws(() => nd.profile(() => 1, { timeline: 1 as never }), ArgumentError);
    assert.throws(() => nd.profile(() => 1, { sort: 'calls' } as never), /unknown option 'sort'/);
    assert.throws(() => (nd.profile as (...a: unknown[]) => unknown)(() => 1, {}, 3), ArgumentError);
    assert.throws(() => (nd.leaks as (...a: unknown[]) => unknown)(1), ArgumentError);
    assert.equal(NdArray.prototype.add, originalAdd);
  });
});

describe('output', () => {
  test('toString: cProfile columns, rows, hints', () => {
    const p = nd.profile(() => {
      const t = x.mul(x);
      const r = t.add(1);
      t.dispose();
      r.dispose();
    });
    const lines = p.toString().split('\n');
    assert.match(lines[0]!, /^4 ndvec calls in \S+ \(wall \S+\), ordered by tottime$/);
    assert.match(lines[2]!, /^ncalls +tottime +percall +bytes +arrays +alive +path +op$/);
    const mulLine = lines.find((l) => l.endsWith(' mul'))!;
    assert.match(mulLine, new RegExp(`^ {5}1 +\\S+ +\\S+ +8\\.0 kB +1 +0  ${wasmLoaded ? 'wasm' : 'js  '}  mul$`));
    assert.ok(lines.includes('hints:'));
    assert.match(p.toString(), /1 temporaries \(8\.0 kB\) made by mul were operands of further element-wise ops/);
  });

  test('toJSON: plain data, JSON round trip', () => {
    const p = nd.profile(() => x.add(1).dispose());
    const j = p.toJSON();
    assert.deepEqual(Object.keys(j).sort(), ['hints', 'leaks', 'opTime', 'rows', 'sortBy', 'wallTime']);
    assert.deepEqual(Object.keys(j.rows[0]!).sort(), ['alive', 'arrays', 'bytes', 'calls', 'op', 'path', 'paths', 'percall', 'tottime']);
    assert.deepEqual(JSON.parse(JSON.stringify(p)), j);
    assert.equal(j.opTime, j.rows.reduce((n, r) => n + r.tottime, 0));
    assert.ok(j.wallTime >= j.opTime);
  });

  test('timeline: a User Timing measure per call', () => {
    performance.clearMeasures();
    nd.profile(() => {
      for (let i = 0; i < 3; i++) x.add(1).dispose();
    }, { timeline: true });
    const adds = performance.getEntriesByType('measure').filter((e) => e.name === 'ndvec:add');
    assert.equal(adds.length, 3);
    assert.equal(performance.getEntriesByType('measure').filter((e) => e.name === 'ndvec:dispose').length, 3);
    performance.clearMeasures();
    nd.profile(() => x.add(1).dispose());
    assert.equal(performance.getEntriesByType('measure').length, 0, 'no measures without timeline');
  });
});

describe('hints', () => {
  const kinds = (p: Profile): string[] => p.hints.map((h) => `${h.kind}:${h.op}`);

  test('temporaries in an add/mul chain: the fuse hint; none for a single op or an in-place chain', () => {
    const chain = nd.profile(() => {
      const t = [x.mul(x), x.mul(2)];
      const s = t[0]!.add(t[1]!);
      const r = s.add(1);
      for (const a of [...t, s, r]) a.dispose();
    });
    const fuse = chain.hints.find((h) => h.kind === 'fuse');
    assert.ok(fuse);
    assert.match(fuse.message, /^3 temporaries \(24\.0 kB\) made by add\/mul were operands/);
    assert.equal(nd.profile(() => x.add(1).dispose()).hints.filter((h) => h.kind === 'fuse').length, 0);
    const inPlace = nd.profile(() => {
      const t = x.mul(2);
      t.add(1, { out: t });
      t.dispose();
    });
    assert.equal(inPlace.hints.filter((h) => h.kind === 'fuse').length, 0);
  });

  test('an op that runs JS loops taking much of the time: the js hint', { skip: !wasmLoaded && 'WASM did not load' }, () => {
    const p = nd.profile(() => {
      for (let i = 0; i < 5; i++) x.mod(3).dispose();
    });
    assert.ok(kinds(p).includes('js:mod'), kinds(p).join());
    assert.ok(!kinds(nd.profile(() => x.add(1).dispose())).some((k) => k.startsWith('js:')));
  });

  test('many small calls: the smallCalls hint from 1000 calls, not below', () => {
    const many = nd.profile(() => {
      for (let i = 0; i < 1000; i++) x.get(i);
    });
    assert.deepEqual(kinds(many), ['smallCalls:get']);
    const fewer = nd.profile(() => {
      for (let i = 0; i < 999; i++) x.get(i);
    });
    assert.deepEqual(kinds(fewer), []);
  });
});
