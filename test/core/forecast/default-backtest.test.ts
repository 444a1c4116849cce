// The back-test of the default forecast (scripts/backtest-default.ts), computed once for the file:
// the shipped method fitted on the base models less the most recent, and less the largest, scored
// on the held-out scores. The README's tables are its output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateCovariateBacktest, HO_GAMMA, yearsOf } from '../../../src/core/forecast/date-covariate.js';
import { nearestScore, plainSigmoid } from '../../../src/core/forecast/observational.js';
import { backtestTables, defaultBacktest, LARGEST, RECENT_FROM } from '../../../scripts/backtest-default.js';

const result = defaultBacktest();
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('the back-test of the default forecast', () => {
  // The must-hold of issue 12: the 80% intervals cover 70–92% of the held-out models' scores.
  it.each(['recent', 'largest'])('its 80 percent intervals cover 70 to 92 percent of the %s models\' scores', async (name) => {
    const { holdout } = (await result).splits.find((s) => s.name === name)!;
    expect(holdout.pooled.forecast.n).toBeGreaterThan(100);
    expect(holdout.pooled.forecast.coverage).toBeGreaterThanOrEqual(0.7);
    expect(holdout.pooled.forecast.coverage).toBeLessThanOrEqual(0.92);
    // Better than persistence on both.
    expect(holdout.pooled.forecast.mae).toBeLessThan(holdout.pooled.persistence.mae);
  });

  it('holds out the models released in 2024, and separately the 14 of most compute', async () => {
    const { models, splits } = await result;
    const held = (name: string) => new Set(splits.find((s) => s.name === name)!.holdout.scores.map((s) => s.run));
    const recent = held('recent');
    expect([...recent].sort()).toEqual(models.filter((m) => (m.released ?? '') >= RECENT_FROM).map((m) => m.model).sort());
    const largest = held('largest');
    expect(largest.size).toBe(LARGEST);
    const fittedMax = Math.max(...models.filter((m) => !largest.has(m.model)).map((m) => m.compute));
    expect(models.filter((m) => largest.has(m.model)).every((m) => m.compute >= fittedMax)).toBe(true);
  });

  // The README's conclusion: the release date as a covariate does not help, whichever γ.
  it('finds that the release date makes the recent models\' forecasts worse', async () => {
    const { pooled } = (await result).covariate;
    const plain = pooled['all models, no date'].mae;
    for (const variant of ['dated models, γ of Ho et al.', 'dated models, one γ fitted', 'dated models, γ fitted per task'] as const) expect(pooled[variant].mae).toBeGreaterThan(plain);
  });

  it('is the README\'s tables (npm run backtest-default)', async () => {
    const tables = backtestTables(await result);
    expect(tables).toHaveLength(4);
    for (const table of tables) expect(readme).toContain(table);
  });
});

describe('its pieces', () => {
  it('persistence: the score of the model nearest in log compute, ties averaged', () => {
    const points = [{ compute: 1e21, score: 0.3 }, { compute: 1e23, score: 0.6 }, { compute: 1e23, score: 0.5 }];
    expect(nearestScore(points, 2e22)).toBeCloseTo(0.55, 15);
    expect(nearestScore(points, 5e21)).toBe(0.3);
  });

  // Scores on an exact sigmoid (floor 0.25, ceiling 1, x0 = 22, k = 1.5) with ±0.02 alternating: the
  // plain fit recovers the curve to about the noise, and its interval is ±1.2816·RMSE (Φ⁻¹(0.9)).
  it('the plain sigmoid: ceiling 1, the in-sample interval', () => {
    const points = Array.from({ length: 20 }, (_, i) => {
      const x = 20 + (i * 5) / 19;
      return { run: `m${i}`, params: 1, tokens: 1, compute: 10 ** x, score: 0.25 + 0.75 / (1 + Math.exp(-1.5 * (x - 22))) + (i % 2 === 0 ? 0.02 : -0.02) };
    });
    const at = plainSigmoid(points, 0.25, 0.8)(1e22);
    expect(at.forecast).toBeCloseTo(0.625, 1);
    expect((at.upper - at.lower) / 2 / 1.2815515655446004).toBeCloseTo(0.02, 2);
    expect(() => plainSigmoid(points, 0.25, 0.9)).toThrow(RangeError);
  });

  it('release dates in years, and the halving time of Ho et al. in decades per year', () => {
    expect(yearsOf('2024-07-02')).toBe(2024.5);
    expect(yearsOf('2023-01-01')).toBe(2023);
    expect(HO_GAMMA).toBeCloseTo(Math.log10(2) * 1.5, 15);
    expect(() => yearsOf('July 2024')).toThrow(RangeError);
  });

  // Scores made from the covariate itself (γ = 0.5 exactly): the fitted γ is 0.5 and the dated forecast exact.
  it('the date covariate recovers a known shift', () => {
    const dates = new Map<string, number>();
    const points = Array.from({ length: 24 }, (_, i) => {
      const year = 2020 + (i % 4);
      const x = 20 + i / 5;
      dates.set(`m${i}`, year);
      return { run: `m${i}`, params: 1, tokens: 1, compute: 10 ** x, score: 0.25 + 0.6 / (1 + Math.exp(-(x + 0.5 * (year - 2023) - 22))) };
    });
    const held = new Set(['m20', 'm21', 'm22', 'm23']);
    const b = dateCovariateBacktest([{ id: 't', baseline: 0.25, points }], (run) => dates.get(run), held);
    expect(b.sharedGamma).toBe(0.5);
    expect(b.pooled['dated models, one γ fitted'].mae).toBeLessThan(1e-3);
    expect(b.pooled['all models, no date'].mae).toBeGreaterThan(0.01);
  });
});
