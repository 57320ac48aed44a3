/**
 * Shape arithmetic: validation, C-order strides, broadcasting, axis normalisation and slice
 * specs. Strides are counted in elements, not bytes.
 * @module
 */
import { AxisError, BroadcastError, IndexError, ShapeError, formatShape } from './errors.ts';
import { MAX_DIMS, describe } from './args.ts';

/** A shape argument as users write it: a number (1-D) or a list of dimension sizes. */
export type ShapeLike = number | readonly number[];

/**
 * Validates a shape argument and returns it as a fresh array.
 * @param shape a number or number[] of non-negative integers
 * @returns the shape as number[]
 * @throws ShapeError for negative, fractional or non-finite entries
 */
export function normalizeShape(shape: ShapeLike): number[] {
  if (typeof shape !== 'number' && shape.length > MAX_DIMS) {
    throw new ShapeError(`invalid shape: ${shape.length} entries; arrays have at most ${MAX_DIMS} dimensions`, []);
  }
  const dims = typeof shape === 'number' ? [shape] : Array.from(shape);
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new ShapeError(
        `invalid shape ${formatShape(dims)}: entries must be non-negative integers, got ${d}`,
        [dims],
      );
    }
    if (d === 0) dims[i] = 0; // -0 becomes 0
  }
  return dims;
}

/** Number of elements of a shape (1 for a 0-d shape). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i]!;
  return n;
}

/** C-order (row-major) strides in elements, computed right to left. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i]!;
  }
  return strides;
}

/** True when (shape, strides) walks elements in C order with no gaps. */
export function isCContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    if (d === 0) return true;
    if (d !== 1 && strides[i] !== step) return false;
    step *= d;
  }
  return true;
}

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Broadcasts shapes NumPy's way: align right, size-1 axes stretch.
 * @param shapes the shapes to combine
 * @returns the broadcast shape
 * @throws BroadcastError naming the shapes when they do not broadcast
 */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    const lead = ndim - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i]!;
      const cur = out[lead + i]!;
      if (d === cur || d === 1) continue;
      if (cur === 1) out[lead + i] = d;
      else throw new BroadcastError(shapes);
    }
  }
  return out;
}

/**
 * Strides that read an array of `shape`/`strides` as if it had shape `target` (stride 0
 * on stretched axes).
 * @throws BroadcastError when `shape` does not broadcast to `target`
 */
export function broadcastStrides(
  shape: readonly number[],
  strides: readonly number[],
  target: readonly number[],
): number[] {
  const lead = target.length - shape.length;
  if (lead < 0) throw new BroadcastError([shape, target]);
  const out = new Array<number>(target.length).fill(0);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i]!;
    const t = target[lead + i]!;
    if (d === t) out[lead + i] = d === 1 ? 0 : strides[i]!;
    else if (d === 1) out[lead + i] = 0;
    else throw new BroadcastError([shape, target]);
  }
  return out;
}

/**
 * Normalises one axis (negative counts from the end).
 * @throws AxisError when out of range or not an integer
 */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) throw new AxisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Normalises an axis argument of a reduction: omitted/null means every axis.
 * @returns sorted, distinct, non-negative axes
 * @throws AxisError for an axis out of range or repeated
 */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const out: number[] = [];
  for (const a of list) {
    const n = normalizeAxis(a, ndim);
    if (out.includes(n)) throw new AxisError(a, ndim, `repeated axis ${a} for array of dimension ${ndim}`);
    out.push(n);
  }
  return out.sort((x, y) => x - y);
}

// ---- slice specs --------------------------------------------------------------------------

/** One slice spec per axis: integer, null or ':', 'start:stop:step' string, or [start, stop, step?]. */
export type SliceSpec = number | null | string | readonly [number | null, number | null, (number | null)?];

/** A range as written (Python's `start:stop:step`), null where omitted. */
export interface SliceRange {
  readonly start: number | null;
  readonly stop: number | null;
  readonly step: number | null;
}

/** `:` — the whole axis (shared: ranges are never written to). */
export const FULL_RANGE: SliceRange = Object.freeze({ start: null, stop: null, step: null });

/** A spec as messages show it (`[0.5,2]`), never throwing (bigints, cycles, symbols). */
function specText(spec: unknown): string {
  if (!Array.isArray(spec)) return describe(spec);
  return `[${spec.map((x: unknown) => (typeof x === 'number' || x === null ? String(x) : describe(x))).join(',')}]`;
}

