import { describe, expect, it } from 'vitest';
import { computeOptimalLoss } from '../../../src/core/allocation.js';
import { perTokenAccuracy, simulateMirage, type MirageConfig } from '../../../src/core/simulate/mirage.js';
import { BUILTIN_SCENARIOS } from '../../../src/core/simulate/scenarios.js';
import { besiroglu2024, hoffmann2022 } from '../../helpers/laws.js';
import { context } from './context.js';

const builtin = BUILTIN_SCENARIOS.mirage;
// Wide enough (1e16–1e34 FLOPs) for every exact-match curve to cross 10%, 50% and 90%.
const wide: MirageConfig = { ...builtin, sweep: { over: 'compute', from: 1e16, to: 1e34, steps: 1801, quality: 1 } };

describe('perTokenAccuracy', () => {
  // besiroglu2024's compute-optimal loss at 1e24 FLOPs is 1.95926 (allocation.ts): p = exp(−0.14240).
  it('is exp(−(L − E))', () => {
    expect(perTokenAccuracy(computeOptimalLoss(besiroglu2024, 1e24), besiroglu2024.E)).toBeCloseTo(0.86728, 5);
    expect(perTokenAccuracy(1.5, 1.69)).toBe(1);
  });
});

describe('mirage scenario', () => {
  const sim = simulateMirage(builtin, context);
  const byName = new Map(sim.series.map((s) => [s.name, s]));

  it('has the stable series names', () => {
    expect(sim.series.map((s) => s.name)).toEqual(['per-token', 'exact-match-L1', 'exact-match-L5', 'exact-match-L10', 'exact-match-L20', 'edit-similarity-L20']);
  });

  // Must hold (issue 6): exact match is p^L of the per-token series at every point, to 1e-12.
  it('exact match equals p^L of per-token at every point', () => {
    const p = byName.get('per-token')!.y;
    for (const length of [1, 5, 10, 20]) {
      const y = byName.get(`exact-match-L${length}`)!.y;
      for (let i = 0; i < p.length; i++) expect(Math.abs(y[i]! - p[i]! ** length)).toBeLessThan(1e-12);
    }
  });

  it('edit similarity 1 − L(1 − p)/L is p itself: linear in p, the same for every L', () => {
    const p = byName.get('per-token')!.y;
    const y = byName.get('edit-similarity-L20')!.y;
    for (let i = 0; i < p.length; i++) expect(Math.abs(y[i]! - p[i]!)).toBeLessThan(1e-12);
  });

  it('is smooth per token and looks emergent in exact match over 20 tokens', () => {
    const perToken = sim.summary[0]!;
    const l20 = sim.summary[4]!;
    expect(perToken.start).toBeGreaterThan(0.15);
    expect(l20.start).toBeLessThan(1e-12);
    expect(l20.at50).toBeGreaterThan(1e27);
  });

  // The sharpening that holds: exact match over L tokens rises from 10% to 90% while per-token
  // accuracy goes from 0.1^(1/L) to 0.9^(1/L), a window that narrows with L (0.8, 0.348, 0.195, 0.104).
  // Read off the simulated per-token series at the exact-match crossings (grid interpolation: 1e-4).
  it('exact match rises over a per-token-accuracy window that shrinks as L grows', () => {
    const widths = simulateMirage(wide, context).report.lengths.map((l) => l.perTokenAt90! - l.perTokenAt10!);
    [1, 5, 10, 20].forEach((length, k) => expect(Math.abs(widths[k]! - (0.9 ** (1 / length) - 0.1 ** (1 / length)))).toBeLessThan(1e-4));
    for (let k = 1; k < widths.length; k++) expect(widths[k]!).toBeLessThan(widths[k - 1]!);
  });

  // Named regression against the closed form: compute-optimal excess loss is K·C^(−γ),
  // γ = αβ/(α + β) = 0.178296 for besiroglu2024, so p^L = exp(−L·K·C^(−γ)) is p shifted by
  // log10(L)/γ decades with the same 10→90% width, log10(ln 10 / −ln 0.9)/γ = 7.513 decades.
  // (The "width shrinks with L" does not hold in decades of scale for this model.)
  it('in decades of compute, exact match is per-token shifted by log10(L)/γ with the same width', () => {
    const { alpha, beta } = besiroglu2024;
    const gamma = (alpha * beta) / (alpha + beta);
    const report = simulateMirage(wide, context).report;
    const closedWidth = Math.log10(Math.log(10) / -Math.log(0.9)) / gamma;
    expect(closedWidth).toBeCloseTo(7.513, 3);
    for (const l of report.lengths) {
      expect(Math.abs(l.widthDecades! - closedWidth)).toBeLessThan(1e-3);
      expect(Math.abs(l.shiftDecades! - Math.log10(l.length) / gamma)).toBeLessThan(1e-3);
    }
  });

  it('over params in the reference regime, the data term caps exact match at exp(−L·B/D^β)', () => {
    const sim = simulateMirage({ ...builtin, sweep: { over: 'params', from: 1e8, to: 1e16, steps: 97, quality: 1 } }, { ...context, law: hoffmann2022 });
    const { A, B, alpha, beta } = hoffmann2022;
    const cap = Math.exp(-20 * (B / 3e11 ** beta));
    expect(cap).toBeCloseTo(0.006585, 6); // B/D_ref^β = 0.2511 nats under hoffmann2022
    // At N = 1e16 the model term A/N^α is what is left below the cap: end = cap·exp(−20·A/N^α).
    expect(Math.abs(sim.summary[4]!.end / (cap * Math.exp((-20 * A) / 1e16 ** alpha)) - 1)).toBeLessThan(1e-12);
  });

  it('rejects bad lengths', () => {
    expect(() => simulateMirage({ ...builtin, lengths: [0] }, context)).toThrow(/^lengths\[0\]: /);
    expect(() => simulateMirage({ ...builtin, lengths: [5, 5] }, context)).toThrow(/duplicate length/);
    expect(() => simulateMirage({ ...builtin, lengths: [] }, context)).toThrow(/^lengths: /);
  });
});
