/**
 * Runs an optimised fused plan (numexpr's design): the broadcast result is walked in blocks
 * of {@link FUSE_BLOCK} elements held in arena scratch blocks (one per plan value, so they
 * stay in cache), one kernel call per op per block: the WASM kernel the eager op would run
 * (so transcendental results carry the same bits), else the same generated JS loop. Sums
 * follow NumPy's pairwise tree exactly: the tree over the result is descended to nodes of at
 * most one block, each block summed pairwise, so a fused sum has the eager sum's bits. A mask
 * that only feeds a reduction is never stored: each block's selected values are compressed
 * into a small buffer cut along the pairwise tree of the selected count.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray } from '../array-factory.ts';
import { ArgumentError } from '../errors.ts';
import { checkOut, kernelTable, ptrOf } from '../dispatch.ts';
import { arenaF64, arenaU8, scratchBlock } from '../memory.ts';
import { broadcastShapes, broadcastStrides, sameShape } from '../shape.ts';
import { jsLoops, maskLoops, type BinaryLoops, type Data, type UnaryLoops } from '../kernels/js.ts';
import { opRow } from '../kernels/table.ts';
import { pairwiseHalf, pairwiseSum, REDUCERS } from '../kernels/js-reduce.ts';
import { reachable, type FuseDType, type FuseNode, type FusePlan } from './plan.ts';
import { generateKernel, type GeneratedKernel } from './codegen.ts';

/** Elements per block: 4096 float64 (32 KiB) a value, as numexpr. */
export const FUSE_BLOCK = 4096;
/** First scratch slot the evaluator uses (slots below are the eager staging slots). */
const SLOT_BASE = 8;

/** Counters for tests: plans traced (cache misses), calls answered from the cache, blocks run, generated-kernel calls. */
export const fuseStats = { traces: 0, hits: 0, blocks: 0, generated: 0 };

type Kernels = NonNullable<ReturnType<typeof kernelTable>>;

/** A plan prepared for evaluation: which nodes are scalars, scratch slots, kernels. */
export interface Program {
  readonly plan: FusePlan;
  /** Per node: true when it is one number (a constant or a number argument). */
  readonly scalar: readonly boolean[];
  /** Per node: scratch slot of its block, or -1 for scalars. */
  readonly slot: readonly number[];
  /** Slots in use (registers + 3 temporaries). */
  readonly slots: number;
  /** Array inputs whose shapes broadcast into the result (argument indices). */
  readonly arrayInputs: readonly number[];
  /** Per node: whether a block of it is computed (inputs an optimisation made unused are not). */
  readonly used: readonly boolean[];
  /** Whether an op reads a scalar as a block (select, unary or both-scalar binary: temporaries). */
  readonly needsTemp: boolean;
  /** Per node: whether the final mask reads it (what a counting pass computes). */
  readonly maskCone: readonly boolean[];
  /** Per argument: its input node, or -1. */
  readonly inputNode: readonly number[];
  /** Which arguments are numbers. */
  readonly numberArgs: readonly boolean[];
  /** Whether any argument is a number. */
  readonly hasNumberArgs: boolean;
  /** Per node: the value of a constant (0 for the others). */
  readonly scalarValue: readonly number[];
}

/**
 * Prepares a plan for evaluation.
 * @param plan the optimised plan
 * @param numberArgs which arguments are numbers
 */
export function compile(plan: FusePlan, numberArgs: readonly boolean[]): Program {
  const scalar: boolean[] = [];
  const slot: number[] = [];
  let next = 0;
  const arrayInputs: number[] = [];
  for (const n of plan.nodes) {
    const s = n.kind === 'const' || (n.kind === 'input' && numberArgs[n.index] === true);
    scalar.push(s);
    slot.push(s ? -1 : SLOT_BASE + next++);
    if (n.kind === 'input' && !s) arrayInputs.push(n.index);
  }
  const finalMask = plan.final.kind === 'map' ? -1 : plan.final.mask;
  const used = reachable(plan.nodes, [plan.root, finalMask]);
  const needsTemp = plan.nodes.some((n) =>
    n.kind === 'select' ? n.args.some((a) => scalar[a]) : n.kind === 'op' && (n.args.length === 1 ? scalar[n.args[0]!] : n.args.every((a) => scalar[a])));
  const maskCone = reachable(plan.nodes, [finalMask]);
  const inputNode = numberArgs.map(() => -1);
  plan.nodes.forEach((n, i) => {
    if (n.kind === 'input') inputNode[n.index] = i;
  });
  const scalarValue = plan.nodes.map((n) => (n.kind === 'const' ? n.value : 0));
  return { plan, scalar, slot, slots: next + 3, arrayInputs, used, needsTemp, maskCone, inputNode, scalarValue, numberArgs, hasNumberArgs: numberArgs.includes(true) };
}

/** Per-call state: arena views, pointers of each value for the current block. */
interface Frame {
  F: Float64Array;
  U: Uint8Array;
  /** Byte pointer of each node's block (vector nodes). */
  ptr: number[];
  /** Value of each scalar node. */
  value: number[];
  /** Scratch pointers of each node's own block. */
  own: number[];
  temp: number[];
  k: Kernels | null;
  inputs: (NdArray | number)[];
  shape: readonly number[];
  /** Broadcast strides of each array input over `shape`. */
  strides: (readonly number[] | null)[];
  /** Input read in place (arena, contiguous, full shape). */
  direct: boolean[];
}

function elemBytes(d: FuseDType): number {
  return d === 'bool' ? 1 : 8;
}

/**
 * Walks elements [off, off+len) (C order over `shape`) of a strided view as inner-axis runs:
 * `run(p, st, count, done)` for each, with its first index, stride, length and how many
 * elements came before it.
 */
