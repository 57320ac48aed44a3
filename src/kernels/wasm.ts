/** Loading the WASM module and dispatching to it. (Filled in by the WASM work.) */
export const wasmStatus = { loaded: false, simd: false };
