import { describe, expect, it } from 'vitest';
import { probability, type EmergenceCurve } from '../../../src/core/emergence.js';
import { abilityRefProblems, log10Sizes, probabilities } from '../../../src/core/simulate/ability-spec.js';
import { createRng } from '../../../src/core/random.js';

describe('probabilities', () => {
  // Identity: the vectorised form is emergence.ts's probability for both shapes, any floor and
  // ceiling, and an unbounded effective size; exp(x·ln 10) in place of 10^x rounds differently,
  // so to 1e-15 (values are on 0–1), exactly for the power shape and at N = ∞.
  it('equals probability() at every size', () => {
    const rng = createRng(11);
    const sizes = Float64Array.from({ length: 2000 }, () => 10 ** (6 + 10 * rng.next()));
    sizes[0] = Infinity;
    const curves: EmergenceCurve[] = [
      { shape: 'logistic', width: 0.5, floor: 0, ceiling: 1 },
      { shape: 'logistic', width: 0.37, floor: 0.25, ceiling: 0.9 },
      { shape: 'power', width: 0.5, floor: 0.1, ceiling: 1, exponent: 0.5, saturationParams: 1e12 },
    ];
    for (const curve of curves) {
      const spec = { id: 'x', thresholdParams: 3e10, curve };
      const expected = Array.from(sizes, (n) => probability(curve, n, 3e10));
      for (const actual of [probabilities(spec, sizes), probabilities(spec, sizes, log10Sizes(sizes))]) {
        expect(actual[0]).toBe(curve.ceiling);
        actual.forEach((p, i) => expect(Math.abs(p - expected[i]!)).toBeLessThanOrEqual(curve.shape === 'power' ? 0 : 1e-15));
      }
    }
  });
});

describe('abilityRefProblems', () => {
  it('checks ids, thresholds and curves', () => {
    expect(abilityRefProblems('chain-of-thought')).toEqual([]);
    expect(abilityRefProblems('Chain Of Thought')[0]!.message).toMatch(/kebab-case/);
    const curve: EmergenceCurve = { shape: 'logistic', width: 0.5, floor: 0.6, ceiling: 0.4 };
    expect(abilityRefProblems({ id: 'x', thresholdParams: 1e10, curve })[0]).toEqual({ path: ['curve', 'ceiling'], message: 'must be above floor (0.6), got 0.4' });
    expect(abilityRefProblems({ id: 'x', thresholdParams: 0, curve: { ...curve, floor: 0 } })[0]!.path).toEqual(['thresholdParams']);
  });
});
