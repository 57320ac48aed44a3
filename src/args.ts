/**
 * Argument checking at the public edge: one validator per kind of argument (count, options
 * object, axis, integer, number, boolean, dtype, shape), used by every public function and
 * method. Nothing a caller passes is ignored: an extra positional argument, an unknown option
 * key or a value of the wrong type throws an {@link ArgumentError} (or the fitting named
 * error) that names the function, the parameter and what was given.
 *
 * This module sits at the bottom of the layers: it imports only the error classes and
 * recognises arrays by a brand, not by importing the NdArray class.
 * @module
 */
import { ArgumentError, DTypeError, ShapeError, formatShape } from './errors.ts';

/** Set on `NdArray.prototype`; lets lower layers recognise an array without importing it. */
export const NDARRAY_BRAND: unique symbol = Symbol('ndvec.NdArray');

/** The element types ndvec has. */
export const DTYPES = ['float64', 'bool'] as const;

/** True for an ndvec array (any view), recognised by its brand. */
export function isNdArrayLike(v: unknown): v is { readonly shape: readonly number[]; readonly dtype: string } {
  return typeof v === 'object' && v !== null && (v as { [NDARRAY_BRAND]?: unknown })[NDARRAY_BRAND] === true;
}

/**
 * Describes a value for an error message: its kind and, when short, the value itself:
 * `string '0'`, `boolean true`, `number 1.5`, `null`, `NdArray float64 [2,3]`, `object {…}`.
 * @param v any value
 * @returns the description
 */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  switch (typeof v) {
    case 'string':
      return `string '${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
    case 'number':
    case 'boolean':
      return `${typeof v} ${String(v)}`;
    case 'bigint':
      return `bigint ${v}n`;
    case 'symbol':
      return `symbol ${String(v.description ?? '')}`;
    case 'function':
      return `function ${(v as { name?: string }).name || '(anonymous)'}`;
  }
  if (isNdArrayLike(v)) {
    let shape = '?';
    try {
      shape = formatShape(v.shape);
    } catch {
      // a revoked proxy or worse: keep the message
    }
    return `NdArray ${String(v.dtype)} ${shape}`;
  }
  if (Array.isArray(v)) return `array of length ${v.length}`;
  if (ArrayBuffer.isView(v)) return `${Object.prototype.toString.call(v).slice(8, -1)} of length ${(v as { length?: number }).length ?? (v as DataView).byteLength}`;
  return `object ${Object.prototype.toString.call(v) === '[object Object]' ? '{…}' : Object.prototype.toString.call(v)}`;
}

/**
 * Throws when more than `max` (or fewer than `min`) arguments were passed. Pass the callee's
 * `arguments` (or the rest array) so that trailing `undefined`s a caller wrote count too.
 * @param func the public name, for the message
 * @param args the arguments received
 * @param max how many the function takes at most
 * @param min how many it needs at least (default 0)
 */
export function checkArity(func: string, args: ArrayLike<unknown>, max: number, min = 0): void {
  const n = args.length;
  if (n > max) {
    throw new ArgumentError(
      func,
      `argument ${max + 1}`,
      `takes at most ${max} argument${max === 1 ? '' : 's'}, got ${n} (argument ${max + 1} is ${describe(args[max])})`,
    );
  }
  if (n < min) {
    throw new ArgumentError(func, `argument ${n + 1}`, `takes at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
  }
}

/** True for an object literal (or `Object.create(null)`), the only thing an options argument may be. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks an options argument: `undefined`, or a plain object whose own keys are all in
 * `keys` (like Zod's strict objects). Values are checked by the caller's validators.
 * @param func the public name
 * @param options what was passed
 * @param keys the option names the function understands
 * @returns the options object, or an empty one
 */
