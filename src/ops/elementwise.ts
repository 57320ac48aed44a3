import type { NdArray, Operand } from '../ndarray.ts';
import type { AnyBinaryName, AnyUnaryName } from '../kernels/table.ts';

/** Broadcasting binary op (arithmetic, comparison or logical), optionally into `out`. */
export function binary(name: AnyBinaryName, a: NdArray, b: Operand, out?: NdArray): NdArray {
  throw new Error(`binary ${name} not implemented yet`);
}

/** Unary op, optionally into `out`. */
export function unary(name: AnyUnaryName, a: NdArray, out?: NdArray): NdArray {
  throw new Error(`unary ${name} not implemented yet`);
}

/** clip(a, lo, hi) with broadcasting; null bound means none. */
export function clip(a: NdArray, lo: Operand | null, hi: Operand | null, out?: NdArray): NdArray {
  throw new Error('clip not implemented yet');
}
