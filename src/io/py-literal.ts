/**
 * A parser for the Python literals a `.npy` header holds, accepting what NumPy's reader
 * accepts: `ast.literal_eval` of the header (after stripping leading spaces and tabs), and for
 * format versions 1.0 and 2.0 its retry that drops a Python 2 `L` after a number
 * (numpy.lib.format._filter_header). So: dicts (a repeated key keeps its last value, as in
 * Python), tuples, lists, sets, `set()`, strings with any prefix Python allows (`u`, `r`, `b`,
 * `rb`; implicit concatenation `'<' 'f8'`; triple quotes; every escape but `\N{name}`),
 * integers in any base with `_` separators, floats and complex numbers, `True`, `False`, `None`,
 * `...`, unary `+`/`-` on a number, comments, backslash continuations, `\f` as white space,
 * and Python's rules on leading zeros, indentation of the first line and `\v`/NUL (refused).
 * Nothing is evaluated; anything else is a {@link FormatError}. Nesting is limited to 200
 * levels, as in Python, so a hostile header cannot exhaust the stack.
 *
 * Checked against NumPy on ~800 header spellings: test/npy-edge.test.ts with the fixture of
 * scripts/npy-edge-fixtures.py.
 * @module
 */
import { FormatError } from '../errors.ts';

/** A parsed Python tuple (lists are JS arrays). */
export interface PyTuple {
  readonly tuple: readonly PyValue[];
}

/** A parsed Python dict: its items in order, a repeated key once at its first place with its last value. */
export interface PyDict {
  readonly dict: readonly (readonly [PyValue, PyValue])[];
}

/**
 * A literal the `.npy` header has no use for (bytes, float, complex, set, Ellipsis): its kind
 * and its source text, kept for error messages.
 */
export interface PyOther {
  readonly other: 'bytes' | 'float' | 'complex' | 'set' | 'Ellipsis';
  readonly text: string;
}

/** A parsed Python literal. Integers beyond 2^53 keep their digits as a bigint. */
export type PyValue = string | number | bigint | boolean | null | PyTuple | PyDict | PyOther | PyValue[];

const MAX_DEPTH = 200;

type Token =
  | { readonly t: 'str'; readonly value: string; readonly bytes: boolean; readonly f: boolean; readonly at: number; readonly end: number }
  | { readonly t: 'num'; readonly kind: 'int' | 'float' | 'complex'; readonly value: number | bigint; readonly at: number; readonly end: number }
  | { readonly t: 'name' | 'op'; readonly value: string; readonly at: number; readonly end: number }
  | { readonly t: 'end'; readonly value: ''; readonly at: number; readonly end: number };

