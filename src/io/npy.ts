/**
 * NumPy's `.npy` format (versions 1.0, 2.0 and 3.0): reading every real dtype NumPy writes
 * into float64 or bool arrays, and writing float64 (`<f8`) and bool (`|b1`) arrays as
 * version 1.0, the way `np.save` does. Pure byte work: no `fs`, so browsers can use it.
 *
 * The format (numpy/lib/format.py): the magic `\x93NUMPY`, a major and a minor version
 * byte, the header length (uint16 little-endian in 1.0, uint32 in 2.0 and 3.0), then the
 * header, a Python dict literal `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`
 * padded with spaces and a newline so the data starts at a multiple of 64 bytes (latin-1
 * in 1.0 and 2.0, UTF-8 in 3.0), then the elements, in C or Fortran order.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray } from '../array-factory.ts';
import { checkBoolean, checkOptions, describe } from '../args.ts';
import { ArgumentError, DTypeError, FormatError } from '../errors.ts';
import { contiguousStrides } from '../shape.ts';
import { forEachRow } from '../kernels/js.ts';
import type { DType } from '../memory.ts';
import { parsePyLiteral, pyRepr, type PyValue } from './py-literal.ts';
import { tracing } from '../fuse/index.ts';
import { rejectTraced } from '../fuse/index.ts';

/** Options of `nd.fromNpy` and `nd.fromNpz`. */
export interface NpyReadOptions {
  /**
   * Round int64/uint64 values beyond 2^53 to the nearest float64 instead of throwing a
   * DTypeError (default false).
   */
  lossy?: boolean;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ALIGN = 64; // numpy.lib.format.ARRAY_ALIGN
const TWO_53 = 2 ** 53;
/** np.load's default max_header_size: longer headers are refused unless pickles are allowed. */
const MAX_HEADER_CHARS = 10000;
/** NumPy's maximum number of dimensions (NPY_MAXDIMS). */
const MAX_DIMS = 64;
const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** What a descr string says: the kind, the item size, whether the bytes need swapping. */
interface ElementType {
  readonly kind: 'f' | 'i' | 'u' | 'b';
  readonly itemBytes: 1 | 2 | 4 | 8;
  readonly swap: boolean;
}

/** The parsed header. */
interface NpyHeader {
  readonly descr: string;
  readonly type: ElementType;
  readonly fortranOrder: boolean;
  readonly shape: number[];
  readonly dataOffset: number;
}

/** Names of the dtype kinds ndvec does not read, for the DTypeError message. */
const UNSUPPORTED_KINDS: Record<string, string> = {
  c: 'complex',
  F: 'complex',
  D: 'complex',
  G: 'complex',
  g: 'long double',
  O: 'object',
  M: 'datetime64',
  m: 'timedelta64',
  S: 'bytes',
  a: 'bytes',
  U: 'str',
  V: 'void',
  T: 'StringDType',
};

/** One-letter type codes (a byte order may precede them) and their kind and size, as NumPy 2 on 64-bit Linux and macOS reads them. */
const TYPE_CODES: Record<string, readonly [ElementType['kind'], 1 | 2 | 4 | 8]> = {
  '?': ['b', 1], b: ['i', 1], B: ['u', 1], h: ['i', 2], H: ['u', 2], i: ['i', 4], I: ['u', 4],
  l: ['i', 8], L: ['u', 8], q: ['i', 8], Q: ['u', 8], p: ['i', 8], P: ['u', 8], n: ['i', 8], N: ['u', 8],
  e: ['f', 2], f: ['f', 4], d: ['f', 8],
};

/** The type codes of NumPy's type numbers 0-23 (NPY_BOOL ... NPY_HALF), which np.dtype also takes as a character. */
const TYPE_NUMBERS = '?bBhHiIlLqQfdgFDGOSUVMme';

/** Type names np.dtype takes (no byte order before them). */
const TYPE_NAMES: Record<string, string> = {
  bool: '?', bool_: '?', byte: 'b', int8: 'b', ubyte: 'B', uint8: 'B', short: 'h', int16: 'h', ushort: 'H', uint16: 'H',
  intc: 'i', int32: 'i', uintc: 'I', uint32: 'I', int: 'l', int_: 'l', intp: 'l', long: 'l', longlong: 'l', int64: 'l',
  uint: 'L', uintp: 'L', ulong: 'L', ulonglong: 'L', uint64: 'L', half: 'e', float16: 'e', single: 'f', float32: 'f',
  double: 'd', float: 'd', float64: 'd',
};
const UNSUPPORTED_NAMES = new Set(['longdouble', 'float128', 'complex', 'complex64', 'complex128', 'complex256', 'csingle', 'cdouble', 'clongdouble', 'bytes', 'bytes_', 'str', 'str_', 'unicode', 'void', 'object', 'object_', 'datetime64', 'timedelta64']);

/** The element count of a subarray shape (an int or a tuple of ints), or null when it is none. */
function subarraySize(shape: PyValue): number | null {
  const dims = typeof shape === 'number' ? [shape] : typeof shape === 'object' && shape !== null && 'tuple' in shape ? shape.tuple : null;
  if (dims === null || !dims.every((d) => typeof d === 'number' && d >= 0)) return null;
  return (dims as number[]).reduce((p, d) => p * d, 1);
}

/**
 * Reads a `descr` value into an element type, as numpy.lib.format.descr_to_dtype does: a
 * dtype string (`'<f8'`, `'d'`, `'float64'`, ...), or a `(dtype, shape)` subarray tuple, whose
 * element count `arraySize` must allow (NumPy reads it only when the subarray holds one
 * element, or the array none).
 * @throws DTypeError for a dtype NumPy has but ndvec does not read; FormatError for text that is no dtype
 */
function parseDescr(descr: PyValue, arraySize: number, where: string): ElementType {
  if (typeof descr !== 'string') {
    const shown = pyRepr(descr);
    if (Array.isArray(descr)) {
      // A list of fields is a structured dtype (np.dtype([('x', '<f8')]).descr).
      throw new DTypeError(`${where}: structured dtype ${shown} is not supported: ndvec reads float, integer and bool arrays`, shown);
    }
    if (typeof descr === 'object' && descr !== null && 'tuple' in descr && descr.tuple.length === 2) {
      const base = parseDescr(descr.tuple[0]!, arraySize, where);
      const count = subarraySize(descr.tuple[1]!);
      if (count === null) throw new FormatError(`${where}: header 'descr' ${shown} is not a NumPy dtype (a subarray needs a shape)`);
      if (count !== 1 && arraySize !== 0) {
        throw new FormatError(`${where}: header 'descr' ${shown} holds ${count} elements per item, so the data cannot fill the header's shape (NumPy refuses it too)`);
      }
      return base;
    }
    throw new FormatError(`${where}: header 'descr' must be a dtype string, got ${shown}`);
  }
  const { type, count } = dtypeFromString(descr, where, 0);
  if (count !== 1 && arraySize !== 0) {
    throw new FormatError(`${where}: dtype '${descr}' holds ${count} elements per item, so the data cannot fill the header's shape (NumPy refuses it too)`);
  }
  return type;
}

/** np.dtype's comma-string form (numpy/_core/_internal.py format_re): order, repeats, order, type. */
const COMMA_FORMAT = /([<>|=]?)( *[(]?[ ,0-9]*[)]? *)([<>|=]?)([A-Za-z0-9.?]*(?:\[[a-zA-Z0-9,.]+\])?)/y;

/**
 * Reads a dtype string as np.dtype does: names (`'float64'`), one-letter codes with an
 * optional byte order (`'<d'`), a kind and a size read by C's strtol (`'<f8'`, `'f 8'`,
 * `'i04'`), and the comma-string form that strings starting with a digit, `()` or holding a
 * comma take (`'1<f8'`, `'(1,)f8'`: a subarray; `'f8,i4'`: a structured dtype).
 * @returns the element type and the elements per item (a subarray's size; 1 otherwise)
 */
function dtypeFromString(descr: string, where: string, depth: number): { type: ElementType; count: number } {
  const unsupported = (kind: string): never => {
    throw new DTypeError(`${where}: dtype '${descr}' (${kind}) is not supported: ndvec reads float, integer and bool arrays`, descr);
  };
  const invalid = (): never => {
    throw new FormatError(`${where}: header 'descr' ${JSON.stringify(descr)} is not a NumPy dtype`);
  };
  const named = TYPE_NAMES[descr];
  if (named !== undefined) return { type: elementType('=', ...TYPE_CODES[named]!), count: 1 };
  if (UNSUPPORTED_NAMES.has(descr)) unsupported(descr.replace(/_$/, ''));
  const isOrder = (c: string | undefined): boolean => c !== undefined && '<>|='.includes(c);
  const commaForm =
    /^[0-9]/.test(descr) || (isOrder(descr[0]) && /^[0-9]/.test(descr[1] ?? '')) || descr.startsWith('()') || (descr.length > 3 && isOrder(descr[0]) && descr.startsWith('()', 1)) || descr.replace(/\[[^\]]*\]/g, '').includes(',');
  if (commaForm && depth < 4) {
    let pos = 0;
    let items = 0;
    let listed = false;
    let result: { type: ElementType; count: number } | null = null;
    while (pos < descr.length) {
      COMMA_FORMAT.lastIndex = pos;
      const m = COMMA_FORMAT.exec(descr)!;
      const [, order1, repeats, order2, code] = m as unknown as [string, string, string, string, string];
      pos = COMMA_FORMAT.lastIndex;
      if (pos < descr.length) {
        if (/^\s+$/.test(descr.slice(pos))) pos = descr.length;
        else {
          const sep = /\s*,\s*/y;
          sep.lastIndex = pos;
          if (!sep.test(descr)) invalid();
          pos = sep.lastIndex;
          listed = true;
        }
      }
      items++;
      const native = HOST_LITTLE ? '<' : '>';
      const o1 = order1 === '=' ? native : order1;
      const o2 = order2 === '=' ? native : order2;
      if (o1 !== '' && o2 !== '' && o1 !== o2) invalid();
      const order = o2 === '' ? o1 : o2;
      const base = dtypeFromString((order === '|' || order === native ? '' : order) + code, where, depth + 1);
      let count = base.count;
      if (repeats !== '') {
        const shape = subarraySize(parsePyLiteral(repeats, `${where}: dtype ${JSON.stringify(descr)} repeats`));
        if (shape === null) invalid();
        count *= shape!;
      }
      result = { type: base.type, count };
    }
    if (listed || items !== 1) unsupported('structured');
    return result!;
  }
  let order = '';
  let rest = descr;
  if (isOrder(descr[0])) {
    order = descr[0]!;
    rest = descr.slice(1);
  }
  // a lone character whose code is a NumPy type number (0 bool ... 12 double, 23 half) is that type
  const code = rest.length === 1 && rest.charCodeAt(0) < TYPE_NUMBERS.length ? TYPE_NUMBERS[rest.charCodeAt(0)]! : (rest[0] ?? '');
  const kindName = UNSUPPORTED_KINDS[code];
  if (kindName !== undefined) unsupported(kindName);
  if (rest.length === 1 && TYPE_CODES[code] !== undefined) return { type: elementType(order, ...TYPE_CODES[code]!), count: 1 };
  // a kind and its size as C's strtol reads it: leading white space and a sign allowed
  const digits = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(rest.slice(1));
  if (digits !== null) {
    const size = Number(digits[1]);
    const valid =
      (code === 'f' && (size === 2 || size === 4 || size === 8)) ||
      ((code === 'i' || code === 'u') && (size === 1 || size === 2 || size === 4 || size === 8)) ||
      (code === 'b' && size === 1);
    if (valid) return { type: elementType(order, code === 'b' ? 'b' : (code as 'f' | 'i' | 'u'), size as 1 | 2 | 4 | 8), count: 1 };
    if (code === 'f' && size === 16) unsupported('long double, float128');
  }
  return invalid();
}

