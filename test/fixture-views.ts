/**
 * What the differential fixtures (scripts/fuzz-shape.py, scripts/indexing-fixtures.py) share:
 * numbers spelled as JSON can hold them ('NaN', '±Infinity', '-0'), the recipe of an operand
 * view over a fresh base, and an array packed as shape, dtype and C-order values.
 */
import { nd, NdArray } from '../src/index.ts';

/** A fixture number (NaN, ±Infinity and -0 as strings) or bool. */
export type Enc = number | string | boolean;

/** An operand: a base of values and shape, and the view of it the case uses. */
export interface Recipe {
  base: Enc[];
  baseShape: number[];
  view: 'c' | 'T' | 'rev' | 'step' | 'bc' | 'off' | 'flip' | 'swap';
  dtype: 'float64' | 'bool';
  shape: number[];
}

/** An array as the fixture spells it. */
export interface Packed {
  shape: number[];
  dtype: string;
  flat: Enc[];
}

/** A fixture number as a JS value (other values unchanged). */
export const decode = (x: unknown): unknown =>
  x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : x === '-0' ? -0 : x;

/** A JS number or bool as the fixture spells it. */
export const encode = (v: number | boolean): Enc => {
  if (typeof v === 'boolean') return v;
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity || v === -Infinity) return v > 0 ? 'Infinity' : '-Infinity';
  return Object.is(v, -0) ? '-0' : v;
};

/** The view a recipe describes, over a fresh base. */
export function build(r: Recipe): NdArray {
  let base = nd.array(new Float64Array(r.base.map((v) => Number(decode(v))))).reshape(r.baseShape);
  if (r.dtype === 'bool') base = base.astype('bool');
  switch (r.view) {
    case 'c':
      return base;
    case 'T':
      return base.transpose();
    case 'rev':
      return base.slice('::-1');
    case 'step':
      return base.slice(...r.baseShape.slice(0, -1).map(() => ':'), '::2');
    case 'bc':
      return base.broadcastTo(r.shape);
    case 'off':
      return base.slice('1:');
    case 'flip':
      return base.flip();
    case 'swap':
      return base.transpose([1, 0, ...r.baseShape.slice(2).map((_, i) => i + 2)]);
  }
}

/** Shape, dtype and C-order values of an array (a number or bool as a 0-d one), spelled as the fixture spells them. */
export function pack(a: NdArray | number | boolean): Packed {
  if (!(a instanceof NdArray)) return { shape: [], dtype: typeof a === 'boolean' ? 'bool' : 'float64', flat: [encode(a)] };
  const flat: Enc[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else flat.push(encode(x as number | boolean));
  };
  walk(a.toArray());
  return { shape: [...a.shape], dtype: a.dtype, flat };
}
