// The ndvec demo: runs one task four ways (Array method, Float64Array loop, ndvec on JS
// kernels, ndvec on WASM), times each, checks they agree, and draws the times as an SVG bar
// chart built with DOM calls. Imports the built package from dist/ (run `npm run build`).
import { nd, NdArray } from '../../dist/index.js';
import { parseExpression, toClosure, toNdvec, toNdvecSource } from './expression.js';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

/** The four ways, in display order. */
const VARIANTS = [
  { id: 'plain', name: 'Array method' },
  { id: 'loop', name: 'Float64Array loop' },
  { id: 'ndjs', name: 'ndvec · JS kernels', wasm: false },
  { id: 'ndwasm', name: 'ndvec · WASM', wasm: true },
];

/**
 * Each task: the code shown for each variant, and the functions timed. `plain` gets a JS
 * Array, `loop` a Float64Array, `nd` an NdArray.
 */
function makeCase(kind, expressionText) {
  switch (kind) {
    case 'filter':
      return {
        code: {
          plain: 'arr.filter(x => x > 0)',
          loop: 'for (…) if (x[i] > 0) out[k++] = x[i]',
          nd: 'a.where(a.gt(0))',
        },
        plain: (arr) => arr.filter((x) => x > 0),
        loop: (x) => {
          const out = new Float64Array(x.length);
          let k = 0;
          for (let i = 0; i < x.length; i++) if (x[i] > 0) out[k++] = x[i];
          return out.subarray(0, k);
        },
        nd: (a) => a.where(a.gt(0)),
      };
    case 'transform':
      return {
        code: {
          plain: 'arr.map(x => x * x + 2 * x + 1)',
          loop: 'for (…) out[i] = x[i] * x[i] + 2 * x[i] + 1',
          nd: 'a.mul(a).add(a.mul(2)).add(1)',
        },
        plain: (arr) => arr.map((x) => x * x + 2 * x + 1),
        loop: (x) => {
          const out = new Float64Array(x.length);
          for (let i = 0; i < x.length; i++) out[i] = x[i] * x[i] + 2 * x[i] + 1;
          return out;
        },
        nd: (a) => a.mul(a).add(a.mul(2)).add(1),
      };
    case 'custom': {
      // The loops call the parsed expression through a tree of closures (no eval), which
      // costs more than a hand-written loop; the ndvec side runs the same ops as typed code.
      const tree = parseExpression(expressionText);
      const f = toClosure(tree);
      return {
        code: {
          plain: `arr.map(x => ${expressionText.trim()})`,
          loop: 'for (…) out[i] = f(x[i])   (f: the parsed expression as closures)',
          nd: toNdvecSource(tree),
        },
        plain: (arr) => arr.map(f),
        loop: (x) => {
          const out = new Float64Array(x.length);
          for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
          return out;
        },
        nd: (a) => toNdvec(tree, nd, a),
      };
    }
    case 'aggregate':
      return {
        code: {
          plain: 'arr.filter(x => x > 0).reduce((s, x) => s + x, 0)',
          loop: 'for (…) if (x[i] > 0) s += x[i]',
          nd: 'a.where(a.gt(0)).sum()',
        },
        plain: (arr) => arr.filter((x) => x > 0).reduce((s, x) => s + x, 0),
        loop: (x) => {
          let s = 0;
          for (let i = 0; i < x.length; i++) if (x[i] > 0) s += x[i];
          return s;
        },
        nd: (a) => a.where(a.gt(0)).sum(),
      };
    case 'sum':
      return {
        code: { plain: 'arr.reduce((s, x) => s + x, 0)', loop: 'for (…) s += x[i]', nd: 'a.sum()' },
        plain: (arr) => arr.reduce((s, x) => s + x, 0),
        loop: (x) => {
          let s = 0;
          for (let i = 0; i < x.length; i++) s += x[i];
          return s;
        },
        nd: (a) => a.sum(),
      };
    case 'exp':
      return {
        code: { plain: 'arr.map(Math.exp)', loop: 'for (…) out[i] = Math.exp(x[i])', nd: 'a.exp()' },
        plain: (arr) => arr.map(Math.exp),
        loop: (x) => {
          const out = new Float64Array(x.length);
          for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]);
          return out;
        },
        nd: (a) => a.exp(),
      };
  }
  throw new Error(`unknown task ${kind}`);
}

