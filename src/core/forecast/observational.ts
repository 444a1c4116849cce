/**
 * Back-tests of a forecast fitted to observational data: public evaluations of models of many
 * families and vintages (the default forecast of `emerge predict`), not a ladder of one recipe. A
 * set of models is held out, e.g. the most recent by release date or the largest by compute; the
 * forecast is fitted on the rest exactly as `emerge fit` fits it (fit-forecast.ts, intervals
 * included) and scored on the held-out models' scores (metrics.ts), beside two baselines:
 *
 * - persistence: the score of the fitted model nearest in compute (|log10 C − log10 C_i| smallest;
 *   the mean of those tied). For the largest models that is the largest fitted one; for recent ones,
 *   an older model of about their size: "no progress at equal compute".
 * - the plain sigmoid in log compute: the curve engine's default fit (ceiling fixed at 1, floor at
 *   chance, no cap on the sharpness; fit-sigmoid.ts) with the in-sample interval ŷ ± z·RMSE
 *   (z = Φ⁻¹(1 − α/2), 1.2816 at 80%), the interval a fit's own residuals give.
 *
 * The same held-out forecasts also compare interval models (`intervalCandidates`): the conformal
 * quantile of the fit's rolling-origin errors at other width offsets d0 of w(d) = √(d0 + max(d, 0)),
 * pooled or scaled by each task's curve RMSE, and with the errors of leaving each family out (fitted
 * without it, forecasting its models), which measure what a new family costs at equal compute.
 */
import { fitSigmoid } from '../curve-fit/fit-sigmoid.js';
import { sigmoidScore } from '../curve-fit/sigmoid.js';
import { fitForecast, forecastSpec, taskScale, type ForecastFitOptions, type ForecastModel } from './fit-forecast.js';
import { forecastTask } from './forecast.js';
import { calibrateIntervals, predictionInterval, type IntervalModel } from './intervals.js';
import { distanceDecades, type LadderPoint, type LadderTask } from './ladder.js';
import { forecastErrors, type ForecastErrors, type ScoredForecast } from './metrics.js';
import { fitTaskCurves, curveForecast } from './task-curves.js';

/** The forecasters of a model holdout: the forecast as fitted, the plain sigmoid, persistence. */
export type HoldoutBaseline = 'forecast' | 'plain' | 'persistence';

export const HOLDOUT_BASELINES: readonly HoldoutBaseline[] = ['forecast', 'plain', 'persistence'];

/** z of the central 80% normal interval, Φ⁻¹(0.9). */
const Z80 = 1.2815515655446004;

export interface HeldOutScore {
  task: string;
  run: string;
  compute: number;
  observed: number;
  /** Decades beyond the task's largest fitted model. */
  distance: number;
  forecasts: Record<HoldoutBaseline, ScoredForecast>;
}

export interface ModelHoldout {
  /** Models fitted and held out (each counted once, over all tasks). */
  trainRuns: number;
  testRuns: number;
  /** The forecast fitted on the models kept. */
  model: ForecastModel;
  /** The models kept, per task (for the interval candidates). */
  train: LadderTask[];
  scores: HeldOutScore[];
  /** Per task and pooled, each forecaster's figures. */
  tasks: { id: string; n: number; figures: Record<HoldoutBaseline, ForecastErrors> }[];
  pooled: Record<HoldoutBaseline, ForecastErrors>;
}

/**
 * Fits on every model not in `heldOut` and scores the forecasts of the held-out ones (see the module
 * comment). Tasks the fit skips are left out of the figures. The forecast's level must be 0.8 for
 * the plain sigmoid's interval to be of the same level.
 * @throws RangeError when no model is held out or none is kept; FitError as fitForecast
 */
export async function modelHoldout(tasks: readonly LadderTask[], heldOut: ReadonlySet<string>, options: Partial<ForecastFitOptions> = {}): Promise<ModelHoldout> {
  const runs = new Set(tasks.flatMap((t) => t.points.map((p) => p.run)));
  const testRuns = [...runs].filter((r) => heldOut.has(r)).length;
  if (testRuns === 0 || testRuns === runs.size) throw new RangeError(`${testRuns} of ${runs.size} models held out; both sides need models`);
  const train = tasks.map((t) => ({ ...t, points: t.points.filter((p) => !heldOut.has(p.run)) }));
  const model = await fitForecast(train, options);
  const spec = forecastSpec(model, 'holdout');
  const level = spec.level;
  const scores: HeldOutScore[] = [];
  const perTask: ModelHoldout['tasks'] = [];
  for (const taskSpec of spec.tasks) {
    const task = tasks.find((t) => t.id === taskSpec.id)!;
    const kept = train.find((t) => t.id === taskSpec.id)!.points;
    const plain = plainSigmoid(kept, task.baseline, level);
    const mine = task.points
      .filter((p) => heldOut.has(p.run))
      .map((p): HeldOutScore => {
        const f = forecastTask(spec, taskSpec, p.params, p.tokens, p.compute);
        const forecast: ScoredForecast = { observed: p.score, forecast: f.score, ...(f.lower === undefined ? {} : { lower: f.lower, upper: f.upper! }) };
        return { task: task.id, run: p.run, compute: p.compute, observed: p.score, distance: f.distance, forecasts: { forecast, plain: { observed: p.score, ...plain(p.compute) }, persistence: { observed: p.score, forecast: nearestScore(kept, p.compute) } } };
      });
    if (mine.length === 0) continue;
    scores.push(...mine);
    perTask.push({ id: task.id, n: mine.length, figures: figuresOf(mine, level) });
  }
  return { trainRuns: runs.size - testRuns, testRuns, model, train, scores, tasks: perTask, pooled: figuresOf(scores, level) };
}

