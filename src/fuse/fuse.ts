/**
 * `nd.fuse(fn)`: traces `fn` once per input signature into a plan, optimises it, caches it,
 * and runs it in one blocked pass (src/fuse/evaluator.ts).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { isNdArray } from '../array-factory.ts';
import { ArgumentError } from '../errors.ts';
import { checkOptions, describe } from '../args.ts';
import { compile, fuseStats, hasGeneratedKernel, materialise, runMap, runSmallFilter, runSmallMap, runStreamingReduce, type Program } from './evaluator.ts';
import { optimise } from './optimiser.ts';
import { explainPlan } from './explain.ts';
import { trace, type ArgSignature } from './tracer.ts';
import type { FuseDType } from './plan.ts';

export { FuseError } from './plan.ts';
export { fuseStats } from './evaluator.ts';

/** Options of a fused call (the last argument, after the inputs). */
export interface FuseCallOptions {
  /** Array to write an element-wise result into (the broadcast shape and the result's dtype). */
  readonly out?: NdArray;
}

/**
 * A fused function: call it with NdArrays or numbers (and optionally `{ out }` last); it
 * returns what `fn` returned when traced (an NdArray, a number or a boolean).
 */
export interface FusedFunction<R = NdArray | number | boolean> {
  (...args: (NdArray | number | FuseCallOptions)[]): R;
  /**
   * The optimised plan of the last signature called (or, before any call, for float64
   * arrays), and whether it ran as a generated WebAssembly loop.
   */
  explain(): string;
  /** Number of plans cached (one per input signature). */
  readonly cacheSize: number;
}

/** A cached plan and which of its arguments are numbers. */
interface CacheEntry {
  readonly prog: Program;
  readonly numberArgs: boolean[];
}

/**
 * One argument's signature as a number (-1: a number; else dtype, rank and which axes have
 * size 1, for ranks up to 24; NaN above, which never matches, so the key string decides).
 */
function argCode(a: unknown): number {
  if (typeof a === 'number') return -1;
  const x = a as NdArray;
  const s = x.shape;
  if (s.length > 24) return NaN;
  let ones = 0;
  for (let d = 0; d < s.length; d++) if (s[d] === 1) ones |= 1 << d;
  return (x.dtype === 'bool' ? 1 : 0) + 2 * s.length + 64 * ones;
}

/** Cache key of the arguments: dtype and rank of each, which axes have size 1, or `n` for a number. */
function signatureKey(args: ArrayLike<unknown>, n: number): string {
  let key = '';
  for (let i = 0; i < n; i++) {
    const a = args[i];
    if (typeof a === 'number') key += 'n|';
    else {
      const x = a as NdArray;
      key += x.dtype === 'bool' ? 'b' : 'f';
      const s = x.shape;
      for (let d = 0; d < s.length; d++) key += s[d] === 1 ? '1' : '.';
      key += '|';
    }
  }
  return key;
}

/**
 * Fuses an expression over arrays into one pass without temporaries. `fn` receives
 * stand-ins for its arguments offering the element-wise ops (`add`, `mul`, `exp`, `gt`,
 * `and`, …), `clip`, `where(mask)` and, as the last step, one reduction (`sum prod mean min
 * max any all count std var`, over all axes or an axis); `nd.where(c, x, y)` and `nd.add(…)`
 * work too. Numbers captured from the scope are constants. Anything else throws a
 * `FuseError` naming it when the function is first traced. Element-wise results equal the
 * eager ops bit for bit; sums follow the eager pairwise tree.
 * @param fn the expression, over NdArrays (or numbers)
 * @returns the fused function; `f.explain()` prints its optimised plan
 * @throws ArgumentError when `fn` is not a function
 * @example
 * const poly = nd.fuse((x) => x.pow(2).add(x.mul(2)).add(1));
 * poly(nd.array([1, 2])).toArray(); // [4, 9]
 * nd.fuse((x) => x.where(x.gt(0)).sum())(nd.array([-1, 2, 3])); // 5
 */
