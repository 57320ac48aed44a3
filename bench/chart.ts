/**
 * docs/benchmarks.svg: the speed-up of each variant over the typed-array loop by median
 * times, one group of bars a case and size, one colour a variant, on a log axis, each bar
 * labelled with its value. Bars grow from 1× (the loop): right is faster, left is slower.
 * A noisy figure (relative error over NOISY_RME % after a re-run) is drawn faded and
 * labelled "noisy". Rendered in Node by vega with a plain vega spec.
 * @module
 */
import * as vega from 'vega';
import type { ResultRow } from './harness.ts';
import { NOISY_RME, formatRatio, medianRatios } from './report.ts';

const BAR_PX = 11;
const GROUP_GAP_PX = 10;

/** Distinct, colour-blind-friendly hues (Tableau 10), one a variant. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** The three `Array` methods share one colour: each case has only one of them. */
function legendName(variant: string): string {
  return variant.startsWith('Array.') ? 'Array.filter/map/reduce' : variant;
}

/** One bar of the chart. */
export interface ChartBar {
  /** `op · size` */
  group: string;
  /** legend name of the variant */
  variant: string;
  /** speed-up over the baseline, by medians */
  ratio: number;
  /** the value label: `12×`, `0.41×`, with ` noisy` when the row is */
  label: string;
  /** the row's figure stayed noisy after a re-run (or the baseline's did) */
  noisy: boolean;
}

/**
 * The bars of the chart: every row with a figure except the baseline, its speed-up taken
 * from median times; a bar is noisy when its row or its case's baseline row is.
 * @param rows the results
 * @param baseline the variant the speed-ups are relative to
 * @returns the bars, in row order
 * @example
 * chartBars(rows, 'typed-loop')[0]; // { group: 'add · 1K', variant: 'ndvec-wasm', ratio: 2, label: '2.0×', noisy: false }
 */
export function chartBars(rows: readonly ResultRow[], baseline: string): ChartBar[] {
  const ratios = medianRatios(rows, baseline);
  const noisyBase = new Set(rows.filter((r) => r.variant === baseline && r.noisy === true).map((r) => `${r.op}\u0000${r.size}`));
  return rows.flatMap((r, i) => {
    const ratio = ratios[i]!;
    if (r.variant === baseline || r.error !== undefined || !Number.isFinite(ratio) || ratio <= 0) return [];
    const noisy = r.noisy === true || noisyBase.has(`${r.op}\u0000${r.size}`);
    return [{ group: `${r.op} · ${r.size}`, variant: legendName(r.variant), ratio, label: formatRatio(ratio) + (noisy ? ' noisy' : ''), noisy }];
  });
}

/**
 * The vega spec of the chart.
 * @param rows the results (rows without a figure, and the baseline, are left out)
 * @param title the chart title
 * @param subtitle the machine line
 * @param baseline the variant the speed-ups are relative to
 * @returns a vega spec
 */
