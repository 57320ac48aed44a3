// A tiny expression language for the demo, parsed by hand (no eval, no new Function, so it
// runs under a strict Content-Security-Policy):
//
//   expr   := term (('+' | '-') term)*
//   term   := unary (('*' | '/') unary)*
//   unary  := '-' unary | power
//   power  := atom ('^' unary)?            (right-associative, binds tighter than unary minus
//                                           on its left: -x^2 is -(x^2), as in maths)
//   atom   := number | 'x' | name '(' expr ')' | '(' expr ')'
//
// The tree becomes two programs: a JS closure for the loop (`toClosure`) and a chain of ndvec
// calls (`toNdvec`), plus the ndvec source text you would write by hand (`toNdvecSource`).

/** Functions the language knows: the JS function and the ndvec method of the same name. */
export const FUNCTIONS = {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  tanh: Math.tanh,
  floor: Math.floor,
  ceil: Math.ceil,
};

const BINARY = {
  '+': { js: (p, q) => p + q, method: 'add', fn: 'nd.add', commutative: true },
  '-': { js: (p, q) => p - q, method: 'sub', fn: 'nd.sub' },
  '*': { js: (p, q) => p * q, method: 'mul', fn: 'nd.mul', commutative: true },
  '/': { js: (p, q) => p / q, method: 'div', fn: 'nd.div' },
  '^': { js: (p, q) => p ** q, method: 'pow', fn: 'nd.pow' },
};

/** A parse error with the position it happened at. */
export class ExpressionError extends Error {
  constructor(message, position) {
    super(`${message} at position ${position + 1}`);
    this.name = 'ExpressionError';
    this.position = position;
  }
}

function tokenize(text) {
  const tokens = [];
  const pattern = /\s*(?:(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|([a-z][a-z0-9]*)|([-+*/^()]))/iy;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    pattern.lastIndex = pos;
    const m = pattern.exec(text);
    if (m === null) throw new ExpressionError(`unexpected '${text.slice(pos).trim()[0]}'`, pos);
    const at = pos + m[0].length - (m[1] ?? m[2] ?? m[3]).length;
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]), at });
    else if (m[2] !== undefined) tokens.push({ kind: 'name', value: m[2].toLowerCase(), at });
    else tokens.push({ kind: 'op', value: m[3], at });
    pos = pattern.lastIndex;
  }
  tokens.push({ kind: 'end', value: '', at: text.length });
  return tokens;
}

/**
 * Parses an expression in `x`.
 * @param {string} text e.g. `x*x + 2*x + 1`
 * @returns the syntax tree
 * @throws ExpressionError naming the position of the problem
 */
export function parseExpression(text) {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (v) => peek().kind === 'op' && peek().value === v;
  const expect = (v) => {
    if (!isOp(v)) throw new ExpressionError(`expected '${v}'`, peek().at);
    i++;
  };
  const binaryLevel = (ops, next) => () => {
    let left = next();
    while (peek().kind === 'op' && ops.includes(peek().value)) {
      const op = tokens[i++].value;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  };
  const atom = () => {
    const t = tokens[i++];
    if (t.kind === 'num') return { kind: 'num', value: t.value };
    if (t.kind === 'name' && t.value === 'x') return { kind: 'x' };
    if (t.kind === 'name') {
      if (!(t.value in FUNCTIONS)) {
        throw new ExpressionError(`unknown name '${t.value}' (use x or ${Object.keys(FUNCTIONS).join(', ')})`, t.at);
      }
      expect('(');
      const arg = expr();
      expect(')');
      return { kind: 'call', name: t.value, arg };
    }
    if (t.kind === 'op' && t.value === '(') {
      const inner = expr();
      expect(')');
      return inner;
    }
    throw new ExpressionError(t.kind === 'end' ? 'unexpected end' : `unexpected '${t.value}'`, t.at);
  };
  const unary = () => {
    if (isOp('-')) {
      i++;
      return { kind: 'neg', arg: unary() };
    }
    if (isOp('+')) {
      i++;
      return unary();
    }
    const base = atom();
    if (isOp('^')) {
      i++;
      return { kind: 'binary', op: '^', left: base, right: unary() };
    }
    return base;
  };
  const term = binaryLevel(['*', '/'], unary);
  const expr = binaryLevel(['+', '-'], term);
  const tree = expr();
  if (peek().kind !== 'end') throw new ExpressionError(`unexpected '${peek().value}'`, peek().at);
  return tree;
}

/**
 * The tree as a JS function of one number (closures, no eval).
 * @returns {(x: number) => number}
 */
export function toClosure(node) {
  switch (node.kind) {
    case 'num': {
      const v = node.value;
      return () => v;
    }
    case 'x':
      return (x) => x;
    case 'neg': {
      const f = toClosure(node.arg);
      return (x) => -f(x);
    }
    case 'call': {
      const g = FUNCTIONS[node.name];
      const f = toClosure(node.arg);
      return (x) => g(f(x));
    }
    case 'binary': {
      const op = BINARY[node.op].js;
      const f = toClosure(node.left);
      const g = toClosure(node.right);
      return (x) => op(f(x), g(x));
    }
  }
  throw new Error(`unknown node ${node.kind}`);
}

/**
 * Evaluates the tree with ndvec ops on the array `a` (numbers stay numbers until they meet
 * an array, as broadcasting scalars).
 * @returns an NdArray, or a number when the expression does not use x
 */
export function toNdvec(node, nd, a) {
  switch (node.kind) {
    case 'num':
      return node.value;
    case 'x':
      return a;
    case 'neg': {
      const v = toNdvec(node.arg, nd, a);
      return typeof v === 'number' ? -v : v.neg();
    }
    case 'call': {
      const v = toNdvec(node.arg, nd, a);
      return typeof v === 'number' ? FUNCTIONS[node.name](v) : v[node.name]();
    }
    case 'binary': {
      const l = toNdvec(node.left, nd, a);
      const r = toNdvec(node.right, nd, a);
      const op = BINARY[node.op];
      if (typeof l === 'number' && typeof r === 'number') return op.js(l, r);
      if (typeof l !== 'number') return l[op.method](r);
      return op.commutative ? r[op.method](l) : nd[op.method](l, r);
    }
  }
  throw new Error(`unknown node ${node.kind}`);
}

/** True when the tree does not use x (it folds to one number). */
function isConstant(node) {
  if (node.kind === 'x') return false;
  if (node.kind === 'num') return true;
  if (node.kind === 'binary') return isConstant(node.left) && isConstant(node.right);
  return isConstant(node.arg);
}

/** The ndvec code you would write for the tree, e.g. `a.mul(a).add(a.mul(2)).add(1)`. */
export function toNdvecSource(node) {
  if (isConstant(node)) return String(toClosure(node)(0));
  switch (node.kind) {
    case 'x':
      return 'a';
    case 'neg':
      return `${toNdvecSource(node.arg)}.neg()`;
    case 'call':
      return `${toNdvecSource(node.arg)}.${node.name}()`;
    case 'binary': {
      const op = BINARY[node.op];
      const l = toNdvecSource(node.left);
      const r = toNdvecSource(node.right);
      if (!isConstant(node.left)) return `${l}.${op.method}(${r})`;
      return op.commutative ? `${r}.${op.method}(${l})` : `${op.fn}(${l}, ${r})`;
    }
  }
  throw new Error(`unknown node ${node.kind}`);
}
