/**
 * Tracing for `nd.fuse`: the fused function runs once per input signature on stand-ins
 * ({@link Traced}) that offer the NdArray methods a plan can hold and record each call as a
 * node. While a trace runs, the `nd.*` functions hand calls with a stand-in to
 * {@link traceNdCall}. Anything else throws a {@link FuseError} naming it.
 * @module
 */
import { DTypeError } from '../errors.ts';
import { isNdArray } from '../array-factory.ts';
import { describe } from '../args.ts';
import { OPS, opRow, type OpName, type OpRow } from '../kernels/table.ts';
import { jsLoops } from '../kernels/js.ts';
import { FuseError, NodeBuilder, type FuseDType, type FuseFinal, type FusePlan, type FuseReduceName } from './plan.ts';

/** Trace state the `nd.*` functions check (`depth > 0`: a trace is running). */
export const tracing = { depth: 0 };

/** Returned by {@link traceNdCall} when no argument is a stand-in (the call runs eagerly). */
export const NOT_TRACED: unique symbol = Symbol('ndvec.notTraced');

const REDUCTIONS: readonly FuseReduceName[] = ['sum', 'prod', 'mean', 'min', 'max', 'any', 'all', 'count', 'std', 'var'];
/** bool ∘ bool arithmetic that eager ops run as logical ops (src/ops/elementwise.ts). */
const BOOL_ARITHMETIC: Partial<Record<string, OpName>> = { add: 'or', maximum: 'or', mul: 'and', minimum: 'and' };

/** One trace: the node builder and the final step once taken. */
class Trace {
  readonly builder = new NodeBuilder();
  final: FuseFinal | null = null;
  root = -1;
}

/** Where a traced value stands: an element-wise value, a compressed one, or a finished result. */
type TracedState = 'value' | 'compressed' | 'done';

/**
 * A stand-in for an NdArray argument (or number argument) of a fused function while it is
 * traced. Offers the element-wise ops of the op table, `clip`, `where(mask)` and the
 * reductions; records them as plan nodes.
 */
export class Traced {
  /** @internal */
  constructor(
    readonly trace: Trace,
    readonly id: number,
    readonly dtype: FuseDType,
    readonly state: TracedState = 'value',
    readonly mask = -1,
    /** The stand-in of an argument given as a number (a single value, as a number bound of clip). */
    readonly numberArg = false,
  ) {}
}

function fail(op: string, message: string): never {
  throw new FuseError(op, message);
}

/** A plan operand: a stand-in of this trace or a number (a constant). */
function operand(t: Trace, x: unknown, op: string): { id: number; dtype: FuseDType; isNumber: boolean } {
  if (x instanceof Traced) {
    if (x.trace !== t) fail(op, `${op}: a value from another fused function was used`);
    if (x.state !== 'value') fail(op, `${op}: nothing may follow ${x.state === 'done' ? 'the final reduction' : 'where(mask)'} except a reduction`);
    return { id: x.id, dtype: x.dtype, isNumber: false };
  }
  if (typeof x === 'number') return { id: t.builder.add({ kind: 'const', value: x, dtype: 'float64' }), dtype: 'float64', isNumber: true };
  if (isNdArray(x)) {
    fail(op, `${op}: an NdArray captured from the enclosing scope cannot be fused; pass it as an argument of the fused function`);
  }
  return fail(op, `${op}: operands must be traced arrays or numbers, got ${describe(x)}`);
}

function asFloat(t: Trace, id: number, dtype: FuseDType): number {
  return dtype === 'float64' ? id : t.builder.add({ kind: 'op', op: 'toFloat', args: [id], dtype: 'float64' });
}

function asBoolConst(t: Trace, o: { id: number; isNumber: boolean }): number {
  const n = t.builder.nodes[o.id]!;
  return n.kind === 'const' ? t.builder.add({ kind: 'const', value: n.value !== 0 ? 1 : 0, dtype: 'bool' }) : o.id;
}

