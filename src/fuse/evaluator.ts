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

/** Elements per block: 4096 float64 (32 KiB) a value, as numexpr. */
export const FUSE_BLOCK = 4096;
/** First scratch slot the evaluator uses (slots below are the eager staging slots). */
const SLOT_BASE = 8;

/** Counters for tests: plans traced (cache misses) and calls answered from the cache. */
export const fuseStats = { traces: 0, hits: 0, blocks: 0 };

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
  return { plan, scalar, slot, slots: next + 3, arrayInputs, used, needsTemp, maskCone };
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
    if (e.vv !== null) {
      if (sb) e.vs!(f.ptr[a]!, f.value[b]!, out, len);
      else if (sa) e.sv!(f.value[a]!, f.ptr[b]!, out, len);
      else e.vv(f.ptr[a]!, f.ptr[b]!, out, len);
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

/** Sets the block pointers of the inputs for elements [off, off+len) and runs every op. */
function runBlock(f: Frame, prog: Program, off: number, len: number, rootPtr: number, maskOnly = false): void {
  const nodes = prog.plan.nodes;
  const exec = execFor(prog, f.k);
  fuseStats.blocks++;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (prog.scalar[i] || !prog.used[i] || (maskOnly && !prog.maskCone[i])) continue;
    if (i === prog.plan.root && rootPtr >= 0) f.ptr[i] = rootPtr;
    else f.ptr[i] = f.own[i]!;
    if (n.kind === 'input') {
      const a = f.inputs[n.index] as NdArray;
      const eb = elemBytes(n.dtype);
      if (f.direct[n.index]) {
        f.ptr[i] = ptrOf(a) + off * eb;
        if (i === prog.plan.root && rootPtr >= 0) {
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

/** Pairwise-sum tokens over `n` values: chunk lengths (> 0) and combines (0), postfix. */
function chunkTokens(n: number, out: number[]): void {
  if (n <= FUSE_BLOCK) {
    out.push(n);
    return;
  }
  const half = pairwiseHalf(n);
  chunkTokens(half, out);
  chunkTokens(n - half, out);
  out.push(0);
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
    runBlock(f, prog, off, len, -1, true);
    m += countBlock(f, f.ptr[mask]!, len);
  }
  return m;
}

/**
 * Sum of the root's values where `mask` is true, in the eager pairwise tree over the `m`
 * selected values: each block's selected values are compressed into a buffer; whenever it
 * holds the next chunk of the tree, the chunk is summed and combined.
 */
function maskedSum(f: Frame, prog: Program, mask: number, n: number, m: number): number {
  const tokens: number[] = [];
  chunkTokens(m, tokens);
  const buf = scratchBlock(SLOT_BASE + prog.slots, (3 * FUSE_BLOCK + 2) * 8);
  f.F = arenaF64();
  f.U = arenaU8();
  const bi = buf >> 3;
  const stack: number[] = [];
  let ti = 0;
  let fillTo = 0;
  const root = prog.plan.root;
  for (let off = 0; off < n && ti < tokens.length; off += FUSE_BLOCK) {
    const len = Math.min(FUSE_BLOCK, n - off);
    runBlock(f, prog, off, len, -1);
    fillTo += compressBlock(f, f.ptr[root]!, f.ptr[mask]!, buf + fillTo * 8, len);
    let at = 0;
    while (ti < tokens.length && fillTo - at >= tokens[ti]!) {
      const c = tokens[ti++]!;
      stack.push(blockSum(f, buf + at * 8, c));
      at += c;
      while (ti < tokens.length && tokens[ti] === 0) {
        const r = stack.pop()!;
        stack.push(stack.pop()! + r);
        ti++;
      }
    }
    if (at > 0) {
      f.F.copyWithin(bi, bi + at, bi + fillTo);
      fillTo -= at;
    }
  }
  return 0 + (stack.length === 0 ? 0 : stack[0]!);
}

/** min/max/any/all/count over every element (or the selected ones), block by block. */
function foldBlocks(f: Frame, prog: Program, name: 'min' | 'max' | 'any' | 'all' | 'count', mask: number, n: number): number {
  const root = prog.plan.root;
  const reducer = name === 'count' ? null : REDUCERS[name];
  let acc = reducer === null ? 0 : reducer.init;
  const buf = mask >= 0 ? scratchBlock(SLOT_BASE + prog.slots, (FUSE_BLOCK + 2) * 8) : -1;
  f.F = arenaF64();
  f.U = arenaU8();
  for (let off = 0; off < n; off += FUSE_BLOCK) {
    const len = Math.min(FUSE_BLOCK, n - off);
    runBlock(f, prog, off, len, -1);
    let p = f.ptr[root]!;
    let c = len;
    if (mask >= 0) {
      c = compressBlock(f, p, f.ptr[mask]!, buf, len);
      p = buf;
    }
    if (reducer === null) acc += countBlock(f, p, c);
    else if (name === 'any' || name === 'all') {
      const u = f.U;
      if (name === 'any') { for (let i = 0; i < c; i++) if (u[p + i] !== 0) { acc = 1; break; } }
      else for (let i = 0; i < c; i++) if (u[p + i] === 0) { acc = 0; break; }
    } else acc = (reducer.line as (d: Float64Array, p: number, n: number, s: number, acc: number) => number)(f.F, p >> 3, c, 1, acc);
  }
  return acc;
}

/** Selected count, or -1 when unknown. */
function selectedSize(prog: Program, f: Frame, mask: number, n: number): number {
  return mask < 0 ? n : countMask(f, prog, mask, n);
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
  if ((name === 'sum' || name === 'mean') && final.mask >= 0 && n <= FUSE_BLOCK) {
    // One block: compress it once; its m ≤ 4096 selected values are one pairwise chunk.
    const buf = scratchBlock(SLOT_BASE + prog.slots, (FUSE_BLOCK + 2) * 8);
    if (buf < 0) return null;
    f.F = arenaF64();
    f.U = arenaU8();
    runBlock(f, prog, 0, n, -1);
    const m = compressBlock(f, f.ptr[root]!, f.ptr[final.mask]!, buf, n);
    if (m === 0) return null;
    const s = blockSum(f, buf, m);
    return name === 'mean' ? s / m : s;
  }
  if (name === 'sum' || name === 'mean') {
    const m = selectedSize(prog, f, final.mask, n);
    if (m === 0) return null;
    const s = final.mask < 0 ? 0 + sumTree(f, prog, n) : maskedSum(f, prog, final.mask, n, m);
    return name === 'mean' ? s / m : s;
  }
  if ((name === 'min' || name === 'max') && final.mask >= 0 && countMask(f, prog, final.mask, n) === 0) return null;
  const v = foldBlocks(f, prog, name, final.mask, n);
  return name === 'any' || name === 'all' ? v !== 0 : v;
}

/**
 * The value a reduction reads, as an array: the element-wise result, or its selected
 * values (1-D) for a compress.
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
  let f = n === 0 ? null : frameFor(prog, inputs, shape);
  if (n > 0 && f === null) throw new ArgumentError('fuse', 'memory', 'no scratch memory for the fused evaluation');
  if (f !== null && n <= FUSE_BLOCK && dtype === 'float64') {
    // One block: compress it once into scratch, then copy the selected values out.
    const buf = scratchBlock(SLOT_BASE + prog.slots, (FUSE_BLOCK + 2) * 8);
    if (buf < 0) throw new ArgumentError('fuse', 'memory', 'no scratch memory for the fused evaluation');
    f.F = arenaF64();
    f.U = arenaU8();
    runBlock(f, prog, 0, n, -1);
    const c = compressBlock(f, f.ptr[root]!, f.ptr[mask]!, buf, n);
    const r = emptyArray([c], dtype);
    r.f64().set(arenaF64().subarray(buf >> 3, (buf >> 3) + c), r.start);
    return r;
  }
  const m = f === null ? 0 : countMask(f, prog, mask, n);
  const r = emptyArray([m], dtype);
  if (m === 0) return r;
  f = frameFor(prog, inputs, shape)!;
  const buf = scratchBlock(SLOT_BASE + prog.slots, (FUSE_BLOCK + 2) * 8);
  f.F = arenaF64();
  f.U = arenaU8();
  const bool = dtype === 'bool';
  let k = 0;
  for (let off = 0; off < n; off += FUSE_BLOCK) {
    const len = Math.min(FUSE_BLOCK, n - off);
    runBlock(f, prog, off, len, -1);
    const p = f.ptr[root]!;
    let c: number;
    if (bool) {
      c = maskLoops.u8.compressContig(f.U, p, f.U, f.ptr[mask]!, f.U, buf, len) - buf;
      r.u8().set(f.U.subarray(buf, buf + c), r.start + k);
    } else if (f.k !== null && f.k.compress !== undefined && r.storage.inArena) {
      // The WASM compress writes exactly the selected count: straight into the result.
      c = compressBlock(f, p, f.ptr[mask]!, ptrOf(r) + k * 8, len);
    } else {
      c = compressBlock(f, p, f.ptr[mask]!, buf, len);
      r.f64().set(f.F.subarray(buf >> 3, (buf >> 3) + c), r.start + k);
    }
    k += c;
  }
  return r;
}
