/**
 * Type-level contract of the NdArray methods and nd.* functions (issue 9, "Types that need no
 * casts"). Compiled by test/types-contract.test.ts with `tsc -p test/types`: every assignment
 * must compile without a cast, and every `@ts-expect-error` line must fail to compile (an
 * unused directive is itself an error), so a type that becomes wider or narrower fails here.
 */
import { nd, type NdArray, type NestedArray } from '../../src/index.ts';

const a: NdArray = nd.array([[1, 2], [3, 4]]);
const out: NdArray = nd.zeros([2]);

// Reductions: no axis -> number (boolean for any/all); an axis, keepdims or out -> NdArray.
export const s1: number = a.sum();
export const s2: number = a.sum(null);
export const s3: number = a.sum(undefined, { keepdims: false });
export const s4: NdArray = a.sum(0);
export const s5: NdArray = a.sum([0, 1]);
export const s6: NdArray = a.sum(0, { keepdims: true });
export const s7: NdArray = a.sum(null, { keepdims: true });
export const s8: NdArray = a.sum(0, out);
export const s9: NdArray = a.sum(null, { out: nd.zeros([]) });
export const m1: number = a.mean();
export const m2: NdArray = a.max(1);
export const v1: number = a.std(null, 1);
export const v2: NdArray = a.var(0, { ddof: 1 });
export const b1: boolean = a.any();
export const b2: NdArray = a.all(0);
export const i1: number = a.argmax();
export const i2: NdArray = a.argmin(0);
export const i3: NdArray = a.argmin(null, { keepdims: true });
export const q1: number = a.median();
export const q2: NdArray = a.median(0);
export const q3: number = a.quantile(0.5);
export const q4: NdArray = a.quantile([0.25, 0.75]);
export const q5: NdArray = a.percentile(50, 0);
export const p1: number = a.ptp();
export const w1: number = a.average();
export const w2: NdArray = a.average(0, { weights: nd.array([1, 2]) });
export const ns1: number = nd.sum(a);
export const ns2: NdArray = nd.sum(a, 0);
export const ns3: NdArray = nd.mean([1, 2, 3], null, { keepdims: true });
export const ns4: boolean = nd.any(a);
export const ns5: number = nd.std(a, null, 1);
export const ns6: number = nd.argmax(a);
export const ns7: NdArray = nd.median(a, 1);

// Elements and conversion.
export const g1: number = a.getNumber(0, 1);
export const g2: boolean = a.gt(1).getBool(0, 1);
export const g3: number | boolean = a.get(0, 1);
export const t1: NestedArray = a.toArray();
export const t2 = a.toArray() as number[][]; // a cast from NestedArray to the known nesting compiles
export const ss1: number = nd.array([1, 2]).searchsorted(1.5, 'right');
export const ss2: NdArray = nd.array([1, 2]).searchsorted(nd.array([1.5]));
export const r1: NdArray = a.reshape(4, 1);
export const r2: NdArray = nd.reshape(a, [4]);
export const rd: NdArray = a.round(2, out.reshape(2, 1).broadcastTo([2, 2]));
export const ic: NdArray = a.isclose(a, 1e-3, 1e-8, true);
export const ac: boolean = nd.allclose(a, a, 1e-3);

// Wrong uses fail to compile.
// @ts-expect-error a full reduction is a number, not an array
export const e1: NdArray = a.sum();
// @ts-expect-error an axis gives an array, not a number
export const e2: number = a.sum(0);
// @ts-expect-error keepdims gives an array
export const e3: number = a.mean(null, { keepdims: true });
// @ts-expect-error any() is a boolean
export const e4: number = a.any();
// @ts-expect-error getNumber is a number
export const e5: boolean = a.getNumber(0, 0);
// @ts-expect-error toArray is not unknown any more, but not a string either
export const e6: string = a.toArray();
// @ts-expect-error keepdim is not an option
a.sum(0, { keepdim: true });
// @ts-expect-error median takes no out
a.median(0, { out });
// @ts-expect-error a string is not an axis
a.sum('0');
// @ts-expect-error searchsorted side is 'left' or 'right'
a.searchsorted(1, 'middle');
// @ts-expect-error a number is not a dtype
a.astype(1);
// @ts-expect-error ddof is an option of std/var only
a.sum(null, { ddof: 1 });
export const v3: number = a.var(null, { ddof: 1 });
export const v4: NdArray = nd.std(a, null, { keepdims: true, ddof: 1 });
