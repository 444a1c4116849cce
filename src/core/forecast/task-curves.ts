/**
 * The curves of one task, given its step-1 law: step 2 (score on loss, on every warmed-up
 * checkpoint) and the one-step curve (score on compute, on finished runs), and the forecast of
 * either at a run of N parameters and D tokens.
 */
import { loss, type ChinchillaLaw } from '../scaling-law.js';
import { finishedRuns, warmedCheckpoints, type LadderPoint } from './ladder.js';
import { distinctCount, fitScoreOnCompute, fitScoreOnLoss, MIN_CURVE_POINTS, scoreAtCompute, scoreAtLoss, type CurveFitResult, type ScoreOnCompute, type ScoreOnLoss } from './score-curves.js';

export type ForecastMethod = 'two-step' | 'one-step';

export const METHODS: readonly ForecastMethod[] = ['two-step', 'one-step'];

export interface TaskCurves {
  /** Step 2, and the law it chains with (shared or the task's own); absent without losses or with too few. */
  twoStep?: CurveFitResult<ScoreOnLoss> & { law: ChinchillaLaw };
  oneStep?: CurveFitResult<ScoreOnCompute>;
  /** Why a method is missing, one line each. */
  missing: Partial<Record<ForecastMethod, string>>;
}

/** The curves a forecast needs: step 2 with its law, the one-step curve. */
export interface ForecastCurves {
  twoStep?: { curve: ScoreOnLoss; law: ChinchillaLaw };
  oneStep?: { curve: ScoreOnCompute };
}

/**
 * Fits the curves of `methods` a task's points allow: step 2 when a law is given and the warmed-up
 * checkpoints have at least MIN_CURVE_POINTS distinct losses, the one-step curve when the finished
 * runs have at least MIN_CURVE_POINTS distinct computes.
 */
export function fitTaskCurves(points: readonly LadderPoint[], law: ChinchillaLaw | undefined, baseline: number | undefined, warmup: number, methods: readonly ForecastMethod[] = METHODS): TaskCurves {
  const curves: TaskCurves = { missing: {} };
  const finished = finishedRuns(points);
  if (law !== undefined && methods.includes('two-step')) {
    const warmed = warmedCheckpoints(points, warmup);
    const losses = warmed.map((p) => p.loss!);
    if (distinctCount(losses) >= MIN_CURVE_POINTS) {
      curves.twoStep = { ...fitScoreOnLoss(losses, warmed.map((p) => p.score), baseline, finished.map((p) => p.loss!)), law };
    } else {
      curves.missing['two-step'] = `${distinctCount(losses)} distinct losses; step 2 needs at least ${MIN_CURVE_POINTS}`;
    }
  }
  const computes = finished.map((p) => p.compute);
  if (!methods.includes('one-step')) return curves;
  if (distinctCount(computes) >= MIN_CURVE_POINTS) {
    curves.oneStep = fitScoreOnCompute(computes, finished.map((p) => p.score), baseline);
  } else {
    curves.missing['one-step'] = `${distinctCount(computes)} runs of distinct compute; the one-step curve needs at least ${MIN_CURVE_POINTS}`;
  }
  return curves;
}

/**
 * The forecast of `method` for a run of N parameters trained on D tokens (C = 6ND unless given):
 * two-step score(loss(N, D)), one-step score(C). Undefined when the task has no such curve.
 */
export function curveForecast(curves: ForecastCurves, method: ForecastMethod, params: number, tokens: number, compute = 6 * params * tokens): number | undefined {
  if (method === 'two-step') return curves.twoStep && scoreAtLoss(curves.twoStep.curve, loss(curves.twoStep.law, params, tokens));
  return curves.oneStep && scoreAtCompute(curves.oneStep.curve, compute);
}
