import { describe, expect, it } from 'vitest';
import { loss, paramsForLoss } from '../../../src/core/scaling-law.js';
import { simulateQuality } from '../../../src/core/simulate/quality.js';
import { BUILTIN_SCENARIOS } from '../../../src/core/simulate/scenarios.js';
import { context } from './context.js';

const builtin = BUILTIN_SCENARIOS.quality;

describe('quality scenario', () => {
  const sim = simulateQuality(builtin, context);

  it('names series quality-<level>', () => {
    expect(sim.series.map((s) => s.name)).toEqual(['quality-low', 'quality-standard', 'quality-high']);
  });

  // Closed form: with q·D_ref tokens, N_c is reached at paramsForLoss(L(N_c, D_ref), q·D_ref);
  // at q = 1 that is N_c itself (chain-of-thought, 1e11).
  it('moves the threshold to paramsForLoss(L(N_c, D_ref), q·D_ref): 8.72e11, 1e11, 3.72e10', () => {
    const target = loss(context.law, 1e11, 3e11);
    const levels = sim.report.levels;
    expect(levels[1]!.thresholdScale).toBe(1e11);
    expect(levels[0]!.thresholdScale).toBe(paramsForLoss(context.law, target, 1.5e11));
    expect(levels[2]!.thresholdScale).toBe(paramsForLoss(context.law, target, 6e11));
    expect(levels[0]!.thresholdScale! / 8.715e11).toBeCloseTo(1, 3);
    expect(levels[2]!.thresholdScale! / 3.719e10).toBeCloseTo(1, 3);
    expect(sim.report.higherQualityEarlier).toBe(true);
    expect(levels[2]!.shiftDecades!).toBeLessThan(0);
  });

  it('has the logistic 50% crossing at the moved threshold (grid interpolation, 12 points a decade: 1e-2 decade)', () => {
    for (const level of sim.report.levels) expect(Math.abs(Math.log10(level.at50! / level.thresholdScale!))).toBeLessThan(1e-2);
  });

  it('refuses a sweep quality other than 1 and bad levels', () => {
    expect(() => simulateQuality({ ...builtin, sweep: { ...builtin.sweep, quality: 2 } }, context)).toThrow(/^sweep\.quality: is set by the levels/);
    expect(() => simulateQuality({ ...builtin, levels: [{ name: 'Low', factor: 0.5 }] }, context)).toThrow(/^levels\[0\]\.name: /);
    expect(() => simulateQuality({ ...builtin, levels: [{ name: 'low', factor: 0 }] }, context)).toThrow(/^levels\[0\]\.factor: /);
  });
});
