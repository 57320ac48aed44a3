/**
 * The op table: sound (no duplicate names, identities where reducible, …), checked with
 * messages naming the row, consistent with NdArray and the generated loops, and the
 * generated file up to date.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NdArray } from '../src/index.ts';
import { OPS, checkTable, opRow, type OpRow } from '../src/kernels/table.ts';
import { jsLoops, maskLoops } from '../src/kernels/js.ts';
import { wasmKernels } from '../src/kernels/wasm.ts';
import { GENERATED_HEADER, GENERATED_PATH, renderJsLoops } from '../scripts/gen-js-kernels.ts';

const add = opRow('add');
const neg = opRow('neg');

describe('checkTable', () => {
  test('the table has no problems', () => assert.deepEqual(checkTable(OPS), []));
  test('every wasm field names a kernel the module exports', { skip: wasmKernels === null }, () => {
    assert.deepEqual(checkTable(OPS, new Set(Object.keys(wasmKernels!))), []);
  });

  const broken: [string, OpRow[], string][] = [
    ['duplicate name', [add, { ...add }], "row 'add': duplicate name"],
    ['reducible without identity', [{ ...add, identity: undefined }], "row 'add': reducible but has no identity"],
    ['identity on a non-reducible op', [{ ...neg, identity: 0 }], "row 'neg': has an identity but is not reducible"],
    ['unary expression using y', [{ ...neg, expr: '-y' }], "row 'neg': unary expression '-y' uses y"],
    ['expression without x', [{ ...add, expr: 'y + 1' }], "row 'add': expression 'y + 1' does not use x"],
    ['binary kind with arity 1', [{ ...add, arity: 1, expr: 'x', reducible: false, identity: undefined }], "row 'add': kind binary needs arity 2"],
    ['empty doc', [{ ...neg, doc: ' ' }], "row 'neg': empty doc line"],
    ['missing WASM kernel', [{ ...add, wasm: 'plus' }], "row 'add': WASM kernel 'plus_vv' is not exported by the module"],
    ['missing unary WASM kernel', [{ ...neg, wasm: 'negate' }], "row 'neg': WASM kernel 'negate' is not exported by the module"],
  ];
  for (const [name, rows, message] of broken) {
    test(`finds: ${name}`, () => {
      const problems = checkTable(rows, new Set(['sub_vv', 'unary_abs']));
      assert.ok(problems.includes(message), `expected "${message}" in ${JSON.stringify(problems)}`);
    });
  }

  test('reducible rows carry their identity', () => {
    const identities = Object.fromEntries(OPS.filter((r) => r.reducible).map((r) => [r.name, r.identity]));
    assert.deepEqual(identities, { add: 0, mul: 1, maximum: -Infinity, minimum: Infinity, and: 1, or: 0, xor: 0 });
  });
});

describe('the table drives the API and the loops', () => {
  for (const row of OPS) {
    test(`${row.name}: ${row.kind}`, () => {
      if (row.kind !== 'convert') {
        const method = (NdArray.prototype as unknown as Record<string, unknown>)[row.name];
        assert.equal(typeof method, 'function', `row '${row.name}': NdArray has no method ${row.name}`);
      }
      const loops = (jsLoops as Record<string, object>)[row.name];
      assert.ok(loops !== undefined, `row '${row.name}': no generated loops (run npm run build:kernels)`);
      const want = row.arity === 2 ? ['contig', 'scalarRight', 'scalarLeft', 'strided'] : ['contig', 'strided'];
      assert.deepEqual(Object.keys(loops).sort(), want.sort());
    });
  }
  test('copy has a bool twin; mask loops for both dtypes', () => {
    assert.ok('copyBool' in jsLoops);
    assert.deepEqual(Object.keys(maskLoops).sort(), ['f64', 'u8']);
  });
  test('opRow names an unknown op in its error', () => {
    assert.throws(() => opRow('nope' as 'add'), /'nope'/);
  });
});

describe('generated JS loops', () => {
  const onDisk = readFileSync(GENERATED_PATH, 'utf8');
  test('first line marks the file as generated', () => assert.equal(onDisk.split('\n')[0], GENERATED_HEADER));
  test('up to date with the table (else: npm run build:kernels)', () => {
    assert.ok(onDisk === renderJsLoops(OPS), `${GENERATED_PATH} is stale: run npm run build:kernels`);
  });
  test('no eval or new Function', () => {
    assert.doesNotMatch(onDisk, /\beval\(|new Function/);
  });
});
