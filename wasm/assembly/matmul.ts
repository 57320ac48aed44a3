/**
 * Matrix products of contiguous row-major float64 data. Pointers are byte offsets, sizes
 * elements. The output must not overlap an input (the one family where in-place cannot
 * work: every output element reads a whole row and column).
 *
 * `matmul` is a GEMM in the GotoBLAS shape: blocks of KC rows × NC columns of B are packed
 * into a scratch buffer as panels of NR columns (contiguous, zero-padded on the right), and
 * a register-blocked micro-kernel computes MR×NR tiles of C from MR rows of A and one panel,
 * its MR·NR/2 f64x2 accumulators live across the whole k-block. Each C element still sums
 * its products in order of k (a k-block starts from the C value the previous one left), so
 * the result equals a plain i-k-j loop bit for bit.
 */
import { F64 } from './lanes';

/** Rows of A (and C) a micro-kernel tile. */
const MR: usize = 4;
/** Columns of B (and C) a micro-kernel tile: two f64x2 a row. */
const NR: usize = 4;
/** Rows of B a packed block: MR rows of A (4·256·8 = 8 KiB) stay in L1. */
const KC: usize = 256;
/** Columns of B a packed block: a KC×NC block (512 KiB) stays in L2. */
const NC: usize = 256;
/** Bytes of one packed panel row (NR float64). */
const PANEL_ROW: usize = NR * F64;

/** A 4×4 tile for edge tiles (C columns past n are computed here and dropped). */
const EDGE_TILE: usize = memory.data(<i32>(MR * PANEL_ROW), 16);

/** c[j] += s · b[j] for j < n. */
@inline function axpy(s: f64, b: usize, c: usize, n: usize): void {
  const sv = f64x2.splat(s);
  let j: usize = 0;
  for (; j + 4 <= n; j += 4) {
    const o = j * F64;
    v128.store(c + o, f64x2.add(v128.load(c + o), f64x2.mul(sv, v128.load(b + o))));
    v128.store(c + o, f64x2.add(v128.load(c + o, 16), f64x2.mul(sv, v128.load(b + o, 16))), 16);
  }
  for (; j < n; j++) {
    const o = j * F64;
    store<f64>(c + o, load<f64>(c + o) + s * load<f64>(b + o));
  }
}

/** C (m×n) = A (m×k) · B (k×n) row by row (i-k-j, f64x2 along j): for m < MR, B read once. */
function matmulRows(a: usize, b: usize, c: usize, m: usize, k: usize, n: usize): void {
  memory.fill(c, 0, m * n * F64);
  for (let i: usize = 0; i < m; i++) {
    const aRow = a + i * k * F64;
    const cRow = c + i * n * F64;
    for (let p: usize = 0; p < k; p++) axpy(load<f64>(aRow + p * F64), b + p * n * F64, cRow, n);
  }
}

/**
 * Packs rows [0, kc) × columns [0, nc) of B (row stride `ldb` bytes) into panels of NR
 * columns: panel q holds kc rows of NR values, columns past nc zero.
 */
function packB(b: usize, ldb: usize, kc: usize, nc: usize, dst: usize): void {
  let j: usize = 0;
  for (; j + NR <= nc; j += NR) {
    let src = b + j * F64;
    const end = dst + kc * PANEL_ROW;
    for (; dst < end; dst += PANEL_ROW, src += ldb) {
      v128.store(dst, v128.load(src));
      v128.store(dst, v128.load(src, 16), 16);
    }
  }
  if (j < nc) {
    const cols = nc - j;
    let src = b + j * F64;
    for (let p: usize = 0; p < kc; p++, dst += PANEL_ROW, src += ldb) {
      for (let q: usize = 0; q < NR; q++) store<f64>(dst + q * F64, q < cols ? load<f64>(src + q * F64) : 0);
    }
  }
}

/**
 * C[rows×2·halves] (+)= A[rows×kc] · panel[kc×NR] (its first 2·halves columns): rows of A
 * `lda` bytes apart, rows of C `ldc` bytes apart, up to MR·NR/2 f64x2 accumulators. Starts
 * from zero when `first`, else from C. `rows` (1…MR) and `halves` (1, 2) are constants at
 * every call site, so inlining drops the unused accumulators and loads.
 */
