/**
 * Adversarial .npy/.npz files against NumPy's verdict on each (test/fixtures/npy-edge/cases.json.gz,
 * written by scripts/npy-edge-fixtures.py with np.load): every dtype, shape and layout NumPy
 * writes in format versions 1.0-3.0, Fortran-order headers on 1-D/0-d/size-1 shapes, NaN
 * payloads, int64/uint64 beyond 2^53, ~800 header spellings (what ast.literal_eval and
 * NumPy's Python 2 filter accept), trailing and missing data, and .npz archives from np.savez,
 * np.savez_compressed, Python's zipfile (stored, deflated, data descriptors, ZIP64, bzip2/lzma)
 * and Info-ZIP, corrupted in the ways zipfile checks. Where NumPy reads a file, ndvec reads the
 * same values (bit for bit, NaN payloads and -0 included); where NumPy refuses, ndvec throws a
 * FormatError or DTypeError. Also: every truncation of several files, and every case placed
 * inside a larger buffer at an odd offset with junk around it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { nd, NdArray, ArgumentError, DTypeError, FormatError } from '../src/index.ts';
import { fromNpy, toNpy } from '../src/io/npy.ts';
import { fromNpz, toNpz } from '../src/io/npz.ts';
import { load, save } from '../src/node.ts';

interface Ok {
  shape: number[];
  bool: boolean;
  hex: string;
}
type Verdict = { ok: Ok; beyond?: boolean } | { unsupported: string } | { error: string } | { bytes: true };
type Case = { name: string; b64: string } & Verdict;
type NpzCase = { name: string; b64: string } & ({ keys: Record<string, Verdict> } | { error: string });

const CASES = JSON.parse(gunzipSync(readFileSync(new URL('./fixtures/npy-edge/cases.json.gz', import.meta.url))).toString('utf8')) as { numpy: string; npy: Case[]; npz: NpzCase[] };
const bytesOf = (c: { b64: string }): Uint8Array => new Uint8Array(Buffer.from(c.b64, 'base64'));

/** The array's data as NumPy's astype(float64 or bool) bytes would be: what toNpy writes after its header. */
function dataHex(a: NdArray): string {
  const file = toNpy(a);
  const headerLength = file[8]! | (file[9]! << 8);
  return Buffer.from(file.subarray(10 + headerLength)).toString('hex');
}

function assertReads(a: NdArray, ok: Ok, what: string): void {
  assert.deepEqual(a.shape, ok.shape, `${what}: shape`);
  assert.equal(a.dtype, ok.bool ? 'bool' : 'float64', `${what}: dtype`);
  assert.equal(dataHex(a), ok.hex, `${what}: values (float64 bits)`);
}

function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (e) {
    return e;
  }
}

/** Checks ndvec's reading of one .npy file against NumPy's verdict. */
function checkNpy(bytes: Uint8Array, c: Verdict, what: string): void {
  if (Buffer.from(bytes).includes('\\N{') && !('error' in c)) {
    // The one known difference: Python looks up \N{name} escapes in the Unicode database; ndvec refuses them.
    assert.throws(() => fromNpy(bytes), (e: unknown) => e instanceof FormatError && /\\N\{\.\.\.\} escape/.test(e.message), what);
    return;
  }
  if ('ok' in c) {
    if (c.beyond) {
      const e = outcome(() => fromNpy(bytes));
      assert.ok(e instanceof DTypeError && /beyond 2\^53/.test(e.message), `${what}: DTypeError without lossy, got ${String(e)}`);
    }
    const a = outcome(() => fromNpy(bytes, { lossy: true }));
    assert.ok(a instanceof NdArray, `${what}: NumPy reads it, ndvec threw ${String(a)}`);
    assertReads(a, c.ok, what);
    a.dispose();
  } else if ('unsupported' in c) {
    const e = outcome(() => fromNpy(bytes));
    assert.ok(e instanceof DTypeError, `${what}: NumPy reads dtype ${c.unsupported}; ndvec should throw a DTypeError, got ${String(e)}`);
  } else if ('error' in c) {
    const e = outcome(() => fromNpy(bytes, { lossy: true }));
    assert.ok(e instanceof FormatError || e instanceof DTypeError, `${what}: NumPy refuses it (${c.error}); ndvec gave ${e instanceof NdArray ? `an array ${JSON.stringify(e.shape)}` : String(e)}`);
  }
}