export function fuse<R>(fn: (...args: NdArray[]) => R): FusedFunction<R> {
  if (typeof fn !== 'function') throw new ArgumentError('fuse', 'fn', `fn must be a function, got ${describe(fn)}`);
  if (arguments.length > 1) throw new ArgumentError('fuse', 'arguments', `takes 1 argument (fn), got ${arguments.length}`);
  // Declared parameters (0 for rest or default parameters: then any number of arguments).
  const arity = fn.length;
  const cache = new Map<string, CacheEntry>();
  let last: CacheEntry | null = null;
  const lastCodes: number[] = [];
  const build = (args: ArrayLike<unknown>, count: number, key: string): CacheEntry => {
    const sig: ArgSignature[] = [];
    const numberArgs: boolean[] = [];
    for (let i = 0; i < count; i++) {
      const a = args[i];
      const isNumber = typeof a === 'number';
      sig.push({ dtype: isNumber ? 'float64' : ((a as NdArray).dtype as FuseDType), isNumber });
      numberArgs.push(isNumber);
    }
    fuseStats.traces++;
    const plan = optimise(trace(fn, sig));
    const entry = { prog: compile(plan, numberArgs), numberArgs };
    cache.set(key, entry);
    return entry;
  };
  const fused = function (this: unknown): unknown {
    let n = arguments.length;
    let out: NdArray | undefined;
    const lastArg: unknown = n > 0 ? arguments[n - 1] : undefined;
    if (n > 0 && typeof lastArg === 'object' && lastArg !== null && !isNdArray(lastArg)) {
      const o = checkOptions('fuse', lastArg, ['out']);
      if (o.out !== undefined && !isNdArray(o.out)) throw new ArgumentError('fuse', 'out', `out must be an NdArray, got ${describe(o.out)}`);
      out = o.out as NdArray | undefined;
      n--;
    }
    if (arity > 0 && n !== arity) {
      throw new ArgumentError('fuse', 'arguments', `the fused function takes ${arity} argument(s) (and optionally { out }), got ${n}`);
    }
    for (let i = 0; i < n; i++) {
      const a: unknown = arguments[i];
      if (isNdArray(a)) a.assertLive();
      else if (typeof a !== 'number') throw new ArgumentError('fuse', `argument ${i}`, `arguments must be NdArrays or numbers, got ${describe(a)}`);
    }
    // The last signature, compared as numbers first: a repeated call builds no key string.
    let same = last !== null && lastCodes.length === n;
    for (let i = 0; i < n && same; i++) same = argCode(arguments[i]) === lastCodes[i];
    let entry: CacheEntry | undefined;
    if (same) {
      entry = last!;
      fuseStats.hits++;
    } else {
      const key = signatureKey(arguments, n);
      entry = cache.get(key);
      if (entry === undefined) entry = build(arguments, n, key);
      else fuseStats.hits++;
      last = entry;
      lastCodes.length = n;
      for (let i = 0; i < n; i++) lastCodes[i] = argCode(arguments[i]);
    }
    const inputs: (NdArray | number)[] = new Array(n);
    for (let i = 0; i < n; i++) inputs[i] = arguments[i] as NdArray | number;
    const prog = entry.prog;
    const final = prog.plan.final;
    if (final.kind === 'map') return runSmallMap(prog, inputs, out) ?? runMap(prog, inputs, out);
    if (final.kind === 'compress') {
      if (out !== undefined) throw new ArgumentError('fuse', 'out', 'out is not supported when the result is where(mask) (its length depends on the mask)');
      return runSmallFilter(prog, inputs) ?? materialise(prog, inputs, final.mask);
    }
    if (out === undefined) {
      const streamed = runStreamingReduce(prog, inputs);
      if (streamed !== null) return streamed;
    }
    const value = materialise(prog, inputs, final.mask);
    try {
      const args = [...final.args];
      if (out !== undefined) {
        while (args.length < 2) args.push(undefined);
        const given = args[1];
        args[1] = typeof given === 'object' && given !== null ? { ...given, out } : typeof given === 'number' ? { ddof: given, out } : { out };
      }
      return (value as unknown as Record<string, (...a: unknown[]) => NdArray | number | boolean>)[final.name]!(...args);
    } finally {
      value.dispose();
    }
  } as unknown as FusedFunction<R>;
  Object.defineProperty(fused, 'cacheSize', { get: () => cache.size });
  fused.explain = function explain(): string {
    if (last === null) {
      const sig = Array.from({ length: arity }, () => ({ dtype: 'float64' as FuseDType, isNumber: false }));
      return explainPlan(optimise(trace(fn, sig)), sig.map(() => false));
    }
    const text = explainPlan(last.prog.plan, last.numberArgs);
    return hasGeneratedKernel(last.prog) ? `${text}\n  runs as one generated WebAssembly loop (every value in a register)` : text;
  };
  return fused;
}