@inline function kernel(a: usize, lda: usize, panel: usize, kc: usize, c: usize, ldc: usize, first: bool, rows: usize, halves: usize): void {
  let c00 = f64x2.splat(0), c01 = c00, c10 = c00, c11 = c00;
  let c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  const c1 = c + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
  if (!first) {
    c00 = v128.load(c);
    if (halves > 1) c01 = v128.load(c, 16);
    if (rows > 1) {
      c10 = v128.load(c1);
      if (halves > 1) c11 = v128.load(c1, 16);
    }
    if (rows > 2) {
      c20 = v128.load(c2);
      if (halves > 1) c21 = v128.load(c2, 16);
    }
    if (rows > 3) {
      c30 = v128.load(c3);
      if (halves > 1) c31 = v128.load(c3, 16);
    }
  }
  const row1 = lda, row2 = lda + lda, row3 = row2 + lda;
  let ap = a;
  let bp = panel;
  const end = panel + kc * PANEL_ROW;
  for (; bp < end; bp += PANEL_ROW, ap += F64) {
    const b0 = v128.load(bp);
    const b1 = halves > 1 ? v128.load(bp, 16) : b0;
    let x = v128.load64_splat(ap);
    c00 = f64x2.add(c00, f64x2.mul(x, b0));
    if (halves > 1) c01 = f64x2.add(c01, f64x2.mul(x, b1));
    if (rows > 1) {
      x = v128.load64_splat(ap + row1);
      c10 = f64x2.add(c10, f64x2.mul(x, b0));
      if (halves > 1) c11 = f64x2.add(c11, f64x2.mul(x, b1));
    }
    if (rows > 2) {
      x = v128.load64_splat(ap + row2);
      c20 = f64x2.add(c20, f64x2.mul(x, b0));
      if (halves > 1) c21 = f64x2.add(c21, f64x2.mul(x, b1));
    }
    if (rows > 3) {
      x = v128.load64_splat(ap + row3);
      c30 = f64x2.add(c30, f64x2.mul(x, b0));
      if (halves > 1) c31 = f64x2.add(c31, f64x2.mul(x, b1));
    }
  }
  v128.store(c, c00);
  if (halves > 1) v128.store(c, c01, 16);
  if (rows > 1) {
    v128.store(c1, c10);
    if (halves > 1) v128.store(c1, c11, 16);
  }
  if (rows > 2) {
    v128.store(c2, c20);
    if (halves > 1) v128.store(c2, c21, 16);
  }
  if (rows > 3) {
    v128.store(c3, c30);
    if (halves > 1) v128.store(c3, c31, 16);
  }
}

/**
 * `kernel` for an edge tile, with `rows` and `halves` turned into constants (one inlined copy
 * each): 4 rows one or two halves wide, 1–3 rows two halves wide.
 */
function edgeKernel(a: usize, lda: usize, panel: usize, kc: usize, c: usize, ldc: usize, first: bool, rows: usize, halves: usize): void {
  if (rows == MR) {
    if (halves == 1) kernel(a, lda, panel, kc, c, ldc, first, MR, 1);
    else kernel(a, lda, panel, kc, c, ldc, first, MR, 2);
  } else if (rows == 3) kernel(a, lda, panel, kc, c, ldc, first, 3, 2);
  else if (rows == 2) kernel(a, lda, panel, kc, c, ldc, first, 2, 2);
  else kernel(a, lda, panel, kc, c, ldc, first, 1, 2);
}

/** Copies `rows`×`cols` float64 between two row-major blocks (row strides in bytes). */
function copyTile(src: usize, lds: usize, dst: usize, ldd: usize, rows: usize, cols: usize): void {
  for (let r: usize = 0; r < rows; r++) memory.copy(dst + r * ldd, src + r * lds, cols * F64);
}

/**
 * The tile of C at `c` with `rows` ≤ MR rows and `cols` ≤ NR columns, from `rows` rows of A
 * and one panel. 4×4 and 4×2 tiles are computed in C; any other goes through EDGE_TILE so
 * no byte past C is written.
 */