function forEachRun(
  start: number, strides: readonly number[], shape: readonly number[], off: number, len: number,
  run: (p: number, st: number, count: number, done: number) => void,
): void {
  const nd = shape.length;
  if (nd === 0) {
    run(start, 0, 1, 0);
    return;
  }
  const idx = new Array<number>(nd);
  let rem = off;
  let p = start;
  for (let d = nd - 1; d >= 0; d--) {
    const s = shape[d]!;
    idx[d] = rem % s;
    rem = (rem - idx[d]!) / s;
    p += idx[d]! * strides[d]!;
  }
  const inner = shape[nd - 1]!;
  const st = strides[nd - 1]!;
  let done = 0;
  while (done < len) {
    const count = Math.min(inner - idx[nd - 1]!, len - done);
    run(p, st, count, done);
    done += count;
    p += count * st;
    idx[nd - 1]! += count;
    for (let d = nd - 1; d > 0 && idx[d]! === shape[d]!; d--) {
      p -= shape[d]! * strides[d]!;
      idx[d] = 0;
      idx[d - 1]! += 1;
      p += strides[d - 1]!;
    }
  }
}

/** Copies elements [off, off+len) (C order over `shape`) of a strided view into dst[di…]. */
function gather(src: Data, start: number, strides: readonly number[], shape: readonly number[], off: number, len: number, dst: Data, di: number): void {
  forEachRun(start, strides, shape, off, len, (p, st, count, done) => {
    if (st === 1) dst.set(src.subarray(p, p + count), di + done);
    else for (let i = 0, q = p; i < count; i++, q += st) dst[di + done + i] = src[q]!;
  });
}

/** Writes src[si…si+len) into elements [off, off+len) (C order) of a strided view. */
function scatter(src: Data, si: number, dst: Data, start: number, strides: readonly number[], shape: readonly number[], off: number, len: number): void {
  forEachRun(start, strides, shape, off, len, (p, st, count, done) => {
    for (let i = 0, q = p; i < count; i++, q += st) dst[q] = src[si + done + i]!;
  });
}

/** Fills `len` elements of a block with one value. */
function fill(f: Frame, ptr: number, dtype: FuseDType, v: number, len: number): void {
  if (dtype === 'bool') f.U.fill(v !== 0 ? 1 : 0, ptr, ptr + len);
  else f.F.fill(v, ptr >> 3, (ptr >> 3) + len);
}

/** Pointer of operand node `i` as a block (filling a temporary for a scalar). */
function vectorOf(f: Frame, prog: Program, i: number, len: number, temp: number): number {
  if (!prog.scalar[i]) return f.ptr[i]!;
  const p = f.temp[temp]!;
  fill(f, p, prog.plan.nodes[i]!.dtype, f.value[i]!, len);
  return p;
}


type BinaryKernel = (a: number, b: number, o: number, n: number) => void;
type UnaryKernel = (a: number, o: number, n: number) => void;

/** How one op node runs: its WASM kernels (null: the JS loops) and JS loops, resolved once. */
interface NodeExec {
  readonly logical: boolean;
  readonly vv: BinaryKernel | null;
  readonly vs: BinaryKernel | null;
  readonly sv: BinaryKernel | null;
  readonly un: UnaryKernel | null;
  readonly bin: BinaryLoops<Data, Data> | null;
  readonly unLoops: UnaryLoops<Data, Data> | null;
  readonly inBool: boolean;
}

/** The node executors of a program for the kernel table `k` (cached until `k` changes). */
function execFor(prog: Program, k: Kernels | null): readonly (NodeExec | null)[] {
  const cache = prog as { exec?: (NodeExec | null)[]; execK?: Kernels | null };
  if (cache.exec !== undefined && cache.execK === k) return cache.exec;
  const get = <F>(name: string | undefined): F | null => (k === null || name === undefined ? null : ((k[name] as F | undefined) ?? null));
  cache.exec = prog.plan.nodes.map((node) => {
    if (node.kind !== 'op') return null;
    const row = opRow(node.op);
    const logical = row.kind === 'logical';
    if (node.args.length === 2) {
      const w = logical ? undefined : row.wasm;
      return {
        logical, inBool: logical, un: null, unLoops: null,
        vv: get<BinaryKernel>(w && `${w}_vv`), vs: get<BinaryKernel>(w && `${w}_vs`), sv: get<BinaryKernel>(w && `${w}_sv`),
        bin: (jsLoops as unknown as Record<string, BinaryLoops<Data, Data>>)[node.op]!,
      };
    }
    const copyBool = node.op === 'copy' && node.dtype === 'bool';
    const w = node.op === 'toFloat' ? 'to_float' : copyBool ? 'copy_u8' : row.wasm;
    return {
      logical, inBool: node.op === 'not' || node.op === 'toFloat' || copyBool, vv: null, vs: null, sv: null, bin: null,
      un: get<UnaryKernel>(w),
      unLoops: (jsLoops as unknown as Record<string, UnaryLoops<Data, Data>>)[copyBool ? 'copyBool' : node.op]!,
    };
  });
  cache.execK = k;
  return cache.exec;
}