export function chartSpec(rows: readonly ResultRow[], title: string, subtitle: string, baseline: string): vega.Spec {
  const values = chartBars(rows, baseline);
  const groups = [...new Set(values.map((v) => v.group))];
  const variants = [...new Set(values.map((v) => v.variant))];
  const widest = Math.max(1, ...groups.map((g) => values.filter((v) => v.group === g).length));
  const height = groups.length * (widest * BAR_PX + GROUP_GAP_PX);
  const ratios = values.map((v) => v.ratio);
  // Room for the value labels beyond the longest bars.
  const lo = Math.min(0.5, ...ratios) / 3;
  const hi = Math.max(2, ...ratios) * 3;
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: 640,
    height,
    padding: 8,
    background: 'white',
    title: {
      text: title,
      subtitle: [subtitle, `Median times. Faded bars marked "noisy": relative error over ${NOISY_RME} % even after a re-run.`],
      anchor: 'start',
      fontSize: 15,
      subtitleFontSize: 11,
    },
    data: [
      { name: 'bars', values },
      { name: 'groups', values: groups.map((group, i) => ({ group, shade: i % 2 === 0 })) },
    ],
    scales: [
      { name: 'y', type: 'band', domain: groups, range: 'height', paddingInner: 0, paddingOuter: 0 },
      { name: 'x', type: 'log', domain: [lo, hi], range: 'width', nice: true },
      { name: 'color', type: 'ordinal', domain: variants, range: PALETTE.slice(0, Math.max(variants.length, 1)) },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', grid: true, format: '~g', title: `speed-up over ${baseline}, median times (log scale; right of 1 is faster)` },
      { orient: 'top', scale: 'x', format: '~g' },
      { orient: 'left', scale: 'y', ticks: false, domain: false, labelFontSize: 11, labelLimit: 300 },
    ],
    legends: [{ fill: 'color', title: 'variant', orient: 'right', labelFontSize: 11, labelLimit: 400 }],
    marks: [
      {
        type: 'rect',
        from: { data: 'groups' },
        encode: {
          enter: {
            x: { value: 0 },
            x2: { signal: 'width' },
            y: { scale: 'y', field: 'group' },
            height: { scale: 'y', band: 1 },
            fill: { value: '#f3f3f3' },
            fillOpacity: { signal: 'datum.shade ? 1 : 0' },
          },
        },
      },
      {
        type: 'group',
        from: { facet: { data: 'bars', name: 'facet', groupby: 'group' } },
        encode: {
          enter: {
            y: { scale: 'y', field: 'group', offset: GROUP_GAP_PX / 2 },
            height: { signal: `bandwidth('y') - ${GROUP_GAP_PX}` },
            width: { signal: 'width' },
          },
        },
        signals: [{ name: 'height', update: `bandwidth('y') - ${GROUP_GAP_PX}` }],
        scales: [{ name: 'pos', type: 'band', range: { step: BAR_PX }, domain: { data: 'facet', field: 'variant' }, padding: 0.1 }],
        marks: [
          {
            type: 'rect',
            from: { data: 'facet' },
            encode: {
              enter: {
                y: { scale: 'pos', field: 'variant' },
                height: { scale: 'pos', band: 1 },
                x: { scale: 'x', field: 'ratio' },
                x2: { scale: 'x', value: 1 },
                fill: { scale: 'color', field: 'variant' },
                fillOpacity: { signal: 'datum.noisy ? 0.3 : 1' },
                stroke: { signal: "datum.noisy ? '#555' : null" },
                strokeDash: { value: [2, 2] },
              },
            },
          },
          {
            // The value at the end of each bar: outside it, on the side away from 1×.
            type: 'text',
            from: { data: 'facet' },
            encode: {
              enter: {
                y: { scale: 'pos', field: 'variant', band: 0.5 },
                x: { scale: 'x', field: 'ratio' },
                dx: { signal: 'datum.ratio >= 1 ? 3 : -3' },
                align: { signal: "datum.ratio >= 1 ? 'left' : 'right'" },
                baseline: { value: 'middle' },
                text: { field: 'label' },
                fontSize: { value: 9 },
                fill: { signal: "datum.noisy ? '#b00' : '#333'" },
              },
            },
          },
        ],
      },
      {
        type: 'rule',
        encode: {
          enter: {
            x: { scale: 'x', value: 1 },
            y: { value: 0 },
            y2: { signal: 'height' },
            stroke: { value: '#222' },
            strokeWidth: { value: 1.5 },
          },
        },
      },
    ],
  };
}

/**
 * Renders the chart to SVG text.
 * @param spec a vega spec from {@link chartSpec}
 * @returns the SVG
 * @example
 * await writeFile('docs/benchmarks.svg', await renderSvg(chartSpec(rows, 'ndvec', line, 'typed-loop')));
 */
export async function renderSvg(spec: vega.Spec): Promise<string> {
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