/** `src` copied into `host` at `at`, as the view of it there (junk on both sides, an odd offset, a Node Buffer's shared memory). */
function inside(host: Uint8Array, src: Uint8Array, at: number): Uint8Array {
  host.set(src, at);
  return host.subarray(at, at + src.length);
}

describe(`.npy files against NumPy ${CASES.numpy}`, () => {
  const groups = new Map<string, Case[]>();
  for (const c of CASES.npy) {
    const group = c.name.split(' ')[0]!.replace(/^[<>|]/, '');
    groups.set(group, [...(groups.get(group) ?? []), c]);
  }
  for (const [group, cases] of groups) {
    test(`${group}: ${cases.length} files`, () => {
      for (const c of cases) checkNpy(bytesOf(c), c, c.name);
    });
  }

  test('the fixture covers what it claims', () => {
    const names = CASES.npy.map((c) => c.name);
    for (const dt of ['<f8', '>f8', '<f4', '>f4', '<f2', '>f2', '|i1', '|u1', '<i8', '>u8', '|b1']) {
      for (const v of [1, 2, 3]) assert.ok(names.includes(`${dt} (2, 3) F v${v}`), `${dt} Fortran v${v}`);
      assert.ok(names.includes(`${dt} (5,) fortran header`) && names.includes(`${dt} () fortran header`) && names.includes(`${dt} (1, 4) fortran header`));
      assert.ok(names.includes(`${dt} (2, 0, 3) C v1`));
    }
    const count = (p: (c: Case) => boolean): number => CASES.npy.filter(p).length;
    assert.ok(count((c) => 'ok' in c) > 1000 && count((c) => 'error' in c) > 300 && count((c) => 'unsupported' in c) > 10);
  });

  test('every case inside a larger buffer, at an odd offset, with junk around it: the same verdict', () => {
    for (const c of CASES.npy) {
      const src = bytesOf(c);
      checkNpy(inside(new Uint8Array(src.length + 21).fill(0x41), src, 5), c, `${c.name} at offset 5`);
      // a Node Buffer (readFileSync, Buffer.concat): its slice() is a view, not a copy
      checkNpy(inside(Buffer.alloc(src.length + 6, 0x42), src, 3), c, `${c.name} in a Buffer at offset 3`);
    }
  });

  test('every truncation is a FormatError (never a read past the end)', () => {
    const sources = ['<f8 (2, 3) F v2', '>i8 (3, 2, 1, 2) C v1', '<f2 (5,) C v3', '|b1 (2, 3) F v1', '>u4 () C v1', '<f8 (2, 0, 3) C v1'].map((n) => bytesOf(CASES.npy.find((c) => c.name === n)!));
    for (const src of sources) {
      const big = new Uint8Array(src.length + 64).fill(0x20);
      big.set(src);
      for (let cut = 0; cut < src.length; cut++) {
        const e = outcome(() => fromNpy(big.subarray(0, cut)));
        // a file of no elements is whole once its header is
        if (!(e instanceof NdArray && e.size === 0)) assert.ok(e instanceof FormatError, `cut at ${cut} of ${src.length}: ${String(e)}`);
      }
    }
  });

  test('two arrays in one file: the first, as np.load gives it', () => {
    const c = CASES.npy.find((x) => x.name.startsWith('two arrays'))!;
    assert.ok('ok' in c);
    assert.deepEqual(fromNpy(bytesOf(c)).toArray(), [1.5, -0]);
  });

  test('a detached ArrayBuffer is a FormatError, not a TypeError', () => {
    const buffer = new ArrayBuffer(8);
    structuredClone(buffer, { transfer: [buffer] });
    assert.throws(() => fromNpy(buffer), FormatError);
    assert.throws(() => fromNpz(buffer), FormatError);
  });
});

