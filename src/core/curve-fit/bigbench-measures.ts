/**
 * BIG-bench's measures of the shape of a scaling curve (Srivastava et al. 2022, "Beyond the Imitation
 * Game", §4 and Appendix B "Definitions of linearity and breakthroughness"), computed on the series of
 * mean scores y_1..y_n at the distinct scales x_1 < … < x_n (x = log scale), with Δy_i = y_{i+1} − y_i,
 * Δx_i = x_{i+1} − x_i:
 *
 * - overall improvement  I = sign(argmax_i y_i − argmin_i y_i)·(max_i y_i − min_i y_i)
 * - breakthroughness     B = I / RootMedianSquare(Δy) = I / √median(Δy_i²)
 *   Large when most steps between neighbouring scales are small and the improvement comes in a few
 *   jumps. As in the implementation we followed (IyngkarranKumar/test_time_emergent_scaling,
 *   utils/analysis_utils.py, `breakthrough_score(..., legacy=True)`), B is capped in magnitude at 100
 *   (a median step of 0 gives ±100); unlike it, the sign of I is kept, so falling curves give B < 0.
 * - linearity            L = |I|·Σ Δy_i Δx_i / (‖Δy‖·‖Δx‖)
 *   The size of the improvement times the cosine between the steps in score and the steps in scale:
 *   |I| for a rising straight line in log scale, −|I| for a falling one, about |I|/√(n−1) for a single
 *   jump over evenly spaced scales. The paper's exact normalisation of L could not be checked against
 *   its text here; L is this reconstruction, on the 0–1 score scale (BIG-bench used normalised 0–100
 *   scores, so its I and L are 100× ours; B is scale-free).
 *
 * Both are sensitive to how densely the scales are sampled: with many models, noise between
 * neighbours inflates ‖Δy‖ and the median step.
 */

export interface ScalingSeries {
  /** Distinct x values, ascending. */
  xs: number[];
  /** Mean score at each x. */
  ys: number[];
}

export interface BigBenchMeasures {
  /** I: signed total improvement, on the score scale. */
  improvement: number;
  /** L (reconstruction, see the module comment), in [−|I|, |I|]. */
  linearity: number;
  /** B, in [−100, 100]. */
  breakthroughness: number;
}

export const BREAKTHROUGHNESS_CAP = 100;

/**
 * Average the scores at equal x and sort by x: the series the BIG-bench measures are defined on.
 * @example scalingSeries([2, 1, 2], [0.5, 0.1, 0.7]) // { xs: [1, 2], ys: [0.1, 0.6] }
 */
export function scalingSeries(xs: readonly number[], ys: readonly number[]): ScalingSeries {
  const byX = new Map<number, { sum: number; count: number }>();
  xs.forEach((x, i) => {
    const entry = byX.get(x) ?? { sum: 0, count: 0 };
    entry.sum += ys[i]!;
    entry.count++;
    byX.set(x, entry);
  });
  const sorted = [...byX.entries()].sort((a, b) => a[0] - b[0]);
  return { xs: sorted.map(([x]) => x), ys: sorted.map(([, e]) => e.sum / e.count) };
}

/**
 * I, L and B of a series (see the module comment). A series of fewer than two points gives zeros.
 * @example bigBenchMeasures({ xs: [1, 2, 3, 4, 5], ys: [0, 0, 0, 0, 1] }) // { improvement: 1, linearity: 0.5, breakthroughness: 100 }
 */
export function bigBenchMeasures(series: ScalingSeries): BigBenchMeasures {
  const { xs, ys } = series;
  const n = ys.length;
  if (n < 2) return { improvement: 0, linearity: 0, breakthroughness: 0 };
  let argMin = 0;
  let argMax = 0;
  for (let i = 1; i < n; i++) {
    if (ys[i]! < ys[argMin]!) argMin = i;
    if (ys[i]! > ys[argMax]!) argMax = i;
  }
  const improvement = (argMax > argMin ? 1 : -1) * (ys[argMax]! - ys[argMin]!);

  const squaredSteps: number[] = [];
  let dot = 0;
  let dySq = 0;
  let dxSq = 0;
  for (let i = 0; i + 1 < n; i++) {
    const dy = ys[i + 1]! - ys[i]!;
    const dx = xs[i + 1]! - xs[i]!;
    squaredSteps.push(dy * dy);
    dot += dy * dx;
    dySq += dy * dy;
    dxSq += dx * dx;
  }
  const rootMedianSquare = Math.sqrt(median(squaredSteps));
  let breakthroughness = 0;
  if (improvement !== 0) {
    const raw = rootMedianSquare > 0 ? improvement / rootMedianSquare : Math.sign(improvement) * Infinity;
    breakthroughness = Math.max(-BREAKTHROUGHNESS_CAP, Math.min(BREAKTHROUGHNESS_CAP, raw));
  }
  const linearity = dySq > 0 && dxSq > 0 ? (Math.abs(improvement) * dot) / Math.sqrt(dySq * dxSq) : 0;
  return { improvement: improvement === 0 ? 0 : improvement, linearity: linearity === 0 ? 0 : linearity, breakthroughness };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
