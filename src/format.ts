/**
 * Printing like NumPy's `repr` (NumPy 2 defaults: precision 8, line width 75, summarised
 * past 1000 elements with 3 edge items per axis): `array([[1., 2.],\n       [3., 4.]])`.
 *
 * Floats follow NumPy's `FloatingFormat`: each value gets its shortest round-trip digits,
 * cut to 8 decimals (rounding half to even on the exact binary value); one common width per
 * array; scientific notation when the largest magnitude is ≥ 1e8, the smallest nonzero one
 * < 1e-4, or their ratio > 1e3.
 * @module
 */
import type { NdArray } from './ndarray.ts';

const PRECISION = 8;
const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const PREFIX = 'array(';

/** A finite number's decimal digits: |value| = d1.d2d3… × 10^exp. */
interface Decimal {
  negative: boolean;
  /** Significant digits without trailing zeros ('0' for zero). */
  digits: string;
  exp: number;
}

/** Splits a JS exponential string such as '-1.25e-7' into its parts. */
function parseExponential(text: string): Decimal {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const e = body.indexOf('e');
  const digits = body.slice(0, e).replace('.', '').replace(/0+$/, '') || '0';
  return { negative, digits, exp: Number(body.slice(e + 1)) };
}

/** The exact value's leading 100 significant digits (JS's longest exact-rounding output). */
function longDigits(x: number): { digits: string; exp: number } {
  const d = parseExponential(Math.abs(x).toExponential(100 - 1));
  return { digits: d.digits.padEnd(100, '0'), exp: d.exp };
}

/**
 * The shortest round-trip digits of finite `x`, cut to at most `keep(exp)` significant digits
 * with round-half-even on the exact value (Dragon4 as NumPy runs it). With `exact`, the
 * exact value's digits rounded to `keep(exp)` places instead (NumPy's `min_digits`).
 */
function roundedDecimal(x: number, keep: (exp: number) => number, exact = false): Decimal {
  const negative = x < 0 || Object.is(x, -0);
  const shortest = parseExponential(Math.abs(x).toExponential());
  if (!exact && shortest.digits.length <= keep(shortest.exp)) return { ...shortest, negative };
  const long = longDigits(x);
  const k = keep(long.exp);
  if (k <= 0) return { negative, digits: '0', exp: 0 };
  const head = long.digits.slice(0, k);
  const next = long.digits[k]!;
  const rest = long.digits.slice(k + 1);
  const tie = next === '5' && /^0*$/.test(rest);
  const up = next > '5' || (next === '5' && !tie) || (tie && Number(head[k - 1]) % 2 === 1);
  let digits = head;
  let exp = long.exp;
  if (up) {
    const bumped = (BigInt(head) + 1n).toString();
    if (bumped.length > head.length) exp += 1;
    digits = bumped.slice(0, head.length);
  }
  return { negative, digits: digits.replace(/0+$/, '') || '0', exp };
}

/** Integer and fraction parts of a positional rendering (fraction without trailing zeros). */
function positionalParts(d: Decimal): [string, string] {
  const sign = d.negative ? '-' : '';
  if (d.digits === '0') return [`${sign}0`, ''];
  if (d.exp < 0) return [`${sign}0`, '0'.repeat(-d.exp - 1) + d.digits];
  return [sign + d.digits.slice(0, d.exp + 1).padEnd(d.exp + 1, '0'), d.digits.slice(d.exp + 1)];
}

/** Formats one float64 element; built from the (possibly summarised) data to print. */
type ElementFormat = (x: number) => string;

/**
 * NumPy's FloatingFormat for default options: decides positional or scientific notation and
 * the common paddings from `values`, and returns the function formatting each element.
 * @param values the elements that will be shown
 * @returns the element formatter
 */
export function floatFormatter(values: readonly number[]): ElementFormat {
  const finite = values.filter(Number.isFinite);
  let maxAbs = 0;
  let minAbs = Infinity;
  for (const v of finite) {
    const m = Math.abs(v);
    if (m === 0) continue;
    if (m > maxAbs) maxAbs = m;
    if (m < minAbs) minAbs = m;
  }
  const scientific = minAbs !== Infinity && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1e3);
  let padLeft = 0;
  let padRight = 0;
  let render: (x: number) => string;
  if (scientific) {
    const keep = (): number => PRECISION + 1;
    let fracDigits = 0;
    let expDigits = 2;
    for (const v of finite) {
      const d = roundedDecimal(v, keep);
      padLeft = Math.max(padLeft, d.negative ? 2 : 1);
      fracDigits = Math.max(fracDigits, d.digits.length - 1);
      expDigits = Math.max(expDigits, String(Math.abs(d.exp)).length);
    }
    padRight = fracDigits + expDigits + 2;
    render = (x) => {
      let d = roundedDecimal(x, keep);
      // Digits past the shortest ones come from the exact value (they differ from zeros
      // only for subnormals, whose shortest form is short).
      if (d.digits.length - 1 < fracDigits && x !== 0) d = roundedDecimal(x, () => fracDigits + 1, true);
      const whole = (d.negative ? '-' : '') + d.digits[0]!;
      const frac = d.digits.slice(1).padEnd(fracDigits, '0');
      const exp = (d.exp < 0 ? '-' : '+') + String(Math.abs(d.exp)).padStart(expDigits, '0');
      return `${whole.padStart(padLeft)}.${frac}e${exp}`;
    };
  } else {
    const keep = (exp: number): number => exp + 1 + PRECISION;
    for (const v of finite) {
      const [whole, frac] = positionalParts(roundedDecimal(v, keep));
      padLeft = Math.max(padLeft, whole.length);
      padRight = Math.max(padRight, frac.length);
    }
    render = (x) => {
      const [whole, frac] = positionalParts(roundedDecimal(x, keep));
      return `${whole.padStart(padLeft)}.${frac.padEnd(padRight)}`;
    };
  }
  if (finite.length !== values.length) {
    const negInf = values.some((v) => v === -Infinity);
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + (negInf ? 1 : 0) - (padRight + 1));
  }
  const width = padLeft + padRight + 1;
  return (x) => {
    if (Number.isNaN(x)) return 'nan'.padStart(width);
    if (!Number.isFinite(x)) return (x < 0 ? '-inf' : 'inf').padStart(width);
    return render(x);
  };
}

