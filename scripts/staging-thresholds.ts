/**
 * Measures, per op family, ops on JS-backed arrays (past the arena's soft limit) run by the
 * JS loops against the same ops staged through scratch blocks to the WASM kernels, side by
 * side in one process, to set `STAGE_MIN` in src/ops/elementwise.ts (docs/design.md,
 * "Staging JS-backed arrays through WASM"). Each cell: fastest of 9 runs, µs per call,
 * including the allocation of the (JS-backed) result.
 *
 *     node --import tsx scripts/staging-thresholds.ts [text]   (only cases whose name contains text)
 * @module
 */
import { nd, type NdArray } from '../src/index.ts';
import { STAGE_MIN, type StageFamily } from '../src/dispatch.ts';
import { fastestPerCall } from './timing.ts';

const SIZES = [1_000, 100_000, 1_000_000];

/** One op of each family: (a, b, mask) → result (a number for count, a itself for setWhere). */
const CASES: [string, StageFamily, (a: NdArray, b: NdArray, m: NdArray) => unknown][] = [
  ['add a+b', 'binary', (a, b) => a.add(b)],
  ['mul a*2', 'binary', (a) => a.mul(2)],
  ['and m&m', 'logical', (_a, _b, m) => m.and(m)],
  ['gt a>b', 'compare', (a, b) => a.gt(b)],
  ['gt a>0', 'compare', (a) => a.gt(0)],
  ['isnan', 'predicate', (a) => a.isnan()],
  ['abs', 'unarySimple', (a) => a.abs()],
  ['sqrt', 'unarySimple', (a) => a.sqrt()],
  ['exp', 'unaryTranscendental', (a) => a.exp()],
  ['sin', 'unaryTranscendental', (a) => a.sin()],
  ['log', 'unaryTranscendental', (a) => a.log()],
  ['toBool', 'convert', (a) => a.astype('bool')],
  ['copy', 'convert', (a) => a.copy()],
  ['where(c,a,b)', 'select', (a, b, m) => nd.where(m, a, b)],
  ['where(c,a,0)', 'select', (a, _b, m) => nd.where(m, a, 0)],
  ['a.where(m)', 'compress', (a, _b, m) => a.where(m)],
  ['m.count()', 'count', (_a, _b, m) => m.count()],
  ['setWhere(m,0)', 'setWhere', (a, _b, m) => a.setWhere(m, 0)],
  ['setWhere(m,b)', 'setWhere', (a, b, m) => a.setWhere(m, b)],
];

/** Fastest of 9 runs, per call (µs). */
function fastest(fn: () => void, iters: number): number {
  return fastestPerCall(fn, iters, 9) * 1e3;
}

const defaultLimit = nd.config().arenaSoftLimit;
const saved = { ...STAGE_MIN };
console.log(`µs per call on JS-backed arrays, JS loops / staged WASM (fastest of 9); Node ${process.version}`);
console.log('case'.padEnd(16) + SIZES.map((n) => String(n).padStart(22)).join(''));
try {
  for (const [layout, inArena] of [['all JS-backed', false], ['inputs in the arena, result JS-backed', true]] as const) {
    console.log(`-- ${layout}`);
    for (const [name, family, op] of CASES) {
      if (process.argv[2] !== undefined && !name.includes(process.argv[2])) continue;
      let line = name.padEnd(16);
      for (const n of SIZES) {
        nd.config({ arenaSoftLimit: inArena ? defaultLimit : 0 });
        const a = nd.array(Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 3));
        const b = nd.array(Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.3)));
        const m = a.gt(0);
        nd.config({ arenaSoftLimit: 0 });
        const iters = Math.max(3, Math.floor(3_000_000 / n));
        const us: number[] = [];
        for (const min of [Infinity, 0]) {
          STAGE_MIN[family] = min;
          us.push(fastest(() => void op(a, b, m), iters));
        }
        STAGE_MIN[family] = saved[family];
        const ratio = us[0]! / us[1]!;
        line += `${us[0]!.toFixed(1)}/${us[1]!.toFixed(1)} ${ratio.toFixed(1)}×`.padStart(22);
        nd.config({ arenaSoftLimit: defaultLimit });
        for (const x of [a, b, m]) x.dispose();
      }
      console.log(line);
    }
  }
} finally {
  nd.config({ arenaSoftLimit: defaultLimit });
  Object.assign(STAGE_MIN, saved);
}
