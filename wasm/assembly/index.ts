/**
 * The ndvec WebAssembly module: every kernel family, re-exported. Built by
 * scripts/build-wasm.mjs with `--runtime stub --importMemory`: the JS side owns the memory
 * and its allocator, and kernels never allocate. Static data must end below the arena's
 * first block (byte 65536, RESERVED_BYTES in src/memory.ts); the loader checks heapBase().
 */
export * from './arith';
export * from './compare';
export * from './mask';
export * from './reduce';
export * from './unary';
export * from './matmul';
export * from './transcendental';
export * from './random';
export * from './copy';
export * from './gather';
export * from './pow';
export * from './convolve';
export * from './copysign';
export * from './interp';
export * from './histogram';
export * from './fuse';
export * from './decomp';
export * from './linalg';
export * from './sort';
export * from './sort-values';
export * from './select';

/** First byte after the module's static data (where a runtime heap would start). */
export function heapBase(): usize {
  return __heap_base;
}
