/**
 * Slice specs (src/shape.ts parseSliceSpec / resolveSliceRange): string specs select what
 * NumPy's `a[start:stop:step]` selects (test/fixtures/slice-specs.json, written by
 * scripts/slice-fixtures.py); the in-place digit reader gives what the split / trim / regex /
 * `Number` reading it replaced gives, errors and messages included, on any string.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { nd, IndexError } from '../src/index.ts';
import { FULL_RANGE, parseSliceSpec, resolveSliceRange, type SliceRange } from '../src/shape.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/slice-specs.json', import.meta.url), 'utf8')) as {
  cases: [number, string, number[] | 'error'][];
};

/** The string reading before the in-place reader (split on ':', trim, /^[+-]?\d+$/, Number). */
function referenceParse(spec: string): number | SliceRange {
  const int = (text: string): number | null => {
    const t = text.trim();
    if (t === '') return null;
    const v = Number(t);
    if (!/^[+-]?\d+$/.test(t) || !Number.isSafeInteger(v)) throw new IndexError(`invalid slice spec '${spec}': '${t}' is not an integer`);
    return v;
  };
  const parts = spec.split(':');
  if (parts.length === 1) {
    const v = int(spec);
    if (v === null) throw new IndexError(`invalid slice spec '${spec}'`);
    return v;
  }
  if (parts.length > 3) throw new IndexError(`invalid slice spec '${spec}': at most two ':'`);
  return { start: int(parts[0]!), stop: int(parts[1]!), step: int(parts[2] ?? '') };
}

/** The outcome of `fn` as a comparable value: the result, or the error's class and message. */
function outcome(fn: () => unknown): unknown {
  try {
    const r = fn();
    return typeof r === 'number' ? ['index', Object.is(r, -0) ? '-0' : r] : ['range', r];
  } catch (e) {
    return ['error', (e as Error).name, (e as Error).message];
  }
}

describe('string slice specs against NumPy', () => {
  test(`${fixture.cases.length} specs on axes of size 0..7, as strings and as [start, stop, step]`, () => {
    for (const [n, spec, want] of fixture.cases) {
      const a = nd.arange(n);
      const parts = spec.split(':').map((p) => (p.trim() === '' ? null : Number(p)));
      const tuple = [parts[0]!, parts[1]!, parts[2] ?? null] as const;
      for (const s of [spec, tuple]) {
        if (want === 'error') {
          assert.throws(() => a.slice(s), (e: unknown) => e instanceof IndexError && /slice step cannot be zero \(axis 0\)/.test(e.message), `${n} ${spec}`);
        } else {
          const v = a.slice(s);
          assert.deepEqual(v.toArray(), want, `n=${n} spec ${JSON.stringify(s)}`);
          assert.deepEqual(v.copy().toArray(), want);
        }
      }
      a.dispose();
    }
  });

  test('a range resolves to first, step and length by the clamping rules', () => {
    assert.deepEqual(resolveSliceRange(FULL_RANGE, 5, 0), { first: 0, step: 1, length: 5 });
    assert.deepEqual(resolveSliceRange({ start: null, stop: null, step: -2 }, 5, 0), { first: 4, step: -2, length: 3 });
    assert.deepEqual(resolveSliceRange({ start: -100, stop: 100, step: 3 }, 7, 0), { first: 0, step: 3, length: 3 });
    assert.deepEqual(resolveSliceRange({ start: 100, stop: -100, step: -3 }, 7, 0), { first: 6, step: -3, length: 3 });
    assert.deepEqual(resolveSliceRange({ start: 3, stop: 1, step: 1 }, 7, 0), { first: 3, step: 1, length: 0 });
    assert.throws(() => resolveSliceRange({ start: null, stop: null, step: 0 }, 3, 2), /slice step cannot be zero \(axis 2\)/);
  });
});

describe('reading a string spec', () => {
  const cases: [string, unknown][] = [
    ['::2', ['range', { start: null, stop: null, step: 2 }]],
    ['-0:', ['range', { start: -0, stop: null, step: null }]],
    ['+3', ['index', 3]],
    ['-0', ['index', '-0']],
    ['123456789012345:', ['range', { start: 123456789012345, stop: null, step: null }]], // 15 digits: read in place
    ['1234567890123456:', ['range', { start: 1234567890123456, stop: null, step: null }]], // 16: the general path
    ['9007199254740993:', ['error', 'IndexError', "invalid slice spec '9007199254740993:': '9007199254740993' is not an integer"]],
    [' 1 :\t-2\n: \u00a03', ['range', { start: 1, stop: -2, step: 3 }]],
    ['', ['error', 'IndexError', "invalid slice spec ''"]],
    ['  ', ['error', 'IndexError', "invalid slice spec '  '"]],
    ['1:2:3:4', ['error', 'IndexError', "invalid slice spec '1:2:3:4': at most two ':'"]],
    [':::', ['error', 'IndexError', "invalid slice spec ':::': at most two ':'"]],
    ['-:', ['error', 'IndexError', "invalid slice spec '-:': '-' is not an integer"]],
    ['+', ['error', 'IndexError', "invalid slice spec '+': '+' is not an integer"]],
    ['1e3:', ['error', 'IndexError', "invalid slice spec '1e3:': '1e3' is not an integer"]],
    ['0x10', ['error', 'IndexError', "invalid slice spec '0x10': '0x10' is not an integer"]],
    ['1.0:', ['error', 'IndexError', "invalid slice spec '1.0:': '1.0' is not an integer"]],
    [':\u0663', ['error', 'IndexError', "invalid slice spec ':\u0663': '\u0663' is not an integer"]],
    ['--1', ['error', 'IndexError', "invalid slice spec '--1': '--1' is not an integer"]],
    ['1 2', ['error', 'IndexError', "invalid slice spec '1 2': '1 2' is not an integer"]],
  ];
  for (const [spec, want] of cases) {
    test(JSON.stringify(spec), () => {
      assert.deepEqual(outcome(() => parseSliceSpec(spec)), want);
      assert.deepEqual(outcome(() => referenceParse(spec)), want);
    });
  }

  test('any string reads as the split / trim / regex reading did (fast-check)', () => {
    const char = fc.constantFrom(...'0123456789', '0', '1', '9', ':', ':', '-', '+', ' ', '\t', '\u00a0', '\u2028', 'x', '.', 'e', '\u0663');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const spec = chars.join('');
        assert.deepEqual(outcome(() => parseSliceSpec(spec)), outcome(() => referenceParse(spec)), JSON.stringify(spec));
      }),
      { seed: 42, numRuns: 4000 },
    );
  });

  test('digit runs of every length around the in-place limit (15) and the safe-integer limit', () => {
    for (let len = 1; len <= 18; len++) {
      for (const d of ['1', '9', '0']) {
        for (const sign of ['', '-', '+']) {
          const spec = `${sign}${d.repeat(len)}:${sign}${'7'.repeat(len)}:`;
          assert.deepEqual(outcome(() => parseSliceSpec(spec)), outcome(() => referenceParse(spec)), spec);
        }
      }
    }
  });
});
