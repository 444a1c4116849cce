import { describe, expect, it } from 'vitest';
import { simulateComposition, type CompositionConfig } from '../../../src/core/simulate/composition.js';
import { BUILTIN_SCENARIOS } from '../../../src/core/simulate/scenarios.js';
import { context } from './context.js';

const builtin = BUILTIN_SCENARIOS.composition;

describe('composition scenario', () => {
  const sim = simulateComposition(builtin, context);

  it('names each part by its id, then composite', () => {
    expect(sim.series.map((s) => s.name)).toEqual(['code-syntax', 'code-logic', 'code-quality', 'code-complex-algorithms', 'composite']);
  });

  // Must hold (issue 6): the composite equals the product of its parts at every point.
  it('is the product of its parts at every point', () => {
    const composite = sim.series[4]!.y;
    for (let i = 0; i < composite.length; i++) {
      const product = sim.series.slice(0, 4).reduce((p, s) => p * s.y[i]!, 1);
      expect(composite[i]).toBe(product);
    }
  });

  it('emerges later and more sharply than any of the seed §2.4.2 parts', () => {
    expect(sim.report.laterThanEveryPart).toBe(true);
    expect(sim.report.sharperThanEveryPart).toBe(true);
    expect(sim.report.latestPart?.id).toBe('code-complex-algorithms');
    expect(sim.report.delayDecades!).toBeGreaterThan(0);
    for (const part of sim.summary.slice(0, 4)) expect(sim.summary[4]!.at50!).toBeGreaterThan(part.at50!);
  });

  // Closed form: the product of two identical logistics reaches 10% and 90% where each factor is
  // √0.1 and √0.9, so its width is (logit √0.9 − logit √0.1)/(2 ln 9) = 0.83929 of a part's.
  // On 200 points a decade the interpolated widths agree to 1e-3.
  it('squares two identical parts into a curve 16% narrower', () => {
    const part = { id: 'a', thresholdParams: 1e11, curve: { shape: 'logistic' as const, width: 0.5, floor: 0, ceiling: 1 } };
    const config: CompositionConfig = { ...builtin, sweep: { over: 'params', from: 1e9, to: 1e13, steps: 801, quality: 1 }, parts: [part, { ...part, id: 'b' }] };
    const result = simulateComposition(config, context);
    const logit = (p: number): number => Math.log(p / (1 - p));
    const ratio = (logit(Math.sqrt(0.9)) - logit(Math.sqrt(0.1))) / (2 * Math.log(9));
    expect(ratio).toBeCloseTo(0.83929, 5);
    expect(Math.abs(result.summary[2]!.widthDecades! / result.summary[0]!.widthDecades! - ratio)).toBeLessThan(1e-3);
  });

  it('is not sharper than a part that rises alone long after the others', () => {
    const late = { id: 'late', thresholdParams: 1e12, curve: { shape: 'logistic' as const, width: 0.2, floor: 0, ceiling: 1 } };
    const early = { id: 'early', thresholdParams: 1e9, curve: { shape: 'logistic' as const, width: 1, floor: 0, ceiling: 1 } };
    const result = simulateComposition({ ...builtin, sweep: { over: 'params', from: 1e7, to: 1e14, steps: 701, quality: 1 }, parts: [early, late] }, context);
    expect(result.report.laterThanEveryPart).toBe(true);
    expect(result.report.sharperThanEveryPart).toBe(false);
  });

  it('rejects a single part, duplicate ids and a part named composite', () => {
    expect(() => simulateComposition({ ...builtin, parts: ['code-logic'] }, context)).toThrow(/^parts: must list 2 to 16/);
    expect(() => simulateComposition({ ...builtin, parts: ['code-logic', 'code-logic'] }, context)).toThrow(/duplicate id/);
    const named = { id: 'composite', thresholdParams: 1e10, curve: { shape: 'logistic' as const, width: 0.5, floor: 0, ceiling: 1 } };
    expect(() => simulateComposition({ ...builtin, parts: ['code-logic', named] }, context)).toThrow(/names the composite/);
  });
});