/** The indices shown along an axis of length n: all, or the edge items when summarising. */
function shownIndices(n: number, summarise: boolean): number[] {
  if (summarise && n > 2 * EDGE_ITEMS) {
    return [...Array.from({ length: EDGE_ITEMS }, (_, i) => i), ...Array.from({ length: EDGE_ITEMS }, (_, i) => n - EDGE_ITEMS + i)];
  }
  return Array.from({ length: n }, (_, i) => i);
}

/** Appends `word` to `line`, first moving to a new line when it would pass `width`. */
function extendLine(state: { s: string; line: string }, word: string, width: number, indent: string): void {
  if (state.line.length + word.length > width && state.line.length > indent.length) {
    state.s += state.line.trimEnd() + '\n';
    state.line = indent;
  }
  state.line += word;
}

/** NumPy's `_formatArray`: nested brackets, wrapped rows, blank lines between blocks. */
function formatNested(a: NdArray, element: (p: number) => string, summarise: boolean): string {
  const separator = ', ';
  const recurse = (axis: number, p: number, indent: string, width: number): string => {
    if (axis === a.ndim) return element(p);
    const n = a.shape[axis]!;
    const stride = a.strides[axis]!;
    const nextIndent = indent + ' ';
    const nextWidth = width - 1;
    const showSummary = summarise && n > 2 * EDGE_ITEMS;
    const items = shownIndices(n, summarise);
    const lead = showSummary ? EDGE_ITEMS : n;
    let s: string;
    if (axis === a.ndim - 1) {
      const state = { s: '', line: indent };
      const elemWidth = width - 1;
      items.forEach((i, k) => {
        if (showSummary && k === lead) {
          extendLine(state, '...', elemWidth, indent);
          state.line += separator;
        }
        extendLine(state, recurse(axis + 1, p + i * stride, nextIndent, nextWidth), elemWidth, indent);
        if (k < items.length - 1) state.line += separator;
      });
      s = state.s + state.line;
    } else {
      const lineSep = ',' + '\n'.repeat(a.ndim - axis - 1);
      const parts = items.map((i) => indent + recurse(axis + 1, p + i * stride, nextIndent, nextWidth));
      if (showSummary) parts.splice(lead, 0, indent + '...');
      s = parts.join(lineSep);
    }
    return '[' + s.slice(indent.length) + ']';
  };
  return recurse(0, a.start, ' '.repeat(PREFIX.length + 1), LINE_WIDTH - 1);
}

function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * NumPy-style `repr` of an array, as NumPy 2 prints it with default options.
 * @param a the array (must be live)
 * @returns the text, e.g. `array([ 1.5, -2. ,  3. ])`
 * @example
 * formatArray(nd.array([[1, 2], [3, 4]])); // 'array([[1., 2.],\n       [3., 4.]])'
 * formatArray(nd.array([true, false]));   // 'array([ True, False])'
 */
export function formatArray(a: NdArray): string {
  const isBool = a.dtype === 'bool';
  const summarise = a.size > THRESHOLD;
  let body: string;
  if (a.size === 0) body = '[]';
  else {
    const data: ArrayLike<number> = isBool ? a.u8() : a.f64();
    let element: (p: number) => string;
    if (isBool) {
      const trueText = a.ndim === 0 ? 'True' : ' True';
      element = (p) => (data[p] ? trueText : 'False');
    } else {
      const shown: number[] = [];
      const collect = (axis: number, p: number): void => {
        if (axis === a.ndim) shown.push(data[p]!);
        else for (const i of shownIndices(a.shape[axis]!, summarise)) collect(axis + 1, p + i * a.strides[axis]!);
      };
      collect(0, a.start);
      const format = floatFormatter(shown);
      element = (p) => format(data[p]!);
    }
    body = formatNested(a, element, summarise);
  }
  const extras: string[] = [];
  if ((a.size === 0 && a.ndim !== 1) || summarise) extras.push(`shape=${pythonTuple(a.shape)}`);
  if (a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return `${PREFIX}${body})`;
  const head = `${PREFIX}${body},`;
  const tail = extras.join(', ') + ')';
  const lastLine = head.length - (head.lastIndexOf('\n') + 1);
  const spacer = lastLine + tail.length + 1 > LINE_WIDTH ? '\n' + ' '.repeat(PREFIX.length) : ' ';
  return head + spacer + tail;
}
