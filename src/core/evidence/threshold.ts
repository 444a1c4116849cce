/**
 * A threshold measured on data: the scale at which a curve fitted with the engine of `emerge fit`
 * (src/core/curve-fit: fitSigmoid from its grid of up to 15 starts, case bootstrap refits) reaches a level, with a 95%
 * percentile interval over the bootstrap refits (Efron & Tibshirani 1993, §13.3).
 *
 * Values may be gains, which can be negative (chain-of-thought minus direct prompting). The engine's
 * curve lives on 0–1 with a floor searched in [0, 0.3]; a gain g is fitted as y = g + shift, so the
 * small-model gain (the floor) is searched in [−shift, 0.3 − shift]. With shift = 0.3: [−0.3, 0], the
 * ceiling (the large-model gain) fitted in [max(g_max − 0.2, 0.05), 0.7]. A shift moves the curve, not
 * its shape: x0 and k are those of the gain itself.
 *
 * The crossing is reported only inside the observed scales: a crossing below the smallest model is
 * `below` (the level is already reached there), one beyond the largest model (or never) is `above`;
 * interval ends outside the observed scales are open (null).
 */
import { bootstrapSigmoid, fitSigmoid, percentileInterval, type SigmoidFitOptions, type SigmoidParams } from '../curve-fit/index.js';
import { createRng } from '../random.js';
import { levelCrossing } from './crossing.js';

export interface MeasurePoint {
  model: string;
  /** Parameters or training FLOPs (> 0). */
  scale: number;
  /** The measured value: a score on 0–1, or a gain in −1..1. */
  value: number;
}

export interface CurveOptions {
  /** Added to every value before the fit (0 for scores; 0.3 for gains, see the module comment). */
  shift: number;
  /** Fixed floor (in value units) instead of a fitted one, e.g. a benchmark's chance score. */
  floor?: number;
  fitCeiling: boolean;
  /** Bootstrap resamples (default 1000). */
  bootstrap?: number;
  /** Seed of the bootstrap stream. */
  seed: number;
}

/** A fitted measure curve with its bootstrap refits, ready for `thresholdAt`. */
export interface MeasureCurve {
  models: number;
  /** Smallest and largest observed scale. */
  range: [number, number];
  shift: number;
  params: SigmoidParams;
  converged: boolean;
  refits: SigmoidParams[];
  resamples: number;
}

/** The level whose crossing is the threshold (value units), or the midpoint of the fitted rise (x0). */
export type Level = number | 'midpoint';

/** Where the threshold lies relative to the observed scales. */
export type Where = 'inside' | 'below' | 'above';

export interface ThresholdFit {
  models: number;
  /** Smallest and largest observed scale. */
  range: [number, number];
  /** Fitted curve in value units (floor and ceiling unshifted). */
  curve: SigmoidParams;
  converged: boolean;
  where: Where;
  /** The crossing scale when `where` is inside, else null. */
  threshold: number | null;
  /**
   * 2.5% and 97.5% bootstrap quantiles of the crossing. The lower end is null when it lies below the
   * smallest model, the upper end null when beyond the largest; an end on the far side of the range is
   * pinned to that edge.
   */
  interval: [number | null, number | null];
  resamples: number;
  used: number;
}

/**
 * Fit the sigmoid to (log10 scale, value + shift) and refit it on `bootstrap` case resamples.
 * @throws RangeError when fewer than 4 distinct scales are given (the engine's minimum)
 * @example fitMeasureCurve(points, { shift: 0.3, fitCeiling: true, seed: 20220615 }).refits.length // 1000 (when every refit converges)
 */
export function fitMeasureCurve(points: readonly MeasurePoint[], options: CurveOptions): MeasureCurve {
  const sorted = [...points].sort((a, b) => a.scale - b.scale || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
  const xs = sorted.map((p) => Math.log10(p.scale));
  const ys = sorted.map((p) => p.value + options.shift);
  if (new Set(xs).size < 4) throw new RangeError(`need at least 4 distinct scales, got ${new Set(xs).size}`);
  const fitOptions: SigmoidFitOptions = { fitCeiling: options.fitCeiling, ...(options.floor === undefined ? {} : { floor: options.floor + options.shift }) };
  const fit = fitSigmoid(xs, ys, fitOptions);
  const sample = bootstrapSigmoid(xs, ys, fit.params, fit.bounds, options.bootstrap ?? 1000, createRng(options.seed), { fitOptions });
  return { models: sorted.length, range: [sorted[0]!.scale, sorted[sorted.length - 1]!.scale], shift: options.shift, params: fit.params, converged: fit.converged, refits: sample.fits, resamples: sample.requested };
}

/**
 * The threshold of a fitted curve: where it crosses `level`, with the 95% bootstrap interval.
 * @example thresholdAt(fitMeasureCurve(points, options), 0.02).where // 'inside'
 */
export function thresholdAt(curve: MeasureCurve, level: Level): ThresholdFit {
  const crossing = (p: SigmoidParams): number => (level === 'midpoint' ? p.x0 : levelCrossing(p, level + curve.shift));
  const [xMin, xMax] = curve.range.map(Math.log10) as [number, number];
  const x = crossing(curve.params);
  const where: Where = x < xMin ? 'below' : x > xMax ? 'above' : 'inside';
  const crossings = curve.refits.map((p) => clamp(crossing(p), xMin - 1, xMax + 1));
  const [lo, hi] = crossings.length >= 2 ? percentileInterval(crossings) : [-Infinity, Infinity];
  // An end beyond the observed scales is open (null); an end on the far side of the range is pinned to
  // its edge, so [null, smallest] reads "at or below the smallest model".
  const lower = lo < xMin ? null : lo >= xMax ? curve.range[1] : 10 ** lo;
  const upper = hi > xMax ? null : hi <= xMin ? curve.range[0] : 10 ** hi;
  const p = curve.params;
  return {
    models: curve.models,
    range: curve.range,
    curve: { ...p, floor: p.floor - curve.shift, ceiling: p.ceiling - curve.shift },
    converged: curve.converged,
    where,
    threshold: where === 'inside' ? 10 ** x : null,
    interval: [lower, upper],
    resamples: curve.resamples,
    used: curve.refits.length,
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
