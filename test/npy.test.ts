import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { nd, NdArray, ArgumentError, DTypeError, FormatError, FuseError } from '../src/index.ts';
import { fromNpy, toNpy } from '../src/io/npy.ts';
import { fromNpz, toNpz } from '../src/io/npz.ts';
import { crc32 } from '../src/io/zip.ts';
import { parsePyLiteral } from '../src/io/py-literal.ts';
import { load, save } from '../src/node.ts';

const FIXTURES = new URL('./fixtures/npy/', import.meta.url);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

interface Expected {
  shape: number[];
  descr: string;
  fortran?: boolean;
  values: (string | boolean)[];
}
const EXPECTED = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as {
  numpy: string;
  files: Record<string, Expected | { error: string; descr: string } | Record<string, Expected>>;
};

/** The elements in C order: numbers (NaN and -0 kept) or booleans. */
function flat(a: NdArray): (number | boolean)[] {
  const out: (number | boolean)[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else out.push(x as number | boolean);
  };
  walk(a.toArray());
  return out;
}

/** Checks an array against what NumPy holds (exact: Object.is, so -0 and NaN count). */
function assertMatches(a: NdArray, e: Expected, name: string): void {
  assert.deepEqual(a.shape, e.shape, `${name}: shape`);
  assert.equal(a.dtype, e.descr.endsWith('b1') ? 'bool' : 'float64', `${name}: dtype`);
  assert.ok(a.isContiguous, `${name}: C-contiguous`);
  const got = flat(a);
  const want = e.values.map((v) => (typeof v === 'boolean' ? v : Number(v)));
  assert.equal(got.length, want.length, `${name}: size`);
  for (let i = 0; i < want.length; i++) assert.ok(Object.is(got[i], want[i]), `${name}[${i}]: got ${String(got[i])}, NumPy has ${String(want[i])}`);
}

/** Every element of `a` equal (Object.is) to the one of `b`. */
function assertSameArray(a: NdArray, b: NdArray, what = ''): void {
  assert.deepEqual(a.shape, b.shape, `${what} shape`);
  assert.equal(a.dtype, b.dtype, `${what} dtype`);
  const x = flat(a);
  const y = flat(b);
  for (let i = 0; i < x.length; i++) assert.ok(Object.is(x[i], y[i]), `${what}[${i}]: ${String(x[i])} vs ${String(y[i])}`);
}

const npyFixtures = Object.entries(EXPECTED.files).filter(([name, e]) => name.endsWith('.npy') && 'values' in e) as [string, Expected][];

describe('fromNpy reads what NumPy wrote', () => {
  test(`fixtures from NumPy ${EXPECTED.numpy} cover every dtype, both byte orders, C and Fortran order, 0-d, empty, versions 1-3`, () => {
    const descrs = new Set(npyFixtures.map(([, e]) => e.descr));
    for (const d of ['<f8', '>f8', '<f4', '>f4', '<f2', '>f2', '|i1', '|u1', '<i2', '>i2', '<u2', '>u2', '<i4', '>i4', '<u4', '>u4', '<i8', '>i8', '<u8', '>u8', '|b1']) {
      assert.ok(descrs.has(d), `a fixture of ${d}`);
    }
    assert.ok(npyFixtures.some(([, e]) => e.fortran));
    assert.ok(npyFixtures.some(([, e]) => e.shape.length === 0));
    assert.ok(npyFixtures.some(([, e]) => e.shape.includes(0)));
    assert.deepEqual([fixture('v2.npy')[6], fixture('v3.npy')[6], fixture('f8-le.npy')[6]], [2, 3, 1]);
  });

  for (const [name, e] of npyFixtures.filter(([n]) => !n.includes('beyond'))) {
    test(name, () => {
      const a = fromNpy(fixture(name));
      assertMatches(a, e, name);
      a.dispose();
    });
  }

  test('an ArrayBuffer, and a Uint8Array at an odd offset of a larger buffer', () => {
    const bytes = fixture('f4-be-fortran.npy');
    const e = EXPECTED.files['f4-be-fortran.npy'] as Expected;
    assertMatches(fromNpy(bytes.slice().buffer), e, 'ArrayBuffer');
    for (const name of ['f8-le.npy', 'f8-be.npy', 'i8-le.npy', 'i8-be.npy', 'u4-be.npy', 'i2-be.npy', 'f2-le.npy', 'f8-fortran.npy']) {
      const src = fixture(name);
      const big = new Uint8Array(src.length + 3);
      big.set(src, 3);
      assertMatches(fromNpy(big.subarray(3)), EXPECTED.files[name] as Expected, `${name} at offset 3`);
    }
  });

  test('int64/uint64 beyond 2^53: DTypeError naming the value, or rounded with { lossy: true }', () => {
    assert.throws(() => fromNpy(fixture('i8-beyond.npy')), (e: unknown) => {
      assert.ok(e instanceof DTypeError);
      assert.match(e.message, /int64 value 9007199254740993 .*beyond 2\^53.*lossy/);
      assert.equal(e.dtype, '<i8');
      return true;
    });
    assert.throws(() => fromNpy(fixture('u8-beyond.npy')), /uint64 value 18446744073709551615 /);
    // NumPy: np.array([1, 2**53 + 1, -2**63]).astype(float) and [2**64 - 1, 3]
    assertMatches(fromNpy(fixture('i8-beyond.npy'), { lossy: true }), EXPECTED.files['i8-beyond.npy'] as Expected, 'i8 lossy');
    assert.deepEqual(fromNpy(fixture('i8-beyond.npy'), { lossy: true }).toArray(), [1, 9007199254740992, -9223372036854775808]);
    assert.deepEqual(fromNpy(fixture('u8-beyond.npy'), { lossy: true }).toArray(), [18446744073709551616, 3]);
    // ±2^53 themselves are exact and read without lossy (i8-le.npy holds them)
    assert.deepEqual((fromNpy(fixture('i8-le.npy')).toArray() as number[][])[0], [-(2 ** 53), 2 ** 53, 0]);
  });

  const unsupported = Object.entries(EXPECTED.files).filter(([, e]) => 'error' in e) as [string, { error: string; descr: string }][];
  for (const [name, e] of unsupported) {
    test(`${name}: DTypeError naming ${e.descr}`, () => {
      assert.throws(() => fromNpy(fixture(name)), (err: unknown) => {
        assert.ok(err instanceof DTypeError, String(err));
        assert.ok(err.message.includes(e.descr), err.message);
        return true;
      });
    });
  }
});

