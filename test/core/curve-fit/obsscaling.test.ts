// Named regressions on real data: fixtures/emergence_obsscaling_bigbench.csv (ObsScaling, Ruan et al.
// 2024; provenance in fixtures/README.md), fitted against training compute, grouped by
// (task, subtask, metric), floor = random_baseline where given.
import { describe, expect, it } from 'vitest';
import { backtest } from '../../../src/core/curve-fit/backtest.js';
import { fitEmergenceCurves, type FittedCurve } from '../../../src/core/curve-fit/fit-curve.js';
import { groupScores } from '../../../src/core/curve-fit/group-scores.js';
import { relativeError } from '../../helpers/laws.js';
import { obsScalingRows } from './obsscaling.js';

const groups = groupScores(obsScalingRows('training_flop'));
const curves = fitEmergenceCurves(groups, { axis: 'compute', bootstrap: 200 });
const byLabel = new Map(curves.map((c) => [c.label, c]));
function curve(label: string): FittedCurve {
  const c = byLabel.get(label);
  if (!c?.fitted) throw new Error(`${label} was not fitted`);
  return c;
}

// Independent reference: scipy 1.17.1 least_squares (trf), own grid of starts, same model and bounds;
// test/core/curve-fit/scipy_reference.py prints these values. Both optimisers stop within ~1e-7 of
// the optimum in the parameters, so thresholds and k agree to 1e-5 relative, R² to 1e-6.
const scipy: [string, number, number, number, number][] = [
  ['parsinlu_qa/acc', 9.560032e24, 1.24358, 0.231959, 0.885305],
  ['word_unscrambling/exact_match', 1.51532e24, 1.685351, 0, 0.934709],
  ['international_phonetic_alphabet_transliterate/exact_match', 3.192178e25, 1.030306, 0, 0.716699],
  ['international_phonetic_alphabet_transliterate/bleu', 1.726795e24, 1.380635, 0, 0.792184],
  ['arithmetic/3_digit_subtraction/acc', 3.868118e22, 4.157598, 0, 0.895917],
  ['arithmetic/3_digit_addition/acc', 3.451705e22, 3.572599, 0, 0.822864],
  ['arithmetic/2_digit_multiplication/acc', 6.841492e22, 2.309856, 0, 0.866082],
  ['arithmetic/2_digit_addition/acc', 1.603818e22, 3.247174, 0, 0.755025],
];

const arithmetic = scipy.map(([label]) => label).filter((l) => l.startsWith('arithmetic/'));

describe('ObsScaling BIG-bench emergence curves against training compute', () => {
  it('fits every (task, subtask, metric) group, and every fit converges', () => {
    expect(curves.map((c) => c.label)).toEqual(scipy.map(([label]) => label));
    for (const c of curves) {
      expect(c.fitted).toBe(true);
      expect(c.fitted && c.converged).toBe(true);
    }
  });

  it.each(scipy)('%s agrees with the scipy fit', (label, threshold, k, floor, r2) => {
    const c = curve(label);
    expect(relativeError(c.threshold, threshold)).toBeLessThan(1e-5);
    expect(relativeError(c.k, k)).toBeLessThan(1e-5);
    expect(Math.abs(c.floor - floor)).toBeLessThan(1e-5);
    expect(Math.abs(c.r2 - r2)).toBeLessThan(1e-6);
  });

  // Issue 5: an independent scipy fit puts the arithmetic thresholds between 1.6e22 and 6.8e22 FLOPs
  // and their sharpness at about 2.3 to 4.2 per decade; the ranges are quoted to two significant
  // figures, so they are widened by half a unit in the last place: [1.55e22, 6.85e22] and [2.25, 4.25].
  it.each(arithmetic)('%s rises where and as sharply as the issue says, and is emergent', (label) => {
    const c = curve(label);
    expect(c.threshold).toBeGreaterThanOrEqual(1.55e22);
    expect(c.threshold).toBeLessThanOrEqual(6.85e22);
    expect(c.k).toBeGreaterThanOrEqual(2.25);
    expect(c.k).toBeLessThanOrEqual(4.25);
    expect(c.verdict).toBe('emergent');
  });

  it('finds the arithmetic subtasks sharpest', () => {
    const others = curves.filter((c): c is FittedCurve => c.fitted && !c.label.startsWith('arithmetic/'));
    const slowestArithmetic = Math.min(...arithmetic.map((l) => curve(l).k));
    for (const c of others) expect(c.k).toBeLessThan(slowestArithmetic);
  });

  it('rescales the 0–100 BLEU scores and fits the parsinlu_qa floor', () => {
    const bleu = curve('international_phonetic_alphabet_transliterate/bleu');
    expect(bleu.notes).toContain('international_phonetic_alphabet_transliterate/bleu: scores up to 65.16 look like a 0–100 scale; divided by 100');
    const parsinlu = curve('parsinlu_qa/acc');
    expect(parsinlu.floorFitted).toBe(true);
    expect(parsinlu.intervals!.floor!.lower).toBeLessThan(parsinlu.floor);
    expect(parsinlu.intervals!.floor!.upper).toBeGreaterThan(parsinlu.floor);
  });

  it('reports bootstrap intervals that bracket each threshold', () => {
    for (const c of curves) {
      if (!c.fitted) continue;
      expect(c.intervals!.used).toBeGreaterThan(190);
      expect(c.intervals!.threshold.lower).toBeLessThan(c.threshold);
      expect(c.intervals!.threshold.upper).toBeGreaterThan(c.threshold);
    }
  });
});

describe('ObsScaling back-test at 8.4e22 FLOPs', () => {
  const bt = backtest(groups, { axis: 'compute', cutoff: 8.4e22 });

  it('predicts every group above the cutoff with finite errors next to both baselines', () => {
    expect(bt.groups.every((g) => g.skipped === undefined)).toBe(true);
    for (const g of bt.groups) {
      expect(g.testModels).toBeGreaterThan(0);
      for (const v of [g.mae, g.maeMeanBaseline, g.maeLastBaseline]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    expect(bt.predictions.length).toBe(bt.groups.reduce((s, g) => s + g.testModels, 0));
    for (const v of [bt.mae, bt.maeMeanBaseline, bt.maeLastBaseline]) expect(Number.isFinite(v)).toBe(true);
    expect(bt.predictions.every((p) => p.scale > 8.4e22)).toBe(true);
  });

  // The arithmetic rises are mostly below the cutoff, so their curves extrapolate well: the sigmoid
  // beats the mean-of-training forecast by a wide margin on each of them.
  it('beats the mean-of-training forecast on the arithmetic subtasks', () => {
    for (const g of bt.groups.filter((x) => x.label.startsWith('arithmetic/'))) {
      expect(g.mae!).toBeLessThan(g.maeMeanBaseline! / 2);
    }
  });
});
