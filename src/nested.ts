/**
 * Reading JS data into a new array for `nd.array`: nested arrays (checked for cycles, holes,
 * ragged rows, value types and total size before anything is allocated, then written
 * straight into the result with no intermediate list) and typed arrays (copied safely even
 * when they view ndvec's own WebAssembly memory, which the allocation may grow).
 * @module
 */
import type { NdArray } from './ndarray.ts';
import { emptyArray } from './array-factory.ts';
import { DTypeError, NdvecError, ShapeError, formatShape } from './errors.ts';
import { arenaMemory } from './memory.ts';

/** Most dimensions nested input may have (NumPy 2's `NPY_MAXDIMS`). */
export const MAX_NESTED_DIMS = 64;
/** Most elements an array may hold: the engine's largest typed array length (Node 20: 2^32). */
export const MAX_ELEMENTS = 2 ** 32;

type Sequence = ArrayLike<unknown>;

/** A typed array other than a DataView. */
function isTypedArray(x: unknown): x is ArrayLike<number | bigint> & ArrayBufferView {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

function isSequence(x: unknown): x is Sequence {
  return Array.isArray(x) || isTypedArray(x);
}

/** `x[i][j]…` for the index path `at` (first `depth` entries). */
function pathOf(at: readonly number[], depth: number): string {
  let s = 'x';
  for (let d = 0; d < depth; d++) s += `[${at[d]}]`;
  return s;
}

/** The C-order position of the element at index path `at` in `shape`. */
function flatIndex(at: readonly number[], shape: readonly number[]): number {
  let k = 0;
  for (let d = 0; d < shape.length; d++) k = k * shape[d]! + at[d]!;
  return k;
}

/** How a value shows in a message. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v === null || v === undefined || typeof v !== 'object') return String(v);
  return Object.prototype.toString.call(v);
}

/**
 * The shape of nested arrays, read along the first elements; throws on a cycle (`x[0] = x`)
 * or more than {@link MAX_NESTED_DIMS} levels.
 */
function nestedShape(x: Sequence): number[] {
  const shape: number[] = [];
  const chain: unknown[] = [];
  let cur: unknown = x;
  while (isSequence(cur)) {
    const seenAt = chain.indexOf(cur);
    if (seenAt >= 0) {
      const zeros = new Array<number>(shape.length).fill(0);
      throw new ShapeError(
        `nd.array: cyclic nested arrays: ${pathOf(zeros, shape.length)} is ${pathOf(zeros, seenAt)} itself`,
        [shape],
      );
    }
    if (shape.length === MAX_NESTED_DIMS) {
      throw new ShapeError(`nd.array: nested arrays deeper than ${MAX_NESTED_DIMS} levels (NumPy's limit on dimensions)`, [shape]);
    }
    chain.push(cur);
    const len = cur.length;
    shape.push(len);
    if (len === 0 || isTypedArray(cur)) break;
    cur = (cur as unknown[])[0];
  }
  return shape;
}

/** What the checking pass found. */
interface Scan {
  /** Every value a boolean (and at least one value). */
  allBool: boolean;
  /** Some typed array in the input views the arena's memory (which allocating may grow). */
  viewsArena: boolean;
}

/**
 * Checks nested input against `shape` without allocating: lengths (ragged rows), holes
 * (sparse arrays), and that every value is a number or a boolean.
 */
function scanNested(x: Sequence, shape: readonly number[], arena: ArrayBufferLike | null): Scan {
  const scan: Scan = { allBool: true, viewsArena: false };
  const at = new Array<number>(shape.length).fill(0);
  const ndim = shape.length;
  const visit = (seq: unknown, dim: number): void => {
    if (!isSequence(seq)) {
      throw new ShapeError(
        `nd.array: ragged nested arrays: ${pathOf(at, dim)} has a scalar (${describeValue(seq)}), expected length ${shape[dim]} for shape ${formatShape(shape)}`,
        [shape],
      );
    }
    const len = seq.length;
    if (len !== shape[dim]) {
      throw new ShapeError(
        `nd.array: ragged nested arrays: ${pathOf(at, dim)} has length ${len}, expected length ${shape[dim]} for shape ${formatShape(shape)}`,
        [shape],
      );
    }
    if (isTypedArray(seq)) {
      if (dim !== ndim - 1) {
        throw new ShapeError(
          `nd.array: ragged nested arrays: ${pathOf(at, dim)} is a typed array (numbers), expected sequences of depth ${ndim - dim} for shape ${formatShape(shape)}`,
          [shape],
        );
      }
      if (len > 0) scan.allBool = false;
      if (seq.buffer === arena) scan.viewsArena = true;
      return;
    }
    const arr = seq as readonly unknown[];
    if (dim === ndim - 1) {
      for (let i = 0; i < len; i++) {
        const v = arr[i];
        if (typeof v === 'number') {
          scan.allBool = false;
          continue;
        }
        if (typeof v === 'boolean') continue;
        at[dim] = i;
        if (v === undefined && !(i in arr)) {
          throw new ShapeError(`nd.array: sparse array: ${pathOf(at, dim + 1)} is a hole (no element in an array of length ${len})`, [shape]);
        }
        if (isSequence(v)) {
          throw new ShapeError(
            `nd.array: ragged nested arrays: ${pathOf(at, dim + 1)} is a sequence but expected a scalar for shape ${formatShape(shape)}`,
            [shape],
          );
        }
        throw new DTypeError(
          `nd.array: cannot make an array of ${describeValue(v)} (element ${flatIndex(at, shape)} in C order, ${pathOf(at, dim + 1)}): values must be numbers or booleans`,
          typeof v,
        );
      }
      return;
    }
    for (let i = 0; i < len; i++) {
      at[dim] = i;
      const v = arr[i];
      if (v === undefined && !(i in arr)) {
        throw new ShapeError(`nd.array: sparse array: ${pathOf(at, dim + 1)} is a hole (no element in an array of length ${len})`, [shape]);
      }
      visit(v, dim + 1);
    }
  };
  visit(x, 0);
  if (shape.reduce((p, d) => p * d, 1) === 0) scan.allBool = false;
  return scan;
}

/**
 * Writes checked nested input into `view` from `p` in C order; returns the next position.
 * Throws when a value is no longer a number or boolean (a getter or Proxy that changed
 * between the checking pass and this one).
 */
function writeNested(seq: Sequence, dim: number, ndim: number, view: Float64Array | Uint8Array, p: number): number {
  const len = seq.length;
  if (dim === ndim - 1) {
    if (isTypedArray(seq)) {
      for (let i = 0; i < len; i++) view[p + i] = Number(seq[i]);
      return p + len;
    }
    for (let i = 0; i < len; i++, p++) {
      const v = seq[i];
      if (typeof v === 'number') view[p] = v;
      else if (typeof v === 'boolean') view[p] = v ? 1 : 0;
      else throw new NdvecError(`nd.array: the nested input changed while it was read (a value became ${describeValue(v)})`);
    }
    return p;
  }
  for (let i = 0; i < len; i++) {
    const v = seq[i];
    if (!isSequence(v)) throw new NdvecError('nd.array: the nested input changed while it was read (a row is no longer a sequence)');
    p = writeNested(v, dim + 1, ndim, view, p);
  }
  return p;
}

/** The element count of `shape`, checked against {@link MAX_ELEMENTS} before anything is allocated. */
function checkedSize(shape: readonly number[], what: string): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i]!;
  if (n > MAX_ELEMENTS) {
    throw new ShapeError(
      `nd.array: ${what} of shape ${formatShape(shape)} would hold ${n} elements, more than the ${MAX_ELEMENTS} an array may hold`,
      [shape],
    );
  }
  return n;
}

