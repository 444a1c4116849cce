import { describe, expect, it } from 'vitest';
import { backtestChinchillaLaw, backtestSplit, heldOutError, runCompute, splitByCompute } from '../../../src/core/fit/backtest.js';
import { coarseGrid } from '../../../src/core/fit/law-grid.js';
import { chinchillaRuns } from '../../helpers/chinchilla-runs.js';
import { besiroglu2024, hoffmann2022 } from '../../helpers/laws.js';
import { FitError } from '../../../src/errors.js';

const runs = chinchillaRuns();

describe('back-test', () => {
  it('splits at the cutoff: compute ≤ C trains, the rest is held out', () => {
    const { train, heldOut } = splitByCompute(runs, 1e21);
    expect(train.length + heldOut.length).toBe(240);
    expect(train.every((run) => runCompute(run) <= 1e21)).toBe(true);
    expect(heldOut.every((run) => runCompute(run) > 1e21)).toBe(true);
    expect(runCompute({ params: 1e9, tokens: 2e10, loss: 3 })).toBe(1.2e20);
  });

  // ../shared/data/README.md: RMSE on the 240 runs 0.0219 (Besiroglu) and 0.0526 (Hoffmann rounded).
  it('evaluates any law on runs', () => {
    expect(Math.abs(heldOutError(besiroglu2024, runs).rmse - 0.0219)).toBeLessThanOrEqual(0.00005);
    const hoffmann = heldOutError(hoffmann2022, runs);
    expect(Math.abs(hoffmann.rmse - 0.0526)).toBeLessThanOrEqual(0.00005);
    expect(hoffmann.mae).toBeLessThanOrEqual(hoffmann.rmse);
    expect(Math.abs(hoffmann.bias)).toBeLessThanOrEqual(hoffmann.mae);
    expect(hoffmann.n).toBe(240);
  });

  it('fits below the cutoff and measures the error above it', () => {
    const result = backtestChinchillaLaw(runs, 1e21, { grid: coarseGrid() });
    const { train, heldOut } = splitByCompute(runs, 1e21);
    expect(result.fit.n).toBe(train.length);
    expect(result.heldOut.n).toBe(heldOut.length);
    expect(result.fit.converged).toBe(true);
    // Extrapolation is worse than the in-sample fit but of the same order as the data's scatter
    // (digitisation noise ≈ 0.02): between the in-sample RMSE and twice the worst preset's.
    expect(result.heldOut.rmse).toBeGreaterThan(0.5 * result.fit.rmse);
    expect(result.heldOut.rmse).toBeLessThan(2 * 0.0526);
  });

  it('refuses a cutoff that leaves a side unusable', () => {
    expect(() => backtestSplit(runs, 1, 6)).toThrow(FitError);
    expect(() => backtestSplit(runs, 1e30, 6)).toThrow(/no runs above/);
    expect(() => backtestSplit(runs, NaN, 6)).toThrow(/cutoff/);
  });
});
