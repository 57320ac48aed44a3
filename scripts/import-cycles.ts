// Finds runtime import cycles among the ES modules under a folder (dist/ after the build):
// static `import … from`, `export … from` and `import('…')` of relative paths; `import type`
// is erased by the compiler and so never appears in dist/. Prints each cycle and exits 1
// when there is one. Usage: node --import tsx scripts/import-cycles.ts [dir]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative module specifiers a JS or TS file loads at run time. */
export function runtimeImports(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*${},\s]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) {
    if (m[1] !== undefined) continue; // `import type` / `export type`: erased
    specs.push((m[2] ?? m[3])!);
  }
  return specs;
}

/** Every file under `dir` with one of `exts`. */
function listFiles(dir: string, exts: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, exts));
    else if (exts.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * The runtime import cycles among the modules under `dir` (strongly connected components of
 * more than one module, or a module importing itself), each as a list of paths relative to `dir`.
 */
export function importCycles(dir: string, exts: readonly string[] = ['.js']): string[][] {
  const files = listFiles(dir, exts);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    graph.set(f, runtimeImports(readFileSync(f, 'utf8')).map((s) => resolve(dirname(f), s)).filter((t) => graph.has(t) || files.includes(t)));
  }
  // Tarjan's strongly connected components, iterative.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  for (const root of files) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i === 0) {
        index.set(v, counter);
        low.set(v, counter++);
        stack.push(v);
        onStack.add(v);
      }
      const next = graph.get(v)!;
      if (i < next.length) {
        frame[1]++;
        const w = next[i]!;
        if (!index.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || graph.get(v)!.includes(v)) cycles.push(component.map((c) => relative(dir, c)).sort());
      }
    }
  }
  return cycles;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const cycles = importCycles(dir, process.argv[3] === '--ts' ? ['.ts'] : ['.js']);
  for (const c of cycles) console.log(`import cycle (${c.length} modules): ${c.join(' -> ')}`);
  if (cycles.length === 0) console.log(`import-cycles: none in ${dir}`);
  process.exit(cycles.length === 0 ? 0 : 1);
}
