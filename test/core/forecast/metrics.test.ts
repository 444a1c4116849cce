import { describe, expect, it } from 'vitest';
import { distanceDecades, finishedRuns, forecastErrors, intervalScore, lossScope, warmedCheckpoints, type LadderPoint } from '../../../src/core/forecast/index.js';

describe('interval score and error figures', () => {
  // Gneiting & Raftery 2007 eq. (43): width plus 2/α times the miss; by hand.
  it('adds 2/α times the distance outside to the width', () => {
    expect(intervalScore(0.4, 0.6, 0.5, 0.2)).toBeCloseTo(0.2, 15);
    expect(intervalScore(0.4, 0.6, 0.7, 0.2)).toBeCloseTo(0.2 + 10 * 0.1, 15);
    expect(intervalScore(0.4, 0.6, 0.35, 0.5)).toBeCloseTo(0.2 + 4 * 0.05, 15);
  });

  it('summarises forecasts: MAE, bias, coverage, width and mean interval score', () => {
    const figures = forecastErrors(
      [
        { observed: 0.5, forecast: 0.55, lower: 0.45, upper: 0.65 },
        { observed: 0.8, forecast: 0.7, lower: 0.65, upper: 0.75 },
      ],
      0.8,
    );
    expect(figures.n).toBe(2);
    expect(figures.mae).toBeCloseTo(0.075, 15);
    expect(figures.bias).toBeCloseTo(-0.025, 15);
    expect(figures.coverage).toBe(0.5);
    expect(figures.width).toBeCloseTo(0.15, 15);
    expect(figures.intervalScore).toBeCloseTo((0.2 + (0.1 + 10 * 0.05)) / 2, 15);
    expect(forecastErrors([{ observed: 0.5, forecast: 0.6 }], 0.8).coverage).toBeUndefined();
  });
});

describe('ladder points', () => {
  const point = (run: string, step: number | undefined, loss: number, score = 0.3): LadderPoint => ({ run, params: 1e8, tokens: 1e9 * (step ?? 10), compute: 6e17 * (step ?? 10), score, loss, ...(step === undefined ? {} : { step }) });

  it("takes each run's last checkpoint as the finished run, and drops checkpoints before 10% of a run", () => {
    const points = [point('a', 0, 9), point('a', 50, 5), point('a', 100, 4), point('a', 1000, 3), point('b', undefined, 3.5)];
    expect(finishedRuns(points).map((p) => [p.run, p.step])).toEqual([['b', undefined], ['a', 1000]]);
    expect(warmedCheckpoints(points).map((p) => p.step)).toEqual([100, 1000, undefined]);
  });

  it('tells a shared loss from a per-task one', () => {
    const shared = [{ id: 't1', points: [point('a', undefined, 3)] }, { id: 't2', points: [point('a', undefined, 3)] }];
    const own = [{ id: 't1', points: [point('a', undefined, 3)] }, { id: 't2', points: [point('a', undefined, 3.1)] }];
    expect(lossScope(shared)).toBe('shared');
    expect(lossScope(own)).toBe('task');
    expect(lossScope([{ id: 't', points: [{ run: 'a', params: 1, tokens: 1, compute: 6, score: 0.5 }] }])).toBe('none');
    expect(distanceDecades(1e22, 1e20)).toBeCloseTo(2, 15);
  });
});
