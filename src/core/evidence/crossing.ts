/**
 * Where a fitted emergence sigmoid crosses a level. With y(x) = floor + (ceiling − floor)·σ(k(x − x0))
 * (src/core/curve-fit/sigmoid.ts), solving y(x) = level gives
 *
 *   x_ℓ = x0 + ln((ℓ − floor) / (ceiling − ℓ)) / k,
 *
 * defined for floor < ℓ < ceiling. At ℓ = (floor + ceiling)/2 it is x0, the threshold `emerge fit`
 * reports.
 */
import type { SigmoidParams } from '../curve-fit/index.js';

/**
 * x at which the sigmoid reaches `level` (x units: log10 of scale). −Infinity when the curve starts
 * at or above the level (level ≤ floor: reached at every scale), +Infinity when it never reaches it
 * (level ≥ ceiling).
 * @example levelCrossing({ x0: 22, k: 3, floor: 0, ceiling: 1 }, 0.9) // 22.732408196...  (x0 + ln 9 / 3)
 */
export function levelCrossing(p: SigmoidParams, level: number): number {
  if (level <= p.floor) return -Infinity;
  if (level >= p.ceiling) return Infinity;
  return p.x0 + Math.log((level - p.floor) / (p.ceiling - level)) / p.k;
}
