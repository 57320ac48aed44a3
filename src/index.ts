/**
 * ndvec: NumPy-style n-dimensional arrays for JavaScript, with WebAssembly SIMD kernels.
 * @example
 * import { nd } from 'ndvec';
 * const a = nd.array([-1, 2, -3, 4]);
 * a.where(a.gt(0)).toArray(); // [2, 4]
 * @module
 */
export { nd } from './nd.ts';
export {
  NdArray,
  type Operand,
  type OutOptions,
  type ReduceOptions,
  type VarOptions,
  type AxisArg,
  type KeepdimsOptions,
  type ScalarOptions,
  type ArrayResultOptions,
  type ScalarVarOptions,
  type ArrayResultVarOptions,
  type NestedArray,
} from './ndarray.ts';
export type { ArrayInput, DTypeArg, EyeOptions, RandomOptions, RandnOptions } from './create.ts';
export type { SliceSpec } from './ops/manipulate.ts';
export type { ShapeLike } from './shape.ts';
export type { DType } from './memory.ts';
export type { ConfigOptions, Info } from './runtime.ts';
export type { Profile, ProfileRow, ProfileOptions, ProfileJSON, ProfileHint, ProfileHintKind, ProfileSortKey, ProfilePath, LeakGroup } from './profile/profile.ts';
export type { WasmReason } from './kernels/wasm.ts';
export type { CloseOptions } from './ops/closeness.ts';
export type { AverageOptions, QuantileArg, QuantileMethod, QuantileOptions } from './ops/statistics.ts';
export type { KthArg } from './ops/select.ts';
export type { SearchSortedOptions } from './ops/search.ts';
export type { SignalInput } from './ops/signal-args.ts';
export type { ConvolveMode, InterpOptions, TrapezoidOptions } from './ops/signal.ts';
export type { MeshgridOptions } from './ops/meshgrid.ts';
export type { PadMode, PadOptions, PadWidths } from './ops/pad.ts';
export type { PolyfitOptions } from './ops/poly.ts';
export type { CholeskyOptions } from './linalg/cholesky.ts';
export type { NormOptions, NormOrder } from './linalg/norm.ts';
export type { CrossOptions } from './linalg/matrix.ts';
export type { MatrixInput } from './linalg/decomp-support.ts';
export type { QrMode } from './linalg/qr.ts';
export type { SvdOptions } from './linalg/svd.ts';
export type { Uplo } from './linalg/eigh.ts';
export type { LstsqOptions, PinvOptions, MatrixRankOptions } from './linalg/lstsq.ts';
export type { ScijsNdarray, NdarrayLike, NdarrayFactory, TransferableArray } from './interop.ts';
export {
  NdvecError,
  ShapeError,
  BroadcastError,
  AxisError,
  IndexError,
  DTypeError,
  DisposedError,
  ReadOnlyError,
  ArgumentError,
  FormatError,
  LinAlgError,
} from './errors.ts';
export { FuseError } from './fuse/index.ts';
export { AllNaNSliceError } from './ops/nanstats.ts';
export type { BinsArg, BinEstimator, HistogramOptions, HistogramBinEdgesOptions, HistogramResult, BincountOptions, DigitizeOptions } from './ops/histogram.ts';
export type { FusedFunction, FuseCallOptions } from './fuse/index.ts';
export { Generator } from './random/generator.ts';
export type { Seed, SizeArg, IntegersOptions, ChoiceOptions } from './random/generator.ts';
export type { NpyReadOptions } from './io/npy.ts';
export type { NpzWriteOptions } from './io/npz.ts';
export type {
  Input,
  BinaryFunction,
  UnaryFunction,
  ReduceFunction,
  VarFunction,
  BoolReduceFunction,
  ArgReduceFunction,
  StatFunction,
  QuantileFunction,
  AverageFunction,
  SearchSortedFunction,
  RoundFunction,
  ReshapeFunction,
  TransposeFunction,
  CloseFunction,
} from './nd.ts';
export type { KeepdimsResultOptions, OutResultOptions, DdofOption } from './ndarray.ts';
export type { IndexArg, IndexMode, TakeOptions, ValuesArg } from './ops/indexing.ts';
