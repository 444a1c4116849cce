import { describe, expect, it } from 'vitest';
import { bigBenchMeasures, scalingSeries } from '../../../src/core/curve-fit/bigbench-measures.js';

const xs = [18, 19, 20, 21, 22, 23, 24];

describe('BIG-bench measures', () => {
  // A straight line with equal steps s over n − 1 = 6 intervals: I = 6s, every step is s so
  // RootMedianSquare = s and B = 6; the score steps are proportional to the scale steps, cosine 1, L = I.
  it('gives a straight line L = I and B = n − 1', () => {
    const m = bigBenchMeasures({ xs, ys: xs.map((x) => 0.1 * (x - 18)) });
    expect(m.improvement).toBeCloseTo(0.6, 14);
    expect(m.linearity).toBeCloseTo(0.6, 14);
    expect(m.breakthroughness).toBeCloseTo(6, 12);
  });

  // A single jump of 0.8 over evenly spaced scales: I = 0.8, cosine 1/√6, the median step is 0 so B
  // hits the cap of 100.
  it('gives a single jump a low linearity and the capped breakthroughness', () => {
    const m = bigBenchMeasures({ xs, ys: [0, 0, 0, 0.8, 0.8, 0.8, 0.8] });
    expect(m.improvement).toBeCloseTo(0.8, 14);
    expect(m.linearity).toBeCloseTo(0.8 / Math.sqrt(6), 14);
    expect(m.breakthroughness).toBe(100);
  });

  // Jumps that are larger than the typical step: I = 0.9; steps 0.01, 0.01, 0.01, 0.8, 0.05, 0.02;
  // median of the squares is (0.01² + 0.02²)/2 = 2.5e-4, so B = 0.9/√2.5e-4 = 56.92.
  it('computes B = I / RootMedianSquare(Δy)', () => {
    const m = bigBenchMeasures({ xs, ys: [0.01, 0.02, 0.03, 0.04, 0.84, 0.89, 0.91] });
    expect(m.improvement).toBeCloseTo(0.9, 14);
    expect(m.breakthroughness).toBeCloseTo(0.9 / Math.sqrt(2.5e-4), 10);
  });

  it('signs I, L and B negative for a falling curve, and gives zeros for a constant one', () => {
    const falling = bigBenchMeasures({ xs, ys: xs.map((x) => 0.7 - 0.1 * (x - 18)) });
    expect(falling.improvement).toBeCloseTo(-0.6, 14);
    expect(falling.linearity).toBeCloseTo(-0.6, 14); // |I| times cosine −1
    expect(falling.breakthroughness).toBeCloseTo(-6, 12);
    expect(bigBenchMeasures({ xs, ys: xs.map(() => 0.3) })).toEqual({ improvement: 0, linearity: 0, breakthroughness: 0 });
    expect(bigBenchMeasures({ xs: [1], ys: [0.5] })).toEqual({ improvement: 0, linearity: 0, breakthroughness: 0 });
  });
});

describe('scalingSeries', () => {
  it('averages equal scales and sorts', () => {
    expect(scalingSeries([2, 1, 2], [0.5, 0.1, 0.7])).toEqual({ xs: [1, 2], ys: [0.1, 0.6] });
  });
});