/** Runs node `i` (an op or select) over `len` elements into its block. */
function runNode(f: Frame, prog: Program, exec: readonly (NodeExec | null)[], i: number, len: number): void {
  const node = prog.plan.nodes[i]! as Extract<FuseNode, { kind: 'op' | 'select' }>;
  const out = f.ptr[i]!;
  const outF = node.dtype === 'float64';
  if (node.kind === 'select') {
    const c = vectorOf(f, prog, node.args[0], len, 0);
    const x = vectorOf(f, prog, node.args[1], len, 1);
    const y = vectorOf(f, prog, node.args[2], len, 2);
    if (outF) maskLoops.f64.selectContig(f.U, c, f.F, x >> 3, f.F, y >> 3, f.F, out >> 3, len);
    else maskLoops.u8.selectContig(f.U, c, f.U, x, f.U, y, f.U, out, len);
    return;
  }
  const e = exec[i]!;
  const oi = outF ? out >> 3 : out;
  const O = outF ? f.F : f.U;
  const args = node.args;
  if (args.length === 2) {
    const a = args[0]!;
    const b = args[1]!;
    const inF = !e.logical;
    const X = inF ? f.F : f.U;
    const sa = prog.scalar[a]!;
    const sb = prog.scalar[b]!;
    const loops = e.bin!;
    if (sa && sb) {
      const pa = vectorOf(f, prog, a, len, 0);
      loops.scalarRight(X, inF ? pa >> 3 : pa, f.value[b]!, O, oi, len);
      return;
    }
    const kernel = sb ? e.vs : sa ? e.sv : e.vv;
    if (kernel !== null) {
      if (sb) kernel(f.ptr[a]!, f.value[b]!, out, len);
      else if (sa) kernel(f.value[a]!, f.ptr[b]!, out, len);
      else kernel(f.ptr[a]!, f.ptr[b]!, out, len);
      return;
    }
    const sh = inF ? 3 : 0;
    const bv = (v: number): number => (e.logical ? (v !== 0 ? 1 : 0) : v);
    if (sb) loops.scalarRight(X, f.ptr[a]! >> sh, bv(f.value[b]!), O, oi, len);
    else if (sa) loops.scalarLeft(bv(f.value[a]!), X, f.ptr[b]! >> sh, O, oi, len);
    else loops.contig(X, f.ptr[a]! >> sh, X, f.ptr[b]! >> sh, O, oi, len);
    return;
  }
  const pa = vectorOf(f, prog, args[0]!, len, 0);
  if (e.un !== null) {
    e.un(pa, out, len);
    return;
  }
  e.unLoops!.contig(e.inBool ? f.U : f.F, e.inBool ? pa : pa >> 3, O, oi, len);
}

/**
 * Sets the block pointers of the inputs for elements [off, off+len) and runs the ops `need`
 * marks (default: every used one). The root is written at `rootPtr` and node `maskNode` at
 * `maskPtr` when those are ≥ 0.
 */
function runBlock(f: Frame, prog: Program, off: number, len: number, rootPtr: number, need: readonly boolean[] = prog.used, maskNode = -1, maskPtr = -1): void {
  const nodes = prog.plan.nodes;
  const exec = execFor(prog, f.k);
  const root = prog.plan.root;
  fuseStats.blocks++;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (prog.scalar[i] || !need[i]) continue;
    if (i === root && rootPtr >= 0) f.ptr[i] = rootPtr;
    else if (i === maskNode && maskPtr >= 0 && n.kind !== 'input') f.ptr[i] = maskPtr;
    else f.ptr[i] = f.own[i]!;
    if (n.kind === 'input') {
      const a = f.inputs[n.index] as NdArray;
      const eb = elemBytes(n.dtype);
      if (f.direct[n.index]) {
        f.ptr[i] = ptrOf(a) + off * eb;
        if (i === root && rootPtr >= 0) {
          if (eb === 8) f.F.copyWithin(rootPtr >> 3, f.ptr[i]! >> 3, (f.ptr[i]! >> 3) + len);
          else f.U.copyWithin(rootPtr, f.ptr[i]!, f.ptr[i]! + len);
          f.ptr[i] = rootPtr;
        }
      } else {
        const dst = eb === 8 ? f.F : f.U;
        gather(eb === 8 ? a.f64() : a.u8(), a.start, f.strides[n.index]!, f.shape, off, len, dst, eb === 8 ? f.ptr[i]! >> 3 : f.ptr[i]!);
      }
    } else runNode(f, prog, exec, i, len);
  }
}

/**
 * Sets up a call: the broadcast shape, scratch blocks, arena views (call after the last
 * allocation of the call: reserving scratch may grow the memory).
 */
function frameFor(prog: Program, inputs: (NdArray | number)[], shape: readonly number[]): Frame | null {
  const nodes = prog.plan.nodes;
  const count = nodes.length;
  const f: Frame = (prog as { frame?: Frame }).frame ?? ((prog as { frame?: Frame }).frame = {
    F: arenaF64(), U: arenaU8(), ptr: new Array<number>(count).fill(-1), value: new Array<number>(count).fill(0),
    own: new Array<number>(count).fill(-1), temp: [0, 0, 0], k: null, inputs, shape, strides: [], direct: [],
  });
  const bytes = (FUSE_BLOCK + 1) * 8;
  if (f.strides.length !== inputs.length) {
    f.strides.length = inputs.length;
    f.direct.length = inputs.length;
  }
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i]!;
    f.strides[i] = null;
    f.direct[i] = false;
    if (typeof x === 'number' || !prog.arrayInputs.includes(i)) continue;
    const full = x.shape === shape || sameShape(x.shape, shape);
    if (full && x.isContiguous && x.storage.inArena) f.direct[i] = true;
    else f.strides[i] = broadcastStrides(x.shape, x.strides, shape);
  }
  for (let i = 0; i < count; i++) {
    const s = prog.slot[i]!;
    const n = nodes[i]!;
    if (s >= 0 && (!prog.used[i] || (n.kind === 'input' && f.direct[n.index]))) continue; // read in place: no block
    if (s >= 0) {
      const p = scratchBlock(s, bytes);
      if (p < 0) return null;
      f.own[i] = p;
      f.ptr[i] = p;
    } else {
      const n = nodes[i]!;
      f.value[i] = n.kind === 'const' ? n.value : (inputs[(n as { index: number }).index] as number);
    }
  }
  const base = SLOT_BASE + prog.slots - 3;
  for (let t = 0; t < (prog.needsTemp ? 3 : 0); t++) {
    const p = scratchBlock(base + t, bytes);
    if (p < 0) return null;
    f.temp[t] = p;
  }
  f.F = arenaF64();
  f.U = arenaU8();
  f.k = kernelTable();
  f.inputs = inputs;
  f.shape = shape;
  return f;
}

/** Broadcast shape of the plan's array inputs. */
export function resultShape(prog: Program, inputs: readonly (NdArray | number)[]): readonly number[] {
  const ins = prog.arrayInputs;
  if (ins.length === 0) return [];
  const first = (inputs[ins[0]!] as NdArray).shape;
  let same = true;
  for (let j = 1; j < ins.length && same; j++) same = sameShape((inputs[ins[j]!] as NdArray).shape, first);
  return same ? first : broadcastShapes(...ins.map((i) => (inputs[i] as NdArray).shape));
}