/**
 * The integer written in `spec` between `from` and `to` (surrounding whitespace allowed), or
 * null for an empty field. Fields of a sign and up to 15 digits are read in place (exact:
 * below 2^53 at every step; `-0` stays -0 as `Number('-0')`); anything else goes through
 * trim, the pattern `^[+-]?\d+$` and `Number`.
 */
function parseSliceInt(spec: string, from: number, to: number): number | null {
  if (from === to) return null;
  let i = from;
  const sign = spec.charCodeAt(i);
  if (sign === 45 /* - */ || sign === 43 /* + */) i++;
  if (i < to && to - i <= 15) {
    let v = 0;
    for (; i < to; i++) {
      const d = spec.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === to) return sign === 45 ? -v : v;
  }
  const t = spec.slice(from, to).trim();
  if (t === '') return null;
  const v = Number(t);
  if (!/^[+-]?\d+$/.test(t) || !Number.isSafeInteger(v)) throw new IndexError(`invalid slice spec '${spec}': '${t}' is not an integer`);
  return v;
}

function checkSliceBound(v: number | null | undefined, spec: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new IndexError(`invalid slice spec ${specText(spec)}: bounds must be integers or null, got ${String(v)}`);
  }
  return v;
}

/**
 * Reads one slice spec as an integer index (returned as a number) or a range.
 * @param spec an integer, null, a `'start:stop:step'` string or `[start, stop, step?]`
 * @returns the index, or the range (unchecked against any axis)
 * @throws IndexError for a malformed spec or a non-integer bound
 */
export function parseSliceSpec(spec: SliceSpec): number | SliceRange {
  if (spec === null || spec === undefined) return FULL_RANGE;
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec)) throw new IndexError(`slice index must be an integer, got ${spec}`, spec);
    return spec;
  }
  if (typeof spec === 'string') {
    const c1 = spec.indexOf(':');
    if (c1 < 0) {
      const v = parseSliceInt(spec, 0, spec.length);
      if (v === null) throw new IndexError(`invalid slice spec '${spec}'`);
      return v;
    }
    const c2 = spec.indexOf(':', c1 + 1);
    if (c2 >= 0 && spec.indexOf(':', c2 + 1) >= 0) throw new IndexError(`invalid slice spec '${spec}': at most two ':'`);
    const end = spec.length;
    return {
      start: parseSliceInt(spec, 0, c1),
      stop: parseSliceInt(spec, c1 + 1, c2 < 0 ? end : c2),
      step: c2 < 0 ? null : parseSliceInt(spec, c2 + 1, end),
    };
  }
  if (Array.isArray(spec) && spec.length >= 2 && spec.length <= 3) {
    return { start: checkSliceBound(spec[0], spec), stop: checkSliceBound(spec[1], spec), step: checkSliceBound(spec[2], spec) };
  }
  throw new IndexError(`invalid slice spec ${specText(spec)}: use an integer, null, 'start:stop:step' or [start, stop, step?]`);
}

/** `v` (negative counts from the end of an axis of size `n`) clamped to [lo, hi]. */
function clampBound(v: number, n: number, lo: number, hi: number): number {
  if (v < 0) v += n;
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Resolves a range against an axis of size `n` with Python's clamping rules.
 * @param r the range
 * @param n the axis size
 * @param axis the axis (for the message of a zero step)
 * @returns the first index, the step and the number of selected elements
 * @throws IndexError for a zero step
 */
export function resolveSliceRange(r: SliceRange, n: number, axis: number): { first: number; step: number; length: number } {
  const step = r.step ?? 1;
  if (step === 0) throw new IndexError(`slice step cannot be zero (axis ${axis})`, 0, axis);
  let first: number;
  let length: number;
  if (step > 0) {
    first = r.start === null ? 0 : clampBound(r.start, n, 0, n);
    const stop = r.stop === null ? n : clampBound(r.stop, n, 0, n);
    length = stop > first ? Math.ceil((stop - first) / step) : 0;
  } else {
    first = r.start === null ? n - 1 : clampBound(r.start, n, -1, n - 1);
    const stop = r.stop === null ? -1 : clampBound(r.stop, n, -1, n - 1);
    length = first > stop ? Math.ceil((first - stop) / -step) : 0;
  }
  return { first, step, length };
}
