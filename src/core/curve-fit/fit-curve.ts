/**
 * One emergence curve per group of task scores: the sigmoid fit, its uncertainty, the straight-line
 * alternative, BIG-bench's shape measures, and a verdict.
 *
 * Verdicts:
 * - `too-few-points`: fewer than `minScales` (4) distinct scales: four parameters cannot be told apart.
 * - `flat`: the mean scores at the distinct scales span less than `flatRange` (0.02 on the 0–1 scale):
 *   nothing rises, there is no threshold to find.
 * - `emergent`: the sigmoid beats a straight line in x (log scale) by a clear margin, ΔBIC =
 *   BIC_line − BIC_sigmoid ≥ `bicMargin` (10: "very strong" evidence on Kass & Raftery's 1995 scale,
 *   J. Am. Stat. Assoc. 90:773), counting the sigmoid's fitted floor and ceiling as parameters; AND the
 *   threshold lies within the observed scales; AND the 10–90% rise is narrower than `maxWidthFraction`
 *   (half) of the observed span of x, so it is a jump inside the data, not a gentle bend or an
 *   extrapolation. (Relative to the span, so the rule reads the same on the loss axis.)
 * - `smooth`: otherwise.
 * - `invalid-scores`: the scores are neither 0–1 nor 0–100 (see score-scale.ts); not fitted.
 */
import { createRng, DEFAULT_SEED } from '../random.js';
import { fromX, toX, type ScaleAxis } from './axis.js';
import { bigBenchMeasures, scalingSeries, type BigBenchMeasures } from './bigbench-measures.js';
import { bootstrapSigmoid, percentileInterval } from './bootstrap.js';
import { fitSigmoid, type ParamName } from './fit-sigmoid.js';
import { groupLabel, type ScoreGroup } from './group-scores.js';
import { bic, fitLine, rSquared, type LineFit } from './line.js';
import { riseWidth, type SigmoidParams } from './sigmoid.js';

export type Verdict = 'emergent' | 'smooth' | 'too-few-points' | 'flat' | 'invalid-scores';

export interface CurveFitOptions {
  /** What x is (see axis.ts); the groups' `scale` values must be in that axis's unit. */
  axis: ScaleAxis;
  /** Fit the ceiling instead of fixing it at 1. Default false. */
  fitCeiling?: boolean;
  /** Ignore the groups' random baselines and fit every floor. Default false. */
  ignoreBaseline?: boolean;
  /** Bootstrap resamples for the intervals; 0 for none. Default 1000. */
  bootstrap?: number;
  /** Seed of the bootstrap; each group draws from its own stream derived from this and its key. Default DEFAULT_SEED. */
  seed?: number;
  /** Fewest distinct scales to fit. Default 4. */
  minScales?: number;
  /** Below this spread of mean scores (0–1 scale) a group is `flat`. Default 0.02. */
  flatRange?: number;
  /** ΔBIC the sigmoid needs over the line to be `emergent`. Default 10. */
  bicMargin?: number;
  /** Widest 10–90% rise, as a fraction of the observed x span, that still counts as `emergent`. Default 0.5. */
  maxWidthFraction?: number;
}

export const CURVE_FIT_DEFAULTS = {
  fitCeiling: false,
  ignoreBaseline: false,
  bootstrap: 1000,
  seed: DEFAULT_SEED,
  minScales: 4,
  flatRange: 0.02,
  bicMargin: 10,
  maxWidthFraction: 0.5,
} as const;

interface CurveCommon {
  key: string;
  group: Readonly<Record<string, string>>;
  /** "task/subtask/metric", for messages. */
  label: string;
  axis: ScaleAxis;
  /** Models (after averaging repeats). */
  models: number;
  /** Distinct scale values. */
  scales: number;
  /** Notes for the user: rescaling, skipped rows, parameters on bounds, failed bootstrap fits. */
  notes: string[];
}