function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** Evaluates every element of the root into `target` (an array of the broadcast shape). */
function evaluateInto(prog: Program, inputs: (NdArray | number)[], shape: readonly number[], target: NdArray): void {
  const n = target.size;
  if (n === 0) return;
  const f = frameFor(prog, inputs, shape);
  if (f === null) throw new ArgumentError('fuse', 'memory', 'no scratch memory for the fused evaluation');
  const root = prog.plan.root;
  const dtype = prog.plan.nodes[root]!.dtype;
  if (prog.scalar[root]) {
    const v = f.value[root]!;
    const d = dtype === 'bool' ? target.u8() : target.f64();
    for (let off = 0; off < n; off += FUSE_BLOCK) {
      const len = Math.min(FUSE_BLOCK, n - off);
      scatterValue(d, target, shape, off, len, dtype === 'bool' ? (v !== 0 ? 1 : 0) : v);
    }
    return;
  }
  const direct = target.storage.inArena && target.isContiguous;
  const gen = direct ? generated(prog, f.k) : null;
  if (gen !== null && prog.arrayInputs.every((i) => f.direct[i])) {
    // A generated kernel keeps every value in registers: one pass over the whole array.
    runGenerated(prog, gen, inputs, ptrOf(target), n);
    return;
  }
  const eb = elemBytes(dtype);
  for (let off = 0; off < n; off += FUSE_BLOCK) {
    const len = Math.min(FUSE_BLOCK, n - off);
    runBlock(f, prog, off, len, direct ? ptrOf(target) + off * eb : -1);
    if (!direct) {
      const src = eb === 8 ? f.F : f.U;
      const p = f.ptr[root]!;
      scatter(src, eb === 8 ? p >> 3 : p, eb === 8 ? target.f64() : target.u8(), target.start, target.strides, shape, off, len);
    }
  }
}

function scatterValue(d: Data, target: NdArray, shape: readonly number[], off: number, len: number, v: number): void {
  const one = d instanceof Float64Array ? new Float64Array(len).fill(v) : new Uint8Array(len).fill(v);
  scatter(one, 0, d, target.start, target.strides, shape, off, len);
}

/** One op of a small plan, run as one WASM call over the whole array (see {@link runSmallMap}). */
interface SmallStep {
  /** 0: vector ∘ vector, 1: vector ∘ scalar, 2: scalar ∘ vector, 3: unary. */
  readonly form: 0 | 1 | 2 | 3;
  readonly fn: (...a: number[]) => void;
  readonly node: number;
  readonly a: number;
  readonly b: number;
}

/**
 * The WASM steps of a plan whose ops all have a WASM kernel for their operand forms (float64
 * arithmetic, comparisons, unary ops and predicates; no select, no logical op), or null.
 * Cached per kernel table.
 */
function smallSteps(prog: Program, k: Kernels): readonly SmallStep[] | null {
  const cache = prog as { small?: readonly SmallStep[] | null; smallK?: Kernels };
  if (cache.smallK === k) return cache.small!;
  const steps: SmallStep[] = [];
  let ok = true;
  const exec = execFor(prog, k);
  prog.plan.nodes.forEach((node, i) => {
    if (!ok || !prog.used[i] || prog.scalar[i] || node.kind === 'input') return;
    if (node.kind !== 'op') {
      ok = false;
      return;
    }
    const e = exec[i]!;
    if (node.args.length === 2) {
      const [a, b] = node.args as [number, number];
      const sa = prog.scalar[a]!;
      const sb = prog.scalar[b]!;
      const fn = sa && sb ? null : sb ? e.vs : sa ? e.sv : e.vv;
      if (fn === null || e.logical) ok = false;
      else steps.push({ form: sb ? 1 : sa ? 2 : 0, fn: fn as (...a: number[]) => void, node: i, a, b });
    } else {
      const a = node.args[0]!;
      if (e.un === null || prog.scalar[a] || e.inBool) ok = false;
      else steps.push({ form: 3, fn: e.un as (...a: number[]) => void, node: i, a, b: -1 });
    }
  });
  cache.small = ok ? steps : null;
  cache.smallK = k;
  return cache.small;
}

/**
 * Checks a call for the small fast paths: every array input contiguous in the arena with one
 * shape of at most one block (and none sharing `out`'s memory). Returns the size, or -1.
 */
function smallSize(prog: Program, inputs: readonly (NdArray | number)[], out: NdArray | undefined): number {
  const ins = prog.arrayInputs;
  if (ins.length === 0) return -1;
  const first = inputs[ins[0]!] as NdArray;
  const shape = first.shape;
  const n = first.size;
  if (n === 0 || n > FUSE_BLOCK) return -1;
  for (let j = 0; j < ins.length; j++) {
    const x = inputs[ins[j]!] as NdArray;
    if (!x.storage.inArena || !x.isContiguous || (x.shape !== shape && !sameShape(x.shape, shape))) return -1;
    if (out !== undefined && x.storage === out.storage) return -1;
  }
  return n;
}

/**
 * Pointers of a small call: the inputs in place, a scratch block for every step except
 * `skip`. False when scratch is missing. Call before allocating the result (reserving
 * scratch may grow the memory; pointers stay valid across growth).
 */
function smallPointers(prog: Program, steps: readonly SmallStep[], inputs: readonly (NdArray | number)[], skip: number): number[] | null {
  const ptr = (prog as { smallPtr?: number[] }).smallPtr ?? ((prog as { smallPtr?: number[] }).smallPtr = new Array<number>(prog.plan.nodes.length).fill(0));
  const bytes = (FUSE_BLOCK + 1) * 8;
  for (let s = 0; s < steps.length; s++) {
    const i = steps[s]!.node;
    if (i === skip) continue;
    const p = scratchBlock(prog.slot[i]!, bytes);
    if (p < 0) return null;
    ptr[i] = p;
  }
  const ins = prog.arrayInputs;
  for (let j = 0; j < ins.length; j++) ptr[prog.inputNode[ins[j]!]!] = ptrOf(inputs[ins[j]!] as NdArray);
  return ptr;
}