/** The element type of `kind` and `size` in byte order `order` ('<', '>', or '|'/'='/'' for the host's). */
function elementType(order: string, kind: ElementType['kind'], itemBytes: 1 | 2 | 4 | 8): ElementType {
  const little = order === '<' || (order !== '>' && HOST_LITTLE);
  return { kind, itemBytes, swap: itemBytes > 1 && little !== HOST_LITTLE };
}

/** Decodes the header text of a file of version `major` (latin-1, or UTF-8 for 3.0). */
function headerText(bytes: Uint8Array, major: number, where: string): string {
  if (major >= 3) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new FormatError(`${where}: the version 3.0 header is not valid UTF-8`);
    }
  }
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/**
 * Reads and checks the preamble and header of a `.npy` file.
 * @param bytes the whole file
 * @param where prefix of error messages
 * @returns the header, with the byte offset where the data starts
 * @throws FormatError for anything but a well-formed header
 */
function readHeader(bytes: Uint8Array, where: string): NpyHeader {
  if (bytes.length < 10) {
    throw new FormatError(`${where}: not a .npy file: ${bytes.length} bytes, shorter than the 10-byte preamble`, 0);
  }
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) {
      const found = [...bytes.subarray(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      throw new FormatError(`${where}: not a .npy file: the first bytes are ${found}, not the magic string \\x93NUMPY`, 0);
    }
  }
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (!(major >= 1 && major <= 3) || minor !== 0) {
    throw new FormatError(`${where}: .npy format version ${major}.${minor} is not supported (1.0, 2.0 and 3.0 are)`, 6);
  }
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) {
    throw new FormatError(`${where}: truncated .npy file: ${bytes.length} bytes, the version ${major}.0 preamble needs ${8 + lengthBytes}`, 8);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataOffset = 8 + lengthBytes + headerLength;
  if (dataOffset > bytes.length) {
    throw new FormatError(`${where}: truncated .npy file: the header says it is ${headerLength} bytes long but only ${bytes.length - 8 - lengthBytes} follow the preamble`, 8);
  }
  const text = headerText(bytes.subarray(8 + lengthBytes, dataOffset), major, where);
  const at = 8 + lengthBytes;
  // Python counts code points (an emoji is one character, two UTF-16 units here)
  const chars = text.length > MAX_HEADER_CHARS ? [...text].length : text.length;
  if (chars > MAX_HEADER_CHARS) {
    throw new FormatError(
      `${where}: the header is ${chars} characters long; np.load refuses headers over ${MAX_HEADER_CHARS} (its max_header_size) as possibly unsafe, and so does ndvec`,
      at,
    );
  }
  const dict = parsePyLiteral(text, `${where}: header`, major <= 2);
  if (typeof dict !== 'object' || dict === null || !('dict' in dict)) throw new FormatError(`${where}: the header is not a dict: ${pyRepr(dict)}`, at);
  const keys = dict.dict.map(([k]) => k);
  const sorted = keys.every((k) => typeof k === 'string') ? (keys as string[]).slice().sort() : null;
  if (sorted === null || sorted.join() !== 'descr,fortran_order,shape') {
    throw new FormatError(`${where}: the header must have exactly the keys 'descr', 'fortran_order', 'shape', got ${keys.map((k) => pyRepr(k)).join(', ') || 'none'}`, at);
  }
  const get = (key: string): PyValue => dict.dict.find(([k]) => k === key)![1];
  const shapeValue = get('shape');
  const dims = typeof shapeValue === 'object' && shapeValue !== null && 'tuple' in shapeValue ? shapeValue.tuple : null;
  if (dims === null || !dims.every((d) => typeof d === 'number' || typeof d === 'bigint')) {
    throw new FormatError(`${where}: header 'shape' must be a tuple of non-negative integers, got ${pyRepr(shapeValue)}`, at);
  }
  if (dims.length > MAX_DIMS) throw new FormatError(`${where}: header 'shape' has ${dims.length} dimensions; NumPy arrays have at most ${MAX_DIMS}`, at);
  if (dims.some((d) => d < 0)) throw new FormatError(`${where}: header 'shape' ${pyRepr(shapeValue)} has a negative dimension`, at);
  if (dims.some((d) => typeof d === 'bigint')) throw new FormatError(`${where}: header 'shape' ${pyRepr(shapeValue)} has a dimension beyond 2^53`, at);
  const shape = dims as number[];
  const fortranOrder = get('fortran_order');
  if (typeof fortranOrder !== 'boolean') {
    throw new FormatError(`${where}: header 'fortran_order' must be True or False, got ${pyRepr(fortranOrder)}`, at);
  }
  let size = 1;
  for (const d of shape) size *= d;
  const type = parseDescr(get('descr'), size, where);
  let bytesOfNonzero = type.itemBytes;
  for (const d of shape) if (d !== 0) bytesOfNonzero *= d;
  if (bytesOfNonzero > TWO_53) throw new FormatError(`${where}: header 'shape' ${pyRepr(shapeValue)} describes an array of more than 2^53 bytes`, at);
  return { descr: pyRepr(get('descr')).replace(/^'|'$/g, ''), type, fortranOrder, shape, dataOffset };
}

