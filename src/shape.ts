/**
 * Shape arithmetic: validation, C-order strides, broadcasting and axis normalisation.
 * Strides are counted in elements, not bytes.
 * @module
 */
import { AxisError, BroadcastError, ShapeError, formatShape } from './errors.ts';
import { MAX_DIMS } from './args.ts';

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
