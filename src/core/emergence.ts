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
  return statusAtMargin(marginDecades(size, threshold), width);
}

/**
 * The status for a margin m in decades: `emerged` when m ≥ 0; `emerging` when m ≥ −width; else `absent`.
 * @example statusAtMargin(-0.17, 0.5) // 'emerging'
 */
export function statusAtMargin(margin: number, width: number): Status {
  if (margin >= 0) return 'emerged';
  return margin >= -width ? 'emerging' : 'absent';
}

/**
 * The loss margin of a model to an ability, in decades of parameters: `m = (L_c − L) / s`, where
 * L_c = L(N_c, D_ref) is the ability's loss threshold and s = −∂L/∂log10 N at (N_c, D_ref) the loss
 * the reference regime gains per decade of parameters there. m = 0 exactly when L = L_c, and m has
 * the slope of log10(N_eff/N_c) there; it stays finite where the effective size is unbounded.
 * @param modelLoss L, nats per token
 * @param lossThreshold L_c, nats per token
 * @param slope s > 0, nats per decade
 * @example lossMarginDecades(1.9734, 2.0207, 0.05763) // +0.82 (70B parameters on 1.4T tokens, chain-of-thought at 100B)
 */
export function lossMarginDecades(modelLoss: number, lossThreshold: number, slope: number): number {
  return (lossThreshold - modelLoss) / slope;
}

/**
 * A planned model's margin to an ability (DESIGN.md, "Seed abilities by loss"), in decades:
 * - below the threshold (L > L_c), the distance in effective size, `log10(N_eff / N_c)`, exactly as
 *   the seed's tables measure it (N_eff is finite there: L_c lies above the regime's floor);
 * - at and above it, the loss margin `(L_c − L) / s` (`lossMarginDecades`), which stays finite
 *   when the loss falls below the reference regime's floor and N_eff is unbounded.
 * The two pieces meet at L = L_c with the same value (0) and the same slope (−1/s per nat), so the
 * probability is a smooth function of the loss. L(log N) is convex, so above the threshold the
 * loss margin is at most log10(N_eff/N_c): a model past an ability is never credited with more.
 * @example abilityMargin(2.0303, 7e10, 2.0207, 0.05763, 1e11) // -0.155 = log10(0.7)
 */
export function abilityMargin(modelLoss: number, effectiveSize: number, lossThreshold: number, slope: number, threshold: number): number {
  return modelLoss > lossThreshold ? marginDecades(effectiveSize, threshold) : lossMarginDecades(modelLoss, lossThreshold, slope);
}

/**
 * Probability at a margin m in decades: the curve at the size `N_c·10^m`. For the logistic that is
 * `floor + (ceiling − floor) / (1 + 10^(−m/w))`, a smooth function of the loss when m is a loss margin.
 * @example probabilityAtMargin({shape: 'logistic', width: 0.5, floor: 0, ceiling: 1}, -0.167, 1e11) // 0.3179
 */
export function probabilityAtMargin(curve: EmergenceCurve, margin: number, threshold: number): number {
  if (curve.shape === 'logistic') return curve.floor + (curve.ceiling - curve.floor) / (1 + 10 ** (-margin / curve.width));
  return probability(curve, threshold * 10 ** margin, threshold);
}