/** Returns `src` as an `itemBytes`-aligned view (copying only when it is not aligned). */
function aligned(src: Uint8Array, itemBytes: number): Uint8Array {
  // a copy even when `src` is a Node Buffer, whose slice() is a view at the same offset
  return src.byteOffset % itemBytes === 0 ? src : new Uint8Array(src);
}

/**
 * Writes `src` into `dst` (same length, `dst` aligned) with the bytes of every
 * `itemBytes`-wide element reversed, a 16- or 32-bit word at a time.
 */
function swapInto(src: Uint8Array, dst: Uint8Array, itemBytes: 2 | 4 | 8): void {
  const s = aligned(src, itemBytes === 2 ? 2 : 4);
  if (itemBytes === 2) {
    const a = new Uint16Array(s.buffer, s.byteOffset, s.length / 2);
    const b = new Uint16Array(dst.buffer, dst.byteOffset, s.length / 2);
    for (let i = 0; i < a.length; i++) b[i] = ((a[i]! & 0xff) << 8) | (a[i]! >>> 8);
    return;
  }
  const a = new Int32Array(s.buffer, s.byteOffset, s.length / 4);
  const b = new Int32Array(dst.buffer, dst.byteOffset, s.length / 4);
  const bswap = (x: number): number => (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
  if (itemBytes === 4) {
    for (let i = 0; i < a.length; i++) b[i] = bswap(a[i]!);
  } else {
    for (let i = 0; i < a.length; i += 2) {
      const lo = a[i]!;
      b[i] = bswap(a[i + 1]!);
      b[i + 1] = bswap(lo);
    }
  }
}

/** `src` in host byte order and aligned for a typed view of `itemBytes`-wide elements. */
function hostOrder(src: Uint8Array, type: ElementType): Uint8Array {
  if (!type.swap) return aligned(src, type.itemBytes);
  const out = new Uint8Array(src.length);
  swapInto(src, out, type.itemBytes as 2 | 4 | 8);
  return out;
}

/** IEEE half precision bits to a number (subnormals, ±Inf and NaN included). */
function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1024 + frac) * 2 ** (exp - 25);
}

