/**
 * The plan of a fused expression (`nd.fuse`): a small graph of op-table nodes over inputs and
 * constants, and the last step (an element-wise result, a compress, or a reduction). Built by
 * src/fuse/tracer.ts, rewritten by src/fuse/optimiser.ts, run by src/fuse/evaluator.ts and
 * printed by src/fuse/explain.ts.
 * @module
 */
import { NdvecError } from '../errors.ts';
import type { OpName } from '../kernels/table.ts';

/** Element type of a plan value: float64 or bool. */
export type FuseDType = 'float64' | 'bool';

/** One value of the plan. Nodes refer to earlier nodes by index (a DAG in topological order). */
export type FuseNode =
  | { readonly kind: 'input'; readonly index: number; readonly dtype: FuseDType }
  | { readonly kind: 'const'; readonly value: number; readonly dtype: FuseDType }
  | { readonly kind: 'op'; readonly op: OpName; readonly args: readonly number[]; readonly dtype: FuseDType }
  | { readonly kind: 'select'; readonly args: readonly [number, number, number]; readonly dtype: FuseDType };

/** Reductions a fused function may end with. */
export type FuseReduceName = 'sum' | 'prod' | 'mean' | 'min' | 'max' | 'any' | 'all' | 'count' | 'std' | 'var';

/** The last step of a plan. */
export type FuseFinal =
  | { readonly kind: 'map' }
  | { readonly kind: 'compress'; readonly mask: number }
  | {
      readonly kind: 'reduce';
      readonly name: FuseReduceName;
      /** The arguments the reduction was called with (axis, options), passed on as given. */
      readonly args: readonly unknown[];
      /** The mask of a `where(mask)` feeding the reduction, or -1. */
      readonly mask: number;
    };

/** A traced (and, after the optimiser, optimised) plan. */
export interface FusePlan {
  readonly nodes: readonly FuseNode[];
  /** Index of the value the last step works on. */
  readonly root: number;
  readonly final: FuseFinal;
  /** Number of arguments of the fused function. */
  readonly arity: number;
}

/**
 * An expression `nd.fuse` cannot fuse: an unsupported method or `nd` function, a step after
 * the last one, a plain JS operator on a traced value. Thrown while tracing, before anything
 * runs; names what was used.
 * @example
 * nd.fuse((x) => x.reshape([2, 2]))(a); // FuseError: nd.fuse: reshape is not supported inside a fused function ...
 */
export class FuseError extends NdvecError {
  /** The method, function or construct that cannot be fused. */
  readonly op: string;
  /**
   * @param op what was used
   * @param message why it cannot be fused
   */
  constructor(op: string, message: string) {
    super(`nd.fuse: ${message}`);
    this.op = op;
  }
}

/** Key of a node for common-subexpression detection (equal keys: the same value). */
export function nodeKey(n: FuseNode): string {
  switch (n.kind) {
    case 'input':
      return `i${n.index}`;
    case 'const':
      return `c${n.dtype[0]}${Object.is(n.value, -0) ? '-0' : String(n.value)}`;
    case 'op':
      return `${n.op}(${n.args.join(',')})`;
    case 'select':
      return `where(${n.args.join(',')})`;
  }
}

/** Builds a node list with common subexpressions merged (hash-consing). */
export class NodeBuilder {
  readonly nodes: FuseNode[] = [];
  private readonly index = new Map<string, number>();

  /** Adds `n` unless an equal node exists; returns its index. */
  add(n: FuseNode): number {
    const key = nodeKey(n);
    const found = this.index.get(key);
    if (found !== undefined) return found;
    this.nodes.push(n);
    this.index.set(key, this.nodes.length - 1);
    return this.nodes.length - 1;
  }
}

/**
 * Which nodes the given ones read, directly or not (themselves included).
 * @param nodes a plan's nodes
 * @param from the nodes to start from (negative entries are ignored)
 * @returns a flag per node
 */
export function reachable(nodes: readonly FuseNode[], from: readonly number[]): boolean[] {
  const seen = nodes.map(() => false);
  const stack = from.filter((i) => i >= 0);
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = true;
    const n = nodes[i]!;
    if (n.kind === 'op' || n.kind === 'select') stack.push(...n.args);
  }
  return seen;
}
