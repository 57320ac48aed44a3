/**
 * docs/benchmarks.svg: the speed-up of each variant over the typed-array loop, one group of
 * bars a case and size, one colour a variant, on a log axis. Bars grow from 1× (the loop):
 * right is faster, left is slower. Rendered in Node by vega with a plain vega spec.
 * @module
 */
import * as vega from 'vega';
import type { ResultRow } from './harness.ts';

const BAR_PX = 7;
const GROUP_GAP_PX = 10;

/** Distinct, colour-blind-friendly hues (Tableau 10), one a variant. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** The three `Array` methods share one colour: each case has only one of them. */
function legendName(variant: string): string {
  return variant.startsWith('Array.') ? 'Array.filter/map/reduce' : variant;
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
  const values = rows
    .filter((r) => r.variant !== baseline && Number.isFinite(r.ratio) && r.ratio > 0)
    .map((r) => ({ group: `${r.op} · ${r.size}`, variant: legendName(r.variant), ratio: r.ratio }));
  const groups = [...new Set(values.map((v) => v.group))];
  const variants = [...new Set(values.map((v) => v.variant))];
  const widest = Math.max(1, ...groups.map((g) => values.filter((v) => v.group === g).length));
  const height = groups.length * (widest * BAR_PX + GROUP_GAP_PX);
  const ratios = values.map((v) => v.ratio);
  const lo = Math.min(0.5, ...ratios) / 1.5;
  const hi = Math.max(2, ...ratios) * 1.5;
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: 640,
    height,
    padding: 8,
    background: 'white',
    title: { text: title, subtitle, anchor: 'start', fontSize: 15, subtitleFontSize: 11 },
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
      { orient: 'bottom', scale: 'x', grid: true, format: '~g', title: `speed-up over ${baseline} (log scale; right of 1 is faster)` },
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