/**
 * Converts 64-bit integers (as 32-bit halves) to float64, throwing for values beyond 2^53
 * unless `lossy`.
 */
function int64ToFloat(words: Uint8Array, signed: boolean, dst: Float64Array, at: number, n: number, lossy: boolean, descr: string, where: string): void {
  const w = new Uint32Array(words.buffer, words.byteOffset, 2 * n);
  const l = HOST_LITTLE ? 0 : 1;
  const h = 1 - l;
  for (let i = 0; i < n; i++) {
    const low = w[2 * i + l]!;
    const high = signed ? w[2 * i + h]! | 0 : w[2 * i + h]!;
    // |v| <= 2^53 exactly when -2^21 <= high < 2^21, or v = 2^53 (high = 2^21, low = 0).
    if ((high >= 0x200000 || high < -0x200000) && !lossy && !(high === 0x200000 && low === 0)) {
      const value = (BigInt(high) << 32n) + BigInt(low);
      throw new DTypeError(
        `${where}: ${signed ? 'int64' : 'uint64'} value ${value} (element ${i} in file order) is beyond 2^53 and has no exact float64; pass { lossy: true } to round such values`,
        descr,
      );
    }
    dst[at + i] = high * 4294967296 + low;
  }
}

/**
 * Decodes `n` elements of `type` from `src` (in file order) into `dst` from index `at`.
 * Integers and floats become float64; bools become 0/1 bytes.
 */