/** Checks ndvec's reading of one archive against NumPy's verdict. */
function checkNpz(bytes: Uint8Array, c: NpzCase, what: string): void {
  const got = outcome(() => fromNpz(bytes, { lossy: true }));
  if (/reads the part it needs/.test(what)) {
    // Known difference: np.load reads only the bytes an array needs, so a member whose size
    // fields disagree with its data reads with its CRC-32 never checked; ndvec reads a member
    // whole and checked, or not at all.
    assert.ok(got instanceof FormatError && /stored member 'x\.npy' has size 255 but 168 stored bytes/.test(got.message), `${what}: ${String(got)}`);
    return;
  }
  if (/bzip2|lzma/.test(what)) {
    // Known difference: zipfile also reads bzip2 and LZMA members (np.savez never writes them); ndvec names the method.
    assert.ok(got instanceof FormatError && /compression method 1[24] \((bzip2|LZMA)\)/.test(got.message), `${what}: ${String(got)}`);
    return;
  }
  if ('error' in c) {
    assert.ok(got instanceof FormatError || got instanceof DTypeError, `${what}: NumPy refuses it (${c.error}); ndvec gave ${got instanceof Error ? String(got) : JSON.stringify(Object.keys(got as object))}`);
    return;
  }
  // Directory entries ('d/', empty) are left out; any other member that is no .npy file (NumPy
  // hands back its bytes) or holds a dtype ndvec does not read makes the archive an error.
  const members = Object.entries(c.keys).filter(([k, v]) => !('bytes' in v && k.endsWith('/')));
  if (members.some(([, v]) => 'bytes' in v)) {
    assert.ok(got instanceof FormatError && /not a \.npy file/.test(got.message), `${what}: ${String(got)}`);
    return;
  }
  if (members.some(([, v]) => 'unsupported' in v)) {
    assert.ok(got instanceof DTypeError, `${what}: ${String(got)}`);
    return;
  }
  assert.ok(!(got instanceof Error), `${what}: NumPy reads it, ndvec threw ${String(got)}`);
  const arrays = got as Record<string, NdArray>;
  assert.deepEqual(Object.keys(arrays), members.map(([k]) => k), `${what}: keys`);
  for (const [k, v] of members) assertReads(arrays[k]!, (v as { ok: Ok }).ok, `${what}: ${k}`);
  if (members.some(([, v]) => 'beyond' in v && v.beyond)) assert.throws(() => fromNpz(bytes), DTypeError);
}

describe(`.npz archives against NumPy ${CASES.numpy}`, () => {
  for (const c of CASES.npz) {
    test(c.name, () => {
      checkNpz(bytesOf(c), c, c.name);
      const src = bytesOf(c);
      checkNpz(inside(new Uint8Array(src.length + 10).fill(0x50), src, 3), c, `${c.name} at offset 3`);
      checkNpz(inside(Buffer.alloc(src.length + 10, 0x50), src, 5), c, `${c.name} in a Buffer at offset 5`);
    });
  }

  test('every truncation of an archive is a FormatError', () => {
    for (const name of ['savez positional and beyond 2^53', 'savez_compressed positional and beyond 2^53', 'Info-ZIP zip from stdin (member "-", data descriptor)']) {
      const src = bytesOf(CASES.npz.find((c) => c.name === name)!);
      const big = new Uint8Array(src.length + 64).fill(0x50);
      big.set(src);
      for (let cut = 0; cut < src.length; cut++) assert.throws(() => fromNpz(big.subarray(0, cut), { lossy: true }), FormatError, `${name}: cut at ${cut}`);
    }
    const src = bytesOf(CASES.npz.find((c) => c.name === 'zipfile deflated data descriptors zip64=True')!);
    for (let cut = 0; cut < src.length; cut += 7) assert.throws(() => fromNpz(src.subarray(0, cut)), FormatError, `cut at ${cut}`);
  });
});

