/**
 * Emergence curves: the probability that an ability is present at a given (effective) model size,
 * and the verdict emerged / emerging / absent.
 */

/** Logistic in log10 N: `P = floor + (ceiling − floor) / (1 + 10^(−(log10 N − log10 N_c)/w))`. */
export interface LogisticCurve {
  shape: 'logistic';
  /** Width w in decades of N: P goes from 10% to 90% of its rise over 2·log10(9)·w ≈ 1.91·w decades. */
  width: number;
  floor: number;
  ceiling: number;
}

/**
 * The seed's phase transition P ∝ (N − N_c)^β (seed §3.1), normalised to saturate at N_sat:
 * `P = floor + (ceiling − floor)·min(1, ((N − N_c)/(N_sat − N_c))^β)` above N_c, `floor` below.
 */
export interface PowerCurve {
  shape: 'power';
  /** Width in decades used for the "emerging" band below the threshold. */
  width: number;
  floor: number;
  ceiling: number;
  /** Critical exponent β (> 0). */
  exponent: number;
  /** N_sat (> N_c): the size at which the ability saturates at its ceiling. */
  saturationParams: number;
}

export type EmergenceCurve = LogisticCurve | PowerCurve;

export type Status = 'emerged' | 'emerging' | 'absent';

export const DEFAULT_WIDTH_DECADES = 0.5;

/**
 * Probability that an ability with threshold N_c and the given curve is present at size N.
 * `N = Infinity` (a model beyond the reference regime, see `effectiveParams`) gives the ceiling.
 * @param size N, parameters (> 0, may be Infinity)
 * @param threshold N_c, parameters (> 0)
 * @example probability({shape: 'logistic', width: 0.5, floor: 0, ceiling: 1}, 7e10, 1e11) // 0.32886
 */
export function probability(curve: EmergenceCurve, size: number, threshold: number): number {
  const span = curve.ceiling - curve.floor;
  if (size === Infinity) return curve.ceiling;
  if (curve.shape === 'logistic') {
    const decades = Math.log10(size) - Math.log10(threshold);
    return curve.floor + span / (1 + 10 ** (-decades / curve.width));
  }
  if (size <= threshold) return curve.floor;
  const progress = (size - threshold) / (curve.saturationParams - threshold);
  return curve.floor + span * Math.min(1, progress ** curve.exponent);
}

/**
 * Signed distance of N from the threshold in decades: `log10(N / N_c)` (Infinity stays Infinity).
 * @example marginDecades(7e10, 1e11) // -0.1549
 */
export function marginDecades(size: number, threshold: number): number {
  return Math.log10(size) - Math.log10(threshold);
}

/**
 * `emerged` when N ≥ N_c; `emerging` when N is within `width` decades below N_c; otherwise `absent`.
 * @example emergenceStatus(7e10, 1e11, 0.5) // 'emerging'
 */
export function emergenceStatus(size: number, threshold: number, width: number): Status {
  const margin = marginDecades(size, threshold);
  if (margin >= 0) return 'emerged';
  return margin >= -width ? 'emerging' : 'absent';
}