/** The arena's current buffer, or null without WebAssembly. */
function arenaBuffer(): ArrayBufferLike | null {
  return arenaMemory()?.buffer ?? null;
}

/**
 * A new array from nested arrays of numbers/booleans (all booleans: bool, else float64).
 * @param x the nested input (not an NdArray or typed array; see {@link fromTypedArray})
 * @returns the new array
 * @throws ShapeError for cycles, holes, ragged rows, more than 64 levels or too many elements;
 *   DTypeError for values that are not numbers or booleans
 */
export function fromNested(x: readonly unknown[]): NdArray {
  const shape = nestedShape(x);
  const size = checkedSize(shape, 'nested arrays');
  const scan = scanNested(x, shape, arenaBuffer());
  // A typed array viewing the arena goes stale if allocating grows the memory: read it first.
  const staged = scan.viewsArena ? new Float64Array(size) : null;
  if (staged !== null) writeNested(x, 0, shape.length, staged, 0);
  const out = emptyArray(shape, scan.allBool ? 'bool' : 'float64');
  const view = scan.allBool ? out.u8() : out.f64();
  try {
    if (staged !== null) view.set(staged, out.start);
    else writeNested(x, 0, shape.length, view, out.start);
    // A getter that allocated (and grew the memory) mid-write left `view` detached.
    if (out.size > 0 && view.length === 0) {
      throw new NdvecError('nd.array: the nested input changed the memory while it was read (a getter allocated arrays)');
    }
  } catch (e) {
    out.dispose();
    throw e;
  }
  return out;
}

/** True when `x`'s buffer was detached (transferred, or a view of memory that grew since). */
export function isDetached(x: ArrayBufferView): boolean {
  if (x.byteLength !== 0) return false;
  try {
    new Uint8Array(x.buffer);
    return false;
  } catch {
    return true;
  }
}

/**
 * `x` itself, or a copy of it when it views ndvec's own WebAssembly memory: allocating may
 * grow that memory, which detaches every view of it. Read the copy after allocating.
 * @param x a typed array
 * @returns `x` or its copy (same element type)
 */
export function copiedIfInArena<T extends ArrayBufferView>(x: T): T {
  return x.buffer === arenaBuffer() ? ((x as unknown as Float64Array).slice() as unknown as T) : x;
}

/**
 * A new 1-D float64 array copying a typed array. A view of ndvec's own memory (for example
 * `a.toNdarray().data`) is copied out before allocating, since growing the memory would
 * detach it.
 * @param x the typed array (any element type; bigint values are converted with `Number`)
 * @returns the new array
 * @throws NdvecError when `x`'s buffer is detached (a stale view of memory that grew, or a
 *   transferred buffer)
 */
export function fromTypedArray(x: ArrayLike<number | bigint> & ArrayBufferView): NdArray {
  if (isDetached(x)) {
    throw new NdvecError(
      'nd.array: the typed array\'s buffer is detached (transferred, or a view of ndvec\'s memory taken before the memory grew): its values are gone',
    );
  }
  const src = copiedIfInArena(x);
  const n = src.length;
  const out = emptyArray([n], 'float64');
  const view = out.f64();
  if (src instanceof Float64Array) view.set(src, out.start);
  else for (let i = 0, p = out.start; i < n; i++) view[p + i] = Number(src[i]);
  return out;
}
