/**
 * Differential fuzz of ndvec's .npy/.npz readers against np.load: scripts/npy-fuzz.py mutates
 * .npy headers and .npz archives and records what NumPy makes of each; this has ndvec read
 * the same bytes and counts the differences by kind. ndvec must never read what NumPy refuses,
 * and must read what NumPy reads to the same bits, except the documented differences
 * (docs/design.md, issue 13): `\N{name}` escapes, and archive members whose size fields
 * disagree with their data or that overlap (np.load reads only the bytes an array needs,
 * unchecked; ndvec reads a member whole with its CRC-32 checked, or refuses it).
 * Needs python3 with NumPy.
 *
 *   node --import tsx scripts/npy-fuzz-check.ts [--count 8000] [--seed 1]
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DTypeError, FormatError, NdArray } from '../src/index.ts';
import { fromNpy } from '../src/io/npy.ts';
import { fromNpz } from '../src/io/npz.ts';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const count = arg('count', 8000);
const seed = arg('seed', 1);

type Verdict = { ok: { shape: number[]; bool: boolean; hex: string } } | { unsupported: string } | { error: string } | { bytes: true };
type Case = { name: string; b64: string } & (Verdict | { keys: Record<string, Verdict> });

/** The data of `a` as NumPy's astype(float64 or bool) bytes: what toNpy writes after its header. */
const dataHex = (a: NdArray): string => {
  const file = a.toNpy();
  return Buffer.from(file.subarray(10 + (file[8]! | (file[9]! << 8)))).toString('hex');
};
const same = (a: unknown, v: Verdict): boolean => a instanceof NdArray && 'ok' in v && JSON.stringify(a.shape) === JSON.stringify(v.ok.shape) && dataHex(a) === v.ok.hex;
const refused = (e: unknown): boolean => e instanceof FormatError || e instanceof DTypeError;

/** The kind of difference between ndvec's outcome and NumPy's verdict, or '' when they agree. */
function difference(c: Case, zip: boolean): string {
  const bytes = new Uint8Array(Buffer.from(c.b64, 'base64'));
  let got: unknown;
  try {
    got = zip ? fromNpz(bytes, { lossy: true }) : fromNpy(bytes, { lossy: true });
  } catch (e) {
    got = e;
  }
  const shown = (): string => (got instanceof Error ? `${got.constructor.name}: ${got.message.replace(/\d+/g, 'N').replace(/'[^']*'/g, "'…'").slice(0, 90)}` : 'reads');
  if ('error' in c) return refused(got) ? '' : `NumPy refuses (${c.error.replace(/\d+/g, 'N').slice(0, 50)}), ndvec ${shown()}`;
  if (!zip) {
    if ('unsupported' in c) return got instanceof DTypeError ? '' : `NumPy reads dtype ${c.unsupported}, ndvec ${shown()}`;
    if ('ok' in c) return same(got, c) ? '' : `NumPy reads, ndvec ${shown()}`;
    return '';
  }
  if (!('keys' in c)) return '';
  const members = Object.entries(c.keys).filter(([k, v]) => !('bytes' in v && k.endsWith('/')));
  if (members.some(([, v]) => 'bytes' in v)) return got instanceof FormatError ? '' : `a member NumPy hands back as bytes, ndvec ${shown()}`;
  if (members.some(([, v]) => 'unsupported' in v)) return got instanceof DTypeError ? '' : `an unsupported dtype, ndvec ${shown()}`;
  if (got instanceof Error) return `NumPy reads, ndvec ${shown()}`;
  const arrays = got as Record<string, NdArray>;
  if (JSON.stringify(Object.keys(arrays)) !== JSON.stringify(members.map(([k]) => k))) return 'keys differ';
  return members.every(([k, v]) => same(arrays[k], v)) ? '' : 'values differ';
}

const dir = mkdtempSync(join(tmpdir(), 'ndvec-npy-fuzz-'));
try {
  for (const mode of ['header', 'zip'] as const) {
    const out = join(dir, `${mode}.json`);
    const run = spawnSync('python3', [new URL('npy-fuzz.py', import.meta.url).pathname, mode, String(seed), String(count), out], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr || run.error?.message);
    const cases = JSON.parse(readFileSync(out, 'utf8')) as Case[];
    const kinds = new Map<string, number>();
    for (const c of cases) {
      const d = difference(c, mode === 'zip');
      if (d !== '' && !(mode === 'header' && c.name.includes('\\\\N{'))) kinds.set(d, (kinds.get(d) ?? 0) + 1);
    }
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    const unsafe = [...kinds].filter(([k]) => k.startsWith('NumPy refuses') || k.includes('differ'));
    console.log(`${mode}: ${cases.length} files (seed ${seed}), ${total} differences, ${unsafe.reduce((a, [, n]) => a + n, 0)} of them reads NumPy refuses or other values`);
    for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${String(n).padStart(5)}  ${k}`);
    if (unsafe.length > 0) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
