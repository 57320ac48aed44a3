/**
 * Coordinate matrices from coordinate vectors, NumPy's `meshgrid`.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { checkBoolean, checkChoice, checkOptions } from '../args.ts';
import { copyInto } from './manipulate.ts';
import { Converted, rejectTraced, type SignalInput } from './signal-args.ts';

/** Options of `nd.meshgrid`. */
export interface MeshgridOptions {
  /** 'xy' (default, Cartesian: the first two outputs' axes swapped) or 'ij' (matrix). */
  indexing?: 'xy' | 'ij';
  /** Return each output with size-1 axes except its own (default false), as NumPy's `sparse`. */
  sparse?: boolean;
}

const OPTION_KEYS = ['indexing', 'sparse'] as const;

/** True when `x` is a trailing options object rather than an input: a plain object with no `data` key. */
function isOptionsObject(x: unknown): boolean {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || isNdArray(x) || ArrayBuffer.isView(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return (proto === Object.prototype || proto === null) && !Object.prototype.hasOwnProperty.call(x, 'data');
}

/**
 * Coordinate arrays from coordinate vectors, NumPy's `np.meshgrid(*xi, indexing=…,
 * sparse=…)`. Each input is flattened (any shape, as NumPy); with N inputs of lengths n1, n2,
 * …, every output has shape (n2, n1, n3, …) for `indexing: 'xy'` (the default) or (n1, n2,
 * n3, …) for 'ij', output k repeating input k along its own axis. Outputs are new arrays
 * (NumPy's default `copy=True`; `copy=False` is not offered). With `sparse: true` each
 * output keeps size 1 on the other axes (broadcastable against the rest).
 *
 * The last argument is taken as the options when it is a plain object without a `data` key
 * (`{ shape, dtype, data }` is the transferable array form, an input); its keys are checked
 * strictly, so a misspelt option is an ArgumentError rather than an input.
 * @param args the coordinate vectors (NdArrays or plain data), then optionally `{ indexing, sparse }`
 * @returns one array per input (an empty list for none)
 * @throws ArgumentError for an unknown option or indexing value
 * @example
 * const [X, Y] = nd.meshgrid([1, 2, 3], [4, 5]);
 * X.toArray(); // [[1, 2, 3], [1, 2, 3]]
 * Y.toArray(); // [[4, 4, 4], [5, 5, 5]]
 * nd.meshgrid([1, 2, 3], [4, 5], { indexing: 'ij' })[0].shape; // [3, 2]
 */
export function meshgrid(...args: (SignalInput | MeshgridOptions)[]): NdArray[] {
  rejectTraced('meshgrid', args);
  let inputs = args;
  let opts: Partial<Record<(typeof OPTION_KEYS)[number], unknown>> = {};
  if (args.length > 0 && isOptionsObject(args[args.length - 1])) {
    opts = checkOptions('meshgrid', args[args.length - 1], OPTION_KEYS);
    inputs = args.slice(0, -1);
  }
  const indexing = opts.indexing === undefined ? 'xy' : checkChoice('meshgrid', 'indexing', opts.indexing, ['xy', 'ij'] as const);
  const sparse = checkBoolean('meshgrid', 'sparse', opts.sparse, false);
  const conv = new Converted();
  const made: NdArray[] = [];
  try {
    const arrays = inputs.map((x) => conv.array(x as SignalInput));
    const n = arrays.length;
    const lengths = arrays.map((a) => a.size);
    // the axis input k varies along
    const axisOf = (k: number): number => (indexing === 'xy' && n > 1 && k < 2 ? 1 - k : k);
    const full = lengths.map((_, ax) => lengths[axisOf(ax)]!);
    for (let k = 0; k < n; k++) {
      const a = arrays[k]!;
      const ax = axisOf(k);
      // a flattened with one stride: a 1-D array as is, a contiguous one by stride 1, else a C-order copy
      let flat = a;
      let step = 1;
      if (a.ndim === 1) step = a.strides[0]!;
      else if (!a.isContiguous) flat = conv.temporary(a.flatten());
      const shape = sparse ? full.map((d, i) => (i === ax ? d : 1)) : full;
      const out = emptyArray(shape, a.dtype);
      made.push(out);
      const strides = shape.map((_, i) => (i === ax ? step : 0));
      copyInto(newArray(flat.storage, shape, strides, flat.offset, false, true), out);
    }
    return made;
  } catch (e) {
    for (const m of made) m.dispose();
    throw e;
  } finally {
    conv.release();
  }
}