/** Runs the steps of a small call over `n` elements. */
function smallRun(prog: Program, steps: readonly SmallStep[], inputs: readonly (NdArray | number)[], ptr: readonly number[], n: number): void {
  const nodes = prog.plan.nodes;
  const value = prog.scalarValue;
  for (let s = 0; s < steps.length; s++) {
    const st = steps[s]!;
    const a = st.a;
    const b = st.b;
    switch (st.form) {
      case 0:
        st.fn(ptr[a]!, ptr[b]!, ptr[st.node]!, n);
        break;
      case 1:
        st.fn(ptr[a]!, scalarOf(nodes, value, inputs, b), ptr[st.node]!, n);
        break;
      case 2:
        st.fn(scalarOf(nodes, value, inputs, a), ptr[b]!, ptr[st.node]!, n);
        break;
      default:
        st.fn(ptr[a]!, ptr[st.node]!, n);
    }
  }
  fuseStats.blocks++;
}

/**
 * The fast path of a small element-wise call: every array input contiguous in the arena with
 * the result's shape, at most one block, every op a WASM kernel. One kernel call an op over
 * the whole array, temporaries in scratch, the last op written into the result; no block
 * bookkeeping. Null when the call does not qualify (then the general path runs).
 * @param prog the program
 * @param inputs the arguments
 * @param out optional array to write into
 */
export function runSmallMap(prog: Program, inputs: (NdArray | number)[], out: NdArray | undefined): NdArray | null {
  const k = kernelTable();
  const root = prog.plan.root;
  if (k === null || prog.plan.nodes[root]!.kind !== 'op') return null;
  const steps = smallSteps(prog, k);
  if (steps === null) return null;
  const n = smallSize(prog, inputs, out);
  if (n < 0) return null;
  const shape = (inputs[prog.arrayInputs[0]!] as NdArray).shape;
  const dtype = prog.plan.nodes[root]!.dtype;
  if (out !== undefined) {
    checkOut('fuse', out, shape, dtype);
    if (!out.storage.inArena || !out.isContiguous) return null;
  }
  const gen = generated(prog, k);
  const ptr = gen === null ? smallPointers(prog, steps, inputs, root) : null;
  if (gen === null && ptr === null) return null;
  const result = out ?? emptyArray(shape, dtype);
  if (!result.storage.inArena) {
    result.dispose();
    return null;
  }
  if (gen !== null) runGenerated(prog, gen, inputs, ptrOf(result), n);
  else {
    ptr![root] = ptrOf(result);
    smallRun(prog, steps, inputs, ptr!, n);
  }
  return result;
}

/**
 * The plan's generated kernel (src/fuse/codegen.ts) when WASM is on and the plan is one the
 * generator emits; null otherwise. Compiled once a program.
 */
function generated(prog: Program, k: Kernels | null): GeneratedKernel | null {
  if (k === null) return null;
  const cache = prog as { gen?: GeneratedKernel | null };
  if (cache.gen === undefined) cache.gen = generateKernel(prog.plan, prog.numberArgs);
  return cache.gen;
}

/** Runs a generated kernel over `n` contiguous arena elements from element 0 of each input. */
function runGenerated(prog: Program, gen: GeneratedKernel, inputs: readonly (NdArray | number)[], outPtr: number, n: number): void {
  fuseStats.generated++;
  // Fixed-arity calls for array arguments only (a spread call into WebAssembly, or setting an
  // array's length, costs more than the whole 10-element call).
  if (!prog.hasNumberArgs) {
    switch (inputs.length) {
      case 1:
        gen(ptrOf(inputs[0] as NdArray), outPtr, n);
        return;
      case 2:
        gen(ptrOf(inputs[0] as NdArray), ptrOf(inputs[1] as NdArray), outPtr, n);
        return;
      case 3:
        gen(ptrOf(inputs[0] as NdArray), ptrOf(inputs[1] as NdArray), ptrOf(inputs[2] as NdArray), outPtr, n);
        return;
    }
  }
  const args: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i]!;
    if (typeof x !== 'number') args.push(ptrOf(x));
  }
  args.push(outPtr, n);
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i]!;
    if (typeof x === 'number') args.push(x);
  }
  gen(...args);
}

/**
 * Whether the program has run as a generated kernel (for `explain()`).
 * @param prog the program
 */
export function hasGeneratedKernel(prog: Program): boolean {
  return typeof (prog as { gen?: GeneratedKernel | null }).gen === 'function';
}

/**
 * The fast path of a small filter (`x.where(mask)` of float64, at most one block, inputs
 * contiguous in the arena, every op a WASM kernel): the ops over the whole array, one count,
 * the result allocated and the values compressed straight into it. Null when the call does
 * not qualify.
 * @param prog the program
 * @param inputs the arguments
 */
export function runSmallFilter(prog: Program, inputs: (NdArray | number)[]): NdArray | null {
  const k = kernelTable();
  const final = prog.plan.final;
  const root = prog.plan.root;
  if (k === null || final.kind !== 'compress' || prog.scalar[root] || prog.scalar[final.mask] || prog.plan.nodes[root]!.dtype !== 'float64') return null;
  if (k.compress === undefined || k.count_true === undefined) return null;
  const steps = smallSteps(prog, k);
  if (steps === null) return null;
  const n = smallSize(prog, inputs, undefined);
  if (n < 0) return null;
  const ptr = smallPointers(prog, steps, inputs, -1);
  if (ptr === null) return null;
  smallRun(prog, steps, inputs, ptr, n);
  const mp = ptr[final.mask]!;
  const c = ((k.count_true as (m: number, n: number) => number)(mp, n)) >>> 0;
  const result = emptyArray([c], 'float64');
  if (c > 0) {
    if (result.storage.inArena) (k.compress as (x: number, m: number, o: number, n: number, c: number) => number)(ptr[root]!, mp, ptrOf(result), n, c);
    else maskLoops.f64.compressContig(arenaF64(), ptr[root]! >> 3, arenaU8(), mp, result.f64(), result.start, n);
  }
  return result;
}