/** A comparable digest of a result: a number, or the length and sum of |values|. */
function digest(result) {
  if (typeof result === 'number') return { length: 1, total: result };
  const values = result instanceof NdArray ? result.toFloat64Array() : result;
  let total = 0;
  for (let i = 0; i < values.length; i++) total += Math.abs(values[i]);
  return { length: values.length, total };
}

function sameDigest(p, q) {
  if (p.length !== q.length) return false;
  if (Number.isNaN(p.total) || Number.isNaN(q.total)) return Number.isNaN(p.total) && Number.isNaN(q.total);
  if (!Number.isFinite(p.total) || !Number.isFinite(q.total)) return p.total === q.total;
  return Math.abs(p.total - q.total) <= 1e-9 * Math.max(1, Math.abs(p.total), Math.abs(q.total));
}

/**
 * Median milliseconds per call of `fn`. Calls are batched so one sample lasts ≥ 2 ms (browser
 * clocks are coarse); sampling stops after ~250 ms or 30 samples (at least 5).
 */
function measure(fn) {
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    if (performance.now() - t0 >= 2 || batch >= 1 << 20) break;
    batch *= 4;
  }
  const samples = [];
  const deadline = performance.now() + 250;
  while (samples.length < 5 || (samples.length < 30 && performance.now() < deadline)) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((performance.now() - t0) / batch);
  }
  samples.sort((p, q) => p - q);
  return samples[samples.length >> 1];
}

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));

function showCode(task) {
  const box = $('code');
  box.replaceChildren();
  for (const [name, code] of [
    ['Array method', task.code.plain],
    ['Float64Array loop', task.code.loop],
    ['ndvec', task.code.nd],
  ]) {
    const label = document.createElement('span');
    label.className = 'name';
    label.textContent = name;
    const text = document.createElement('code');
    text.textContent = code;
    box.append(label, text);
  }
}

function formatMs(ms) {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 0.01) return `${ms.toFixed(3)} ms`;
  return `${(ms * 1000).toFixed(2)} µs`;
}

function svgElement(name, attributes, text) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Horizontal bars, one per finished variant, scaled to the slowest. */
function drawChart(rows) {
  const width = 720;
  const labelWidth = 170;
  const valueRoom = 150;
  const rowHeight = 34;
  const height = VARIANTS.length * rowHeight + 10;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'timings' });
  const slowest = Math.max(...rows.map((r) => r.ms), 1e-9);
  const plain = rows.find((r) => r.id === 'plain');
  svg.append(svgElement('line', { class: 'axis', x1: labelWidth, x2: labelWidth, y1: 0, y2: height }));
  VARIANTS.forEach((variant, i) => {
    const y = 5 + i * rowHeight;
    svg.append(svgElement('text', { class: 'label', x: labelWidth - 10, y: y + 20, 'text-anchor': 'end' }, variant.name));
    const row = rows.find((r) => r.id === variant.id);
    if (row === undefined) return;
    const barWidth = Math.max(2, ((width - labelWidth - valueRoom) * row.ms) / slowest);
    svg.append(svgElement('rect', { class: `bar-${variant.id}`, x: labelWidth, y: y + 4, width: barWidth, height: rowHeight - 10, rx: 3 }));
    const value = svgElement('text', { class: 'value', x: labelWidth + barWidth + 6, y: y + 20 }, formatMs(row.ms));
    svg.append(value);
    if (plain !== undefined && variant.id !== 'plain') {
      const factor = plain.ms / row.ms;
      svg.append(svgElement('text', { class: 'factor', x: labelWidth + barWidth + 80, y: y + 20 }, `${factor >= 10 ? factor.toFixed(0) : factor.toFixed(1)}×`));
    }
  });
  $('chart').replaceChildren(svg);
}

