// Copied into each consumer project by test/types-consumer.test.ts. Lines that must compile
// under strict settings, and `@ts-expect-error` lines that must not (tsc reports an unused
// `@ts-expect-error`, so each one proves that a wrong call is refused).
import { nd, NdArray, ShapeError, type Info, type NestedArray, type Operand, type WasmReason } from 'ndvec';

export function checks(): string {
  const a: NdArray = nd.array([-2, 3, -1, 5]);
  const positive: NdArray = a.where(a.gt(0));
  const info: Info = nd.info();
  const wasm: boolean = info.wasm;
  const reason: WasmReason | null = info.wasmReason;
  const loaded: Promise<boolean> = nd.ready();
  const operand: Operand = 2;
  const scaled = nd.scope(() => a.mul(operand).add(1));
  const isShapeError = (e: unknown): boolean => e instanceof ShapeError;
  void loaded;
  void isShapeError;
  // `using` frees at the end of the block (needs TypeScript ≥ 5.2; Node 20 runs it only
  // after transpiling): the type is Disposable even without lib esnext.disposable.
  const disposable: { [Symbol.dispose](): void } = scaled;
  disposable[Symbol.dispose]();
  return JSON.stringify({ positive: positive.toArray(), wasm, reason });
}

/** Calls the types must refuse (never run: they would throw). */
export function refused(a: NdArray): void {
  // @ts-expect-error a string is no operand
  a.add('1');
  // @ts-expect-error the shape is an array of numbers
  nd.zeros(['2']);
  // @ts-expect-error nd.info() takes no argument
  nd.info(true);
}

/** Results typed without casts (issue 9): full reductions are numbers, an axis gives an array. */
export function typedResults(m: NdArray): string {
  const total: number = m.sum();
  const columns: NdArray = m.sum(0);
  const kept: NdArray = m.mean(null, { keepdims: true });
  const spread: number = m.std(null, 1);
  const anyTrue: boolean = m.gt(0).any();
  const where: number = m.argmax();
  const middle: number = m.median();
  const first: number = m.getNumber(0, 0);
  const flag: boolean = m.gt(0).getBool(0, 0);
  const nested: NestedArray = m.toArray();
  const viaNd: number = nd.sum(m);
  return JSON.stringify({ total, columns: columns.toArray(), kept: kept.toArray(), spread, anyTrue, where, middle, first, flag, nested, viaNd });
}

/** Result types the declarations must refuse. */
export function refusedResults(m: NdArray): void {
  // @ts-expect-error a full reduction is a number, not an array
  const notArray: NdArray = m.sum();
  // @ts-expect-error an axis gives an array, not a number
  const notNumber: number = m.sum(0);
  // @ts-expect-error any() is a boolean
  const notNumberAny: number = m.any();
  // @ts-expect-error keepdim is no option (keepdims is)
  m.sum(0, { keepdim: true });
  // @ts-expect-error getBool gives a boolean
  const notNumberBool: number = m.getBool(0, 0);
  void [notArray, notNumber, notNumberAny, notNumberBool];
}