describe('byte orders agree', () => {
  test('property: random bytes read as <X and reversed as >X give the same values, every dtype, any alignment', () => {
    const kinds = ['f8', 'f4', 'f2', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8'];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 7 }), (kind, raw, shift) => {
        const k = Number(kind.slice(1));
        const n = Math.floor(raw.length / k);
        const le = raw.subarray(0, n * k);
        const be = le.slice();
        for (let i = 0; i < n; i++) be.subarray(i * k, i * k + k).reverse();
        const file = (order: string, data: Uint8Array): Uint8Array => {
          const f = npyWithHeader(`{'descr': '${k === 1 ? '|' : order}${kind}', 'fortran_order': False, 'shape': (${n},), }`, data);
          const moved = new Uint8Array(f.length + shift);
          moved.set(f, shift);
          return moved.subarray(shift);
        };
        const a = flat(fromNpy(file('<', le), { lossy: true }));
        const b = flat(fromNpy(file('>', be), { lossy: true }));
        assert.equal(a.length, n);
        for (let i = 0; i < n; i++) assert.ok(Object.is(a[i], b[i]) || (Number.isNaN(a[i]) && Number.isNaN(b[i])), `${kind}[${i}]`);
        // and the values are those a DataView reads
        const view = new DataView(le.buffer, le.byteOffset, le.length);
        for (let i = 0; i < n; i++) {
          const want =
            kind === 'f8' ? view.getFloat64(i * 8, true)
            : kind === 'f4' ? view.getFloat32(i * 4, true)
            : kind === 'i8' ? Number(view.getBigInt64(i * 8, true))
            : kind === 'u8' ? Number(view.getBigUint64(i * 8, true))
            : kind === 'f2' ? NaN
            : (view as unknown as Record<string, (o: number, le: boolean) => number>)[`get${kind[0] === 'i' ? 'Int' : 'Uint'}${k * 8}`]!.call(view, i * k, true);
          if (kind !== 'f2') assert.ok(Object.is(a[i], want) || (Number.isNaN(a[i]) && Number.isNaN(want)), `${kind}[${i}]: ${String(a[i])} vs DataView ${want}`);
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('toNpy writes what np.save writes', () => {
  test('float64 and bool files are byte for byte those NumPy wrote', () => {
    for (const name of ['f8-le.npy', 'bool.npy', 'scalar-f8.npy', 'scalar-bool.npy', 'empty-1d.npy', 'empty-bool.npy']) {
      assert.deepEqual(toNpy(fromNpy(fixture(name))), fixture(name), name);
    }
    // big-endian and Fortran-order sources are written as NumPy writes their C-order <f8 copy
    assert.deepEqual(toNpy(fromNpy(fixture('f8-be.npy'))), fixture('f8-le.npy'));
  });

  test('header: 64-byte aligned data, version 1.0, the shape as a Python tuple', () => {
    const header = (a: NdArray): string => {
      const bytes = toNpy(a);
      const len = bytes[8]! | (bytes[9]! << 8);
      assert.equal((10 + len) % 64, 0);
      assert.deepEqual([bytes[6], bytes[7]], [1, 0]);
      return new TextDecoder().decode(bytes.subarray(10, 10 + len)).trimEnd();
    };
    assert.equal(header(nd.zeros([])), "{'descr': '<f8', 'fortran_order': False, 'shape': (), }");
    assert.equal(header(nd.zeros([3])), "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }");
    assert.equal(header(nd.zeros([2, 0, 4]).gt(0)), "{'descr': '|b1', 'fortran_order': False, 'shape': (2, 0, 4), }");
  });

  test('views of any layout are written in C order', () => {
    const base = nd.arange(24).reshape([2, 3, 4]);
    const views: [string, NdArray][] = [
      ['transpose', base.T],
      ['step slice', base.slice(null, '::2', '1::2')],
      ['reversed', base.slice('::-1')],
      ['broadcast', nd.array([1, -0, NaN]).broadcastTo([2, 3])],
      ['bool transpose', base.gt(10).T],
      ['bool broadcast', nd.array([true, false]).broadcastTo([3, 2])],
      ['size 1 axes', base.slice(null, '1:2', '2:3')],
    ];
    for (const [what, v] of views) {
      const back = fromNpy(toNpy(v));
      assert.ok(back.isContiguous);
      assertSameArray(back, v, what);
    }
  });

  test('property: random shapes and values (NaN, ±Inf, -0, 1e308) round-trip exactly', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, 5e-324));
    const shape = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 });
    fc.assert(
      fc.property(shape, fc.array(value, { minLength: 256, maxLength: 256 }), fc.boolean(), (s, vals, asBool) => {
        const size = s.reduce((p, d) => p * d, 1);
        let a = nd.array(Float64Array.from(vals.slice(0, size))).reshape(s);
        if (asBool) a = a.gt(0);
        const back = fromNpy(toNpy(a));
        assertSameArray(back, a);
        back.dispose();
        a.dispose();
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

/**
 * Property: every truncation of a source, and every change of up to four of its first
 * `flipSpan` bytes, either reads or throws a FormatError or a DTypeError; never a
 * RangeError, TypeError or anything else (and never hangs: the test would time out).
 */
function assertMutationsSafe(sources: Uint8Array[], read: (bytes: Uint8Array) => void, flipSpan: number, numRuns: number): void {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: sources.length - 1 }),
      fc.oneof(
        fc.record({ cut: fc.nat() }),
        fc.record({ flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }) }),
      ),
      (k, change) => {
        const src = sources[k]!;
        let bytes: Uint8Array;
        if ('cut' in change) bytes = src.subarray(0, change.cut % (src.length + 1));
        else {
          bytes = src.slice();
          for (const [at, v] of change.flips) bytes[at % Math.min(bytes.length, flipSpan)] = v;
        }
        try {
          read(bytes);
        } catch (e) {
          assert.ok(e instanceof FormatError || e instanceof DTypeError, String(e));
        }
      },
    ),
    { seed: 42, numRuns },
  );
}

/** Builds a .npy file around a header text (padded as np.save pads). */
function npyWithHeader(header: string, data: Uint8Array = new Uint8Array(0), version = 1): Uint8Array {
  const lead = version === 1 ? 10 : 12;
  const body = new TextEncoder().encode(header + '\n');
  const out = new Uint8Array(lead + body.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  if (version === 1) out.set([body.length & 0xff, body.length >> 8], 8);
  else new DataView(out.buffer).setUint32(8, body.length, true);
  out.set(body, lead);
  out.set(data, lead + body.length);
  return out;
}

describe('fromNpy: corrupt and truncated files are FormatErrors', () => {
  const f8 = new Uint8Array(new Float64Array([1, 2]).buffer);
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /0 bytes, shorter than the 10-byte preamble/],
    ['bad magic', new TextEncoder().encode('PK\x03\x04 not numpy at all'), /not a \.npy file: the first bytes are 50 4b 03 04/],
    ['version 4.0', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", f8, 4), /version 4\.0 is not supported/],
    ['header longer than the file', fixture('f8-le.npy').subarray(0, 40), /header says it is 118 bytes long but only 30 follow/],
    ['truncated data', fixture('f8-le.npy').subarray(0, 128 + 95), /truncated \.npy file: shape \(3, 4\) of '<f8' needs 96 bytes of data, found 95/],
    ['missing key', npyWithHeader("{'descr': '<f8', 'shape': (2,)}", f8), /exactly the keys 'descr', 'fortran_order', 'shape', got 'descr', 'shape'/],
    ['extra key', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': 1}", f8), /got 'descr', 'fortran_order', 'shape', 'x'/],
    ['not a dict', npyWithHeader('[1, 2]', f8), /the header is not a dict: \[1, 2\]/],
    ['shape a list', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': [2]}", f8), /'shape' must be a tuple of non-negative integers, got \[2\]/],
    ['shape (2) is an int', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2)}", f8), /got 2$/],
    ['negative dim', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (-2,)}", f8), /'shape' \(-2,\) has a negative dimension/],
    ['huge dim', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}", f8), /\(99999999999999999999,\) has a dimension beyond 2\^53/],
    ['huge shape, little data', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000, 100000000)}", f8), /\(100000000, 100000000\) describes an array of more than 2\^53 bytes/],
    ['fortran_order 1', npyWithHeader("{'descr': '<f8', 'fortran_order': 1, 'shape': (2,)}", f8), /'fortran_order' must be True or False, got 1/],
    ['descr not a dtype', npyWithHeader("{'descr': '<f9', 'fortran_order': False, 'shape': (2,)}", f8), /'descr' "<f9" is not a NumPy dtype/],
    ['descr a number', npyWithHeader("{'descr': 8, 'fortran_order': False, 'shape': (2,)}", f8), /'descr' must be a dtype string, got 8/],
    ['a call, not a literal', npyWithHeader("{'descr': __import__('os'), 'fortran_order': False, 'shape': (2,)}", f8), /expected a Python literal at character 10/],
    ['unclosed string', npyWithHeader("{'descr': '<f8, 'fortran_order': False, 'shape': (2,)}", f8), /expected a closing ' before the end of the line/],
    ['header over 10000 characters', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2,)}" + ' '.repeat(10000), f8), /10056 characters long; np\.load refuses headers over 10000/],
    ['65 dimensions', npyWithHeader(`{'descr': '<f8', 'fortran_order': False, 'shape': (${'1, '.repeat(65)})}`, f8), /65 dimensions; NumPy arrays have at most 64/],
    ['deep nesting', npyWithHeader('('.repeat(5000), f8), /at most 200 levels of nesting/],
    ['v3 header not UTF-8', (() => { const b = npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2,)}", f8, 3); b[14] = 0xff; return b; })(), /not valid UTF-8/],
  ];
  for (const [what, bytes, message] of cases) {
    test(what, () => {
      assert.throws(() => fromNpy(bytes), (e: unknown) => {
        assert.ok(e instanceof FormatError, `${what}: ${String(e)}`);
        assert.match(e.message, message);
        return true;
      });
    });
  }

  test('Python 2 headers (3L,) and u-strings, double quotes, any key order still read', () => {
    const a = fromNpy(npyWithHeader("{u'shape': (2L,), \"fortran_order\": False, 'descr': u'<f8'}", new Uint8Array(new Float64Array([1, -0]).buffer)));
    assertSameArray(a, nd.array([1, -0]));
    // but not in a version 3.0 file (NumPy's Python 2 filter runs for 1.0 and 2.0 only)
    assert.throws(() => fromNpy(npyWithHeader("{'shape': (2L,), 'fortran_order': False, 'descr': '<f8'}", new Uint8Array(16), 3)), /expected the end of the number/);
  });

  test('as in np.load: a repeated key keeps its last value; bytes after the data are ignored', () => {
    const f8 = new Uint8Array(new Float64Array([1, 2]).buffer);
    assert.deepEqual(fromNpy(npyWithHeader("{'descr': '<i4', 'descr': '<f8', 'fortran_order': False, 'shape': (2,)}", f8)).toArray(), [1, 2]);
    assert.deepEqual(fromNpy(npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", f8)).toArray(), [1]);
  });

  test('arguments: bytes type, options keys and types, arity', () => {
    assert.throws(() => fromNpy([1, 2] as unknown as Uint8Array), /fromNpy: bytes must be an ArrayBuffer or a Uint8Array, got array of length 2/);
    assert.throws(() => fromNpy(fixture('f8-le.npy'), { lossless: true } as never), ArgumentError);
    assert.throws(() => fromNpy(fixture('f8-le.npy'), { lossy: 1 } as never), ArgumentError);
    assert.throws(() => (fromNpy as (...a: unknown[]) => NdArray)(fixture('f8-le.npy'), {}, 3), ArgumentError);
    assert.throws(() => toNpy({ shape: [1] } as never), /toNpy: expected an NdArray/);
    const d = nd.ones([2]);
    d.dispose();
    assert.throws(() => toNpy(d), /dispose/);
  });

  test('fuzz: truncations and byte flips throw named errors or read, never anything else', () => {
    const sources = ['f8-le.npy', 'i8-be.npy', 'f2-be.npy', 'bool-fortran.npy', 'v3.npy', 'scalar-bool.npy', 'u4-le.npy'].map(fixture);
    // flips land in the preamble and header, where they matter most
    assertMutationsSafe(sources, (bytes) => fromNpy(bytes).dispose(), 140, 3000);
  });

  test('fuzz: random header text is a FormatError or a DTypeError', () => {
    const f8 = new Uint8Array(new Float64Array([1, 2]).buffer);
    const piece = fc.constantFrom("'descr'", "'<f8'", "'>i2'", "'fortran_order'", "'shape'", 'True', 'False', '(', ')', '[', ']', '{', '}', ',', ':', '2', '-1', ' ', "'", '"', '\\', 'L', 'None', "u'", '1e3');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        try {
          fromNpy(npyWithHeader(pieces.join(''), f8)).dispose();
        } catch (e) {
          assert.ok(e instanceof FormatError || e instanceof DTypeError, String(e));
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('parsePyLiteral', () => {
  test('tuples, lists, dicts, strings with escapes, ints, bools, None', () => {
    assert.deepEqual(parsePyLiteral("((), (1,), (1, 2,), [3], {'a': None, 'a': 0x1_0}, 'x\\'y\\n' r'\\z', True, -5, 7L, -(0))", 't', true), {
      tuple: [{ tuple: [] }, { tuple: [1] }, { tuple: [1, 2] }, [3], { dict: [['a', 16]] }, "x'y\n\\z", true, -5, 7, 0],
    });
    assert.throws(() => parsePyLiteral('7L', 't'), /expected the end of the number/);
    assert.throws(() => parsePyLiteral('007', 't'), /no leading zeros/);
    assert.throws(() => parsePyLiteral('\n (1,)', 't'), /expected no indentation/);
    assert.throws(() => parsePyLiteral('(1,\v)', 't'), /expected a Python literal/);
    assert.equal(parsePyLiteral('123456789012345678901234567890', 't'), 123456789012345678901234567890n);
    assert.deepEqual(parsePyLiteral('[1.5, -2j, 1+2j, b"x", ..., {1}, set()]', 't'), [{ other: 'float', text: '1.5' }, { other: 'complex', text: '-2j' }, { other: 'complex', text: '1+2j' }, { other: 'bytes', text: 'b"x"' }, { other: 'Ellipsis', text: '...' }, { other: 'set', text: 'a set' }, { other: 'set', text: 'set()' }]);
    assert.throws(() => parsePyLiteral('1 + 2', 't'), /t: expected a literal \(of sums, only a real number plus or minus an imaginary one is\) at character 0, found "1 \+ 2"/);
    assert.throws(() => parsePyLiteral('(1, 2', 't'), /expected '\)' at character 5, found the end/);
    assert.deepEqual(parsePyLiteral('{1: 2, (3,): [4]}', 't'), { dict: [[1, 2], [{ tuple: [3] }, [4]]] });
    assert.throws(() => parsePyLiteral('{[1]: 2}', 't'), /expected a hashable dict key/);
  });
});

describe('fromNpz / toNpz', () => {
  for (const name of ['stored.npz', 'deflated.npz', 'positional.npz', 'empty.npz']) {
    test(`${name} (written by NumPy)`, () => {
      const want = EXPECTED.files[name] as Record<string, Expected>;
      const got = fromNpz(fixture(name));
      assert.deepEqual(Object.keys(got), Object.keys(want));
      for (const key of Object.keys(want)) assertMatches(got[key]!, want[key]!, `${name}:${key}`);
    });
  }

  test('the fixtures are one stored and one deflated archive', () => {
    // method field of the first local header (byte 8): 0 stored, 8 deflate
    assert.deepEqual([fixture('stored.npz')[8], fixture('deflated.npz')[8]], [0, 8]);
  });

  test('round trips, stored and deflated, with the keys in order', () => {
    const arrays = { x: nd.array([1.5, NaN, -0, Infinity]), m: nd.array([true, false]), s: nd.array(2), e: nd.zeros([0, 3]), t: nd.arange(6).reshape([2, 3]).T, __proto__x: nd.ones([1]) };
    for (const compress of [false, true]) {
      const bytes = toNpz(arrays, { compress });
      assert.equal(bytes[8], compress ? 8 : 0);
      const back = fromNpz(bytes);
      assert.deepEqual(Object.keys(back), Object.keys(arrays));
      for (const [k, a] of Object.entries(arrays)) assertSameArray(back[k]!, a, k);
    }
    const big = nd.zeros([10000]);
    assert.ok(toNpz({ big }, { compress: true }).length < 1000);
    assert.ok(toNpz({ big }).length > 80000);
  });

  test("a key '__proto__' is an own key like any other; equal arrays give equal bytes", () => {
    const arrays = JSON.parse('{"__proto__": 0}') as Record<string, unknown>;
    arrays['__proto__'] = nd.array([7]);
    const back = fromNpz(toNpz(arrays as Record<string, NdArray>));
    assert.ok(Object.hasOwn(back, '__proto__'));
    assert.deepEqual(back['__proto__']!.toArray(), [7]);
    assert.deepEqual(toNpz({ a: nd.arange(3) }), toNpz({ a: nd.arange(3) }));
  });

  test('property: random arrays round-trip through toNpz/fromNpz', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.double(), fc.constantFrom(NaN, -0)), { maxLength: 30 }), { maxLength: 4 }), fc.boolean(), (lists, compress) => {
        const arrays: Record<string, NdArray> = {};
        lists.forEach((l, i) => (arrays[`a${i}`] = nd.array(Float64Array.from(l))));
        const back = fromNpz(toNpz(arrays, { compress }));
        for (const [k, a] of Object.entries(arrays)) assertSameArray(back[k]!, a, k);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  test('corrupt archives: FormatErrors that say what is wrong', () => {
    const stored = fixture('stored.npz');
    const flipped = stored.slice();
    flipped[stored.length >> 1] ^= 1; // inside a member's data
    assert.throws(() => fromNpz(flipped), /fromNpz: bad CRC-32 for member '.*\.npy'/);
    assert.throws(() => fromNpz(stored.subarray(0, 100)), (e: unknown) => e instanceof FormatError && /no end-of-central-directory record/.test(e.message));
    assert.throws(() => fromNpz(fixture('f8-le.npy')), /not a zip archive/);
    assert.throws(() => fromNpz(new Uint8Array(0)), /not a zip archive/);
    // a member that is not .npy (np.load would hand back its bytes)
    const withText = toNpz({ a: nd.ones([1]) });
    const renamed = withText.slice();
    const text = new TextDecoder('latin1').decode(renamed);
    for (let i = text.indexOf('a.npy'); i >= 0; i = text.indexOf('a.npy', i + 1)) renamed.set(new TextEncoder().encode('a.txt'), i);
    // np.load: a member without the .npy suffix that holds a .npy file is an array under its full name
    assert.deepEqual(Object.keys(fromNpz(renamed)), ['a.txt']);
    // a member that holds no .npy file (np.load would hand back its bytes) is a FormatError
    const text2 = toNpz({ a: nd.ones([1]) }).slice();
    text2.set(new TextEncoder().encode('x'), new TextDecoder('latin1').decode(text2).indexOf('\x93NUMPY'));
    const fixedCrc = (() => { const t = new TextDecoder('latin1').decode(text2); const at = t.indexOf('xNUMPY'); const c = crc32(text2.subarray(at, at + 136)); const v = new DataView(text2.buffer); v.setUint32(14, c, true); v.setUint32(t.indexOf('PK\x01\x02') + 16, c, true); return text2; })();
    assert.throws(() => fromNpz(fixedCrc), /member 'a\.npy' is not a \.npy file \(np\.load hands back the raw bytes/);
  });

  test('a bad member is named in the error', () => {
    const bytes = toNpz({ good: nd.ones([3]), bad: nd.ones([2]) });
    // turn the member's descr '<f8' into '<c8' and mend its CRC-32, so only the dtype is wrong
    const text = new TextDecoder('latin1').decode(bytes);
    const find = (sig: string, nameAt: number): number => {
      for (let p = text.indexOf(sig); p >= 0; p = text.indexOf(sig, p + 1)) if (text.startsWith('bad.npy', p + nameAt)) return p;
      throw new Error(`no ${sig}`);
    };
    const local = find('PK\x03\x04', 30);
    const npyStart = text.indexOf('\x93NUMPY', local);
    bytes[text.indexOf("'<f8'", npyStart) + 2] = 'c'.charCodeAt(0);
    const crc = crc32(bytes.subarray(npyStart, npyStart + 128 + 16));
    const view = new DataView(bytes.buffer);
    view.setUint32(local + 14, crc, true);
    view.setUint32(find('PK\x01\x02', 46) + 16, crc, true);
    assert.throws(() => fromNpz(bytes), /fromNpz: member 'bad\.npy': dtype '<c8' \(complex\) is not supported/);
  });

  test('fuzz: truncations and byte flips throw named errors or read, never anything else', () => {
    const sources = [fixture('stored.npz'), fixture('deflated.npz'), toNpz({ a: nd.arange(50), b: nd.arange(3).gt(0) }, { compress: true })];
    assertMutationsSafe(sources, (bytes) => Object.values(fromNpz(bytes)).forEach((a) => a.dispose()), Infinity, 2000);
  });

  test('arguments', () => {
    assert.throws(() => toNpz(nd.ones([2]) as never), /toNpz: arrays must be an object of NdArrays by name/);
    assert.throws(() => toNpz({ a: [1, 2] } as never), /toNpz: arrays\['a'\] must be an NdArray, got array of length 2/);
    assert.throws(() => toNpz({}, { compressed: true } as never), /unknown option 'compressed'/);
    assert.throws(() => toNpz({}, { compress: 'yes' } as never), ArgumentError);
    assert.throws(() => fromNpz('x.npz' as never), /fromNpz: bytes must be an ArrayBuffer or a Uint8Array, got string/);
  });
});

/** zlib.crc32 of slices of bytes(i * 7 % 256 for i in range(1000)): [offset, length, crc]. */
const ZLIB_CRCS: [number, number, number][] = [[0, 0, 0x00000000], [0, 1, 0xd202ef8d], [0, 7, 0x28b012a9], [0, 8, 0x2cfe44e9], [0, 9, 0x23faf38b], [0, 15, 0xc356fbb9], [0, 16, 0x54126ba2], [0, 17, 0xba8b4e1e], [0, 100, 0x821d3e85], [0, 995, 0xdd1003ba], [1, 0, 0x00000000], [1, 1, 0x4c667a2e], [1, 7, 0xd4b044fe], [1, 8, 0xa0d1384c], [1, 9, 0x1bae1e33], [1, 15, 0x6f7a2310], [1, 16, 0x9fdff4f6], [1, 17, 0x482283cf], [1, 100, 0xbd27f094], [1, 995, 0xb1e53774], [3, 0, 0x00000000], [3, 1, 0xbfdf0b66], [3, 7, 0x1120aa18], [3, 8, 0x5ec0b3d4], [3, 9, 0x5b8f04de], [3, 15, 0x560efb75], [3, 16, 0x458638fe], [3, 17, 0x1590c101], [3, 100, 0x6230af1a], [3, 995, 0x045b1839], [5, 0, 0x00000000], [5, 1, 0x70659eff], [5, 7, 0xeda9ec54], [5, 8, 0xd2ef4661], [5, 9, 0x14dcd979], [5, 15, 0xa956abfc], [5, 16, 0x82aec81a], [5, 17, 0x46e47ac1], [5, 100, 0xf335cf70], [5, 995, 0x9735d1ec]];

describe('crc32', () => {
  test('the check value and lengths around the 4-byte step', () => {
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
    // zlib.crc32 of b'', b'a', b'ab', b'abc', b'abcd', b'abcde'
    assert.deepEqual(['', 'a', 'ab', 'abc', 'abcd', 'abcde'].map((s) => crc32(new TextEncoder().encode(s))), [0, 0xe8b7be43, 0x9e83486d, 0x352441c2, 0xed82cd11, 0x8587d865]);
    // zlib.crc32(bytes(i * 7 % 256 for i in range(1000))[off:off + n]) around the 8-byte step and word alignment
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
    const want: [number, number, number][] = ZLIB_CRCS;
    for (const [off, n, crc] of want) assert.equal(crc32(data.subarray(off, off + n)), crc, `offset ${off} length ${n}`);
  });
});

describe('ndvec/node: load and save', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndvec-npy-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('save and load .npy and .npz; NumPy fixtures load by path', () => {
    const a = nd.arange(6).reshape([2, 3]);
    save(join(dir, 'a.npy'), a);
    assertSameArray(load(join(dir, 'a.npy')) as NdArray, a);
    save(join(dir, 'b.npz'), { a, m: a.gt(2) }, { compress: true });
    const b = load(join(dir, 'b.npz')) as Record<string, NdArray>;
    assertSameArray(b.m!, a.gt(2));
    save(new URL(`file://${join(dir, 'c.npz')}`), { a });
    assertSameArray((load(join(dir, 'c.npz')) as Record<string, NdArray>).a!, a);
    assertMatches(load(new URL('f8-be.npy', FIXTURES)) as NdArray, EXPECTED.files['f8-be.npy'] as Expected, 'f8-be by URL');
    // other extensions: told by content, as np.load does
    writeFileSync(join(dir, 'x.bin'), readFileSync(join(dir, 'b.npz')));
    assert.deepEqual(Object.keys(load(join(dir, 'x.bin'))), ['a', 'm']);
    save(join(dir, 'y.data'), a);
    assert.ok(load(join(dir, 'y.data')) instanceof NdArray);
    assert.deepEqual(readdirSync(dir).sort(), ['a.npy', 'b.npz', 'c.npz', 'x.bin', 'y.data']);
  });

  test('load: every fixture and every broken file gives what fromNpy gives', () => {
    const f8 = new Uint8Array(new Float64Array([1, -0, NaN]).buffer);
    const header = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }";
    const files: [string, Uint8Array][] = [
      ...npyFixtures.map(([name]) => [name, fixture(name)] as [string, Uint8Array]),
      ['bool bytes 0, 1, 2, 255', npyWithHeader("{'descr': '|b1', 'fortran_order': False, 'shape': (4,), }", new Uint8Array([0, 1, 2, 255]))],
      ['header past 4096 bytes', npyWithHeader(header + ' '.repeat(5000), f8, 2)],
      ['truncated data', npyWithHeader(header, f8.subarray(0, 20))],
      ['trailing bytes', npyWithHeader(header, new Uint8Array(32))],
      ['truncated header', fixture('f8-le.npy').subarray(0, 60)],
      ['complex', fixture('complex.npy')],
      ['beyond 2^53', fixture('i8-beyond.npy')],
      ['5 bytes', new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50])],
    ];
    for (const [what, bytes] of files) {
      const file = join(dir, 'f.npy');
      writeFileSync(file, bytes);
      let want: NdArray | Error;
      try {
        want = fromNpy(bytes);
      } catch (e) {
        want = e as Error;
      }
      if (want instanceof NdArray) assertSameArray(load(file) as NdArray, want, what);
      else assert.throws(() => load(file), (e: unknown) => e instanceof Error && e.constructor === want.constructor && e.message === want.message.replace(/^fromNpy/, 'load'), what);
    }
    assert.deepEqual(fromNpy(files.find(([w]) => w.startsWith('bool bytes'))![1]).toArray(), [false, true, true, true]);
  });

  test('the return type follows the extension (compile-time check)', () => {
    const one: (p: `${string}.npy`) => NdArray = (p) => load(p);
    const many: (p: `${string}.npz`) => Record<string, NdArray> = (p) => load(p);
    assert.equal(typeof one, typeof many);
  });

  test('errors', () => {
    writeFileSync(join(dir, 'z.npy'), readFileSync(new URL('stored.npz', FIXTURES)));
    assert.throws(() => load(join(dir, 'z.npy')), /load: .*z\.npy holds a zip archive \(\.npz\), not what its extension says/);
    writeFileSync(join(dir, 'p.pkl'), 'not numpy');
    assert.throws(() => load(join(dir, 'p.pkl')), /neither a \.npy file nor a \.npz archive/);
    assert.throws(() => save(join(dir, 'q.npz'), nd.ones([1])), /a \.npz path takes an object of arrays/);
    assert.throws(() => save(join(dir, 'q.npy'), { a: nd.ones([1]) }), /a \.npy path takes one NdArray/);
    assert.throws(() => save(join(dir, 'q.npy'), nd.ones([1]), { compress: true }), /compress applies to \.npz archives/);
    assert.throws(() => load(3 as never), /load: path must be a string or a file URL, got number 3/);
    assert.throws(() => load(join(dir, 'missing.npy')), /ENOENT/);
  });
});

describe('vendored fflate', () => {
  test('src/io/fflate.generated.ts is what scripts/vendor-fflate.mjs makes from the pinned fflate', async () => {
    const script = (await import('../scripts/vendor-fflate.mjs' as string)) as { fflateModule(): Promise<string>; GENERATED_FILE: string };
    assert.equal(readFileSync(script.GENERATED_FILE, 'utf8'), await script.fflateModule(), 'stale: run node scripts/vendor-fflate.mjs');
  });
});

describe('entry points', () => {
  test("src/index.ts and src/io/* never reach node:fs, src/node.ts or a package (browsers import them)", () => {
    const seen = new Set<string>();
    const visit = (url: URL): void => {
      if (seen.has(url.href)) return;
      seen.add(url.href);
      const text = readFileSync(url, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[1]!;
        assert.notEqual(spec, 'node:fs', `${url.pathname} imports node:fs`);
        assert.ok(spec.startsWith('.') || spec.startsWith('node:'), `${url.pathname} imports the package '${spec}' (browsers load dist/ with no bundler)`);
        if (spec.startsWith('.')) visit(new URL(spec, url));
      }
    };
    // the io modules too, until nd.fromNpy/fromNpz/toNpz and a.toNpy bring them under index.ts
    for (const root of ['../src/index.ts', '../src/io/npy.ts', '../src/io/npz.ts']) visit(new URL(root, import.meta.url));
    assert.ok(![...seen].some((u) => u.endsWith('/src/node.ts')));
    assert.ok(seen.size > 10);
  });
});

describe('inside nd.fuse: a stand-in reaching the .npy/.npz functions is a FuseError', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndvec-npy-fuse-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cases: [string, (x: NdArray) => unknown][] = [
    ['nd.fromNpy(x)', (x) => nd.fromNpy(x as never)],
    ['nd.toNpy(x)', (x) => nd.toNpy(x)],
    ['nd.fromNpz(x)', (x) => nd.fromNpz(x as never)],
    ['nd.toNpz({ x })', (x) => nd.toNpz({ x })],
    ["save('x.npy', x)", (x) => save(join(dir, 'x.npy'), x)],
    ["save('x.npz', { x })", (x) => save(join(dir, 'x.npz'), { x })],
  ];
  for (const [name, f] of cases) {
    test(name, () => {
      assert.throws(() => nd.fuse((x: NdArray) => (f(x), x.add(1)))(nd.arange(3)), FuseError);
      assert.deepEqual(readdirSync(dir), []);
    });
  }
});
