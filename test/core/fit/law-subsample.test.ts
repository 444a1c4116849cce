import { describe, expect, it } from 'vitest';
import { prepareLawData } from '../../../src/core/fit/law-objective.js';
import { stratifiedSubsample, subsampleLawData } from '../../../src/core/fit/law-subsample.js';
import { checkpointRuns } from '../../helpers/checkpoint-runs.js';

const data = prepareLawData(checkpointRuns(5000));
const logCompute = (i: number) => data.lnN[i]! + data.lnD[i]!;

describe('stratifiedSubsample', () => {
  it('draws one row from each equal-count stratum of compute', () => {
    const picked = stratifiedSubsample(data, 50);
    expect(picked.length).toBe(50);
    const sorted = Array.from({ length: data.n }, (_, i) => logCompute(i)).sort((x, y) => x - y);
    // Row k of the subsample in compute order lies in stratum k: between its 100-quantile bounds.
    const ranks = Array.from(picked, logCompute).sort((x, y) => x - y);
    ranks.forEach((c, k) => {
      expect(c).toBeGreaterThanOrEqual(sorted[100 * k]!);
      expect(c).toBeLessThanOrEqual(sorted[100 * k + 99]!);
    });
  });

  it('is deterministic, ascending, without repeats, and every row when asked for n or more', () => {
    expect(stratifiedSubsample(data, 300)).toEqual(stratifiedSubsample(data, 300));
    const picked = Array.from(stratifiedSubsample(data, 300));
    expect(picked).toEqual([...new Set(picked)].sort((x, y) => x - y));
    expect(stratifiedSubsample(data, 300, 7)).not.toEqual(stratifiedSubsample(data, 300));
    expect(stratifiedSubsample(data, 5000).length).toBe(5000);
    expect(() => stratifiedSubsample(data, 0)).toThrow(RangeError);
  });

  it('gives the rows as law data in file order', () => {
    const sample = subsampleLawData(data, 40);
    const picked = stratifiedSubsample(data, 40);
    expect(sample.n).toBe(40);
    expect(Array.from(sample.lnL)).toEqual(Array.from(picked, (i) => data.lnL[i]!));
  });
});