function decodeInto(src: Uint8Array, type: ElementType, n: number, dst: Float64Array | Uint8Array, at: number, lossy: boolean, descr: string, where: string): void {
  if (type.kind === 'b') {
    const out = dst as Uint8Array;
    for (let i = 0; i < n; i++) out[at + i] = src[i] === 0 ? 0 : 1;
    return;
  }
  const out = dst as Float64Array;
  if (type.kind === 'f' && type.itemBytes === 8) {
    // One copy (or one swapping pass), whatever the alignment of the source.
    const target = new Uint8Array(out.buffer, out.byteOffset + at * 8, n * 8);
    if (type.swap) swapInto(src.subarray(0, n * 8), target, 8);
    else target.set(src.subarray(0, n * 8));
    return;
  }
  const bytes = hostOrder(src.subarray(0, n * type.itemBytes), type);
  const { buffer, byteOffset } = bytes;
  if (type.kind === 'f' && type.itemBytes === 2) {
    const half = new Uint16Array(buffer, byteOffset, n);
    let words: Uint32Array | null = null;
    for (let i = 0; i < n; i++) {
      const h = half[i]!;
      if ((h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0) {
        // NaN: NumPy's npy_half_to_double keeps the sign and the payload bits (frac << 42),
        // signalling or not; write those bits (a JS NaN value would be the canonical one).
        words ??= new Uint32Array(out.buffer, out.byteOffset, out.length * 2);
        const w = 2 * (at + i);
        words[w + (HOST_LITTLE ? 0 : 1)] = 0;
        words[w + (HOST_LITTLE ? 1 : 0)] = ((h & 0x8000) << 16) | 0x7ff00000 | ((h & 0x3ff) << 10);
      } else out[at + i] = halfToNumber(h);
    }
  } else if (type.itemBytes === 8) {
    int64ToFloat(bytes, type.kind === 'i', out, at, n, lossy, descr, where);
  } else {
    const typed =
      type.kind === 'f' ? new Float32Array(buffer, byteOffset, n)
      : type.kind === 'i' ? (type.itemBytes === 1 ? new Int8Array(buffer, byteOffset, n) : type.itemBytes === 2 ? new Int16Array(buffer, byteOffset, n) : new Int32Array(buffer, byteOffset, n))
      : type.itemBytes === 1 ? new Uint8Array(buffer, byteOffset, n) : type.itemBytes === 2 ? new Uint16Array(buffer, byteOffset, n) : new Uint32Array(buffer, byteOffset, n);
    out.set(typed, at);
  }
}

/**
 * Copies the elements of `shape` laid out by `srcStrides` from `srcStart` in `src` into
 * `dst` in C order from `dstStart`.
 */
function gatherC(src: Float64Array | Uint8Array, srcStart: number, srcStrides: readonly number[], shape: readonly number[], dst: Float64Array | Uint8Array, dstStart: number): void {
  forEachRow(shape, [srcStrides, contiguousStrides(shape)], [srcStart, dstStart], (ps, ss, pd, sd, _p2, _s2, _p3, _s3, n) => {
    for (let i = 0; i < n; i++) dst[pd + i * sd] = src[ps + i * ss]!;
  });
}

/** @internal The bytes of an ArrayBuffer or Uint8Array argument (ArgumentError otherwise). */
export function asBytes(bytes: unknown, func: string): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) {
    // a detached buffer (transferred to a worker) has no bytes left to read
    if ((bytes as { detached?: boolean }).detached === true) throw new FormatError(`${func}: the ArrayBuffer is detached (transferred), so it holds no bytes`, 0);
    try {
      return new Uint8Array(bytes);
    } catch {
      throw new FormatError(`${func}: the ArrayBuffer is detached (transferred), so it holds no bytes`, 0);
    }
  }
  throw new ArgumentError(func, 'bytes', `bytes must be an ArrayBuffer or a Uint8Array, got ${describe(bytes)}`);
}

