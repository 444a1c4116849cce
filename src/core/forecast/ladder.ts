/**
 * A ladder of training runs as the forecast reads it: per task, one point per run and checkpoint
 * with the run's size (N parameters, D tokens seen, C = 6ND FLOPs), optionally a loss (the run's
 * validation loss, or the task's own loss), and the task's score on 0–1.
 *
 * Checkpoints (DESIGN.md, "Forecasting benchmark scores"; Bhagia et al. 2024): a point with a `step`
 * is a checkpoint of its run, and the run's last checkpoint is the finished run. The loss law
 * (step 1) and the one-step curve are fitted on finished runs only, since a checkpoint in the middle
 * of a learning-rate schedule is not a finished run of that length. The score-on-loss curve (step 2)
 * holds along training, so it is fitted on every checkpoint past a warm-up: those with
 * step ≥ WARMUP_FRACTION × the run's last step. A point without a step is a finished run.
 */

/** One measured score of one run (at one checkpoint). */
export interface LadderPoint {
  /** The run's identity (its model name): every checkpoint of a run shares it. */
  run: string;
  params: number;
  /** Tokens seen at this checkpoint (the run's training tokens when it is finished). */
  tokens: number;
  /** Training compute at this checkpoint, FLOPs (6·N·D unless the file gives it). */
  compute: number;
  /** Score on 0–1. */
  score: number;
  /** Loss in nats (the run's validation loss or the task's own loss); undefined without a loss column. */
  loss?: number;
  /** Training step of a checkpoint; undefined: a finished run. */
  step?: number;
  /** Line of the point in its file, for messages. */
  line?: number;
}

/** The points of one task (one group of the input, e.g. task "mmlu"). */
export interface LadderTask {
  /** The task's name as in the file ("mmlu", or "task/subtask/metric"): its id in the forecast. */
  id: string;
  /** The task's random-guess score on 0–1 (the floor of its curves); undefined: the floor is fitted. */
  baseline?: number;
  points: LadderPoint[];
}

/** Fraction of a run's steps before which checkpoints are left out of step 2 (Bhagia et al. 2024 skip the first 10%). */
export const WARMUP_FRACTION = 0.1;

/**
 * Each run's finished point: its last checkpoint (largest step), or its only point without steps.
 * Order: by compute, then run name.
 * @example finishedRuns([{ run: 'a', step: 1, ... }, { run: 'a', step: 9, ... }]) // the step-9 point
 */
export function finishedRuns(points: readonly LadderPoint[]): LadderPoint[] {
  const last = new Map<string, LadderPoint>();
  for (const p of points) {
    const seen = last.get(p.run);
    if (!seen || (p.step ?? Infinity) > (seen.step ?? Infinity)) last.set(p.run, p);
  }
  return [...last.values()].sort((a, b) => a.compute - b.compute || (a.run < b.run ? -1 : a.run > b.run ? 1 : 0));
}

/**
 * The points step 2 fits: every point without a step, and every checkpoint at or past
 * `warmup` × its run's last step (so the run's last checkpoint is always kept).
 * @example warmedCheckpoints(points of a run with steps 0, 50, 100, ..., 1000) // steps 100 to 1000
 */
export function warmedCheckpoints(points: readonly LadderPoint[], warmup = WARMUP_FRACTION): LadderPoint[] {
  const lastStep = new Map<string, number>();
  for (const p of points) if (p.step !== undefined) lastStep.set(p.run, Math.max(lastStep.get(p.run) ?? -Infinity, p.step));
  return points.filter((p) => p.step === undefined || p.step >= warmup * lastStep.get(p.run)!);
}

/**
 * Whether the loss is absent, shared by every task (the same value for a run and step in every task
 * that has it: a validation loss, fitted once) or the task's own (fitted per task).
 */
export type LossScope = 'none' | 'shared' | 'task';

export function lossScope(tasks: readonly LadderTask[]): LossScope {
  const seen = new Map<string, number>();
  let any = false;
  for (const task of tasks) {
    for (const p of task.points) {
      if (p.loss === undefined) continue;
      any = true;
      const key = `${p.run}\u0000${p.step ?? ''}`;
      const value = seen.get(key);
      if (value === undefined) seen.set(key, p.loss);
      else if (value !== p.loss) return 'task';
    }
  }
  return any ? 'shared' : 'none';
}

/** log10(C / C_largest): decades of compute beyond the largest fitted run (negative: inside the fitted range). */
export function distanceDecades(compute: number, largestCompute: number): number {
  return Math.log10(compute / largestCompute);
}
