/**
 * `nd.linalg`: NumPy's `numpy.linalg` on float64 (decompositions, solvers, norms), batched
 * over leading axes where NumPy batches. Each function lives in a file of this folder by
 * family; this file only gathers them into the namespace object.
 * @module
 */

/**
 * Linear algebra, as NumPy's `numpy.linalg`. Singular or otherwise unsuitable matrices raise
 * {@link LinAlgError} where NumPy raises.
 * @namespace
 */
export const linalg = {};