/** The value of a scalar node: a constant, or a number argument. */
function scalarOf(nodes: readonly FuseNode[], value: readonly number[], inputs: readonly (NdArray | number)[], i: number): number {
  const n = nodes[i]!;
  return n.kind === 'input' ? (inputs[n.index] as number) : value[i]!;
}

/**
 * An element-wise fused call: the result (a new array, or `out`).
 * @param prog the program
 * @param inputs the arguments
 * @param out optional array to write into
 */
export function runMap(prog: Program, inputs: (NdArray | number)[], out: NdArray | undefined): NdArray {
  const shape = resultShape(prog, inputs);
  const dtype = prog.plan.nodes[prog.plan.root]!.dtype;
  if (out !== undefined) checkOut('fuse', out, shape, dtype);
  // `out` overlapping an input that is read later in the same block walk would be clobbered.
  let shared = false;
  if (out !== undefined) for (const x of inputs) if (typeof x !== 'number' && x.storage === out.storage) shared = true;
  const target = shared ? emptyArray(shape, dtype) : (out ?? emptyArray(shape, dtype));
  evaluateInto(prog, inputs, shape, target);
  if (out !== undefined && target !== out) {
    copyInto(target, out);
    target.dispose();
    return out;
  }
  return target;
}

function copyInto(src: NdArray, out: NdArray): void {
  const d = src.dtype === 'bool' ? src.u8() : src.f64();
  scatter(d, src.start, out.dtype === 'bool' ? out.u8() : out.f64(), out.start, out.strides, out.shape, 0, out.size);
}

/** Number of true bytes of a block at byte pointer `p` (the SIMD WASM kernel when on). */
function countBlock(f: Frame, p: number, n: number): number {
  const k = f.k;
  if (k !== null && k.count_true !== undefined) return ((k.count_true as (m: number, n: number) => number)(p, n)) >>> 0;
  return maskLoops.u8.countTrue(f.U, p, 1, n);
}

/**
 * Compresses a float64 block at byte pointer `x` by the mask at `m` to byte pointer `out`
 * (room for the count plus one element); returns the count.
 */
function compressBlock(f: Frame, x: number, m: number, out: number, n: number): number {
  const k = f.k;
  if (k !== null && k.compress !== undefined && k.count_true !== undefined) {
    const c = ((k.count_true as (m: number, n: number) => number)(m, n)) >>> 0;
    (k.compress as (x: number, m: number, o: number, n: number, c: number) => number)(x, m, out, n, c);
    return c;
  }
  return maskLoops.f64.compressContig(f.F, x >> 3, f.U, m, f.F, out >> 3, n) - (out >> 3);
}

/** Pairwise sum of `n` float64 at byte pointer `p` (the WASM kernel when on: same bits). */
function blockSum(f: Frame, p: number, n: number): number {
  const k = f.k;
  if (k !== null && k.sum !== undefined) return (k.sum as (p: number, n: number) => number)(p, n);
  return 0 + pairwiseSum(f.F, p >> 3, n, 1);
}

/**
 * Sum of the root over all `n` elements, in the eager pairwise tree: nodes of at most one
 * block are summed with the same kernel. Values are computed in blocks aligned at multiples
 * of {@link FUSE_BLOCK} (as an eager array's: the WASM transcendentals work in aligned blocks
 * of 256 whose neighbours can matter), each once; a tree node straddling two blocks is copied
 * into a scratch buffer first.
 */
function sumTree(f: Frame, prog: Program, n: number): number {
  const buf = scratchBlock(SLOT_BASE + prog.slots, (FUSE_BLOCK + 2) * 8);
  if (buf < 0) throw new ArgumentError('fuse', 'memory', 'no scratch memory for the fused evaluation');
  f.F = arenaF64();
  f.U = arenaU8();
  const root = prog.plan.root;
  let cached = -1;
  const load = (b: number): number => {
    if (cached !== b) {
      runBlock(f, prog, b * FUSE_BLOCK, Math.min(FUSE_BLOCK, n - b * FUSE_BLOCK), -1);
      cached = b;
    }
    return f.ptr[root]! >> 3;
  };
  const node = (lo: number, len: number): number => {
    if (len > FUSE_BLOCK) {
      const half = pairwiseHalf(len);
      return node(lo, half) + node(lo + half, len - half);
    }
    const b0 = Math.floor(lo / FUSE_BLOCK);
    const b1 = Math.floor((lo + len - 1) / FUSE_BLOCK);
    const at = lo - b0 * FUSE_BLOCK;
    if (b0 === b1) return blockSum(f, (load(b0) + at) * 8, len);
    const first = FUSE_BLOCK - at;
    const p0 = load(b0);
    f.F.copyWithin(buf >> 3, p0 + at, p0 + FUSE_BLOCK);
    const p1 = load(b1);
    f.F.copyWithin((buf >> 3) + first, p1, p1 + len - first);
    return blockSum(f, buf, len);
  };
  return node(0, n);
}

/** Number of true mask values over all blocks (first pass of a masked reduction). */
function countMask(f: Frame, prog: Program, mask: number, n: number): number {
  let m = 0;
  for (let off = 0; off < n; off += FUSE_BLOCK) {
    const len = Math.min(FUSE_BLOCK, n - off);
    runBlock(f, prog, off, len, -1, prog.maskCone);
    m += countBlock(f, f.ptr[mask]!, len);
  }
  return m;
}

/** The comparison codes of the `sum_where_cmp` kernel, and the code with the operands swapped. */
const COMPARE_CODE: Partial<Record<string, [number, number]>> = { gt: [0, 2], ge: [1, 3], lt: [2, 0], le: [3, 1], eq: [4, 4], ne: [5, 5] };

