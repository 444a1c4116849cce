/**
 * A measured threshold against a claimed one, in one word, within a tolerance of τ decades
 * (default half a decade) that takes the 95% interval into account.
 *
 * With the claim N_c and the interval [lo, hi] of the measured threshold (an open end is −∞ or +∞):
 * - `not-reached`: the measured curve reaches its level only beyond the largest model, or never;
 * - `earlier`: hi < N_c / 10^τ, the whole interval more than τ decades below the claim;
 * - `later`: lo > N_c · 10^τ, the whole interval more than τ decades above it;
 * - `consistent`: otherwise: the claim lies within τ decades of the interval.
 * A threshold below the smallest model has the interval (−∞, smallest] or wider (threshold.ts).
 */
import type { ThresholdFit } from './threshold.js';

export type Comparison = 'consistent' | 'earlier' | 'later' | 'not-reached';

/** Half a decade: a factor of √10 ≈ 3.2 either side of the interval. */
export const DEFAULT_TOLERANCE_DECADES = 0.5;

/**
 * The comparison word (see the module comment).
 * @example compareWithClaim(1e11, { where: 'inside', threshold: 2.5e9, interval: [1.7e9, 5.1e9] }) // 'earlier'
 */
export function compareWithClaim(claim: number, fit: Pick<ThresholdFit, 'where' | 'threshold' | 'interval'>, tolerance = DEFAULT_TOLERANCE_DECADES): Comparison {
  if (fit.where === 'above') return 'not-reached';
  const lo = fit.interval[0] ?? 0;
  const hi = fit.interval[1] ?? Infinity;
  const factor = 10 ** tolerance;
  if (hi < claim / factor) return 'earlier';
  if (lo > claim * factor) return 'later';
  return 'consistent';
}

/**
 * Decades from the claim to the measured threshold, log10(threshold / claim); null when the
 * threshold lies outside the observed scales.
 * @example decadesFromClaim(1e11, 2.5e9) // -1.602
 */
export function decadesFromClaim(claim: number, threshold: number | null): number | null {
  return threshold === null ? null : Math.log10(threshold / claim);
}
