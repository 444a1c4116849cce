import { describe, expect, it } from 'vitest';
import { backtest } from '../../../src/core/curve-fit/backtest.js';
import { groupScores, type ScoreRow } from '../../../src/core/curve-fit/group-scores.js';
import { sigmoidScore } from '../../../src/core/curve-fit/sigmoid.js';

const truth = { x0: 21, k: 2, floor: 0, ceiling: 1 };
const xs = [18, 18.5, 19, 19.5, 20, 20.5, 21, 21.5, 22, 23, 24];

function rows(task: string, score: (x: number) => number, baseline?: number): ScoreRow[] {
  return xs.map((x, i) => ({ group: { task }, model: `${task}-${i}`, scale: 10 ** x, score: score(x), ...(baseline === undefined ? {} : { baseline }) }));
}

describe('backtest', () => {
  // Noiseless sigmoid: training on x ≤ 21.5 pins the curve down, so the predictions above it are exact
  // to the fit's precision (1e-6). The naive forecasts are computed by hand from the same points.
  it('predicts an exact curve exactly and reports the naive baselines honestly', () => {
    const bt = backtest(groupScores(rows('exact', (x) => sigmoidScore(truth, x), 0)), { axis: 'params', cutoff: 10 ** 21.5 });
    const group = bt.groups[0]!;
    expect(group.trainModels).toBe(8);
    expect(group.testModels).toBe(3);
    expect(group.converged).toBe(true);
    expect(group.mae).toBeLessThan(1e-6);
    expect(group.threshold! / 1e21).toBeCloseTo(1, 5);

    const train = xs.slice(0, 8).map((x) => sigmoidScore(truth, x));
    const test = xs.slice(8).map((x) => sigmoidScore(truth, x));
    const mean = train.reduce((s, y) => s + y, 0) / train.length;
    const last = train[7]!;
    expect(group.maeMeanBaseline).toBeCloseTo(test.reduce((s, y) => s + Math.abs(mean - y), 0) / 3, 12);
    expect(group.maeLastBaseline).toBeCloseTo(test.reduce((s, y) => s + Math.abs(last - y), 0) / 3, 12);
    expect(bt.predictions.map((p) => p.model)).toEqual(['exact-8', 'exact-9', 'exact-10']);
    expect(bt.predictions[0]!.observed).toBeCloseTo(test[0]!, 15);
    expect(bt.mae).toBeCloseTo(group.mae!, 15);
  });

  it('pools the errors over every predicted model of every group', () => {
    const bt = backtest(groupScores([...rows('a', (x) => sigmoidScore(truth, x), 0), ...rows('b', (x) => 0.1 * (x - 18), 0)]), { axis: 'params', cutoff: 10 ** 22 });
    const n = bt.predictions.length;
    expect(n).toBe(4);
    expect(bt.mae).toBeCloseTo(bt.predictions.reduce((s, p) => s + Math.abs(p.predicted - p.observed), 0) / n, 15);
    expect(bt.maeLastBaseline).toBeCloseTo(bt.predictions.reduce((s, p) => s + Math.abs(p.lastBaseline - p.observed), 0) / n, 15);
  });

  it('skips groups it cannot back-test, with a reason, and leaves them out of the pooled errors', () => {
    const bt = backtest(
      groupScores([
        ...rows('nothing-above', (x) => sigmoidScore(truth, x), 0),
        ...rows('few-below', (x) => sigmoidScore(truth, x), 0),
        ...rows('flat-below', (x) => (x <= 20 ? 0 : 0.9), 0),
      ]),
      { axis: 'params', cutoff: 10 ** 24 },
    );
    expect(bt.groups[0]!.skipped).toBe('nothing-above: no model above the cutoff to predict');
    const few = backtest(groupScores(rows('few-below', (x) => sigmoidScore(truth, x), 0)), { axis: 'params', cutoff: 10 ** 19 });
    expect(few.groups[0]!.skipped).toBe('few-below: 3 distinct scales at or below the cutoff; at least 4 are needed');
    expect(few.mae).toBeUndefined();
    const flat = backtest(groupScores(rows('flat-below', (x) => (x <= 20 ? 0 : 0.9), 0)), { axis: 'params', cutoff: 10 ** 20 });
    expect(flat.groups[0]!.skipped).toMatch(/training scores vary by only 0\.0/);
    expect(flat.predictions).toEqual([]);
  });

  // On the loss axis "at or below the cutoff scale" means "at or above the cutoff loss".
  it('trains on the larger losses on the loss axis', () => {
    const lossRows: ScoreRow[] = xs.map((x, i) => ({ group: { task: 'loss' }, model: `m${i}`, scale: 4 - x / 10, score: sigmoidScore(truth, x), baseline: 0 }));
    const bt = backtest(groupScores(lossRows), { axis: 'loss', cutoff: 4 - 2.15 });
    expect(bt.groups[0]!.trainModels).toBe(8);
    expect(bt.predictions.every((p) => p.scale < 1.85)).toBe(true);
  });
});