function drawTable(rows, size) {
  const plain = rows.find((r) => r.id === 'plain');
  const body = $('results').tBodies[0];
  body.replaceChildren();
  for (const row of rows) {
    const tr = document.createElement('tr');
    const cells = [
      row.name,
      formatMs(row.ms),
      `${((row.ms * 1e6) / size).toFixed(2)} ns`,
      plain === undefined ? '' : `${(plain.ms / row.ms).toFixed(1)}×`,
      row.same ? '✓' : '✗ differs',
    ];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 4) td.className = row.same ? 'ok' : 'bad';
      tr.append(td);
    });
    body.append(tr);
  }
}

let finishedRuns = 0;

/** Shows progress; `data-state` and `data-runs` (finished runs) let tests wait for a run. */
function setStatus(state, text) {
  const status = $('status');
  status.dataset.state = state;
  if (state === 'done' || state === 'error') status.dataset.runs = String(++finishedRuns);
  status.textContent = text;
}

async function runAll(event) {
  event?.preventDefault();
  $('error').textContent = '';
  let task;
  try {
    task = makeCase($('case').value, $('expression').value);
  } catch (e) {
    $('error').textContent = e.message;
    setStatus('error', 'Fix the expression to run.');
    return;
  }
  showCode(task);
  const size = Number($('size').value);
  const button = $('run');
  button.disabled = true;
  const wasmBefore = nd.config().wasm;
  try {
    const data = nd.randn(size, { seed: 7 });
    const f64 = data.toFloat64Array();
    const arr = Array.from(f64);
    const reference = digest(task.plain(arr));
    const rows = [];
    for (const variant of VARIANTS) {
      setStatus('running', `Running ${variant.name} on ${size.toLocaleString('en')} numbers…`);
      await nextFrame();
      let once;
      let result;
      if (variant.id === 'plain') {
        once = () => task.plain(arr);
        result = digest(task.plain(arr));
      } else if (variant.id === 'loop') {
        once = () => task.loop(f64);
        result = digest(task.loop(f64));
      } else {
        nd.config({ wasm: variant.wasm });
        once = () => {
          const r = nd.scope(() => task.nd(data));
          if (r instanceof NdArray) r.dispose();
        };
        const r = nd.scope(() => task.nd(data));
        result = digest(r);
        if (r instanceof NdArray) r.dispose();
      }
      const ms = measure(once);
      nd.config({ wasm: wasmBefore });
      rows.push({ id: variant.id, name: variant.name, ms, same: sameDigest(result, reference) });
      drawChart(rows);
      drawTable(rows, size);
    }
    data.dispose();
    const info = nd.info();
    const best = rows.find((r) => r.id === 'ndwasm');
    const plain = rows.find((r) => r.id === 'plain');
    setStatus(
      'done',
      `Done: ${size.toLocaleString('en')} numbers. ndvec on WASM is ${(plain.ms / best.ms).toFixed(1)}× the Array method` +
        ` (WASM ${info.wasm ? 'on' : 'off'}, SIMD ${info.simd ? 'on' : 'off'}).`,
    );
  } catch (e) {
    setStatus('error', `Error: ${e.message}`);
    throw e;
  } finally {
    nd.config({ wasm: wasmBefore });
    button.disabled = false;
  }
}

function syncControls() {
  $('expression-label').hidden = $('case').value !== 'custom';
  try {
    showCode(makeCase($('case').value, $('expression').value));
    $('error').textContent = '';
  } catch (e) {
    $('error').textContent = e.message;
  }
}

$('controls').addEventListener('submit', runAll);
$('case').addEventListener('change', syncControls);
$('expression').addEventListener('input', syncControls);
syncControls();
// On a page the WASM kernels compile in the background after import (ops run on the JS
// kernels meanwhile); wait for them so the WASM variant measures WASM.
setStatus('loading', 'Loading the WebAssembly kernels…');
nd.ready().then(() => {
  const info = nd.info();
  const wasm = info.wasm ? 'on' : `off (${info.wasmReason})`;
  setStatus('idle', `ndvec loaded: WASM ${wasm}, SIMD ${info.simd ? 'on' : 'off'}. Press Run.`);
});