/**
 * @internal Reads a `.npy` file held in `bytes`; `where` prefixes error messages (the
 * `.npz` reader passes the member's name).
 */
export function readNpy(bytes: Uint8Array, lossy: boolean, where: string): NdArray {
  const { descr, type, fortranOrder, shape, dataOffset } = readHeader(bytes, where);
  let size = 1;
  for (const d of shape) size *= d;
  const available = bytes.length - dataOffset;
  const needed = size * type.itemBytes;
  // Bytes after the data are ignored, as np.load ignores them (a file np.save wrote twice
  // to holds two arrays; np.load of its path gives the first).
  if (needed > available) {
    throw new FormatError(
      `${where}: truncated .npy file: shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''}) of '${descr}' needs ${needed} bytes of data, found ${available}`,
      dataOffset,
    );
  }
  const dtype: DType = type.kind === 'b' ? 'bool' : 'float64';
  const src = bytes.subarray(dataOffset, dataOffset + needed);
  if (!fortranOrder || shape.length < 2) {
    const array = newArray(shape, dtype);
    try {
      decodeInto(src, type, size, dataView(array), array.start, lossy, descr, where);
    } catch (e) {
      array.dispose();
      throw e;
    }
    return array;
  }
  // Fortran order: decode in file order (straight from the file for aligned native <f8),
  // then lay out in C order.
  let flat: Float64Array | Uint8Array;
  if (type.kind === 'f' && type.itemBytes === 8 && !type.swap && src.byteOffset % 8 === 0) {
    flat = new Float64Array(src.buffer, src.byteOffset, size);
  } else {
    flat = dtype === 'bool' ? new Uint8Array(size) : new Float64Array(size);
    decodeInto(src, type, size, flat, 0, lossy, descr, where);
  }
  const array = newArray(shape, dtype);
  fortranToC(flat, shape, dataView(array), array.start);
  return array;
}

