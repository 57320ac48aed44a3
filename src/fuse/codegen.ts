/**
 * WebAssembly generated per plan (the second design of issue 11), for the plans where it is
 * exact and simple: every op one of the IEEE-exact arithmetic rows (add, sub, mul, div, neg,
 * abs, sqrt, square, reciprocal), float64 throughout. The module is one function: a SIMD loop
 * over two elements a step that keeps every value of the plan in a register (one load an
 * input, one store of the result), then a scalar step for an odd last element. Each op rounds
 * as the eager kernel does (no fused multiply-add), so results carry the same bits.
 *
 * Compiled with `new WebAssembly.Module` on the memory the arena owns: allowed by the CSP
 * ndvec already needs (`script-src 'self' 'wasm-unsafe-eval'`); no eval, no `new Function`.
 * A module is a few hundred bytes, far under the 4 KB a browser main thread may compile
 * synchronously.
 * @module
 */
import { arenaMemory } from '../memory.ts';
import { reachable, type FusePlan } from './plan.ts';

/** SIMD opcodes (after the 0xfd prefix) and scalar opcodes of the ops the generator emits. */
const OPS: Readonly<Record<string, { simd: number; scalar: number; arity: 1 | 2 }>> = {
  add: { simd: 240, scalar: 0xa0, arity: 2 },
  sub: { simd: 241, scalar: 0xa1, arity: 2 },
  mul: { simd: 242, scalar: 0xa2, arity: 2 },
  div: { simd: 243, scalar: 0xa3, arity: 2 },
  neg: { simd: 237, scalar: 0x9a, arity: 1 },
  abs: { simd: 236, scalar: 0x99, arity: 1 },
  sqrt: { simd: 239, scalar: 0x9f, arity: 1 },
  square: { simd: 242, scalar: 0xa2, arity: 1 },
  reciprocal: { simd: 243, scalar: 0xa3, arity: 1 },
};

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

function uleb(n: number, out: number[]): void {
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
}

