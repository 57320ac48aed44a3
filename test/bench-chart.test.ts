/**
 * The benchmark chart and tables on fake results: speed-ups from medians (an outlier mean,
 * as the ±113 % figure that once stretched the axis by 10^4, no longer moves the chart), the
 * re-run keeps the steadier figure, noisy rows are marked in the tables and the chart, and
 * every bar carries its value label.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chartBars, chartSpec, renderSvg } from '../bench/chart.ts';
import { NOISY_RME, markdownTable, medianRatios, speedupTable, steadier } from '../bench/report.ts';
import type { ResultRow } from '../bench/harness.ts';

function row(variant: string, p50Ms: number, meanMs: number, rme: number, extra: Partial<ResultRow> = {}): ResultRow {
  return { op: 'sum', size: '1K', variant, hz: 1000 / meanMs, meanMs, p50Ms, rme, ratio: NaN, samples: 50, ...extra };
}

const baseline = 'typed-loop';
const rows: ResultRow[] = [
  row(baseline, 0.002, 0.002, 1),
  row('ndvec-wasm', 0.0005, 0.0006, 3),
  // The outlier: its mean is 10^4 × its median (one huge pause), its rme stayed 113 %.
  row('numpy-ts', 0.004, 40, 113, { noisy: true }),
  row('ndvec-js', 0.001, 0.001, 2, { error: 'got 3 values summing to 1, typed-loop gave 3 values summing to 2' }),
  { op: 'add', size: '1M', variant: baseline, hz: 1000, meanMs: 1, p50Ms: 1, rme: 25, ratio: 1, samples: 10, noisy: true },
  { op: 'add', size: '1M', variant: 'ndvec-wasm', hz: 2000, meanMs: 0.5, p50Ms: 0.5, rme: 2, ratio: 2, samples: 10 },
];
for (const [i, r] of rows.entries()) r.ratio = rows.find((b) => b.op === r.op && b.size === r.size && b.variant === baseline)!.meanMs / rows[i]!.meanMs;

describe('bench chart and tables', () => {
  test('the noise threshold is 10 %', () => {
    assert.equal(NOISY_RME, 10);
  });

  test('a re-run keeps the steadier of the two runs', () => {
    const first = { meanMs: 2, p50Ms: 1, rme: 113, samples: 9 };
    const second = { meanMs: 1.1, p50Ms: 1, rme: 4, samples: 12 };
    assert.equal(steadier(first, second), second);
    assert.equal(steadier(second, first), second);
    assert.equal(steadier(first, { ...first }), first, 'a tie keeps the first run');
  });

  test('speed-ups by median times: the outlier mean does not count', () => {
    assert.deepEqual(medianRatios(rows, baseline), [1, 4, 0.5, 2, 1, 2]);
    // By means the same outlier would have been 0.002 / 40 = 5e-5.
    assert.equal(rows[2]!.ratio, 0.00005);
  });

  test('bars: no baseline, no failed row, medians, labels, noisy marks (own or baseline noise)', () => {
    assert.deepEqual(chartBars(rows, baseline), [
      { group: 'sum · 1K', variant: 'ndvec-wasm', ratio: 4, label: '4.0×', noisy: false },
      { group: 'sum · 1K', variant: 'numpy-ts', ratio: 0.5, label: '0.50× noisy', noisy: true },
      { group: 'add · 1M', variant: 'ndvec-wasm', ratio: 2, label: '2.0× noisy', noisy: true },
    ]);
  });

  test('the axis spans the medians, not the outlier mean', () => {
    const spec = chartSpec(rows, 'title', 'machine', baseline);
    const x = spec.scales!.find((s) => s.name === 'x') as unknown as { domain: [number, number] };
    assert.ok(x.domain[0] >= 0.1 && x.domain[1] <= 20, `domain ${x.domain}`);
  });

  test('the SVG shows a value label on every bar and fades the noisy ones', async () => {
    const svg = await renderSvg(chartSpec(rows, 'title', 'machine', baseline));
    for (const label of ['4.0×', '0.50× noisy', '2.0× noisy']) assert.ok(svg.includes(`>${label}<`), `label ${label} missing`);
    assert.match(svg, /Median times\. Faded bars marked "noisy"/);
    assert.equal((svg.match(/fill-opacity="0\.3"/g) ?? []).length, 2, 'two faded bars');
  });

  test('tables mark a noisy figure with * and a note', () => {
    const md = markdownTable(rows);
    assert.match(md, /\| sum \| 1K \| numpy-ts \| 25\.0 \| 40\.0 ms \| ±113\.0% \| 4\.00 µs \| 0\.000050×\* \| noisy: ±113% after a re-run \|/);
    assert.match(md, /\| sum \| 1K \| ndvec-wasm \| [^|]+ \| [^|]+ \| ±3\.0% \| 500 ns \| 3\.3× \|  \|/);
    assert.match(speedupTable(rows, ['ndvec-wasm', 'numpy-ts']), /\| sum \| 1K \| 3\.3× \| 0\.000050×\* \|/);
  });
});