/** Lays out Fortran-order elements of `shape` in C order into `dst` from `at`. */
function fortranToC(src: Float64Array | Uint8Array, shape: readonly number[], dst: Float64Array | Uint8Array, at: number): void {
  if (shape.length !== 2) {
    gatherC(src, 0, contiguousStrides([...shape].reverse()).reverse(), shape, dst, at);
    return;
  }
  // A matrix: transpose in 32 x 32 tiles, so reads and writes both stay in cache.
  const [rows, cols] = shape as [number, number];
  const TILE = 32;
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = Math.min(i0 + TILE, rows);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = Math.min(j0 + TILE, cols);
      for (let i = i0; i < i1; i++) {
        let q = at + i * cols + j0;
        for (let p = j0 * rows + i, j = j0; j < j1; j++, p += rows) dst[q++] = src[p]!;
      }
    }
  }
}

/**
 * @internal Reads a `.npy` file without holding all of it in memory first (what
 * `ndvec/node`'s `load` does): for native float64 and bool data in C order, the data is
 * read straight into the new array's memory, one copy from the file; anything else (and
 * every error case) reads the whole file and goes through {@link readNpy}.
 * @param head the file's first bytes (up to 4096, fewer when the file is shorter)
 * @param fileSize the file's length in bytes
 * @param readAt fills `target` from byte `position` of the file; returns how many bytes it read
 * @param readAll the whole file
 * @param lossy as for fromNpy
 * @param where prefix of error messages
 * @returns the array
 */
export function readNpyFile(
  head: Uint8Array,
  fileSize: number,
  readAt: (target: Uint8Array, position: number) => number,
  readAll: () => Uint8Array,
  lossy: boolean,
  where: string,
): NdArray {
  const whole = (): NdArray => readNpy(readAll(), lossy, where);
  if (head.length < 12 || !MAGIC.every((b, i) => head[i] === b) || !(head[6]! >= 1 && head[6]! <= 3) || head[7] !== 0) return whole();
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const dataOffset = head[6] === 1 ? 10 + view.getUint16(8, true) : 12 + view.getUint32(8, true);
  if (dataOffset > head.length) return whole();
  const { type, fortranOrder, shape } = readHeader(head.subarray(0, dataOffset), where);
  const direct = (type.kind === 'f' && type.itemBytes === 8 && !type.swap) || type.kind === 'b';
  let size = 1;
  for (const d of shape) size *= d;
  const needed = size * type.itemBytes;
  if (!direct || (fortranOrder && shape.length >= 2) || fileSize - dataOffset < needed) return whole();
  const array = newArray(shape, type.kind === 'b' ? 'bool' : 'float64');
  try {
    const data = dataView(array);
    const target = new Uint8Array(data.buffer, data.byteOffset + array.start * type.itemBytes, needed);
    const got = readAt(target, dataOffset);
    if (got !== needed) throw new FormatError(`${where}: truncated .npy file: read ${got} of ${needed} bytes of data (did the file change?)`, dataOffset);
    if (type.kind === 'b') for (let i = 0; i < needed; i++) if (target[i]! > 1) target[i] = 1;
  } catch (e) {
    array.dispose();
    throw e;
  }
  return array;
}

// ---- the two places that touch NdArray's storage ----------------------------------------

/** A new C-contiguous array to fill; no allocation may happen between this and the fill. */
function newArray(shape: readonly number[], dtype: DType): NdArray {
  return emptyArray(shape, dtype);
}

/** The typed view holding `a`'s elements (element [0,…,0] at `a.start`). */
function dataView(a: NdArray): Float64Array | Uint8Array {
  return a.dtype === 'bool' ? a.u8() : a.f64();
}

// ---- public ----------------------------------------------------------------------------

