// The threshold of a measure recovered from generated data, and where it lies relative to the data.
import { describe, expect, it } from 'vitest';
import { sigmoidScore } from '../../../src/core/curve-fit/index.js';
import { fitMeasureCurve, GAIN_SHIFT, levelCrossing, thresholdAt } from '../../../src/core/evidence/index.js';
import { createRng, randomNormal } from '../../../src/core/random.js';

// A gain that starts 5 points negative and rises to +30 points, midpoint at 1e22, 2 per decade,
// measured on 40 models from 1e20 to 1e25 with 1 point of noise (seeded).
const truth = { x0: 22, k: 2, floor: -0.05, ceiling: 0.3 };
const rng = createRng(7);
const points = Array.from({ length: 40 }, (_, i) => {
  const x = 20 + (5 * i) / 39;
  return { model: `m${i}`, scale: 10 ** x, value: sigmoidScore(truth, x) + 0.01 * randomNormal(rng) };
});

describe('fitMeasureCurve + thresholdAt', () => {
  const curve = fitMeasureCurve(points, { shift: GAIN_SHIFT, fitCeiling: true, bootstrap: 200, seed: 1 });

  it('recovers the crossing of +2 points within its interval (truth from the closed form)', () => {
    const t = thresholdAt(curve, 0.02);
    const x = levelCrossing(truth, 0.02); // 21.53
    expect(t.where).toBe('inside');
    // 1 point of noise on 40 models: the crossing within 0.1 decade, and inside the 95% interval.
    expect(Math.abs(Math.log10(t.threshold!) - x)).toBeLessThan(0.1);
    expect(Math.log10(t.interval[0]!)).toBeLessThan(x);
    expect(Math.log10(t.interval[1]!)).toBeGreaterThan(x);
    expect(t.curve.floor).toBeCloseTo(-0.05, 1);
  });

  it('says below when the level is reached at the smallest model, above when beyond the largest', () => {
    // Just above the fitted floor: the curve crosses it decades below the smallest model.
    const below = thresholdAt(curve, thresholdAt(curve, 0).curve.floor + 1e-6);
    expect(below.where).toBe('below');
    expect(below.threshold).toBeNull();
    const above = thresholdAt(curve, thresholdAt(curve, 0).curve.ceiling - 1e-6);
    expect(above.where).toBe('above');
    expect(above.interval[1]).toBeNull();
  });

  it('the midpoint level is x0 (within 0.1 decade of the truth)', () => {
    expect(Math.abs(Math.log10(thresholdAt(curve, 'midpoint').threshold!) - 22)).toBeLessThan(0.1);
  });

  it('refuses fewer than 4 distinct scales', () => {
    expect(() => fitMeasureCurve(points.slice(0, 3), { shift: 0, fitCeiling: false, seed: 1 })).toThrow(/4 distinct scales/);
  });
});