function applyBinary(t: Trace, row: OpRow, a: unknown, b: unknown): Traced {
  const name = row.name;
  const x = operand(t, a, name);
  const y = operand(t, b, name);
  const add = (op: OpName, args: number[], dtype: FuseDType): Traced => new Traced(t, t.builder.add({ kind: 'op', op, args, dtype }), dtype);
  if (row.kind === 'logical') {
    for (const o of [x, y]) if (!o.isNumber && o.dtype === 'float64') throw new DTypeError(`${name}: logical ops need bool arrays, got float64`, 'float64');
    return add(name, [asBoolConst(t, x), asBoolConst(t, y)], 'bool');
  }
  if (row.kind === 'binary' && !x.isNumber && !y.isNumber && x.dtype === 'bool' && y.dtype === 'bool') {
    if (name === 'sub') throw new DTypeError('sub: subtracting bool arrays is not supported (NumPy neither); use xor', 'bool');
    const logical = BOOL_ARITHMETIC[name];
    if (logical !== undefined) return add(logical, [x.id, y.id], 'bool');
  }
  return add(name, [asFloat(t, x.id, x.dtype), asFloat(t, y.id, y.dtype)], row.kind === 'compare' ? 'bool' : 'float64');
}

function applyUnary(t: Trace, row: OpRow, a: Traced): Traced {
  const x = operand(t, a, row.name);
  if (row.name === 'not') {
    if (x.dtype !== 'bool') throw new DTypeError('not: logical ops need bool arrays, got float64', 'float64');
    return new Traced(t, t.builder.add({ kind: 'op', op: 'not', args: [x.id], dtype: 'bool' }), 'bool');
  }
  if (row.name === 'neg' && x.dtype === 'bool') throw new DTypeError('neg: negating a bool array is not supported (NumPy neither); use not', 'bool');
  const dtype: FuseDType = row.kind === 'predicate' ? 'bool' : 'float64';
  return new Traced(t, t.builder.add({ kind: 'op', op: row.name, args: [asFloat(t, x.id, x.dtype)], dtype }), dtype);
}

function applySelect(t: Trace, c: unknown, a: unknown, b: unknown): Traced {
  const cond = operand(t, c, 'where');
  if (cond.isNumber || cond.dtype !== 'bool') fail('where', 'where: the condition of nd.where must be a bool array (a comparison) inside a fused function');
  const x = operand(t, a, 'where');
  const y = operand(t, b, 'where');
  const bool = !x.isNumber && !y.isNumber && x.dtype === 'bool' && y.dtype === 'bool';
  const dtype: FuseDType = bool ? 'bool' : 'float64';
  const args = bool ? [x.id, y.id] : [asFloat(t, x.id, x.dtype), asFloat(t, y.id, y.dtype)];
  return new Traced(t, t.builder.add({ kind: 'select', args: [cond.id, args[0]!, args[1]!], dtype }), dtype);
}

/**
 * clip as eager clip computes it. With both bounds single values (numbers, or arguments given
 * as numbers) NumPy's stride-0 loop keeps the value held on a ±0 tie (`m = x < lo ? lo : x;
 * m > hi ? hi : m`): maximum/minimum give their second operand on a tie, so that is
 * `minimum(hi, maximum(lo, x))` (and NaN from a NaN bound or value, as eager). Otherwise
 * `minimum(maximum(x, lo), hi)`, where the bound wins a tie. (A one-element array argument as
 * a bound takes the second form here; eager clip takes the first for it.)
 */
function applyClip(self: Traced, lo: unknown, hi: unknown): Traced {
  const t = self.trace;
  let v: Traced = new Traced(t, asFloat(t, operand(t, self, 'clip').id, self.dtype), 'float64');
  const given = (b: unknown): boolean => b !== null && b !== undefined;
  const single = (b: unknown): boolean => typeof b === 'number' || (b instanceof Traced && b.numberArg);
  if (given(lo) && given(hi) && single(lo) && single(hi)) {
    return applyBinary(t, opRow('minimum'), hi, applyBinary(t, opRow('maximum'), lo, v));
  }
  if (given(lo)) v = applyBinary(t, opRow('maximum'), v, lo);
  if (given(hi)) v = applyBinary(t, opRow('minimum'), v, hi);
  return v;
}

function applyCompress(self: Traced, mask: unknown, extra: number): Traced {
  const t = self.trace;
  if (extra > 1) fail('where', 'where(mask) takes one argument; use nd.where(cond, x, y) to select');
  const x = operand(t, self, 'where');
  const m = operand(t, mask, 'where');
  if (m.isNumber || m.dtype !== 'bool') fail('where', 'where(mask): the mask must be a bool array (a comparison) inside a fused function');
  return new Traced(t, x.id, x.dtype, 'compressed', m.id);
}