function sleb(n: number, out: number[]): void {
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

function f64Bytes(v: number, out: number[]): void {
  const b = new Uint8Array(Float64Array.of(v).buffer);
  for (let i = 0; i < 8; i++) out.push(b[i]!);
}

function section(id: number, body: number[], out: number[]): void {
  out.push(id);
  uleb(body.length, out);
  out.push(...body);
}

function name(s: string, out: number[]): void {
  uleb(s.length, out);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/** A generated kernel: `(ptr of each array argument…, out, n, value of each number argument…)`. */
export type GeneratedKernel = (...args: number[]) => void;

/**
 * Whether the plan's values are all inputs, constants or ops the generator emits.
 * @param plan an optimised plan
 */
export function generatable(plan: FusePlan): boolean {
  const root = plan.nodes[plan.root]!;
  if (root.kind !== 'op') return false;
  return plan.nodes.every((n) => n.dtype === 'float64' && (n.kind === 'input' || n.kind === 'const' || (n.kind === 'op' && OPS[n.op] !== undefined && OPS[n.op]!.arity === n.args.length)));
}

/**
 * The module's bytes for an element-wise plan (see {@link generatable}).
 * @param plan an optimised plan
 * @param numberArgs which arguments are numbers
 * @returns the module bytes; its export `run` takes the array arguments' byte pointers in
 *   argument order, the result's byte pointer, the element count, then the number arguments
 */
export function moduleBytes(plan: FusePlan, numberArgs: readonly boolean[]): Uint8Array<ArrayBuffer> {
  const nodes = plan.nodes;
  const live = reachable(nodes, [plan.root]);
  const arrays: number[] = [];
  const numbers: number[] = [];
  numberArgs.forEach((isNumber, i) => (isNumber ? numbers : arrays).push(i));
  // Parameters: array pointers, out, n, numbers. Locals: offset, end of pairs, end, then a
  // v128 and an f64 per node.
  const paramOfArg = new Map<number, number>();
  arrays.forEach((a, j) => paramOfArg.set(a, j));
  const outParam = arrays.length;
  const nParam = outParam + 1;
  numbers.forEach((a, j) => paramOfArg.set(a, nParam + 1 + j));
  const params = [...arrays.map(() => I32), I32, I32, ...numbers.map(() => F64)];
  const OFF = params.length;
  const PAIRS_END = OFF + 1;
  const END = OFF + 2;
  const vec = (i: number): number => OFF + 3 + i;
  const sca = (i: number): number => OFF + 3 + nodes.length + i;
  const body: number[] = [];
  uleb(3, body); // local groups
  uleb(3, body);
  body.push(I32);
  uleb(nodes.length, body);
  body.push(V128);
  uleb(nodes.length, body);
  body.push(F64);
  const get = (l: number): void => {
    body.push(0x20);
    uleb(l, body);
  };
  const set = (l: number): void => {
    body.push(0x21);
    uleb(l, body);
  };
  const simd = (op: number): void => {
    body.push(0xfd);
    uleb(op, body);
  };
  // end = n * 8; pairsEnd = (n & ~1) * 8
  get(nParam);
  body.push(0x41, 3, 0x74); // i32.const 3, i32.shl
  set(END);
  get(nParam);
  body.push(0x41);
  sleb(-2, body);
  body.push(0x71, 0x41, 3, 0x74); // i32.and, i32.const 3, i32.shl
  set(PAIRS_END);
  // Scalars: constants and number arguments, as f64 and splatted.
  nodes.forEach((n, i) => {
    if (!live[i]) return;
    if (n.kind === 'const') {
      body.push(0x44);
      f64Bytes(n.value, body);
    } else if (n.kind === 'input' && numberArgs[n.index]) get(paramOfArg.get(n.index)!);
    else return;
    body.push(0x22); // local.tee
    uleb(sca(i), body);
    simd(20); // f64x2.splat
    set(vec(i));
  });
  const emitStep = (vector: boolean): void => {
    nodes.forEach((n, i) => {
      if (!live[i] || n.kind === 'const' || (n.kind === 'input' && numberArgs[n.index])) return;
      if (n.kind === 'input') {
        get(paramOfArg.get(n.index)!);
        get(OFF);
        body.push(0x6a); // i32.add
        if (vector) {
          simd(0); // v128.load
          body.push(3, 0);
        } else body.push(0x2b, 3, 0); // f64.load
      } else if (n.kind === 'op') {
        const op = OPS[n.op]!;
        if (n.op === 'reciprocal') {
          if (vector) {
            body.push(0x44);
            f64Bytes(1, body);
            simd(20);
          } else {
            body.push(0x44);
            f64Bytes(1, body);
          }
        }
        for (const a of n.args) get(vector ? vec(a) : sca(a));
        if (n.op === 'square') get(vector ? vec(n.args[0]!) : sca(n.args[0]!));
        if (vector) simd(op.simd);
        else body.push(op.scalar);
      }
      set(vector ? vec(i) : sca(i));
    });
    get(outParam);
    get(OFF);
    body.push(0x6a);
    get(vector ? vec(plan.root) : sca(plan.root));
    if (vector) {
      simd(11); // v128.store
      body.push(3, 0);
    } else body.push(0x39, 3, 0); // f64.store
  };
  // block { loop { if (off >= pairsEnd) break; step; off += 16; continue } }
  body.push(0x02, 0x40, 0x03, 0x40);
  get(OFF);
  get(PAIRS_END);
  body.push(0x4f, 0x0d, 1); // i32.ge_u, br_if 1
  emitStep(true);
  get(OFF);
  body.push(0x41, 16, 0x6a);
  set(OFF);
  body.push(0x0c, 0, 0x0b, 0x0b); // br 0, end loop, end block
  // if (off < end) one scalar step
  get(OFF);
  get(END);
  body.push(0x49, 0x04, 0x40); // i32.lt_u, if
  emitStep(false);
  body.push(0x0b, 0x0b); // end if, end function

  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [1, 0x60];
  uleb(params.length, types);
  types.push(...params, 0);
  section(1, types, out);
  const imports: number[] = [1];
  name('env', imports);
  name('memory', imports);
  imports.push(0x02, 0x00, 0x01); // memory, limits: min 1, no max
  section(2, imports, out);
  section(3, [1, 0], out);
  const exports: number[] = [1];
  name('run', exports);
  exports.push(0x00, 0);
  section(7, exports, out);
  const code: number[] = [1];
  uleb(body.length, code);
  code.push(...body);
  section(10, code, out);
  return new Uint8Array(out);
}

/**
 * The generated kernel of a plan on the arena's memory, or null (a plan the generator does
 * not emit, no WebAssembly memory, or a compile the platform refuses).
 * @param plan an optimised plan
 * @param numberArgs which arguments are numbers
 */
export function generateKernel(plan: FusePlan, numberArgs: readonly boolean[]): GeneratedKernel | null {
  const memory = arenaMemory();
  if (memory === null || !generatable(plan)) return null;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes(plan, numberArgs)), { env: { memory } });
    return instance.exports.run as GeneratedKernel;
  } catch {
    return null;
  }
}
