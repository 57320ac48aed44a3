/**
 * Shared by test/signal.test.ts and test/pad.test.ts: the NumPy fixture
 * (test/fixtures/signal.json, written by scripts/signal-fixtures.py) and its decoding.
 */
import { readFileSync } from 'node:fs';
import { nd, type NdArray } from '../src/index.ts';

/** The fixture, numbers still encoded. */
export const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/signal.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Decodes the fixture's "NaN", "Infinity", "-Infinity" and "-0" strings (recursively). */
export function dec<T = unknown>(v: unknown): T {
  if (Array.isArray(v)) return v.map((x) => dec(x)) as T;
  if (v === 'NaN') return NaN as T;
  if (v === 'Infinity') return Infinity as T;
  if (v === '-Infinity') return -Infinity as T;
  if (v === '-0') return -0 as T;
  return v as T;
}

/** A fixture array `{ shape, data, dtype }`. */
export interface FixtureArray {
  shape: number[];
  data: unknown[];
  dtype: 'float64' | 'bool';
}

/** The fixture array as an NdArray. */
export function toNd(f: FixtureArray): NdArray {
  const flat = nd.array(f.dtype === 'bool' ? (f.data as boolean[]) : dec<number[]>(f.data));
  if (flat.size === 0) {
    flat.dispose();
    return nd.zeros(f.shape, f.dtype);
  }
  return flat.reshape(f.shape);
}

/** Flat values of an NdArray (C order). */
export function flat(a: NdArray): (number | boolean)[] {
  return a.size === 0 ? [] : (a.flatten().toArray() as (number | boolean)[]);
}

/** Every element equal, -0 and NaN included (Object.is). */
export function sameValues(actual: readonly unknown[], expected: readonly unknown[]): boolean {
  return actual.length === expected.length && actual.every((x, i) => Object.is(x, expected[i]));
}

/** Runs `f` with WASM on, then off (restoring on). */
export function bothKernels(f: (wasm: boolean) => void): void {
  try {
    for (const wasm of [true, false]) {
      nd.config({ wasm });
      f(wasm);
    }
  } finally {
    nd.config({ wasm: true });
  }
}
