/**
 * The metric effect on real outputs (Schaeffer, Miranda & Koyejo 2023): the UKP file (Lu et al. 2024)
 * scores the same generations by exact match and by edit distance. For each task, the verdict of
 * `emerge fit` (src/core/curve-fit/fit-curve.ts: `emergent` when the sigmoid beats a line in log10 N
 * by ΔBIC ≥ 10 with its rise inside the data, otherwise `smooth`; `flat` and `too-few-points` are
 * not fitted) under each metric, with `emerge fit`'s defaults (floor fitted, ceiling 1, no baseline:
 * the file gives none).
 *
 * Edit distance d (characters, lower is better) becomes a score on 0–1, the edit similarity
 * s = 1 − d / d_max, with d_max the largest mean distance of the task in the file; this is a choice
 * (the answer length L that Schaeffer et al. divide by is not in the file), and it keeps the order
 * of the models and the shape of the curve up to scale.
 */
import { fitEmergenceCurve, type CurveResult, type ModelPoint, type Verdict } from '../curve-fit/index.js';

export interface MetricPoint {
  model: string;
  params: number;
  exactMatch: number;
  editDistance: number;
}

export interface MirageTask {
  task: string;
  models: number;
  exactMatch: Verdict;
  editSimilarity: Verdict;
  /** ΔBIC (line − sigmoid) under each metric; null when not fitted. */
  deltaBicExactMatch: number | null;
  deltaBicEditSimilarity: number | null;
  /** The emergent verdict holds under both metrics: emergent under both, or under neither. */
  holds: boolean;
}

/**
 * Verdicts of one task under exact match and edit similarity (see the module comment).
 * @param maxDistance d_max of the task
 * @example mirageTask('rhyming', points, 82.02).holds // true (smooth under both)
 */
export function mirageTask(task: string, points: readonly MetricPoint[], maxDistance: number): MirageTask {
  const group = (score: (p: MetricPoint) => number): Parameters<typeof fitEmergenceCurve>[0] => {
    const modelPoints: ModelPoint[] = points.map((p) => ({ model: p.model, scale: p.params, score: score(p), rows: 1 })).sort((a, b) => a.scale - b.scale || (a.model < b.model ? -1 : 1));
    return { key: task, group: { task }, points: modelPoints, scoreFactor: 1, notes: [] };
  };
  const em = fitEmergenceCurve(group((p) => p.exactMatch), { axis: 'params', bootstrap: 0 });
  const ed = fitEmergenceCurve(group((p) => 1 - p.editDistance / maxDistance), { axis: 'params', bootstrap: 0 });
  const bic = (c: CurveResult): number | null => (c.fitted ? c.deltaBic : null);
  return {
    task,
    models: points.length,
    exactMatch: em.verdict,
    editSimilarity: ed.verdict,
    deltaBicExactMatch: bic(em),
    deltaBicEditSimilarity: bic(ed),
    holds: (em.verdict === 'emergent') === (ed.verdict === 'emergent'),
  };
}