/** How a masked sum reads its mask: a comparison of a block with a number, run inside the kernel. */
interface CompareMask {
  readonly code: number;
  /** The compared block's node and the number's node. */
  readonly vec: number;
  readonly num: number;
  /** The nodes to compute per block (the mask is not one of them). */
  readonly need: readonly boolean[];
}

/**
 * When the final mask is `v OP number` (or `number OP v`) read by nothing else, the masked
 * sum compares inside the kernel (`sum_where_cmp`) and the mask is never computed. Cached.
 */
function compareMask(prog: Program): CompareMask | null {
  const cache = prog as { cmp?: CompareMask | null };
  if (cache.cmp !== undefined) return cache.cmp;
  cache.cmp = null;
  const final = prog.plan.final;
  const nodes = prog.plan.nodes;
  if (final.kind !== 'reduce' || final.mask < 0) return null;
  const m = nodes[final.mask]!;
  const code = m.kind === 'op' ? COMPARE_CODE[m.op] : undefined;
  if (m.kind !== 'op' || code === undefined || reachable(nodes, [prog.plan.root])[final.mask]) return null;
  const [a, b] = m.args as [number, number];
  if (prog.scalar[a] === prog.scalar[b]) return null;
  const vec = prog.scalar[a] ? b : a;
  cache.cmp = { code: prog.scalar[a] ? code[1] : code[0], vec, num: prog.scalar[a] ? a : b, need: reachable(nodes, [prog.plan.root, vec]) };
  return cache.cmp;
}

/** Pairwise sum of `n` block sums from `lo` (the same on every path). */
function pairwiseList(v: readonly number[], lo: number, n: number): number {
  if (n === 1) return v[lo]!;
  const h = n >> 1;
  return pairwiseList(v, lo, h) + pairwiseList(v, lo + h, n - h);
}

/**
 * Sum of the root's values where `mask` is true, in one pass: each block of 4096 is summed
 * pairwise over the terms `selected ? x : +0` (the `sum_where` kernels, or the JS reference:
 * the terms written to scratch, then the pairwise sum: same bits), the block sums pairwise
 * again. Not the bits of the eager sum over the compressed values, but the same kind of
 * error bound (pairwise). With `wantCount` the selected count comes too (for a mean).
 */
function maskedSum(f: Frame, prog: Program, mask: number, n: number, wantCount: boolean): [number, number] {
  const root = prog.plan.root;
  const k = f.k;
  const cmp = !wantCount && k !== null && k.sum_where_cmp !== undefined ? compareMask(prog) : null;
  const wasm = k !== null && k.sum_where !== undefined;
  const buf = wasm ? 0 : scratchBlock(SLOT_BASE + prog.slots, (FUSE_BLOCK + 2) * 8);
  if (buf < 0) throw new ArgumentError('fuse', 'memory', 'no scratch memory for the fused evaluation');
  f.F = arenaF64();
  f.U = arenaU8();
  const sums: number[] = [];
  let m = 0;
  const need = cmp === null ? prog.used : cmp.need;
  const num = cmp === null ? 0 : f.value[cmp.num]!;
  for (let off = 0; off < n; off += FUSE_BLOCK) {
    const len = Math.min(FUSE_BLOCK, n - off);
    runBlock(f, prog, off, len, -1, need);
    const x = f.ptr[root]!;
    if (cmp !== null) {
      sums.push((k!.sum_where_cmp as (op: number, x: number, a: number, s: number, n: number) => number)(cmp.code, x, f.ptr[cmp.vec]!, num, len));
      continue;
    }
    const mp = f.ptr[mask]!;
    if (wantCount) m += countBlock(f, mp, len);
    if (wasm) sums.push((k.sum_where as (x: number, m: number, n: number) => number)(x, mp, len));
    else {
      const F = f.F;
      const U = f.U;
      const b = buf >> 3;
      const xi = x >> 3;
      for (let i = 0; i < len; i++) F[b + i] = U[mp + i] !== 0 ? F[xi + i]! : 0;
      sums.push(0 + pairwiseSum(F, b, len, 1));
    }
  }
  return [0 + pairwiseList(sums, 0, sums.length), m];
}

/**
 * min/max/any/all/count over every element (or the selected ones), block by block: the value
 * and how many elements were selected (n without a mask).
 */
function foldBlocks(f: Frame, prog: Program, name: 'min' | 'max' | 'any' | 'all' | 'count', mask: number, n: number): [number, number] {
  const root = prog.plan.root;
  const reducer = name === 'count' ? null : REDUCERS[name];
  let acc = reducer === null ? 0 : reducer.init;
  const buf = mask >= 0 ? scratchBlock(SLOT_BASE + prog.slots, (FUSE_BLOCK + 2) * 8) : -1;
  f.F = arenaF64();
  f.U = arenaU8();
  let selected = mask >= 0 ? 0 : n;
  for (let off = 0; off < n; off += FUSE_BLOCK) {
    const len = Math.min(FUSE_BLOCK, n - off);
    runBlock(f, prog, off, len, -1);
    let p = f.ptr[root]!;
    let c = len;
    if (mask >= 0) {
      c = compressBlock(f, p, f.ptr[mask]!, buf, len);
      p = buf;
      selected += c;
    }
    if (reducer === null) acc += countBlock(f, p, c);
    else if (name === 'any' || name === 'all') {
      const u = f.U;
      if (name === 'any') { for (let i = 0; i < c; i++) if (u[p + i] !== 0) { acc = 1; break; } }
      else for (let i = 0; i < c; i++) if (u[p + i] === 0) { acc = 0; break; }
    } else acc = (reducer.line as (d: Float64Array, p: number, n: number, s: number, acc: number) => number)(f.F, p >> 3, c, 1, acc);
  }
  return [acc, selected];
}

/**
 * A fused call ending in a reduction over all axes that streams: sum/mean of float64, min/max
 * of float64, any/all/count of bool, with or without a mask. Null when the plan needs the
 * eager reduction on a materialised value instead.
 */
