/**
 * Named error classes. Every error ndvec throws on bad input is one of these, carries the
 * offending values as structured fields, and shows them in its message.
 * @module
 */

/** Formats a shape the way messages show it: `[3,4]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/**
 * Base class of every error ndvec throws on bad input.
 * @example
 * try { nd.zeros([2]).add(nd.zeros([3])); } catch (e) { e instanceof NdvecError; } // true
 */
export class NdvecError extends Error {
  /** @param message what went wrong, with the values involved */
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A shape is invalid or does not fit the data (negative, fractional or non-finite entries,
 * a size mismatch, ragged nested arrays, incompatible shapes for an operation).
 * @example
 * nd.zeros([2, 3]).reshape([4]); // ShapeError: cannot reshape array of size 6 into shape [4]
 */
export class ShapeError extends NdvecError {
  /** The shapes involved. */
  readonly shapes: readonly (readonly number[])[];
  /**
   * @param message what went wrong
   * @param shapes the shapes involved
   */
  constructor(message: string, shapes: readonly (readonly number[])[] = []) {
    super(message);
    this.shapes = shapes;
  }
}

/**
 * Two or more shapes cannot be broadcast together.
 * @example
 * nd.zeros([3, 4]).add(nd.zeros([2])); // BroadcastError: cannot broadcast shapes [3,4] and [2]
 */
export class BroadcastError extends ShapeError {
  /** @param shapes the shapes that do not broadcast */
  constructor(shapes: readonly (readonly number[])[]) {
    super(`cannot broadcast shapes ${shapes.map(formatShape).join(' and ')}`, shapes);
  }
}

/**
 * An axis is out of range for the array's number of dimensions, or repeated.
 * @example
 * nd.zeros([2, 3]).sum(2); // AxisError: axis 2 is out of bounds for array of dimension 2
 */
export class AxisError extends NdvecError {
  /** The offending axis. */
  readonly axis: number;
  /** The number of dimensions of the array. */
  readonly ndim: number;
  /**
   * @param axis the offending axis
   * @param ndim the array's number of dimensions
   * @param message optional message; defaults to NumPy's wording
   */
  constructor(axis: number, ndim: number, message?: string) {
    super(message ?? `axis ${axis} is out of bounds for array of dimension ${ndim}`);
    this.axis = axis;
    this.ndim = ndim;
  }
}

/**
 * An index is out of range, or the wrong number of indices was given.
 * @example
 * nd.zeros([3]).get(3); // IndexError: index 3 is out of bounds for axis 0 with size 3
 */
export class IndexError extends NdvecError {
  /** The offending index, when there is one. */
  readonly index: number | undefined;
  /** The axis it indexes, when there is one. */
  readonly axis: number | undefined;
  /**
   * @param message what went wrong
   * @param index the offending index
   * @param axis the axis it indexes
   */
  constructor(message: string, index?: number, axis?: number) {
    super(message);
    this.index = index;
    this.axis = axis;
  }
}

/**
 * An operation got an array of a dtype it does not accept (arithmetic on a bool array,
 * a float array used as a mask).
 * @example
 * nd.ones([2]).where(nd.ones([2])); // DTypeError: mask must be a bool array, got float64
 */
export class DTypeError extends NdvecError {
  /** The dtype that was given. */
  readonly dtype: string;
  /**
   * @param message what went wrong
   * @param dtype the dtype that was given
   */
  constructor(message: string, dtype: string) {
    super(message);
    this.dtype = dtype;
  }
}

/**
 * An array (or a view of an array) was used after `dispose()` freed its memory.
 * @example
 * const a = nd.ones([2]); a.dispose(); a.sum(); // DisposedError
 */
export class DisposedError extends NdvecError {
  constructor(message = 'array used after dispose(): its memory was freed') {
    super(message);
  }
}

/**
 * A write (`set`, `fill`, `setWhere`, an `out` option) targeted a read-only array: a view
 * made by `broadcastTo`, or any view of one. Its stride-0 axes alias one element many times,
 * so NumPy makes such views read-only too. Nothing is written.
 * @example
 * nd.array([1, 2]).broadcastTo([3, 2]).fill(0); // ReadOnlyError: assignment destination is read-only (a broadcast view of shape [3,2])
 */
export class ReadOnlyError extends NdvecError {
  /** The shape of the read-only array written to. */
  readonly shape: readonly number[];
  /**
   * @param shape the shape of the read-only array
   * @param what the operation that tried to write, prefixed to the message when given
   */
  constructor(shape: readonly number[], what?: string) {
    super(`${what === undefined ? '' : `${what}: `}assignment destination is read-only (a broadcast view of shape ${formatShape(shape)})`);
    this.shape = shape;
  }
}

/**
 * An argument ndvec does not understand: an extra positional argument, an unknown option
 * key, or a value of the wrong type (a string axis, `true` as a shape, a float index).
 * ndvec never ignores what it was given; NumPy raises TypeError for most of these.
 * @example
 * nd.zeros([2, 3]).sum('0'); // ArgumentError: sum: axis must be an integer, an array of integers or null, got string '0'
 * nd.zeros([2]).sum(0, { keepdim: true }); // ArgumentError: sum: unknown option 'keepdim' (options: keepdims, out)
 */
export class ArgumentError extends NdvecError {
  /** The function or method that was called. */
  readonly func: string;
  /** The parameter (or option key) at fault. */
  readonly param: string;
  /**
   * @param func the function or method called
   * @param param the parameter at fault
   * @param message what was expected and what was given
   */
  constructor(func: string, param: string, message: string) {
    super(`${func}: ${message}`);
    this.func = func;
    this.param = param;
  }
}

/**
 * Bytes that are not a well-formed file of the expected format: a `.npy` with a bad magic
 * string, a header that does not parse, data shorter or longer than the header says; a
 * `.npz` that is not a readable zip archive (bad structure, bad CRC-32, corrupt deflate
 * data). Nothing past the end of the bytes is ever read.
 * @example
 * nd.fromNpy(new Uint8Array([1, 2, 3])); // FormatError: fromNpy: not a .npy file: 3 bytes, shorter than the 10-byte preamble
 */
export class FormatError extends NdvecError {
  /** Byte offset in the input where the problem was found, when known. */
  readonly offset: number | undefined;
  /**
   * @param message what is wrong, with the values found
   * @param offset byte offset of the problem, when known
   */
  constructor(message: string, offset?: number) {
    super(message);
    this.offset = offset;
  }
}

/**
 * Internal invariant check: throws a plain `Error` naming the broken invariant. Used for
 * conditions that bad user input cannot reach.
 * @param condition must hold
 * @param message what should have held
 */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`ndvec internal invariant failed: ${message}`);
}

/**
 * A linear-algebra operation cannot be carried out on the given matrix (NumPy's
 * `LinAlgError`): a singular matrix in `solve`/`inv`, a matrix that is not positive definite
 * in `cholesky`, an iteration that did not converge.
 * @example
 * nd.linalg.inv(nd.zeros([2, 2])); // LinAlgError: inv: singular matrix
 */
export class LinAlgError extends NdvecError {
  /** The shape of the matrix (or stack of matrices) involved. */
  readonly shape: readonly number[];
  /**
   * @param message what went wrong
   * @param shape the shape of the matrix involved
   */
  constructor(message: string, shape: readonly number[] = []) {
    super(message);
    this.shape = shape;
  }
}
