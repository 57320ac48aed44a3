// Types for the parts of ndarray-ops (no @types package) that the benchmarks call.
declare module 'ndarray-ops' {
  import type { NdArray } from 'ndarray';
  type Nd = NdArray<Float64Array | Uint8Array>;
    /** The CommonJS module object (its exports are built in a loop, so import it as a default). */
  const ops: {
    /** out = a + b */
    add(out: Nd, a: Nd, b: Nd): Nd;
    /** out = a * b */
    mul(out: Nd, a: Nd, b: Nd): Nd;
    /** out = a * s */
    muls(out: Nd, a: Nd, s: number): Nd;
    /** out += a */
    addeq(out: Nd, a: Nd): Nd;
    /** out += s */
    addseq(out: Nd, s: number): Nd;
    /** out = a > s */
    gts(out: Nd, a: Nd, s: number): Nd;
    /** out = exp(a) */
    exp(out: Nd, a: Nd): Nd;
    /** out = a ** b (Math.pow) */
    pow(out: Nd, a: Nd, b: Nd): Nd;
    /** out = a ** s (Math.pow) */
    pows(out: Nd, a: Nd, s: number): Nd;
    /** the sum of all elements */
    sum(a: Nd): number;
  };
    export = ops;
}
