/**
 * `f.explain()`: an optimised fused plan as text, one value a line.
 * @module
 */
import type { FuseNode, FusePlan } from './plan.ts';

function describeNode(n: FuseNode, numberArgs: readonly boolean[]): string {
  switch (n.kind) {
    case 'input':
      return `arg ${n.index} (${numberArgs[n.index] ? 'number' : n.dtype})`;
    case 'const':
      return `const ${Object.is(n.value, -0) ? '-0' : String(n.value)}${n.dtype === 'bool' ? ' (bool)' : ''}`;
    case 'op':
      return `${n.op} ${n.args.map((a) => `%${a}`).join(', ')}`;
    case 'select':
      return `where %${n.args[0]} ? %${n.args[1]} : %${n.args[2]}`;
  }
}

/**
 * The plan as text.
 * @param plan an optimised plan
 * @param numberArgs which arguments are numbers
 * @returns lines such as `%2 = mul %0, %0` and the last step
 */
export function explainPlan(plan: FusePlan, numberArgs: readonly boolean[]): string {
  const lines = [`fused plan: ${plan.arity} argument(s), ${plan.nodes.length} value(s), evaluated in blocks of 4096`];
  plan.nodes.forEach((n, i) => lines.push(`  %${i} = ${describeNode(n, numberArgs)}${n.kind === 'op' || n.kind === 'select' ? `  -> ${n.dtype}` : ''}`));
  const f = plan.final;
  if (f.kind === 'map') lines.push(`  result: %${plan.root}, element-wise (broadcast shape of the arguments)`);
  else if (f.kind === 'compress') lines.push(`  result: %${plan.root} where %${f.mask} (1-D)`);
  else {
    const args = f.args.length === 0 ? 'all axes' : f.args.map((a) => JSON.stringify(a) ?? String(a)).join(', ');
    lines.push(`  result: ${f.name}(${args}) of %${plan.root}${f.mask >= 0 ? ` where %${f.mask} (mask never stored)` : ''}`);
  }
  return lines.join('\n');
}
