/**
 * `nd.linalg`: NumPy's `numpy.linalg` on float64 (decompositions, solvers, norms), batched
 * over leading axes where NumPy batches. Each function lives in a file of this folder by
 * family; this file only gathers them into the namespace object.
 * @module
 */
import { det, inv, matrixPower, slogdet, solve } from './lu.ts';
import { cholesky } from './cholesky.ts';
import { norm } from './norm.ts';
import { qr } from './qr.ts';
import { svd } from './svd.ts';
import { eigh, eigvalsh } from './eigh.ts';
import { lstsq, matrixRank, pinv } from './lstsq.ts';

/**
 * Linear algebra, as NumPy's `numpy.linalg`. Singular or otherwise unsuitable matrices raise
 * {@link LinAlgError} where NumPy raises.
 * @namespace
 */
export const linalg = {
  /** The determinant (NumPy `linalg.det`); see the lu module. */
  det,
  /** Sign and log of the absolute determinant (NumPy `linalg.slogdet`). */
  slogdet,
  /** The inverse (NumPy `linalg.inv`). */
  inv,
  /** Solves `a · x = b` (NumPy `linalg.solve`). */
  solve,
  /** The Cholesky factor (NumPy `linalg.cholesky`). */
  cholesky,
  /** Integer power of a square matrix (NumPy `linalg.matrix_power`). */
  matrixPower,
  /** Vector and matrix norms (NumPy `linalg.norm`). */
  norm,
  /** QR decomposition `[Q, R]` (NumPy `linalg.qr`). */
  qr,
  /** Singular value decomposition `[U, S, Vh]`, or S (NumPy `linalg.svd`). */
  svd,
  /** Eigenvalues and eigenvectors of symmetric matrices `[w, v]` (NumPy `linalg.eigh`). */
  eigh,
  /** Eigenvalues of symmetric matrices (NumPy `linalg.eigvalsh`). */
  eigvalsh,
  /** Least squares `[x, residuals, rank, s]` (NumPy `linalg.lstsq`). */
  lstsq,
  /** Moore–Penrose pseudo-inverse (NumPy `linalg.pinv`). */
  pinv,
  /** Matrix rank (NumPy `linalg.matrix_rank`). */
  matrixRank,
};