function applyReduce(self: Traced, name: FuseReduceName, args: unknown[]): Traced {
  const t = self.trace;
  if (self.trace.final !== null || self.state === 'done') fail(name, `${name}: a fused function ends with one reduction; nothing may follow it`);
  for (const a of args) if (a instanceof Traced || isNdArray(a)) fail(name, `${name}: an array as axis or option (out) cannot be traced; pass { out } to the fused function`);
  t.final = { kind: 'reduce', name, args, mask: self.state === 'compressed' ? self.mask : -1 };
  t.root = self.id;
  return new Traced(t, self.id, self.dtype, 'done', self.mask);
}

type Method = (this: Traced, ...args: unknown[]) => Traced;
const methods: Record<string, Method> = {};
/** Row kinds the plan can hold (a row of another kind is refused by name at trace time). */
const FUSABLE_KINDS: ReadonlySet<string> = new Set(['binary', 'compare', 'logical', 'unary', 'predicate']);
for (const row of OPS) {
  if (row.kind === 'convert') continue;
  // The evaluator runs a row by its generated JS loops (and its WASM kernels when they exist):
  // a row without them, or of a kind the plan does not know, is refused, naming it.
  if (!FUSABLE_KINDS.has(row.kind) || (jsLoops as unknown as Record<string, unknown>)[row.name] === undefined || (row.arity !== 1 && row.arity !== 2)) {
    methods[row.name] = function () {
      return fail(row.name, `${row.name} is not supported inside a fused function yet`);
    };
    continue;
  }
  methods[row.name] = row.arity === 2
    ? function (this: Traced, b: unknown) {
        if (arguments.length !== 1) fail(row.name, `${row.name}: takes one operand inside a fused function (pass { out } to the fused function)`);
        return applyBinary(this.trace, row, this, b);
      }
    : function (this: Traced) {
        if (arguments.length !== 0) fail(row.name, `${row.name}: takes no argument inside a fused function (pass { out } to the fused function)`);
        return applyUnary(this.trace, row, this);
      };
}
methods.clip = function (this: Traced, lo: unknown, hi: unknown) {
  if (arguments.length > 2) fail('clip', 'clip: takes (lo, hi) inside a fused function (pass { out } to the fused function)');
  return applyClip(this, lo, hi);
};
methods.where = function (this: Traced, mask: unknown) {
  return applyCompress(this, mask, arguments.length);
};
for (const name of REDUCTIONS) {
  methods[name] = function (this: Traced, ...args: unknown[]) {
    if (name === 'count' && args.length > 0) fail('count', 'count() takes no argument');
    return applyReduce(this, name, args);
  };
}

/** Names of the methods a stand-in offers (for messages and docs). */
export const FUSABLE_METHODS: readonly string[] = Object.keys(methods);

/** Proxy handler: supported methods, a named error for everything else. */
const handler: ProxyHandler<Traced> = {
  // Looking inside a stand-in (Object.keys, spreading, nd.array): an nd function that cannot be traced.
  ownKeys() {
    return fail('nd function', 'a traced array was passed to a function that cannot be fused (inside a fused function: the element-wise nd.* functions, nd.where and the reductions)');
  },
  get(target, key) {
    if (typeof key === 'symbol') {
      if (key === Symbol.toPrimitive) {
        return () => fail('operator', 'a traced array was used with a JS operator (+, *, <, template string …); use the methods (x.add(y), x.gt(0))');
      }
      return undefined;
    }
    if (key === 'then') return undefined; // not a thenable
    if (key === 'constructor') return Traced;
    const m = methods[key];
    if (m !== undefined) {
      if (target.state === 'done') return () => fail(key, `${key}: nothing may follow the final reduction of a fused function`);
      if (target.state === 'compressed' && !(REDUCTIONS as readonly string[]).includes(key)) {
        return () => fail(key, `${key}: after where(mask) only a reduction (${REDUCTIONS.join(', ')}) may follow inside a fused function`);
      }
      return m.bind(target);
    }
    return fail(key, `${key} is not supported inside a fused function (supported: the element-wise ops, clip, where, ${REDUCTIONS.join(', ')})`);
  },
};

/** Proxies resolve to their target through this map (a proxy forwards `instanceof`). */
const targets = new WeakMap<object, Traced>();

function unwrap(x: unknown): unknown {
  return typeof x === 'object' && x !== null ? (targets.get(x) ?? x) : x;
}

