/**
 * NumPy's answers for the nd.linalg LU family and the matrix helpers
 * (test/fixtures/linalg-lu.json, written by scripts/linalg-fixtures.py), and how a case's
 * arguments become ndvec arguments. Shared by test/linalg-lu.test.ts and
 * test/linalg-matrix.test.ts.
 */
import { readFileSync } from 'node:fs';
import { nd } from '../src/index.ts';

/** One fixture case: a function, its arguments, and NumPy's answer or error. */
export interface Case {
  fn: string;
  args: unknown[];
  expected?: unknown;
  shape?: number[];
  error?: string;
  cond?: string;
  residual?: string;
  name?: string;
}
export const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/linalg-lu.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** Fixture strings back to numbers ('nan', 'inf', repr); other strings ('fro') stay. */
export function decode(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(decode);
  if (typeof x !== 'string') return x;
  if (x === 'nan') return NaN;
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  return /^-?[\d.]/.test(x) ? Number(x) : x;
}

/** A fixture array argument: its shape and flat data. */
export interface ArrayArg {
  shape: number[];
  data: unknown[];
}
export const isArrayArg = (a: unknown): a is ArrayArg => typeof a === 'object' && a !== null && 'shape' in a && 'data' in a;
/** A fixture argument as ndvec takes it: arrays as NdArrays, numbers decoded. */
export const argOf = (a: unknown): unknown =>
  isArrayArg(a) ? nd.array(decode(a.data) as number[]).reshape(a.shape) : Array.isArray(a) ? a.map(argOf) : decode(a);