/**
 * Reads a NumPy `.npy` file (format 1.0, 2.0 or 3.0) from its bytes. Floats (`f2`, `f4`,
 * `f8`) and integers (1 to 8 bytes, signed or not) of either byte order become float64;
 * bools stay bool. Fortran-order files are read into C order. Int64/uint64 values beyond
 * 2^53 throw a DTypeError naming the value unless `{ lossy: true }`. What `np.load` reads
 * ndvec reads, and what it refuses ndvec refuses: the header is read as `ast.literal_eval`
 * reads it, and bytes after the data are ignored (np.load ignores them too: a file np.save
 * wrote twice gives its first array).
 * @param bytes the file's contents
 * @param options `{ lossy }`
 * @returns a new C-contiguous array
 * @throws DTypeError for complex, object, structured, datetime and string dtypes
 * @throws FormatError for bytes that are not a well-formed `.npy` file (truncated, corrupt, a header np.load refuses)
 * @example
 * const a = nd.fromNpy(readFileSync('x.npy')); // what np.save('x.npy', x) wrote
 */
export function fromNpy(bytes: ArrayBuffer | Uint8Array, options?: NpyReadOptions): NdArray {
  if (tracing.depth !== 0) rejectTraced('fromNpy', [bytes]);
  if (arguments.length > 2) throw new ArgumentError('fromNpy', 'argument 3', `takes at most 2 arguments, got ${arguments.length}`);
  const opts = checkOptions('fromNpy', options, ['lossy']);
  return readNpy(asBytes(bytes, 'fromNpy'), checkBoolean('fromNpy', 'lossy', opts.lossy, false), 'fromNpy');
}

/** The preamble and header np.save writes for a C-order array of `descr` and `shape`. */
function headerBytes(descr: string, shape: readonly number[]): Uint8Array {
  const shapeText = `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // numpy.lib.format._wrap_header: spaces and a newline up to the next multiple of 64 (a
  // whole 64 when already aligned); version 1.0 unless that does not fit a uint16.
  const padded = (lead: number): number => dict.length + 1 + ALIGN - ((lead + dict.length + 1) % ALIGN);
  const version = padded(10) <= 65535 ? 1 : 2;
  const lead = version === 1 ? 10 : 12;
  const headerLength = padded(lead);
  const preamble = new Uint8Array(lead + headerLength).fill(0x20);
  preamble.set(MAGIC);
  preamble[6] = version;
  preamble[7] = 0;
  const view = new DataView(preamble.buffer);
  if (version === 1) view.setUint16(8, headerLength, true);
  else view.setUint32(8, headerLength, true);
  for (let i = 0; i < dict.length; i++) preamble[lead + i] = dict.charCodeAt(i);
  preamble[preamble.length - 1] = 0x0a;
  return preamble;
}

/**
 * Writes an array as a NumPy `.npy` file, format version 1.0, as `np.save` does: float64
 * as `<f8`, bool as `|b1`, in C order (views of any layout included).
 * @param a the array
 * @returns the file's bytes
 * @example
 * writeFileSync('x.npy', nd.arange(3).toNpy()); // np.load('x.npy') -> array([0., 1., 2.])
 */
export function toNpy(a: NdArray): Uint8Array {
  if (tracing.depth !== 0) rejectTraced('toNpy', [a]);
  if (!(isNdArray(a))) throw new ArgumentError('toNpy', 'a', `expected an NdArray, got ${describe(a)}`);
  a.assertLive();
  const isBool = a.dtype === 'bool';
  const itemBytes = isBool ? 1 : 8;
  const preamble = headerBytes(isBool ? '|b1' : '<f8', a.shape);
  const out = new Uint8Array(preamble.length + a.size * itemBytes);
  out.set(preamble);
  const src = dataView(a);
  if (a.isContiguous && (isBool || HOST_LITTLE)) {
    out.set(new Uint8Array(src.buffer, src.byteOffset + a.start * itemBytes, a.size * itemBytes), preamble.length);
  } else if (isBool || HOST_LITTLE) {
    // preamble.length is a multiple of 64, so the data is aligned for a Float64Array.
    const dst = isBool ? out.subarray(preamble.length) : new Float64Array(out.buffer, preamble.length, a.size);
    gatherC(src, a.start, a.strides, a.shape, dst, 0);
  } else {
    const c = new Float64Array(a.size);
    gatherC(src, a.start, a.strides, a.shape, c, 0);
    const view = new DataView(out.buffer, preamble.length);
    for (let i = 0; i < c.length; i++) view.setFloat64(i * 8, c[i]!, true);
  }
  return out;
}