const ID_START = /[A-Za-z_\u0080-\uffff]/;
const ID_CHAR = /[A-Za-z0-9_\u0080-\uffff]/;
const STRING_PREFIXES = new Set(['', 'r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);
const SIMPLE_ESCAPES: Record<string, string> = { '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * Splits `text` into tokens as Python's tokenizer does, for the tokens a literal can hold.
 * @param allowL drop a name `L` that follows a number (NumPy's Python 2 header filter)
 */
function tokenize(text: string, fail: (at: number, expected: string) => never, allowL: boolean): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let depth = 0; // open brackets: inside them, newlines are white space
  let lineStart = true; // at the start of a logical line (before its first token)
  let column = 0;
  let lastWasNumber = false;
  let firstLine = true;
  const n = text.length;
  while (pos < n) {
    const c = text[pos]!;
    if (c === ' ' || c === '\t' || c === '\f') {
      if (lineStart) column = c === '\f' ? 0 : c === '\t' ? (Math.floor(column / 8) + 1) * 8 : column + 1;
      pos++;
      continue;
    }
    if (c === '\n') {
      pos++;
      firstLine = false;
      if (depth === 0) {
        lineStart = true;
        column = 0;
      }
      lastWasNumber = false; // a NEWLINE/NL token comes between
      continue;
    }
    if (c === '#') {
      while (pos < n && text[pos] !== '\n') pos++;
      lastWasNumber = false; // a COMMENT token
      continue;
    }
    if (c === '\\') {
      if (text[pos + 1] !== '\n') fail(pos, 'a newline after the line continuation character');
      if (pos + 2 >= n) fail(pos + 2, 'more text after the line continuation');
      pos += 2;
      continue;
    }
    // A token: at the start of a line, Python allows no indentation (this is the first token,
    // or one after the literal, which is an error anyway).
    if (lineStart) {
      // (NumPy's Python 2 retry re-spaces the first line, and literal_eval strips its spaces)
      if (column !== 0 && !(allowL && firstLine)) fail(pos, 'no indentation');
      lineStart = false;
    }
    const at = pos;
    if (ID_START.test(c)) {
      let end = pos + 1;
      while (end < n && ID_CHAR.test(text[end]!)) end++;
      const word = text.slice(pos, end);
      const quote = text[end];
      if ((quote === "'" || quote === '"') && STRING_PREFIXES.has(word.toLowerCase())) {
        pos = end;
        tokens.push(readString(word.toLowerCase(), at));
        lastWasNumber = false;
        continue;
      }
      pos = end;
      if (allowL && lastWasNumber && word === 'L') {
        lastWasNumber = false;
        continue;
      }
      tokens.push({ t: 'name', value: word, at, end });
      lastWasNumber = false;
      continue;
    }
    if (c === "'" || c === '"') {
      tokens.push(readString('', at));
      lastWasNumber = false;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[pos + 1] ?? ''))) {
      tokens.push(readNumber(at));
      lastWasNumber = true;
      continue;
    }
    if (text.startsWith('...', pos)) {
      pos += 3;
      tokens.push({ t: 'op', value: '...', at, end: pos });
      lastWasNumber = false;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (!',:+-'.includes(c)) fail(pos, 'a Python literal');
    pos++;
    tokens.push({ t: 'op', value: c, at, end: pos });
    lastWasNumber = false;
  }
  tokens.push({ t: 'end', value: '', at: n, end: n });
  return tokens;

  /** A string literal from its opening quote at `pos` (`prefix` already read). */
  function readString(prefix: string, at: number): Token {
    const q = text[pos]!;
    const triple = text.startsWith(q.repeat(3), pos);
    const close = triple ? q.repeat(3) : q;
    pos += close.length;
    const start = pos;
    for (;;) {
      if (pos >= n) fail(at, `a closing ${close}`);
      const ch = text[pos]!;
      if (ch === '\\') {
        pos += 2;
        continue;
      }
      if (!triple && ch === '\n') fail(at, `a closing ${close} before the end of the line`);
      if (text.startsWith(close, pos)) break;
      pos++;
    }
    const body = text.slice(start, pos);
    pos += close.length;
    const bytes = prefix.includes('b');
    const raw = prefix.includes('r');
    if (bytes && /[^\x00-\x7f]/.test(body)) fail(at, 'only ASCII characters in a bytes literal');
    return { t: 'str', value: raw ? body : unescape(body, bytes, at), bytes, f: prefix.includes('f'), at, end: pos };
  }

  /** The escape sequences of a non-raw literal's body. */
  function unescape(body: string, bytes: boolean, at: number): string {
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = body[++i]!;
      if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
      else if (/[0-7]/.test(e)) {
        let digits = e;
        while (digits.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) digits += body[++i];
        out += String.fromCodePoint(parseInt(digits, 8));
      } else if (e === 'x' || (!bytes && (e === 'u' || e === 'U'))) {
        const width = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const digits = body.slice(i + 1, i + 1 + width);
        if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits)) fail(at, `${width} hex digits after \\${e} in a string`);
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) fail(at, `a code point below 0x110000 after \\${e}`);
        out += String.fromCodePoint(code);
        i += width;
      } else if (e === 'N' && !bytes) {
        fail(at, 'no \\N{...} escape (ndvec does not look up Unicode character names)');
      } else out += '\\' + e; // Python keeps an unknown escape as it is
    }
    return out;
  }

  /** A number literal (Python 3 rules: no leading zeros, single underscores between digits). */
  function readNumber(at: number): Token {
    const digitsOf = (re: RegExp): string => {
      // digits with single underscores between them (and, after a base prefix, before them)
      let s = '';
      for (;;) {
        const ch = text[pos] ?? '';
        if (re.test(ch)) {
          s += ch;
          pos++;
        } else if (ch === '_' && re.test(text[pos + 1] ?? '')) pos++;
        else return s;
      }
    };
    let kind: 'int' | 'float' | 'complex' = 'int';
    let value: number | bigint;
    const base = text[pos] === '0' ? (text[pos + 1] ?? '').toLowerCase() : '';
    if (base === 'x' || base === 'o' || base === 'b') {
      pos += 2;
      const digits = digitsOf(base === 'x' ? /[0-9a-fA-F]/ : base === 'o' ? /[0-7]/ : /[01]/);
      if (digits === '') fail(at, `digits after 0${base}`);
      value = BigInt(`0${base}${digits}`);
    } else {
      const whole = digitsOf(/[0-9]/);
      let isFloat = false;
      if (text[pos] === '.') {
        pos++;
        digitsOf(/[0-9]/);
        isFloat = true;
      }
      if ((text[pos] === 'e' || text[pos] === 'E') && /[0-9]/.test(text[pos + 1] ?? '') || ((text[pos] === 'e' || text[pos] === 'E') && /[+-]/.test(text[pos + 1] ?? '') && /[0-9]/.test(text[pos + 2] ?? ''))) {
        pos += /[+-]/.test(text[pos + 1]!) ? 2 : 1;
        digitsOf(/[0-9]/);
        isFloat = true;
      }
      if (text[pos] === 'j' || text[pos] === 'J') {
        pos++;
        kind = 'complex';
      } else if (isFloat) kind = 'float';
      else if (/^0+[1-9]/.test(whole)) fail(at, 'no leading zeros in a decimal integer');
      value = kind === 'int' ? BigInt(whole) : Number(text.slice(at, pos).replace(/_/g, '').replace(/[jJ]$/, ''));
    }
    if (ID_CHAR.test(text[pos] ?? '') && !(allowL && text[pos] === 'L' && !ID_CHAR.test(text[pos + 1] ?? ''))) {
      fail(pos, 'the end of the number');
    }
    if (typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER)) value = Number(value);
    return { t: 'num', kind, value, at, end: pos };
  }
}

