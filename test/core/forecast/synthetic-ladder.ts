// Ladders generated from known constants, for recovery tests: runs of N parameters at several
// tokens per parameter, each task's score an exact step-2 sigmoid of the loss (optionally with
// checkpoints along each run, whose loss sits above a finished run's by a schedule bump).
import type { LadderPoint, LadderTask, ScoreOnLoss } from '../../../src/core/forecast/index.js';
import { scoreAtLoss } from '../../../src/core/forecast/index.js';
import type { ChinchillaConstants } from '../../../src/core/fit/law-objective.js';

export const TRUE_LAW: ChinchillaConstants = { E: 1.8, A: 400, B: 1200, alpha: 0.34, beta: 0.3 };

export const lawLoss = (law: ChinchillaConstants, n: number, d: number): number => law.E + law.A / n ** law.alpha + law.B / d ** law.beta;

export interface LadderShape {
  sizes: number[];
  ratios: number[];
  /** Checkpoints per run (1: finished runs only, no step column). */
  checkpoints?: number;
  /** Extra loss of a checkpoint at fraction f of its run: bump·(1 − f) (a run mid-schedule is behind a finished one). */
  bump?: number;
}

export const SMALL_LADDER: LadderShape = { sizes: [2e7, 5e7, 1e8, 2e8, 5e8, 1e9], ratios: [10, 20, 40] };

/** One task per curve; each task's points are the runs (and checkpoints) of the shape. */
export function syntheticLadder(curves: Record<string, ScoreOnLoss>, shape: LadderShape = SMALL_LADDER, law: ChinchillaConstants = TRUE_LAW): LadderTask[] {
  const points: Omit<LadderPoint, 'score'>[] = [];
  const steps = shape.checkpoints ?? 1;
  for (const params of shape.sizes) {
    for (const ratio of shape.ratios) {
      const run = `n${params}-r${ratio}`;
      for (let s = 1; s <= steps; s++) {
        const fraction = s / steps;
        const tokens = ratio * params * fraction;
        const point: Omit<LadderPoint, 'score'> = { run, params, tokens, compute: 6 * params * tokens, loss: lawLoss(law, params, tokens) + (shape.bump ?? 0) * (1 - fraction) };
        if (steps > 1) point.step = 1000 * s;
        points.push(point);
      }
    }
  }
  return Object.entries(curves).map(([id, curve]) => ({ id, baseline: curve.floor, points: points.map((p) => ({ ...p, score: scoreAtLoss(curve, p.loss!) })) }));
}

export const CURVES: Record<string, ScoreOnLoss> = {
  easy: { L0: 3.0, k: 1.5, floor: 0.25, ceiling: 0.9 },
  hard: { L0: 2.6, k: 1.2, floor: 0, ceiling: 0.7 },
};