export function checkOptions<K extends string>(
  func: string,
  options: unknown,
  keys: readonly K[],
): Partial<Record<K, unknown>> {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    throw new ArgumentError(
      func,
      'options',
      `options must be an object${keys.length > 0 ? ` with keys ${keys.join(', ')}` : ''}, got ${describe(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!(keys as readonly string[]).includes(key)) {
      throw new ArgumentError(
        func,
        key,
        `unknown option '${key}' (${keys.length > 0 ? `options: ${keys.join(', ')}` : 'it takes no options'})`,
      );
    }
  }
  for (const sym of Object.getOwnPropertySymbols(options)) {
    throw new ArgumentError(func, String(sym), `unknown option ${String(sym)}`);
  }
  return options as Partial<Record<K, unknown>>;
}

/**
 * An axis argument of a reduction: an integer, an array of integers, or `null`/`undefined`
 * for all axes. Range is checked later against the array (AxisError).
 * @returns the axis, unchanged, or `null` for all axes
 */
export function checkAxisArg(func: string, axis: unknown, param = 'axis'): number | readonly number[] | null {
  if (axis === undefined || axis === null) return null;
  if (typeof axis === 'number') {
    if (!Number.isInteger(axis)) {
      throw new ArgumentError(func, param, `${param} must be an integer, an array of integers or null, got ${describe(axis)}`);
    }
    return axis;
  }
  if (Array.isArray(axis)) {
    for (const a of axis) {
      if (typeof a !== 'number' || !Number.isInteger(a)) {
        throw new ArgumentError(func, param, `${param} must be an integer or an array of integers, got an array holding ${describe(a)}`);
      }
    }
    return axis as readonly number[];
  }
  throw new ArgumentError(func, param, `${param} must be an integer, an array of integers or null, got ${describe(axis)}`);
}

/**
 * One axis: an integer (or `null`/`undefined` when `allowNone`).
 * @returns the axis, or `null` when none was given and that is allowed
 */
export function checkSingleAxis(func: string, axis: unknown, allowNone: boolean, param = 'axis'): number | null {
  if ((axis === undefined || axis === null) && allowNone) return null;
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new ArgumentError(func, param, `${param} must be an integer${allowNone ? ' or null' : ''}, got ${describe(axis)}`);
  }
  return axis;
}

/** Range limits of {@link checkInteger}. */
export interface IntegerRange {
  min?: number;
  max?: number;
}

/**
 * An integer parameter (a safe integer, within `range` when given).
 * @returns the integer
 */
export function checkInteger(func: string, param: string, v: unknown, range: IntegerRange = {}): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    throw new ArgumentError(func, param, `${param} must be an integer, got ${describe(v)}`);
  }
  if ((range.min !== undefined && v < range.min) || (range.max !== undefined && v > range.max)) {
    const lo = range.min === undefined ? '' : `≥ ${range.min}`;
    const hi = range.max === undefined ? '' : `≤ ${range.max}`;
    throw new ArgumentError(func, param, `${param} must be ${[lo, hi].filter(Boolean).join(' and ')}, got ${v}`);
  }
  return v === 0 ? 0 : v; // -0 becomes 0
}

/**
 * A number parameter (any float, NaN and ±Infinity included unless `finite`).
 * @returns the number
 */
export function checkNumber(func: string, param: string, v: unknown, finite = false): number {
  if (typeof v !== 'number' || (finite && !Number.isFinite(v))) {
    throw new ArgumentError(func, param, `${param} must be a${finite ? ' finite' : ''} number, got ${describe(v)}`);
  }
  return v;
}

/**
 * A boolean parameter; `undefined` gives `fallback`.
 * @returns the boolean
 */
export function checkBoolean(func: string, param: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new ArgumentError(func, param, `${param} must be true or false, got ${describe(v)}`);
  return v;
}

/**
 * One of a fixed set of strings.
 * @returns the choice
 */
export function checkChoice<T extends string>(func: string, param: string, v: unknown, choices: readonly T[]): T {
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
    throw new ArgumentError(func, param, `${param} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${describe(v)}`);
  }
  return v as T;
}

/**
 * A dtype argument: `'float64'` or `'bool'` (`undefined` gives `fallback`). Any other dtype,
 * NumPy's included (`'int32'`, `'float32'`), throws DTypeError naming the dtypes that exist.
 * @returns the dtype
 */
export function checkDType(func: string, v: unknown, fallback: (typeof DTYPES)[number] = 'float64'): (typeof DTYPES)[number] {
  if (v === undefined) return fallback;
  if (v === 'float64' || v === 'bool') return v;
  throw new DTypeError(
    `${func}: dtype must be 'float64' or 'bool' (the dtypes ndvec has), got ${describe(v)}`,
    typeof v === 'string' ? v : describe(v),
  );
}

/** Most dimensions an array may have (NumPy's limit too). */
export const MAX_DIMS = 64;

/**
 * A shape argument: a non-negative integer (1-D) or an array of at most {@link MAX_DIMS}
 * of them. `null`, strings, booleans, fractional or negative sizes, holes, and arrays of
 * more than 64 entries throw ShapeError naming the function; a huge or sparse array is
 * refused by its length before anything is copied.
 * @returns the shape as a fresh array (-0 becomes 0)
 */
export function checkShape(func: string, shape: unknown, param = 'shape'): number[] {
  if (typeof shape !== 'number' && !Array.isArray(shape)) {
    throw new ShapeError(`${func}: ${param} must be a non-negative integer or an array of them, got ${describe(shape)}`);
  }
  const n = typeof shape === 'number' ? 1 : (shape as unknown[]).length;
  if (n > MAX_DIMS) {
    throw new ShapeError(`${func}: ${param} has ${n} entries; arrays have at most ${MAX_DIMS} dimensions`);
  }
  const dims: unknown[] = typeof shape === 'number' ? [shape] : Array.from({ length: n }, (_, i) => (shape as unknown[])[i]);
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new ShapeError(
        `${func}: invalid ${param} [${dims.map((x) => (typeof x === 'number' ? String(x) : describe(x))).join(',')}]: entries must be non-negative integers, got ${describe(d)}`,
      );
    }
    if (d === 0) dims[i] = 0;
  }
  return dims as number[];
}
