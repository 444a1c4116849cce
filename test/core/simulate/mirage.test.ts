import { describe, expect, it } from 'vitest';
import { computeOptimalLoss } from '../../../src/core/allocation.js';
import { perTokenAccuracy, simulateMirage, type MirageConfig } from '../../../src/core/simulate/mirage.js';
import { exactMatchWidthDecades } from '../../../src/core/simulate/exact-match.js';
import { BUILTIN_SCENARIOS } from '../../../src/core/simulate/scenarios.js';
import { besiroglu2024, hoffmann2022 } from '../../helpers/laws.js';
import { context } from './context.js';

const builtin = BUILTIN_SCENARIOS.mirage;
const LENGTHS = [1, 5, 10, 20];
// The built-in logistic model on a fine grid (200 points a decade) wide enough for every crossing.
const fineLogistic: MirageConfig = { ...builtin, sweep: { over: 'params', from: 1e8, to: 1e14, steps: 1201, quality: 1 } };
// Schaeffer et al.'s loss model over compute (fixtures/mirage-loss.yaml), 1e16–1e34 FLOPs so that
// every exact-match curve crosses 10%, 50% and 90%.
const lossOverCompute: MirageConfig = { ...builtin, perToken: 'loss', sweep: { over: 'compute', from: 1e16, to: 1e34, steps: 1801, quality: 1 } };

describe('perTokenAccuracy', () => {
  // besiroglu2024's compute-optimal loss at 1e24 FLOPs is 1.95926 (allocation.ts): p = exp(−0.14240).
  it('is exp(−(L − E))', () => {
    expect(perTokenAccuracy(computeOptimalLoss(besiroglu2024, 1e24), besiroglu2024.E)).toBeCloseTo(0.86728, 5);
    expect(perTokenAccuracy(1.5, 1.69)).toBe(1);
  });
});

describe.each([
  ['logistic (built-in)', builtin],
  ['loss over compute', { ...lossOverCompute, sweep: { ...lossOverCompute.sweep, steps: 181 } }],
] as const)('mirage scenario, per-token model %s', (_, config) => {
  const sim = simulateMirage(config, context);
  const byName = new Map(sim.series.map((s) => [s.name, s]));

  it('has the stable series names', () => {
    expect(sim.series.map((s) => s.name)).toEqual(['per-token', 'exact-match-L1', 'exact-match-L5', 'exact-match-L10', 'exact-match-L20', 'edit-similarity-L20']);
  });

  // Must hold (issue 6): exact match is p^L of the per-token series at every point, to 1e-12.
  it('exact match equals p^L of per-token at every point', () => {
    const p = byName.get('per-token')!.y;
    for (const length of LENGTHS) {
      const y = byName.get(`exact-match-L${length}`)!.y;
      for (let i = 0; i < p.length; i++) expect(Math.abs(y[i]! - p[i]! ** length)).toBeLessThan(1e-12);
    }
  });

  it('edit similarity 1 − L(1 − p)/L is p itself: linear in p, the same for every L', () => {
    const p = byName.get('per-token')!.y;
    const y = byName.get('edit-similarity-L20')!.y;
    for (let i = 0; i < p.length; i++) expect(Math.abs(y[i]! - p[i]!)).toBeLessThan(1e-12);
  });

  // The sharpening that holds for both models: exact match over L tokens rises from 10% to 90% while
  // per-token accuracy goes from 0.1^(1/L) to 0.9^(1/L), a window that narrows with L (0.8, 0.348,
  // 0.195, 0.104). Read off the per-token series at the exact-match crossings (grid interpolation: 1e-3).
  it('exact match rises over a per-token-accuracy window that shrinks as L grows', () => {
    const wide = config.perToken === 'logistic' ? fineLogistic : lossOverCompute;
    const widths = simulateMirage(wide, context).report.lengths.map((l) => l.perTokenAt90! - l.perTokenAt10!);
    LENGTHS.forEach((length, k) => expect(Math.abs(widths[k]! - (0.9 ** (1 / length) - 0.1 ** (1 / length)))).toBeLessThan(1e-3));
    for (let k = 1; k < widths.length; k++) expect(widths[k]!).toBeLessThan(widths[k - 1]!);
  });
});

