/**
 * Runtime switches shared by the dispatchers.
 * @module
 */

/** Current settings. Read by the kernels' dispatch on every call. */
export const settings = {
  /** Use WASM kernels where they exist (and the module loaded). */
  wasm: true,
};
