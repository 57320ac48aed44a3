/**
 * `nd.fuse` and the trace hook the `nd.*` functions call while a fused function is traced.
 * @module
 */
export { fuse, FuseError, fuseStats, type FusedFunction, type FuseCallOptions } from './fuse.ts';
export { NOT_TRACED, rejectTraced, traceNdCall, tracing } from './tracer.ts';