export function runStreamingReduce(prog: Program, inputs: (NdArray | number)[]): number | boolean | null {
  const final = prog.plan.final;
  if (final.kind !== 'reduce' || final.args.some((a) => a !== undefined && a !== null)) return null;
  const root = prog.plan.root;
  const dtype = prog.plan.nodes[root]!.dtype;
  const name = final.name;
  const floatOk = dtype === 'float64' && (name === 'sum' || name === 'mean' || name === 'min' || name === 'max');
  const boolOk = dtype === 'bool' && final.mask < 0 && (name === 'any' || name === 'all' || name === 'count');
  if ((!floatOk && !boolOk) || prog.scalar[root]) return null;
  const shape = resultShape(prog, inputs);
  const n = sizeOf(shape);
  if (n === 0) return null;
  const f = frameFor(prog, inputs, shape);
  if (f === null) return null;
  if (name === 'sum' || name === 'mean') {
    if (final.mask < 0) {
      const s = 0 + sumTree(f, prog, n);
      return name === 'mean' ? s / n : s;
    }
    const [s, m] = maskedSum(f, prog, final.mask, n, name === 'mean');
    if (name === 'sum') return s;
    return m === 0 ? null : s / m;
  }
  const [v, selected] = foldBlocks(f, prog, name, final.mask, n);
  // Nothing selected: the eager reduction says what an empty one gives (an error for min/max).
  if (selected === 0) return null;
  return name === 'any' || name === 'all' ? v !== 0 : v;
}

/** Writes `c` selected values of a block (values at `p`, mask at `mp`) into `r` from index `k`. */
function compressInto(f: Frame, r: NdArray, k: number, p: number, mp: number, len: number, c: number): void {
  if (c === 0) return;
  if (r.dtype === 'bool') maskLoops.u8.compressContig(f.U, p, f.U, mp, r.u8(), r.start + k, len);
  else if (f.k !== null && f.k.compress !== undefined && r.storage.inArena) {
    (f.k.compress as (x: number, m: number, o: number, n: number, c: number) => number)(p, mp, ptrOf(r) + k * 8, len, c);
  } else maskLoops.f64.compressContig(f.F, p >> 3, f.U, mp, r.f64(), r.start + k, len);
}

/**
 * The value a reduction reads, as an array: the element-wise result, or its selected
 * values (1-D) for a compress. A compress of several blocks makes two passes: the mask of
 * each block into a scratch mask of the whole array and its count, then (the result
 * allocated) each block's values compressed straight into the result; blocks that select
 * nothing are not computed again.
 */
export function materialise(prog: Program, inputs: (NdArray | number)[], mask: number): NdArray {
  const shape = resultShape(prog, inputs);
  const root = prog.plan.root;
  const dtype = prog.plan.nodes[root]!.dtype;
  if (mask < 0) {
    const r = emptyArray(shape, dtype);
    evaluateInto(prog, inputs, shape, r);
    return r;
  }
  const n = sizeOf(shape);
  if (n === 0) return emptyArray([0], dtype);
  // The whole mask (one byte an element) when it has several blocks; reserved before the frame.
  const blocks = Math.ceil(n / FUSE_BLOCK);
  const whole = blocks > 1 ? scratchBlock(SLOT_BASE + prog.slots + 1, n + 16) : -1;
  const f = frameFor(prog, inputs, shape);
  if (f === null) throw new ArgumentError('fuse', 'memory', 'no scratch memory for the fused evaluation');
  if (blocks === 1) {
    runBlock(f, prog, 0, n, -1);
    const c = countBlock(f, f.ptr[mask]!, n);
    const r = emptyArray([c], dtype);
    f.F = arenaF64();
    f.U = arenaU8();
    compressInto(f, r, 0, f.ptr[root]!, f.ptr[mask]!, n, c);
    return r;
  }
  const nodes = prog.plan.nodes;
  const rootCone = reachable(nodes, [root]);
  // Inputs read in place all round (no value computed but the mask): chunks of 16 blocks,
  // so the mask and compress kernels run on long runs (as eager, with no mask array).
  const inPlace = (i: number): boolean => {
    const node = nodes[i]!;
    return prog.scalar[i] || (node.kind === 'input' && f.direct[node.index]);
  };
  const mn = nodes[mask]!;
  // The mask op reads no scalar as a block (a temporary holds one block only).
  let direct = inPlace(root) && (mn.kind === 'input' || (mn.kind === 'op' && mn.args.some((a) => !prog.scalar[a])));
  for (let i = 0; i < nodes.length && direct; i++) if (prog.maskCone[i] && i !== mask && !inPlace(i)) direct = false;
  const chunk = whole >= 0 && direct ? 16 * FUSE_BLOCK : FUSE_BLOCK;
  const chunks = Math.ceil(n / chunk);
  const counts: number[] = [];
  let m = 0;
  if (whole >= 0) {
    for (let b = 0; b < chunks; b++) {
      const off = b * chunk;
      const len = Math.min(chunk, n - off);
      runBlock(f, prog, off, len, -1, prog.maskCone, mask, whole + off);
      let mp = f.ptr[mask]!;
      if (mp !== whole + off) {
        f.U.copyWithin(whole + off, mp, mp + len);
        mp = whole + off;
      }
      const c = countBlock(f, mp, len);
      counts.push(c);
      m += c;
    }
  } else m = countMask(f, prog, mask, n);
  const r = emptyArray([m], dtype);
  if (m === 0) return r;
  f.F = arenaF64();
  f.U = arenaU8();
  let k = 0;
  for (let b = 0; b < chunks; b++) {
    const off = b * chunk;
    const len = Math.min(chunk, n - off);
    if (whole >= 0) {
      const c = counts[b]!;
      if (c === 0) continue;
      runBlock(f, prog, off, len, -1, rootCone);
      compressInto(f, r, k, f.ptr[root]!, whole + off, len, c);
      k += c;
    } else {
      // No room for the whole mask: each block's mask computed again.
      runBlock(f, prog, off, len, -1);
      const c = countBlock(f, f.ptr[mask]!, len);
      compressInto(f, r, k, f.ptr[root]!, f.ptr[mask]!, len, c);
      k += c;
    }
  }
  return r;
}
