/**
 * `ndvec/node`: reading and writing NumPy files on disk in Node (and Deno, Bun). A separate
 * entry point so that browser bundles of `ndvec` never see `node:fs`.
 * @example
 * import { load, save } from 'ndvec/node';
 * const a = load('x.npy');             // np.save('x.npy', x)
 * const { x, y } = load('data.npz');   // np.savez('data.npz', x=x, y=y)
 * save('out.npy', a);                  // np.load('out.npy')
 * save('out.npz', { x, y }, { compress: true });
 * @module
 */
/// <reference types="node" />
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import type { NdArray } from './ndarray.ts';
// NdArray registers its class with the array factory when its module runs: load must work in
// a program that imports only 'ndvec/node' (it threw an internal invariant error before).
import './ndarray.ts';
import { isNdArray } from './array-factory.ts';
import { checkOptions, checkBoolean, describe } from './args.ts';
import { ArgumentError, FormatError } from './errors.ts';
import { readNpyFile, toNpy, type NpyReadOptions } from './io/npy.ts';
import { readNpz, writeNpz, type NpzWriteOptions } from './io/npz.ts';
import { tracing } from './fuse/index.ts';
import { rejectTraced } from './fuse/index.ts';

/** What `load` returns for a path of unknown extension: an array, or arrays by name. */
export type Loaded = NdArray | Record<string, NdArray>;

const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** True when `bytes` start like a zip archive (a local header, or the end record of an empty one). */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1;
}

function checkPath(func: string, path: unknown): string {
  if (typeof path !== 'string' && !(path instanceof URL)) {
    throw new ArgumentError(func, 'path', `path must be a string or a file URL, got ${describe(path)}`);
  }
  return String(path);
}

/**
 * Reads a NumPy file: a `.npy` file gives an NdArray, a `.npz` archive an object of arrays
 * by name. The kind is told by the file's first bytes, as `np.load` does; a path ending in
 * `.npy` or `.npz` must hold that kind.
 * @param path the file (a string or a file URL)
 * @param options `{ lossy }`, as for `nd.fromNpy`
 * @returns the array, or the arrays by name
 * @throws FormatError when the file is neither, or not the kind its extension says
 * @example
 * const a = load('x.npy');
 * const { x } = load('data.npz');
 */
export function load(path: `${string}.npy`, options?: NpyReadOptions): NdArray;
export function load(path: `${string}.npz`, options?: NpyReadOptions): Record<string, NdArray>;
export function load(path: string | URL, options?: NpyReadOptions): Loaded;
export function load(path: string | URL, options?: NpyReadOptions): Loaded {
  if (arguments.length > 2) throw new ArgumentError('load', 'argument 3', `takes at most 2 arguments, got ${arguments.length}`);
  const name = checkPath('load', path);
  const lossy = checkBoolean('load', 'lossy', checkOptions('load', options, ['lossy']).lossy, false);
  const fd = openSync(path, 'r');
  try {
    return loadOpened(fd, name, lossy);
  } finally {
    closeSync(fd);
  }
}

/** Fills `target` from byte `position` of the file; returns the bytes read (fewer at its end). */
function readAt(fd: number, target: Uint8Array, position: number): number {
  let done = 0;
  while (done < target.length) {
    const n = readSync(fd, target, done, target.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

function loadOpened(fd: number, name: string, lossy: boolean): Loaded {
  const size = fstatSync(fd).size;
  const head = new Uint8Array(Math.min(size, 4096));
  readAt(fd, head, 0);
  const zip = isZip(head);
  const npy = !zip && NPY_MAGIC.every((b, i) => head[i] === b);
  const ext = name.toLowerCase().endsWith('.npz') ? 'npz' : name.toLowerCase().endsWith('.npy') ? 'npy' : '';
  if ((ext === 'npy' && zip) || (ext === 'npz' && npy)) {
    throw new FormatError(`load: ${name} holds a ${zip ? 'zip archive (.npz)' : '.npy file'}, not what its extension says`, 0);
  }
  if (zip || ext === 'npz') return readNpz(readFileSync(fd), lossy, 'load');
  if (npy || ext === 'npy') {
    // The data goes straight from the file into the array where it can (one copy).
    return readNpyFile(head, size, (target, position) => readAt(fd, target, position), () => readFileSync(fd), lossy, 'load');
  }
  throw new FormatError(`load: ${name} is neither a .npy file nor a .npz archive (NumPy's pickle files are not read)`, 0);
}

/**
 * Writes a NumPy file: an NdArray as `.npy` (format 1.0, `np.save`), or an object of
 * arrays by name as `.npz` (`np.savez`; `{ compress: true }` for `np.savez_compressed`).
 * The path is used as given (np.save appends `.npy` to a path without it; this does not).
 * @param path the file (a string or a file URL); a `.npz` path takes an object of arrays
 * @param data an array, or arrays by name
 * @param options `{ compress }`, for `.npz` only
 * @example
 * save('x.npy', nd.arange(3));
 * save('data.npz', { x: nd.arange(3), m: nd.arange(3).gt(1) }, { compress: true });
 */
export function save(path: string | URL, data: NdArray | Record<string, NdArray>, options?: NpzWriteOptions): void {
  if (tracing.depth !== 0) rejectTraced('save', [data, ...(typeof data === 'object' && data !== null && Object.getPrototypeOf(data) === Object.prototype ? Object.values(data) : [])]);
  if (arguments.length > 3) throw new ArgumentError('save', 'argument 4', `takes at most 3 arguments, got ${arguments.length}`);
  const name = checkPath('save', path);
  const opts = checkOptions('save', options, ['compress']);
  let bytes: Uint8Array;
  if (isNdArray(data)) {
    if (opts.compress !== undefined) {
      throw new ArgumentError('save', 'compress', `compress applies to .npz archives; ${name} gets one array as .npy`);
    }
    if (name.toLowerCase().endsWith('.npz')) {
      throw new ArgumentError('save', 'data', `a .npz path takes an object of arrays by name ({ x }), got one NdArray`);
    }
    bytes = toNpy(data);
  } else {
    if (name.toLowerCase().endsWith('.npy')) {
      throw new ArgumentError('save', 'data', `a .npy path takes one NdArray, got ${describe(data)}`);
    }
    bytes = writeNpz(data, checkBoolean('save', 'compress', opts.compress, false), 'save');
  }
  writeFileSync(path, bytes);
}
