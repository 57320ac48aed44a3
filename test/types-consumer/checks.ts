// Copied into each consumer project by test/types-consumer.test.ts. Lines that must compile
// under strict settings, and `@ts-expect-error` lines that must not (tsc reports an unused
// `@ts-expect-error`, so each one proves that a wrong call is refused).
import { nd, NdArray, ShapeError, type Info, type Operand, type WasmReason } from 'ndvec';

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
