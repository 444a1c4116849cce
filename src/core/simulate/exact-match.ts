/**
 * Exact match over an L-token answer, `p^L`, when the per-token accuracy p is a logistic in log10 of
 * scale: how wide the rise of `p^L` is, in closed form.
 *
 * Write p in logit terms, `z = ln(p/(1 − p))`; a logistic of width w decades (the catalog's curve,
 * `p = 1/(1 + 10^(−(log10 x − log10 m)/w))`) is `z = ln 10·(log10 x − log10 m)/w`, so an interval
 * of z is an interval of `w·Δz/ln 10` decades of scale, wherever it lies. `p^L` crosses a level y
 * where `p = y^(1/L)`; with u = 1/L the 10→90% rise of `p^L` spans, in logit terms,
 *
 *   `S(L) = z(0.9^u) − z(0.1^u) = u·ln 9 + ln((1 − 0.1^u)/(1 − 0.9^u))`,
 *
 * from `S(1) = ln 81 = 4.394` (the logistic itself) down to `S(∞) = ln(ln 10/ln(10/9)) = 3.0844`
 * (as u → 0, 1 − e^(−cu) ≈ cu). S falls strictly as L grows: with `φ(t) = t/(e^t − 1)`,
 * `dS/du = ln 9 − (φ(b·u) − φ(a·u))/u` for a = ln 10 > b = ln(10/9), and since −1/2 < φ' < 0 the
 * difference is below `(a − b)/2 = ln 9/2`, so `dS/du > ln 9/2 > 0`. Hence the 10→90% width of
 * exact match, `w·S(L)/ln 10` decades, shrinks with L: 1.908·w (L = 1), 1.439·w (5), 1.388·w (10),
 * 1.364·w (20), towards 1.3396·w. (Contrast p = exp(−K·x^(−γ)), a power-law excess loss: there p^L
 * is p shifted by log10(L)/γ decades with the same width; see mirage.ts.)
 */

/**
 * Span in logit terms of the 10→90% rise of `p^L`: `S(L) = ln(9)/L + ln((1 − 0.1^(1/L))/(1 − 0.9^(1/L)))`.
 * @param length L, answer length in tokens (≥ 1; need not be an integer)
 * @returns S(L) in nats of logit, in (3.0844, 4.3945]
 * @throws RangeError when L is not a finite number ≥ 1
 * @example exactMatchLogitSpan(1) // 4.394449154672439 (= ln 81)
 * @example exactMatchLogitSpan(20) // 3.139881450719889
 */
export function exactMatchLogitSpan(length: number): number {
  if (!(Number.isFinite(length) && length >= 1)) throw new RangeError(`answer length must be a finite number ≥ 1, got ${length}`);
  const u = 1 / length;
  // 1 − y^u = −expm1(u·ln y): exact for small u, where 1 − y^u would cancel.
  return u * Math.log(9) + Math.log(-Math.expm1(u * Math.log(0.1)) / -Math.expm1(u * Math.log(0.9)));
}

/** `S(∞) = ln(ln 10/ln(10/9))`, the limit of `exactMatchLogitSpan` for long answers: 3.084399772560401. */
export const EXACT_MATCH_LOGIT_SPAN_LIMIT = Math.log(Math.LN10 / Math.log(10 / 9));

/**
 * 10→90% width of `p^L` in decades of scale when p is a logistic of width w decades: `w·S(L)/ln 10`.
 * @param length L, answer length in tokens (≥ 1)
 * @param widthDecades w of the per-token logistic, decades (> 0)
 * @example exactMatchWidthDecades(1, 1) // 1.9084850188786497 (= 2·log10 9, the logistic's own width)
 * @example exactMatchWidthDecades(20, 1) // 1.3636331878780248
 */
export function exactMatchWidthDecades(length: number, widthDecades: number): number {
  return (widthDecades * exactMatchLogitSpan(length)) / Math.LN10;
}

/**
 * Scale at which `p^L` reaches `level` when p is a logistic with midpoint m and width w decades:
 * `log10 x = log10 m + w·log10(y^(1/L)/(1 − y^(1/L)))` with y = level.
 * @param midpoint m, where p = 0.5 (same units as the returned scale)
 * @param level y in (0, 1)
 * @example exactMatchCrossing(1e10, 1, 20, 0.5) // 283567888732.16: exact match over 20 tokens reaches 50% 1.45 decades after p does
 */
export function exactMatchCrossing(midpoint: number, widthDecades: number, length: number, level: number): number {
  const p = level ** (1 / length);
  return midpoint * 10 ** (widthDecades * Math.log10(p / -Math.expm1(Math.log(level) / length)));
}