export interface UnfittedCurve extends CurveCommon {
  fitted: false;
  verdict: 'too-few-points' | 'flat' | 'invalid-scores';
  /** One-line explanation, for a warning. */
  reason: string;
}

export interface Interval {
  lower: number;
  upper: number;
}

export interface CurveIntervals {
  /** 95% percentile interval of the threshold, in the axis's unit (scale, or nats of loss). */
  threshold: Interval;
  k: Interval;
  /** Only when the floor is fitted (no random baseline). */
  floor?: Interval;
  /** Only when the ceiling is fitted. */
  ceiling?: Interval;
  /** Resamples drawn. */
  resamples: number;
  /** Resamples whose refit converged (the intervals are over these). */
  used: number;
  /** The parameters of those refits, for pointwise bands of the curve (pictures). */
  samples: readonly SigmoidParams[];
}

export interface FittedCurve extends CurveCommon {
  fitted: true;
  verdict: 'emergent' | 'smooth';
  /** Fitted parameters in x units (x0 in log10 scale or −loss). */
  params: SigmoidParams;
  /** The threshold in the axis's unit: 10^x0 (parameters, FLOPs, tokens), or the loss L_c = −x0. */
  threshold: number;
  /** Sharpness per unit of x (per decade; per nat on the loss axis). */
  k: number;
  /** Width of the 10–90% rise, 2·ln 9/k, in decades (nats on the loss axis). */
  riseWidth: number;
  floor: number;
  ceiling: number;
  floorFitted: boolean;
  ceilingFitted: boolean;
  /** R² of the sigmoid over the model points. */
  r2: number;
  rss: number;
  converged: boolean;
  /** Fitted parameters that ended on a bound of their search box. */
  atBound: ParamName[];
  line: LineFit & { r2: number };
  /** BIC(line) − BIC(sigmoid): positive favours the sigmoid. */
  deltaBic: number;
  /** Whether x0 lies within the observed x range. */
  thresholdInRange: boolean;
  bigBench: BigBenchMeasures;
  /** Present when `bootstrap` > 0. */
  intervals?: CurveIntervals;
}

export type CurveResult = FittedCurve | UnfittedCurve;

/**
 * Fit one group's emergence curve (see the module comment for the verdicts, fit-sigmoid.ts for the
 * bounds, axis.ts for x). The floor is fixed at the group's random baseline unless `ignoreBaseline`.
 * @throws RangeError when a scale is not valid on the axis (e.g. not positive on a log axis)
 * @example fitEmergenceCurve(arithmetic2DigitAddition, { axis: 'compute', bootstrap: 0 }) // verdict 'emergent', threshold 1.603818319030628e+22 (the ObsScaling fixture's group)
 */