describe('toNpz: member names NumPy reads back as the same keys', () => {
  test('names with a NUL, lone surrogates or over 65535 UTF-8 bytes are ArgumentErrors', () => {
    const a = nd.ones([1]);
    assert.throws(() => toNpz({ 'a\0b': a }), (e: unknown) => e instanceof ArgumentError && /NUL/.test(e.message));
    assert.throws(() => toNpz({ ['x\ud800']: a }), (e: unknown) => e instanceof ArgumentError && /UTF-16/.test(e.message));
    assert.throws(() => toNpz({ ['é'.repeat(40000)]: a }), (e: unknown) => e instanceof ArgumentError && /65535/.test(e.message));
    const many: Record<string, NdArray> = {};
    for (let i = 0; i < 65536; i++) many[`a${i}`] = a;
    assert.throws(() => toNpz(many), (e: unknown) => e instanceof ArgumentError && /65535 members/.test(e.message));
  });

  test("unicode, '/' and empty names round-trip", () => {
    const arrays = { 'é☃ x': nd.arange(3), 'a/b/c': nd.ones([2]).gt(0), '': nd.array(2), '😀': nd.zeros([0, 2]) };
    for (const compress of [false, true]) {
      const back = fromNpz(toNpz(arrays, { compress }));
      assert.deepEqual(Object.keys(back), Object.keys(arrays));
    }
  });
});

describe('ndvec/node load/save: the same verdicts, errors named by load and save', () => {
  test('every .npz case and the .npy cases with trailing or missing data, read from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndvec-npy-edge-'));
    try {
      for (const c of CASES.npz) {
        const file = join(dir, 'x.npz');
        writeFileSync(file, bytesOf(c));
        const viaBytes = outcome(() => fromNpz(bytesOf(c), { lossy: true }));
        const viaFile = outcome(() => load(file, { lossy: true }));
        if (viaBytes instanceof Error) {
          assert.ok(viaFile instanceof Error && viaFile.constructor === viaBytes.constructor && viaFile.message === viaBytes.message.replace(/^fromNpz/, 'load'), `${c.name}: ${String(viaFile)}`);
        } else assert.deepEqual(Object.keys(viaFile as object), Object.keys(viaBytes as object), c.name);
      }
      // every .npy case from disk: load (which reads <f8 and bool data straight into the array) gives what fromNpy gives
      for (const c of CASES.npy) {
        const file = join(dir, 'x.npy');
        writeFileSync(file, bytesOf(c));
        const viaBytes = outcome(() => fromNpy(bytesOf(c), { lossy: true }));
        const viaFile = outcome(() => load(file, { lossy: true }));
        if (viaBytes instanceof NdArray) {
          assert.ok(viaFile instanceof NdArray, `${c.name}: ${String(viaFile)}`);
          assert.equal(dataHex(viaFile), dataHex(viaBytes), c.name);
          assert.deepEqual(viaFile.shape, viaBytes.shape, c.name);
        } else {
          const e = viaBytes as Error;
          assert.ok(viaFile instanceof Error && viaFile.constructor === e.constructor && viaFile.message === e.message.replace(/^fromNpy/, 'load'), `${c.name}: ${String(viaFile)} vs ${String(e)}`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a program importing only 'ndvec/node' can load (NdArray was not registered: an internal invariant error)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndvec-npy-only-node-'));
    try {
      const file = join(dir, 'x.npz');
      writeFileSync(file, toNpz({ a: nd.arange(3) }));
      const node = new URL('../src/node.ts', import.meta.url).href;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { load } from '${node}'; console.log(JSON.stringify(load(${JSON.stringify(file)}).a.toArray()));`], { encoding: 'utf8' });
      assert.equal(run.stdout.trim(), '[0,1,2]', run.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('junk arguments: named errors from load, save and toNpz', () => {
    assert.throws(() => load('/nonexistent.npz', { lossy: 'x' } as never), /load: lossy must be true or false/); // before the file is opened
    assert.throws(() => save('/nonexistent/x.bin', null as never), /save: arrays must be an object of NdArrays/);
    assert.throws(() => save('/nonexistent/x.npz', { a: 1 } as never), /save: arrays\['a'\] must be an NdArray/);
    assert.throws(() => toNpz({ [Symbol('s')]: nd.ones([1]) } as never), /toNpz: arrays has symbol keys/);
  });
});