@inline function tile(a: usize, lda: usize, panel: usize, kc: usize, c: usize, ldc: usize, rows: usize, cols: usize, first: bool): void {
  if (rows == MR && cols == NR) {
    kernel(a, lda, panel, kc, c, ldc, first, MR, 2);
    return;
  }
  if (rows == MR && cols == 2) {
    kernel(a, lda, panel, kc, c, ldc, first, MR, 1);
    return;
  }
  if (!first) copyTile(c, ldc, EDGE_TILE, PANEL_ROW, rows, cols);
  edgeKernel(a, lda, panel, kc, EDGE_TILE, PANEL_ROW, first, rows, cols > 2 ? 2 : 1);
  copyTile(EDGE_TILE, PANEL_ROW, c, ldc, rows, cols);
}

/**
 * Float64 elements of scratch `matmul` needs for an m×k · k×n product (0: none).
 * @param m rows of A
 * @param k columns of A, rows of B
 * @param n columns of B
 */
export function matmul_scratch(m: usize, k: usize, n: usize): usize {
  if (m < MR || k == 0 || n <= 1) return 0;
  return min<usize>(k, KC) * ((min<usize>(n, NC) + NR - 1) / NR) * NR;
}

/**
 * C (m×n) = A (m×k) · B (k×n). `scratch` holds `matmul_scratch(m, k, n)` float64 (packed
 * B). Each C element sums its k products in order of k, like a plain loop, except for
 * n = 1 (B a column, i.e. a vector): `matvec`, several partial sums a row (within k·ε).
 */
export function matmul(a: usize, b: usize, c: usize, m: usize, k: usize, n: usize, scratch: usize): void {
  if (n == 1 && m >= MR) {
    matvec(a, b, c, m, k);
    return;
  }
  if (m < MR || k == 0 || n == 0) {
    matmulRows(a, b, c, m, k, n);
    return;
  }
  const lda = k * F64, ldb = n * F64, ldc = n * F64;
  for (let j0: usize = 0; j0 < n; j0 += NC) {
    const nc = min<usize>(NC, n - j0);
    for (let k0: usize = 0; k0 < k; k0 += KC) {
      const kc = min<usize>(KC, k - k0);
      const first = k0 == 0;
      packB(b + k0 * ldb + j0 * F64, ldb, kc, nc, scratch);
      const panelBytes = kc * PANEL_ROW;
      for (let i: usize = 0; i < m; i += MR) {
        const rows = min<usize>(MR, m - i);
        const aBlock = a + i * lda + k0 * F64;
        const cRow = c + i * ldc + j0 * F64;
        let panel = scratch;
        for (let j: usize = 0; j < nc; j += NR, panel += panelBytes) {
          tile(aBlock, lda, panel, kc, cRow + j * F64, ldc, rows, min<usize>(NR, nc - j), first);
        }
      }
    }
  }
}

/** Σ a[i]·b[i] with four f64x2 accumulators. */
@inline function dotInline(a: usize, b: usize, n: usize): f64 {
  let a0 = f64x2.splat(0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) {
    const o = i * F64;
    a0 = f64x2.add(a0, f64x2.mul(v128.load(a + o), v128.load(b + o)));
    a1 = f64x2.add(a1, f64x2.mul(v128.load(a + o, 16), v128.load(b + o, 16)));
    a2 = f64x2.add(a2, f64x2.mul(v128.load(a + o, 32), v128.load(b + o, 32)));
    a3 = f64x2.add(a3, f64x2.mul(v128.load(a + o, 48), v128.load(b + o, 48)));
  }
  for (; i + 2 <= n; i += 2) a0 = f64x2.add(a0, f64x2.mul(v128.load(a + i * F64), v128.load(b + i * F64)));
  const merged = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
  let r = f64x2.extract_lane(merged, 0) + f64x2.extract_lane(merged, 1);
  for (; i < n; i++) r += load<f64>(a + i * F64) * load<f64>(b + i * F64);
  return r;
}

/** Σ a[i]·b[i] with four f64x2 accumulators. */
export function dot(a: usize, b: usize, n: usize): f64 {
  return dotInline(a, b, n);
}

/** y[i] = Σ_p A[i, p]·x[p] for i < m (A m×k row-major): one `dot` a row, in one call. */
export function matvec(a: usize, x: usize, y: usize, m: usize, k: usize): void {
  for (let i: usize = 0; i < m; i++) store<f64>(y + i * F64, dotInline(a + i * k * F64, x, k));
}
