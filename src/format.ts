import type { NdArray } from './ndarray.ts';
/** NumPy-style repr. */
export function formatArray(a: NdArray): string { throw new Error('not implemented yet'); }
