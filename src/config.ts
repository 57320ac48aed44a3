/**
 * Runtime switches shared by the dispatchers.
 * @module
 */

/** Current settings. Read by the kernels' dispatch on every call. */
export const settings = {
  /** Use WASM kernels where they exist (and the module loaded). */
  wasm: true,
};

/**
 * @internal Leak tracking (`nd.config({ trackLeaks })`): whether it is on, and the switch that
 * src/profile installs when it loads (runtime sits below it and cannot import it).
 */
export const leakTracking: { on: boolean; set: ((on: boolean) => void) | null } = { on: false, set: null };