describe('mirage, per_token: logistic (the built-in)', () => {
  it('is smooth per token and looks emergent in exact match over 20 tokens', () => {
    const sim = simulateMirage(builtin, context);
    const [perToken, , , , l20] = sim.summary;
    // p(1e8) = 1/(1 + 10^2) with the midpoint at 1e10 and width 1 decade.
    expect(perToken!.start).toBeCloseTo(1 / 101, 12);
    expect(l20!.start).toBeLessThan(1e-39);
    expect(perToken!.at50).toBeCloseTo(1e10, -4);
    expect(sim.markers).toEqual([{ series: 'per-token', scale: 1e10, label: 'per-token 50%' }]);
  });

  // Must hold (issue 6): the 10→90% width of exact match shrinks as L grows. Closed form
  // (exact-match.ts): w·S(L)/ln 10 decades = 1.9085, 1.4388, 1.3882, 1.3636 for w = 1. Over params in
  // the reference regime N_eff = N, so the sweep's decades are N_eff's; on a 200-a-decade grid the
  // crossings' linear interpolation is good to 1e-3 decades.
  it('the 10→90% width of exact match shrinks with L, as w·S(L)/ln 10', () => {
    const report = simulateMirage(fineLogistic, context).report;
    const widths = report.lengths.map((l) => l.widthDecades!);
    LENGTHS.forEach((length, k) => expect(Math.abs(widths[k]! - exactMatchWidthDecades(length, 1))).toBeLessThan(1e-3));
    for (let k = 1; k < widths.length; k++) expect(widths[k]!).toBeLessThan(widths[k - 1]!);
    // The per-token series is exact-match-L1, the logistic itself: 2·log10(9)·w.
    expect(Math.abs(report.perToken.widthDecades! - 2 * Math.log10(9))).toBeLessThan(1e-3);
  });

  it('scales the widths with w and keeps them ordered on the built-in 12-a-decade grid', () => {
    const report = simulateMirage({ ...fineLogistic, width: 0.5, midpointParams: 1e9 }, context).report;
    LENGTHS.forEach((length, k) => expect(Math.abs(report.lengths[k]!.widthDecades! - exactMatchWidthDecades(length, 0.5))).toBeLessThan(1e-3));
    const coarse = simulateMirage(builtin, context).report.lengths.map((l) => l.widthDecades!);
    for (let k = 1; k < coarse.length; k++) expect(coarse[k]!).toBeLessThan(coarse[k - 1]!);
  });

  it('does not depend on the law over params in the reference regime (N_eff = N)', () => {
    const a = simulateMirage(builtin, context).series[4]!.y;
    const b = simulateMirage(builtin, { ...context, law: hoffmann2022 }).series[4]!.y;
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-12);
  });
});

describe('mirage, per_token: loss (Schaeffer et al.\'s p = exp(−L_CE))', () => {
  // Finding, a named regression against the closed form: the compute-optimal excess loss is K·C^(−γ),
  // γ = αβ/(α + β) = 0.178301 for besiroglu2024, so p^L = exp(−L·K·C^(−γ)) is p shifted by
  // log10(L)/γ decades with the same 10→90% width, log10(ln 10 / −ln 0.9)/γ = 7.513 decades.
  // The width does NOT shrink with L under this model: the threshold only moves later.
  it('in decades of compute, exact match is per-token shifted by log10(L)/γ with the same width', () => {
    const { alpha, beta } = besiroglu2024;
    const gamma = (alpha * beta) / (alpha + beta);
    const report = simulateMirage(lossOverCompute, context).report;
    expect(report.gamma).toBeCloseTo(0.178301, 6);
    const closedWidth = Math.log10(Math.log(10) / -Math.log(0.9)) / gamma;
    expect(closedWidth).toBeCloseTo(7.513, 3);
    for (const l of report.lengths) {
      expect(Math.abs(l.widthDecades! - closedWidth)).toBeLessThan(1e-3);
      expect(Math.abs(l.shiftDecades! - Math.log10(l.length) / gamma)).toBeLessThan(1e-3);
    }
  });

  it('says so in its notes: the same width, a later threshold', () => {
    const notes = simulateMirage(lossOverCompute, context).notes.join(' ');
    expect(notes).toMatch(/shifted by log10\(L\)\/γ decades \(L1 \+0\.00, L5 \+3\.92, L10 \+5\.61, L20 \+7\.30\) with the same width, .* = 7\.51 decades: a later threshold, not a sharper one/);
  });

  it('over params in the reference regime, the data term caps exact match at exp(−L·B/D^β)', () => {
    const sim = simulateMirage({ ...builtin, perToken: 'loss', sweep: { over: 'params', from: 1e8, to: 1e16, steps: 97, quality: 1 } }, { ...context, law: hoffmann2022 });
    const { A, B, alpha, beta } = hoffmann2022;
    const cap = Math.exp(-20 * (B / 3e11 ** beta));
    expect(cap).toBeCloseTo(0.006585, 6); // B/D_ref^β = 0.2511 nats under hoffmann2022
    // At N = 1e16 the model term A/N^α is what is left below the cap: end = cap·exp(−20·A/N^α).
    expect(Math.abs(sim.summary[4]!.end / (cap * Math.exp((-20 * A) / 1e16 ** alpha)) - 1)).toBeLessThan(1e-12);
    expect(sim.notes.join(' ')).toContain('the data term caps p at exp(−B/(q·D)^β)');
  });
});

describe('mirage config checks', () => {
  it('rejects bad lengths and per-token settings', () => {
    expect(() => simulateMirage({ ...builtin, lengths: [0] }, context)).toThrow(/^lengths\[0\]: /);
    expect(() => simulateMirage({ ...builtin, lengths: [5, 5] }, context)).toThrow(/duplicate length/);
    expect(() => simulateMirage({ ...builtin, lengths: [] }, context)).toThrow(/^lengths: /);
    expect(() => simulateMirage({ ...builtin, perToken: 'linear' as never }, context)).toThrow(/^perToken: must be one of logistic, loss, got "linear"$/);
    expect(() => simulateMirage({ ...builtin, width: 0 }, context)).toThrow(/^width: must be a number above 0/);
    expect(() => simulateMirage({ ...builtin, midpointParams: 1e40 }, context)).toThrow(/^midpointParams: /);
  });
});