export function fitEmergenceCurve(group: ScoreGroup, options: CurveFitOptions): CurveResult {
  const settings = { ...CURVE_FIT_DEFAULTS, ...definedOnly(options) };
  const axis = options.axis;
  const label = groupLabel(group.group);
  const xs = group.points.map((p) => toX(axis, p.scale));
  const ys = group.points.map((p) => p.score);
  const series = scalingSeries(xs, ys);
  const common: CurveCommon = { key: group.key, group: group.group, label, axis, models: xs.length, scales: series.xs.length, notes: [...group.notes] };

  if (group.invalid !== undefined) {
    return { ...common, fitted: false, verdict: 'invalid-scores', reason: group.invalid };
  }
  if (series.xs.length < settings.minScales) {
    return { ...common, fitted: false, verdict: 'too-few-points', reason: `${label}: ${series.xs.length} distinct scales; at least ${settings.minScales} are needed to fit a curve` };
  }
  const spread = Math.max(...series.ys) - Math.min(...series.ys);
  if (spread < settings.flatRange) {
    return { ...common, fitted: false, verdict: 'flat', reason: `${label}: scores vary by only ${spread.toPrecision(2)} across scales (less than ${settings.flatRange}); no rise to fit` };
  }

  const floor = settings.ignoreBaseline ? undefined : group.baseline;
  const fitOptions = floor === undefined ? { fitCeiling: settings.fitCeiling } : { floor, fitCeiling: settings.fitCeiling };
  const fit = fitSigmoid(xs, ys, fitOptions);
  const { params } = fit;
  const n = xs.length;
  const line = fitLine(xs, ys);
  const sigmoidParameters = 2 + (floor === undefined ? 1 : 0) + (settings.fitCeiling ? 1 : 0);
  const deltaBic = bic(line.rss, n, 2) - bic(fit.rss, n, sigmoidParameters);
  const xMin = series.xs[0]!;
  const xMax = series.xs[series.xs.length - 1]!;
  const width = riseWidth(params.k);
  const thresholdInRange = params.x0 >= xMin && params.x0 <= xMax;
  const emergent = deltaBic >= settings.bicMargin && thresholdInRange && width < settings.maxWidthFraction * (xMax - xMin);

  const notes = common.notes;
  if (!fit.converged) notes.push(`${label}: the sigmoid fit did not converge; its parameters are the best found`);
  if (fit.atBound.length > 0) notes.push(`${label}: ${fit.atBound.join(', ')} ended on the bound of the search range`);
  if (!thresholdInRange) notes.push(`${label}: the threshold lies outside the observed scales (extrapolated)`);

  const result: FittedCurve = {
    ...common,
    fitted: true,
    verdict: emergent ? 'emergent' : 'smooth',
    params,
    threshold: fromX(axis, params.x0),
    k: params.k,
    riseWidth: width,
    floor: params.floor,
    ceiling: params.ceiling,
    floorFitted: floor === undefined,
    ceilingFitted: settings.fitCeiling,
    r2: rSquared(ys, fit.rss),
    rss: fit.rss,
    converged: fit.converged,
    atBound: fit.atBound,
    line: { ...line, r2: rSquared(ys, line.rss) },
    deltaBic,
    thresholdInRange,
    bigBench: bigBenchMeasures(series),
  };

  if (settings.bootstrap > 0) {
    const rng = createRng((settings.seed + hashKey(group.key)) >>> 0);
    const sample = bootstrapSigmoid(xs, ys, params, fit.bounds, settings.bootstrap, rng, { minScales: settings.minScales, fitOptions });
    if (sample.failed > 0) notes.push(`${label}: ${sample.failed} of ${sample.requested} bootstrap refits failed and were left out of the intervals`);
    if (sample.fits.length >= 2) {
      const interval = (values: number[]): Interval => {
        const [lower, upper] = percentileInterval(values);
        return { lower, upper };
      };
      const [t1, t2] = percentileInterval(sample.fits.map((p) => p.x0)).map((x) => fromX(axis, x)) as [number, number];
      const intervals: CurveIntervals = {
        threshold: { lower: Math.min(t1, t2), upper: Math.max(t1, t2) },
        k: interval(sample.fits.map((p) => p.k)),
        resamples: sample.requested,
        used: sample.fits.length,
        samples: sample.fits,
      };
      if (result.floorFitted) intervals.floor = interval(sample.fits.map((p) => p.floor));
      if (result.ceilingFitted) intervals.ceiling = interval(sample.fits.map((p) => p.ceiling));
      result.intervals = intervals;
    }
  }
  return result;
}

/**
 * `fitEmergenceCurve` for every group, in order.
 * @example fitEmergenceCurves(groupScores(obsScalingRows), { axis: 'compute', bootstrap: 0 }).map((c) => c.verdict) // ['smooth', 'emergent', 'smooth', 'smooth', 'emergent', 'emergent', 'emergent', 'emergent']
 */
export function fitEmergenceCurves(groups: readonly ScoreGroup[], options: CurveFitOptions): CurveResult[] {
  return groups.map((g) => fitEmergenceCurve(g, options));
}

/**
 * FNV-1a hash of a string, 32 bits: derives each group's bootstrap stream from the seed.
 * @example hashKey('a') // 3826002220
 */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
