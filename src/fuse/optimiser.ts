/**
 * Rewrites a traced plan before it runs (as Polars' optimiser does): constant folding, `pow`
 * by the exponents eager `pow` itself runs as cheaper ops (NumPy's power loop: `x ** 2` is
 * `x * x`, `x ** 0.5` is `sqrt x`, `x ** -1` is `1 / x`, `x ** 1` is `x`; and `x ** 0` is 1),
 * common subexpressions merged, and values nothing reads dropped. Other integer exponents
 * (3, 4, -2) stay `pow`: `x * x * x` misses the correctly rounded power by an ulp in about a
 * quarter of cases, so it would not match eager (or NumPy). Input
 * nodes stay (their shapes still broadcast into the result, as in the eager expression).
 * @module
 */
import { jsLoops, type BinaryLoops, type UnaryLoops } from '../kernels/js.ts';
import { opRow } from '../kernels/table.ts';
import { NodeBuilder, reachable, type FuseFinal, type FuseNode, type FusePlan } from './plan.ts';

/** Unary ops whose eager result may come from a WASM polynomial: folded only at run time. */
const RUNTIME_ONLY = new Set(['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tanh', 'sinh', 'cosh']);

/** The value of op `op` on constants, by the same generated JS loop the eager op runs. */
function foldConstant(node: Extract<FuseNode, { kind: 'op' }>, values: readonly number[]): number | null {
  if (RUNTIME_ONLY.has(node.op)) return null;
  const row = opRow(node.op);
  const inBool = row.kind === 'logical' || node.op === 'toFloat';
  const arr = (v: number): Float64Array | Uint8Array => (inBool ? Uint8Array.of(v) : Float64Array.of(v));
  const out = node.dtype === 'bool' ? new Uint8Array(1) : new Float64Array(1);
  if (values.length === 2) {
    const loops = (jsLoops as unknown as Record<string, BinaryLoops<Float64Array | Uint8Array, Float64Array | Uint8Array>>)[node.op]!;
    loops.contig(arr(values[0]!), 0, arr(values[1]!), 0, out, 0, 1);
  } else {
    const key = node.op === 'copy' && node.dtype === 'bool' ? 'copyBool' : node.op;
    const loops = (jsLoops as unknown as Record<string, UnaryLoops<Float64Array | Uint8Array, Float64Array | Uint8Array>>)[key]!;
    loops.contig(arr(values[0]!), 0, out, 0, 1);
  }
  return out[0]!;
}

/**
 * The optimised plan.
 * @param plan a traced plan
 * @returns an equivalent plan: same results, bit for bit
 */
export function optimise(plan: FusePlan): FusePlan {
  const b = new NodeBuilder();
  const map = new Map<number, number>();
  // Inputs first, in argument order, whether or not they are still read.
  const finalMask = plan.final.kind === 'map' ? -1 : plan.final.mask;
  const traced = reachable(plan.nodes, [plan.root, finalMask]);
  plan.nodes.forEach((n, i) => {
    if (n.kind === 'input' && traced[i]) map.set(i, b.add(n));
  });
  const constOf = (i: number): number | null => {
    const n = b.nodes[i]!;
    return n.kind === 'const' ? n.value : null;
  };
  const rebuild = (i: number): number => {
    const done = map.get(i);
    if (done !== undefined) return done;
    const n = plan.nodes[i]!;
    let r: number;
    if (n.kind === 'input' || n.kind === 'const') r = b.add(n);
    else if (n.kind === 'select') {
      const [c, x, y] = n.args.map(rebuild) as [number, number, number];
      const cv = constOf(c);
      r = cv !== null ? (cv !== 0 ? x : y) : x === y ? x : b.add({ kind: 'select', args: [c, x, y], dtype: n.dtype });
    } else {
      const args = n.args.map(rebuild);
      const consts = args.map(constOf);
      const e = n.op === 'pow' ? consts[1] : null;
      if (consts.every((c) => c !== null) && foldConstant(n, consts as number[]) !== null) {
        r = b.add({ kind: 'const', value: foldConstant(n, consts as number[])!, dtype: n.dtype });
      } else if (e === 2) r = b.add({ kind: 'op', op: 'mul', args: [args[0]!, args[0]!], dtype: 'float64' });
      else if (e === 0.5) r = b.add({ kind: 'op', op: 'sqrt', args: [args[0]!], dtype: 'float64' });
      else if (e === -1) r = b.add({ kind: 'op', op: 'reciprocal', args: [args[0]!], dtype: 'float64' });
      else if (e === 1) r = args[0]!;
      else if (e === 0) r = b.add({ kind: 'const', value: 1, dtype: 'float64' });
      else r = b.add({ kind: 'op', op: n.op, args, dtype: n.dtype });
    }
    map.set(i, r);
    return r;
  };
  let root = rebuild(plan.root);
  let final: FuseFinal = plan.final;
  if (final.kind === 'compress') final = { kind: 'compress', mask: rebuild(final.mask) };
  else if (final.kind === 'reduce' && final.mask >= 0) final = { ...final, mask: rebuild(final.mask) };
  // A constant result is copied into a block (the evaluator reads results from blocks).
  const rn = b.nodes[root]!;
  if (rn.kind === 'const') root = b.add({ kind: 'op', op: 'copy', args: [root], dtype: rn.dtype });
  // Drop what nothing reads (rewrites leave dead nodes), keeping the inputs.
  const live = reachable(b.nodes, [root, final.kind === 'map' ? -1 : final.mask]);
  const renumber = new Map<number, number>();
  const nodes: FuseNode[] = [];
  b.nodes.forEach((n, i) => {
    if (!live[i] && n.kind !== 'input') return;
    renumber.set(i, nodes.length);
    if (n.kind === 'op') nodes.push({ ...n, args: n.args.map((a) => renumber.get(a)!) });
    else if (n.kind === 'select') nodes.push({ ...n, args: n.args.map((a) => renumber.get(a)!) as [number, number, number] });
    else nodes.push(n);
  });
  if (final.kind === 'compress') final = { kind: 'compress', mask: renumber.get(final.mask)! };
  else if (final.kind === 'reduce' && final.mask >= 0) final = { ...final, mask: renumber.get(final.mask)! };
  return { nodes, root: renumber.get(root)!, final, arity: plan.arity };
}