function figuresOf(scores: readonly HeldOutScore[], level: number): Record<HoldoutBaseline, ForecastErrors> {
  return Object.fromEntries(HOLDOUT_BASELINES.map((who) => [who, forecastErrors(scores.map((s) => s.forecasts[who]), level)])) as Record<HoldoutBaseline, ForecastErrors>;
}

/**
 * The plain sigmoid in log10 compute fitted to `points` (ceiling 1, floor at `baseline` or fitted),
 * as a forecaster with the in-sample interval ŷ ± z·RMSE clipped to [0, 1] (z for `level`; only
 * 0.8 is supported).
 * @throws RangeError for another level, or points of one compute
 */
export function plainSigmoid(points: readonly LadderPoint[], baseline: number | undefined, level: number): (compute: number) => { forecast: number; lower: number; upper: number } {
  if (level !== 0.8) throw new RangeError(`the plain sigmoid's interval is computed at level 0.8, not ${level}`);
  const xs = points.map((p) => Math.log10(p.compute));
  const fit = fitSigmoid(xs, points.map((p) => p.score), baseline === undefined ? {} : { floor: baseline });
  const half = Z80 * Math.sqrt(fit.rss / xs.length);
  return (compute) => {
    const forecast = sigmoidScore(fit.params, Math.log10(compute));
    return { forecast, lower: Math.max(0, forecast - half), upper: Math.min(1, forecast + half) };
  };
}

/**
 * Persistence for observational data: the score of the model nearest in log10 compute (the mean of
 * those tied at the nearest distance).
 * @example nearestScore([{ compute: 1e21, score: 0.3 }, { compute: 1e23, score: 0.6 }, { compute: 1e23, score: 0.5 }], 2e22) // 0.55
 */
export function nearestScore(points: readonly Pick<LadderPoint, 'compute' | 'score'>[], compute: number): number {
  let best = Infinity;
  let sum = 0;
  let count = 0;
  for (const p of points) {
    const d = Math.abs(Math.log10(p.compute / compute));
    if (d < best - 1e-12) {
      best = d;
      sum = p.score;
      count = 1;
    } else if (d <= best + 1e-12) {
      sum += p.score;
      count++;
    }
  }
  return sum / count;
}

/** A candidate interval model, scored on the held-out forecasts of a holdout. */
export interface IntervalCandidate {
  name: string;
  offset: number;
  /** Scaled by each task's curve RMSE (intervals.ts), or pooled. */
  scaled: boolean;
  /** Whether the leave-one-family-out errors join the rolling-origin ones. */
  families: boolean;
}

/**
 * Leave-one-family-out errors of the one-step forecast on the models kept: for each family, the
 * curves fitted without its models forecast them, each error with its distance beyond the largest
 * model of that fit.
 */
function familyErrors(train: readonly LadderTask[], familyOf: (run: string) => string, warmup: number): { task: string; error: number; distance: number }[] {
  const errors: { task: string; error: number; distance: number }[] = [];
  const families = [...new Set(train.flatMap((t) => t.points.map((p) => familyOf(p.run))))];
  for (const family of families) {
    for (const task of train) {
      const kept = task.points.filter((p) => familyOf(p.run) !== family);
      const left = task.points.filter((p) => familyOf(p.run) === family);
      if (left.length === 0) continue;
      const curves = fitTaskCurves(kept, undefined, task.baseline, warmup, ['one-step']);
      if (!curves.oneStep) continue;
      const largest = Math.max(...kept.map((p) => p.compute));
      for (const p of left) errors.push({ task: task.id, error: curveForecast(curves, 'one-step', p.params, p.tokens, p.compute)! - p.score, distance: distanceDecades(p.compute, largest) });
    }
  }
  return errors;
}

/**
 * The held-out figures of the forecast's point forecasts with each candidate interval model,
 * calibrated on the holdout's training models only: the one-step rolling-origin errors of its fit,
 * with the leave-one-family-out errors when the candidate asks for them.
 */
export function intervalCandidates(holdout: ModelHoldout, candidates: readonly IntervalCandidate[], familyOf: (run: string) => string): { candidate: IntervalCandidate; figures: ForecastErrors; byTask: Map<string, ForecastErrors> }[] {
  const level = holdout.model.level;
  const scales = new Map(holdout.model.tasks.map((t) => [t.id, taskScale(t, 'one-step')!]));
  const rolling = holdout.model.errors.filter((e) => e.method === 'one-step' && scales.has(e.task));
  const family = candidates.some((c) => c.families) ? familyErrors(holdout.train, familyOf, holdout.model.warmup).filter((e) => scales.has(e.task)) : [];
  return candidates.map((candidate) => {
    const errors = candidate.families ? [...rolling, ...family] : rolling;
    const model: IntervalModel = calibrateIntervals(errors, candidate.offset, candidate.scaled ? (e) => scales.get(e.task)! : undefined);
    const scored = holdout.scores.map((s) => ({ task: s.task, observed: s.observed, forecast: s.forecasts.forecast.forecast, ...predictionInterval(model, s.forecasts.forecast.forecast, s.distance, level, candidate.scaled ? scales.get(s.task)! : 1) }));
    const byTask = new Map(holdout.tasks.map((t) => [t.id, forecastErrors(scored.filter((x) => x.task === t.id), level)]));
    return { candidate, figures: forecastErrors(scored, level), byTask };
  });
}