/** The stand-in user code sees: a proxy that throws a FuseError for unsupported methods. */
function wrapTracked(v: Traced): Traced {
  const p = new Proxy(v, handler);
  targets.set(p, v);
  return p;
}

// Methods take and return proxies: unwrap the receiver and arguments, wrap the result.
for (const key of Object.keys(methods)) {
  const raw = methods[key]!;
  methods[key] = function (this: Traced, ...args: unknown[]) {
    return wrapTracked(raw.apply(unwrap(this) as Traced, args.map(unwrap)));
  };
}

/** The first argument that is a stand-in, or null. */
function tracedIn(args: ArrayLike<unknown>): Traced | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const u = unwrap(a);
    if (u instanceof Traced) return u;
    if (Array.isArray(a)) {
      const inner = tracedIn(a);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/**
 * The `nd.*` function `name` (the method it forwards to) called during a trace: recorded
 * when an argument is a stand-in, {@link NOT_TRACED} otherwise.
 * @param name the NdArray method the function forwards to (or `where3` for `nd.where`)
 * @param publicName the function's name, for messages
 * @param args its arguments
 */
export function traceNdCall(name: string, publicName: string, args: ArrayLike<unknown>): unknown {
  const t = tracedIn(args);
  if (t === null) return NOT_TRACED;
  const list = Array.prototype.slice.call(args).map(unwrap);
  if (name === 'where3') {
    if (list.length !== 3) fail('where', 'nd.where takes (cond, x, y) inside a fused function (pass { out } to the fused function)');
    return wrapTracked(applySelect(t.trace, list[0], list[1], list[2]));
  }
  const m = methods[name];
  if (m === undefined) fail(publicName, `nd.${publicName} is not supported inside a fused function`);
  const first = list[0];
  if (unwrap(first) instanceof Traced) return m.apply(first as Traced, list.slice(1));
  const row = OPS.find((r) => r.name === name);
  if (typeof first === 'number' && row !== undefined && row.arity === 2 && row.kind !== 'convert') {
    if (list.length !== 2) fail(publicName, `nd.${publicName} takes two operands inside a fused function`);
    return wrapTracked(applyBinary(t.trace, row, first, list[1]));
  }
  return fail(publicName, `nd.${publicName}: the first argument must be a traced array or a number inside a fused function`);
}

/** What tracing needs to know of one argument. */
export interface ArgSignature {
  readonly dtype: FuseDType;
  readonly isNumber: boolean;
}

/**
 * Traces `fn` on stand-ins for arguments of the given signature.
 * @param fn the function to fuse
 * @param sig one entry per argument
 * @returns the plan, before optimisation
 * @throws FuseError naming an unsupported op; DTypeError as the eager ops would
 */
export function trace(fn: (...args: never[]) => unknown, sig: readonly ArgSignature[]): FusePlan {
  const t = new Trace();
  const standIns = sig.map((s, i) => wrapTracked(new Traced(t, t.builder.add({ kind: 'input', index: i, dtype: s.dtype }), s.dtype, 'value', -1, s.isNumber)));
  tracing.depth++;
  let result: unknown;
  try {
    result = (fn as (...args: unknown[]) => unknown)(...standIns);
  } finally {
    tracing.depth--;
  }
  const r = unwrap(result);
  if (!(r instanceof Traced) || r.trace !== t) {
    return fail('return', `the fused function must return a traced array (the result of ops on its arguments), got ${describe(result)}`);
  }
  let final: FuseFinal;
  if (r.state === 'done') final = t.final!;
  else if (r.state === 'compressed') final = { kind: 'compress', mask: r.mask };
  else final = { kind: 'map' };
  return { nodes: t.builder.nodes, root: r.id, final, arity: sig.length };
}

/**
 * Inside `nd.fuse` tracing, throws the fuser's FuseError when an argument is a stand-in
 * (these functions are not element-wise and cannot be fused).
 * @param name the public name
 * @param args the arguments received
 * @throws FuseError when an argument is a traced stand-in
 * @example
 * rejectTraced('convolve', arguments); // first line of nd.convolve
 */
export function rejectTraced(name: string, args: ArrayLike<unknown>): void {
  if (tracing.depth !== 0 && traceNdCall(`nd.${name}`, name, args) !== NOT_TRACED) {
    throw new Error(`unreachable: nd.${name} was traced`);
  }
}