/** True for the values Python can hash (dict keys, set elements). */
function hashable(v: PyValue): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v) || 'dict' in v) return false;
  if ('tuple' in v) return v.tuple.every(hashable);
  return v.other !== 'set';
}

/**
 * Parses one Python literal filling `text`, as NumPy's `.npy` header reader does.
 * @param text the literal
 * @param what prefix of error messages (`fromNpy: header`)
 * @param python2Filter also accept an `L` after a number (format versions 1.0 and 2.0)
 * @returns the value
 * @throws FormatError when `text` is not one literal NumPy's reader accepts
 * @example
 * parsePyLiteral("{'shape': (2, 3), }", 'header'); // { dict: [['shape', { tuple: [2, 3] }]] }
 */
export function parsePyLiteral(text: string, what: string, python2Filter = false): PyValue {
  const source = text.replace(/^[ \t]+/, '').replace(/\r\n?/g, '\n');
  const fail = (at: number, expected: string): never => {
    const near = source.slice(at, at + 20);
    throw new FormatError(`${what}: expected ${expected} at character ${at}, found ${near === '' ? 'the end' : JSON.stringify(near)}`);
  };
  if (source.includes('\0')) fail(source.indexOf('\0'), 'no NUL character (Python refuses source text holding one)');
  const tokens = tokenize(source, fail, python2Filter);
  let k = 0;
  const peek = (): Token => tokens[k]!;
  const next = (): Token => tokens[k++]!;
  const isOp = (v: string): boolean => peek().t === 'op' && peek().value === v;
  const expectOp = (v: string): void => {
    if (!isOp(v)) fail(peek().at, `'${v}'`);
    k++;
  };
  const textOf = (from: number, to: number): string => source.slice(tokens[from]!.at, tokens[to - 1]!.end);
  /** What literal_eval sees of a value: a bare number token (parentheses are invisible), a signed one, or anything else. */
  type Parsed = { value: PyValue; form: 'number' | 'signed' | 'other' };
  const isReal = (v: PyValue): boolean => typeof v === 'number' || typeof v === 'bigint' || (typeof v === 'object' && v !== null && 'other' in v && v.other === 'float');

  /** One value: refusing Python syntax that is no literal (calls, most operators, ...). */
  const parseValue = (depth: number): PyValue => continueSum(k, parseSigned(depth));

  /** `left` (parsed from token `first`), or the complex sum it starts. */
  const continueSum = (first: number, left: Parsed): PyValue => {
    if (!(isOp('+') || isOp('-'))) return left.value;
    // literal_eval: a real number (optionally signed) plus or minus an imaginary literal, nothing longer
    k++;
    const right = isOp('+') || isOp('-') ? null : parsePrimary(MAX_DEPTH);
    const tok = tokens[k - 1]!;
    if (left.form === 'other' || !isReal(left.value) || right?.form !== 'number' || tok.t !== 'num' || tok.kind !== 'complex' || isOp('+') || isOp('-')) {
      fail(tokens[first]!.at, 'a literal (of sums, only a real number plus or minus an imaginary one is)');
    }
    return { other: 'complex', text: textOf(first, k) };
  };

  /** A primary, or `+`/`-` applied to a bare number. */
  const parseSigned = (depth: number): Parsed => {
    if (isOp('+') || isOp('-')) {
      const signAt = peek().at;
      const sign = next().value;
      const inner = isOp('+') || isOp('-') ? null : parsePrimary(depth + 1);
      if (inner === null || inner.form !== 'number') return fail(signAt, 'a number after the unary operator');
      const v = inner.value;
      if (typeof v === 'number') return { value: sign === '-' ? 0 - v : v, form: 'signed' }; // 0 - 0 is 0, as Python's -0
      if (typeof v === 'bigint') return { value: sign === '-' ? -v : v, form: 'signed' };
      return { value: { other: (v as PyOther).other, text: sign + (v as PyOther).text }, form: 'signed' };
    }
    return parsePrimary(depth);
  };

  const parsePrimary = (depth: number): Parsed => {
    if (depth > MAX_DEPTH) fail(peek().at, `at most ${MAX_DEPTH} levels of nesting`);
    const tok = next();
    if (tok.t === 'str') {
      // implicit concatenation: 'a' 'b' (str and bytes do not mix; an f-string is no literal)
      let s = tok.value;
      let f = tok.f;
      while (peek().t === 'str') {
        const more = next() as Extract<Token, { t: 'str' }>;
        if (more.bytes !== tok.bytes) fail(more.at, 'no mix of bytes and str literals');
        s += more.value;
        f ||= more.f;
      }
      if (f) fail(tok.at, 'a literal (an f-string is not one)');
      return { value: tok.bytes ? { other: 'bytes', text: `b${JSON.stringify(s)}` } : s, form: 'other' };
    }
    if (tok.t === 'num') return { value: tok.kind === 'int' ? tok.value : { other: tok.kind, text: source.slice(tok.at, tok.end) }, form: 'number' };
    if (tok.t === 'name') {
      if (tok.value === 'True' || tok.value === 'False') return { value: tok.value === 'True', form: 'other' };
      if (tok.value === 'None') return { value: null, form: 'other' };
      if (tok.value === 'set' && isOp('(') && tokens[k + 1]!.t === 'op' && tokens[k + 1]!.value === ')') {
        k += 2;
        return { value: { other: 'set', text: 'set()' }, form: 'other' };
      }
      return fail(tok.at, 'a Python literal');
    }
    if (tok.t === 'op' && tok.value === '...') return { value: { other: 'Ellipsis', text: '...' }, form: 'other' };
    if (tok.t === 'op' && tok.value === '(') {
      if (isOp(')')) {
        k++;
        return { value: { tuple: [] }, form: 'other' };
      }
      const innerStart = k;
      const first = parseSigned(depth + 1);
      if (isOp(')')) {
        k++;
        return first; // `(x)` is x itself (so `-(3)` is -3)
      }
      const items = [continueSum(innerStart, first)];
      if (isOp(')')) {
        k++;
        return { value: items[0]!, form: 'other' }; // a parenthesised complex sum
      }
      while (isOp(',')) {
        k++;
        if (isOp(')')) break;
        items.push(parseValue(depth + 1));
      }
      expectOp(')');
      return { value: { tuple: items }, form: 'other' };
    }
    if (tok.t === 'op' && tok.value === '[') {
      const items: PyValue[] = [];
      while (!isOp(']')) {
        items.push(parseValue(depth + 1));
        if (!isOp(',')) break;
        k++;
      }
      expectOp(']');
      return { value: items, form: 'other' };
    }
    if (tok.t === 'op' && tok.value === '{') return { value: parseBraces(depth + 1), form: 'other' };
    return fail(tok.at, tok.t === 'end' ? 'a Python literal before the end' : 'a Python literal');
  };

  /** `{...}`: a dict (a repeated key keeps its first place and its last value) or a set. */
  const parseBraces = (depth: number): PyValue => {
    if (isOp('}')) {
      k++;
      return { dict: [] };
    }
    const firstAt = peek().at;
    const first = parseValue(depth + 1);
    if (isOp(':')) {
      const items: [PyValue, PyValue][] = [];
      let key = first;
      let keyAt = firstAt;
      for (;;) {
        expectOp(':');
        const value = parseValue(depth + 1);
        if (!hashable(key)) fail(keyAt, 'a hashable dict key');
        const old = items.findIndex(([kk]) => typeof kk === 'string' && kk === key);
        if (old >= 0 && typeof key === 'string') items[old]![1] = value;
        else items.push([key, value]);
        if (!isOp(',')) break;
        k++;
        if (isOp('}')) break;
        keyAt = peek().at;
        key = parseValue(depth + 1);
      }
      expectOp('}');
      return { dict: items };
    }
    const items = [first];
    while (isOp(',')) {
      k++;
      if (isOp('}')) break;
      items.push(parseValue(depth + 1));
    }
    expectOp('}');
    if (!items.every(hashable)) fail(firstAt, 'hashable set elements');
    return { other: 'set', text: 'a set' };
  };

  const first = parseValue(0);
  if (peek().t === 'end') return first;
  // a bare tuple: `1, 2` or `1,` (np.dtype's repeats '1,' is one)
  const items = [first];
  while (isOp(',')) {
    k++;
    if (peek().t === 'end') break;
    items.push(parseValue(0));
  }
  if (peek().t !== 'end') fail(peek().at, 'the end of the literal');
  return { tuple: items };
}

/**
 * Shows a parsed literal the way Python's `repr` would (for error messages), cut at 80 characters.
 * @param v the value
 * @returns its text
 */
export function pyRepr(v: PyValue): string {
  const show = (x: PyValue): string => {
    if (typeof x === 'string') return `'${x}'`;
    if (typeof x === 'boolean') return x ? 'True' : 'False';
    if (x === null) return 'None';
    if (typeof x === 'number' || typeof x === 'bigint') return String(x);
    if (Array.isArray(x)) return `[${x.map(show).join(', ')}]`;
    if ('dict' in x) return `{${x.dict.map(([k, y]) => `${show(k)}: ${show(y)}`).join(', ')}}`;
    if ('other' in x) return x.text;
    return x.tuple.length === 1 ? `(${show(x.tuple[0]!)},)` : `(${x.tuple.map(show).join(', ')})`;
  };
  const s = show(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
