/**
 * NumPy's `.npz` archives: a zip of `.npy` files, one per array, named `<key>.npy`, stored
 * (`np.savez`) or deflated (`np.savez_compressed`). Reading goes through src/io/zip.ts;
 * writing uses fflate's `zipSync` (vendored in src/io/fflate.generated.ts). Pure byte work: no `fs`.
 * @module
 */
import { fflate } from './fflate.generated.ts';
import type { NdArray } from '../ndarray.ts';
import { isNdArray } from '../array-factory.ts';
import { checkBoolean, checkOptions, describe } from '../args.ts';
import { ArgumentError, FormatError } from '../errors.ts';
import { asBytes, readNpy, toNpy, type NpyReadOptions } from './npy.ts';
import { zipMemberData, zipMembers, type ZipMember } from './zip.ts';
import { tracing } from '../fuse/index.ts';
import { rejectTraced } from '../fuse/index.ts';

/** Options of `nd.toNpz`. */
export interface NpzWriteOptions {
  /** Deflate every member, as `np.savez_compressed` does (default false: stored, as `np.savez`). */
  compress?: boolean;
}

/** Members by file name, each with fflate's options: level 0 stores, 6 deflates as zlib's default. */
type ZipFiles = Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]>;
/** fflate's zip writer (no ZIP64: the caller keeps archives under 4 GiB). */
function zipSync(files: ZipFiles): Uint8Array {
  return (fflate().zipSync as (files: ZipFiles) => Uint8Array)(files);
}

/** A fixed timestamp (1980-01-01, the earliest zip can hold), so equal arrays give equal bytes. */
const MTIME = new Date(1980, 0, 1);
const ZIP32_LIMIT = 0xffffffff;
/** True when `s` holds a lone UTF-16 surrogate (no UTF-8 form). No regex lookbehind: older Safari cannot parse one. */
function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/**
 * Reads a NumPy `.npz` archive (from `np.savez` or `np.savez_compressed`): every member
 * `<key>.npy` becomes `result[key]`, read as {@link fromNpy} reads a `.npy` file. The zip is
 * read as Python's zipfile reads it (ZIP64, data descriptors) and the keys are those of
 * NumPy's NpzFile: a member without `.npy` that holds a `.npy` file keeps its name, a repeated
 * name gives its last member, directory entries are left out.
 * @param bytes the archive's contents
 * @param options `{ lossy }`, as for `fromNpy`
 * @returns the arrays by name, in archive order
 * @throws FormatError for an archive that is not a readable zip (truncated, bad CRC-32,
 *   corrupt deflate data, a method other than stored and deflate), a member that holds no
 *   `.npy` file (np.load would hand back its bytes), or a bad member
 * @throws DTypeError for a member of a dtype ndvec does not read
 * @example
 * const { x, y } = nd.fromNpz(readFileSync('data.npz')); // np.savez('data.npz', x=x, y=y)
 */
export function fromNpz(bytes: ArrayBuffer | Uint8Array, options?: NpyReadOptions): Record<string, NdArray> {
  if (tracing.depth !== 0) rejectTraced('fromNpz', [bytes]);
  if (arguments.length > 2) throw new ArgumentError('fromNpz', 'argument 3', `takes at most 2 arguments, got ${arguments.length}`);
  const opts = checkOptions('fromNpz', options, ['lossy']);
  const lossy = checkBoolean('fromNpz', 'lossy', opts.lossy, false);
  return readNpz(asBytes(bytes, 'fromNpz'), lossy, 'fromNpz');
}

/**
 * @internal Reads a `.npz` archive held in `data`; `func` names the caller in error messages
 * (`ndvec/node`'s `load` passes 'load').
 */
