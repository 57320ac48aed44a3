/**
 * A parser for the Python literals a `.npy` header holds (NumPy reads it with
 * `ast.literal_eval`): dicts, tuples, lists, strings, integers, `True`, `False`, `None`.
 * Nothing is evaluated; anything else is a {@link FormatError}. Nesting is limited so a
 * hostile header cannot exhaust the stack.
 * @module
 */
import { FormatError } from '../errors.ts';

/** A parsed Python tuple (lists are JS arrays, dicts are Maps with string keys). */
export interface PyTuple {
  readonly tuple: readonly PyValue[];
}

/** A parsed Python literal. Integers beyond 2^53 keep their digits as a bigint. */
export type PyValue = string | number | bigint | boolean | null | PyTuple | PyValue[] | Map<string, PyValue>;

const MAX_DEPTH = 32;

/**
 * Parses one Python literal filling `text` (surrounding white space allowed).
 * @param text the literal
 * @param what prefix of error messages (`fromNpy: header`)
 * @returns the value
 * @throws FormatError when `text` is not one literal of the supported kinds
 * @example
 * parsePyLiteral("{'shape': (2, 3), }", 'header'); // Map { 'shape' => { tuple: [2, 3] } }
 */
export function parsePyLiteral(text: string, what: string): PyValue {
  let pos = 0;
  const fail = (expected: string): never => {
    const near = text.slice(pos, pos + 20);
    throw new FormatError(`${what}: expected ${expected} at character ${pos}, found ${near === '' ? 'the end' : JSON.stringify(near)}`);
  };
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r\f\v'.includes(text[pos]!)) pos++;
  };
  const parseString = (): string => {
    const quote = text[pos]!;
    pos++;
    let out = '';
    for (;;) {
      if (pos >= text.length) fail(`closing ${quote}`);
      const c = text[pos++]!;
      if (c === quote) return out;
      if (c === '\n') fail(`closing ${quote}`);
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[pos++];
      const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', '0': '\0' };
      if (e !== undefined && e in simple) out += simple[e];
      else if (e === 'x' || e === 'u') {
        const digits = text.slice(pos, pos + (e === 'x' ? 2 : 4));
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== (e === 'x' ? 2 : 4)) fail('hex digits after \\' + e);
        out += String.fromCharCode(parseInt(digits, 16));
        pos += digits.length;
      } else fail('a known escape sequence');
    }
  };
  const parseItems = (close: string, depth: number): { items: PyValue[]; trailingComma: boolean } => {
    const items: PyValue[] = [];
    let trailingComma = false;
    for (;;) {
      skipSpace();
      if (text[pos] === close) {
        pos++;
        return { items, trailingComma };
      }
      items.push(parseValue(depth + 1));
      skipSpace();
      trailingComma = false;
      if (text[pos] === ',') {
        pos++;
        trailingComma = true;
      } else if (text[pos] !== close) fail(`',' or '${close}'`);
    }
  };
  const parseValue = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail(`at most ${MAX_DEPTH} levels of nesting`);
    skipSpace();
    const c = text[pos];
    if (c === "'" || c === '"') return parseString();
    if ((c === 'u' || c === 'b') && (text[pos + 1] === "'" || text[pos + 1] === '"')) {
      pos++;
      return parseString();
    }
    if (c === '(') {
      pos++;
      const { items, trailingComma } = parseItems(')', depth);
      // `(x)` is x itself; `(x,)` and `()` are tuples.
      return items.length === 1 && !trailingComma ? items[0]! : { tuple: items };
    }
    if (c === '[') {
      pos++;
      return parseItems(']', depth).items;
    }
    if (c === '{') {
      pos++;
      const map = new Map<string, PyValue>();
      for (;;) {
        skipSpace();
        if (text[pos] === '}') {
          pos++;
          return map;
        }
        const keyAt = pos;
        const key = parseValue(depth + 1);
        if (typeof key !== 'string') {
          pos = keyAt;
          fail('a string key');
        }
        if (map.has(key as string)) {
          pos = keyAt;
          fail(`a key other than the repeated '${key as string}'`);
        }
        skipSpace();
        if (text[pos] !== ':') fail("':'");
        pos++;
        map.set(key as string, parseValue(depth + 1));
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] !== '}') fail("',' or '}'");
      }
    }
    const word = /^(True|False|None)\b/.exec(text.slice(pos, pos + 6));
    if (word !== null) {
      pos += word[1]!.length;
      return word[1] === 'True' ? true : word[1] === 'False' ? false : null;
    }
    const int = /^[-+]?[0-9]+[lL]?/.exec(text.slice(pos, pos + 400));
    if (int !== null && !/^[0-9a-zA-Z_.]/.test(text[pos + int[0].length] ?? ' ')) {
      pos += int[0].length;
      const digits = int[0].replace(/[lL]$/, '');
      const n = Number(digits);
      return Number.isSafeInteger(n) ? n : BigInt(digits);
    }
    return fail('a Python literal');
  };
  const value = parseValue(0);
  skipSpace();
  if (pos !== text.length) fail('the end of the literal');
  return value;
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
    if (x instanceof Map) return `{${[...x].map(([k, y]) => `'${k}': ${show(y)}`).join(', ')}}`;
    return x.tuple.length === 1 ? `(${show(x.tuple[0]!)},)` : `(${x.tuple.map(show).join(', ')})`;
  };
  const s = show(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