export function readNpz(data: Uint8Array, lossy: boolean, func: string): Record<string, NdArray> {
  // np.load takes a file for a zip archive only when it starts like one.
  if (!(data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && ((data[2] === 3 && data[3] === 4) || (data[2] === 5 && data[3] === 6)))) {
    const found = [...data.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new FormatError(`${func}: not a zip archive: it starts with ${found || 'nothing'}, not PK\\x03\\x04 (np.load reads a file as .npz only when it starts so)`, 0);
  }
  // NumPy's NpzFile: a member 'x.npy' is key 'x', any other member keeps its name; a key
  // reads the last member of that name, and a key that is some member's exact name reads
  // that member. Directory entries ('d/', empty) are left out.
  const byName = new Map<string, ZipMember>();
  for (const m of zipMembers(data, func)) byName.set(m.name, m);
  const chosen = new Map<string, ZipMember>();
  for (const [name, m] of byName) {
    if (name.endsWith('/') && m.size === 0) continue;
    const key = name.endsWith('.npy') ? name.slice(0, -4) : name;
    if (!chosen.has(key) || byName.has(key)) chosen.set(key, byName.get(key) ?? m);
  }
  const out: Record<string, NdArray> = {};
  try {
    for (const [key, m] of chosen) {
      const where = `${func}: member '${m.name}'`;
      const npy = zipMemberData(data, m, func);
      if (!(npy.length >= 6 && npy[0] === 0x93 && npy[1] === 0x4e && npy[2] === 0x55 && npy[3] === 0x4d && npy[4] === 0x50 && npy[5] === 0x59)) {
        throw new FormatError(`${where} is not a .npy file (np.load hands back the raw bytes of such a member; ndvec reads only arrays)`, m.localOffset);
      }
      const array = readNpy(npy, lossy, where);
      // defineProperty: a key such as '__proto__' becomes an own property like any other.
      Object.defineProperty(out, key, { value: array, enumerable: true, writable: true, configurable: true });
    }
  } catch (e) {
    for (const a of Object.values(out)) a.dispose();
    throw e;
  }
  return out;
}

/**
 * Writes arrays as a NumPy `.npz` archive, each as `<key>.npy` (format 1.0, as
 * {@link toNpy} writes it). `np.load` reads it back as an `NpzFile` with the same keys.
 * @param arrays the arrays by name
 * @param options `{ compress }`: deflate the members (`np.savez_compressed`) or store them (`np.savez`, the default)
 * @returns the archive's bytes
 * @example
 * writeFileSync('data.npz', nd.toNpz({ x, y }, { compress: true })); // np.load('data.npz')['x']
 */
export function toNpz(arrays: Record<string, NdArray>, options?: NpzWriteOptions): Uint8Array {
  if (tracing.depth !== 0) rejectTraced('toNpz', [arrays, ...(typeof arrays === 'object' && arrays !== null && Object.getPrototypeOf(arrays) === Object.prototype ? Object.values(arrays) : [])]);
  if (arguments.length > 2) throw new ArgumentError('toNpz', 'argument 3', `takes at most 2 arguments, got ${arguments.length}`);
  const opts = checkOptions('toNpz', options, ['compress']);
  const compress = checkBoolean('toNpz', 'compress', opts.compress, false);
  return writeNpz(arrays, compress, 'toNpz');
}

/** @internal Writes arrays as a `.npz` archive; `func` names the caller in error messages (`save` passes 'save'). */
export function writeNpz(arrays: Record<string, NdArray>, compress: boolean, func: string): Uint8Array {
  const proto = typeof arrays === 'object' && arrays !== null ? Object.getPrototypeOf(arrays) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    // a Map, a Date or a class instance has no own keys to read: refuse it rather than write an empty archive
    throw new ArgumentError(func, 'arrays', `arrays must be an object of NdArrays by name ({ x, y }), got ${describe(arrays)}`);
  }
  if (Object.getOwnPropertySymbols(arrays).length > 0) {
    throw new ArgumentError(func, 'arrays', `arrays has symbol keys, which name no member; use string keys`);
  }
  const files: ZipFiles = {};
  let total = 0;
  const keys = Object.keys(arrays);
  // the end record counts members in 16 bits; more need ZIP64, which ndvec does not write
  if (keys.length > 65535) throw new ArgumentError(func, 'arrays', `${keys.length} arrays: a zip archive without ZIP64 holds at most 65535 members`);
  for (const key of keys) {
    const a = arrays[key];
    if (!(isNdArray(a))) throw new ArgumentError(func, key, `arrays['${key}'] must be an NdArray, got ${describe(a)}`);
    // zipfile cuts a name at NUL and decodes it as UTF-8; the zip format holds 65535 bytes of name
    if (key.includes('\0')) throw new ArgumentError(func, key, `the name ${JSON.stringify(key)} holds a NUL character, where NumPy's zipfile cuts member names`);
    if (hasLoneSurrogate(key)) throw new ArgumentError(func, key, `the name ${JSON.stringify(key)} is not well-formed UTF-16 (a lone surrogate), so it has no UTF-8 form`);
    if (new TextEncoder().encode(key).length + 4 > 65535) throw new ArgumentError(func, key.slice(0, 40), `the name '${key.slice(0, 40)}...' is longer than the 65535 bytes of UTF-8 a zip member name holds`);
    const npy = toNpy(a);
    total += npy.length + 2 * (key.length * 3 + 4 + 46);
    if (total > ZIP32_LIMIT) {
      throw new ArgumentError(func, key, `the archive would pass 4 GiB, which needs ZIP64; ndvec does not write ZIP64 archives`);
    }
    Object.defineProperty(files, `${key}.npy`, { value: [npy, { level: compress ? 6 : 0, mtime: MTIME }], enumerable: true });
  }
  return zipSync(files);
}
